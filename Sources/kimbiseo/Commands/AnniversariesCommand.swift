import ArgumentParser

/// `kimbiseo anniversaries upcoming|run` — 기념일 문자 (birthday and wedding-anniversary texts).
struct AnniversariesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anniversaries",
        abstract: "기념일 문자: upcoming birthdays and wedding anniversaries, and the daily texts.",
        discussion: """
            Lunar (음력) and leap-month (윤달) dates are converted for the current lunar year with
            anniversaries.leap_policy, day30 and feb29. `kimbiseo serve` queues each day's texts at
            anniversaries.send_at; `run` does one day by hand. Each (customer, kind, date) is
            queued at most once, however often a day is run.
            Examples:
              kimbiseo anniversaries upcoming --days 14
              kimbiseo anniversaries run --date 2026-05-01 --dry-run
            """,
        subcommands: [AnniversariesUpcomingCommand.self, AnniversariesRunCommand.self])
}
