import Anniversaries
import ArgumentParser
import Foundation

/// `kimbiseo reminders send-test --to EMAIL`
struct RemindersSendTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send-test",
        abstract: "Send a sample digest now through the configured mail kind.",
        discussion: """
            Builds today's digest from the store (even when there is nothing to say), subject
            prefixed [테스트], and sends it at once: through SMTP with mail.kind smtp, or as an
            .eml file in mail.spool_dir with spool. Prints the outcome and the server's reply;
            exits non-zero when it was not accepted (a temporary failure is retried by serve).
            Example: kimbiseo reminders send-test --to hong@example.kr
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The address to send the sample to.") var to: String

    func run() async throws {
        let (settings, store) = try global.openStore()
        let service = try anniversaryCall { try AnniversaryService(store: store, settings: settings) }
        let result: (state: String, reply: String?)
        do {
            result = try await service.sendTestDigest(to: to, now: Date())
        } catch let error as AnniversaryError {
            throw CLIError(error.description)
        }
        let reply = result.reply.map { ": \($0)" } ?? ""
        switch result.state {
        case "sent": print("보냄 (\(settings.mail.kind))\(reply)")
        case "pending": throw CLIError("not sent yet, will be retried by kimbiseo serve\(reply)")
        default: throw CLIError("not sent (\(result.state))\(reply)")
        }
    }
}
