import ArgumentParser

/// `kimbiseo calendar` — the Korean calendar: lunar↔solar conversion, anniversaries,
/// the 24 solar terms, public holidays and a wall-calendar month view.
struct CalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "음력/양력 변환, 기념일, 24절기, 공휴일 — the Korean calendar.",
        discussion: """
            Lunar dates follow the calendar published by KASI (한국천문연구원) for lunar
            1000-01-01 … 2050-11-18 (solar 1000-02-13 … 2050-12-31).

            Examples:
              kimbiseo calendar to-solar 2025-01-01            → 2025-01-29
              kimbiseo calendar to-lunar 2023-03-22            → 2023-02-01 leap
              kimbiseo calendar anniversary --lunar 11-25 --year 1991
              kimbiseo calendar terms 2025
              kimbiseo calendar holidays 2025 --json
              kimbiseo calendar month 2025-10
            """,
        subcommands: [ToSolar.self, ToLunar.self, Anniversary.self, Terms.self, Holidays.self, Month.self]
    )
}
