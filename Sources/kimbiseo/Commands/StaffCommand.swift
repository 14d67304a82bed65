import ArgumentParser

/// `kimbiseo staff add|list|edit|delete` — 직원 (who gets the reminder digests).
struct StaffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "직원: the staff who get the daily anniversary digest by email.",
        discussion: """
            Every active staff member with an email gets one digest a day at reminders.email_at.
            Examples:
              kimbiseo staff add --name 홍길동 --email hong@example.kr --phone 010-1234-5678
              kimbiseo staff list
              kimbiseo staff edit 1 --inactive
              kimbiseo staff delete 1
            """,
        subcommands: [StaffAddCommand.self, StaffListCommand.self, StaffEditCommand.self, StaffDeleteCommand.self])
}
