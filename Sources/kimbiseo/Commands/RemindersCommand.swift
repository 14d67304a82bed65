import ArgumentParser

/// `kimbiseo reminders send-test --to EMAIL` — 직원 알림 메일.
struct RemindersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reminders",
        abstract: "직원 알림 메일: the daily anniversary digest to the staff.",
        discussion: """
            `kimbiseo serve` emails every active staff member with an address one digest a day at
            reminders.email_at, through mail.kind (spool: .eml files in mail.spool_dir; smtp).
            Example: kimbiseo reminders send-test --to hong@example.kr
            """,
        subcommands: [RemindersSendTestCommand.self])
}
