import ArgumentParser
import Foundation
import Gateways

/// `kimbiseo gateway check [--json]`.
struct GatewayCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Pre-flight: reachable, credentials valid, sender number, balance against pending messages.",
        discussion: """
            Asks the gateway for the account balance (which proves it is reachable and the
            credentials are accepted), checks that sms.sender is set and was not refused as
            unregistered, and compares the balance with the cost of every pending or held message
            at sms.gateway.price_sms / price_lms. Exits 1 when any item fails.

            --json prints one document:
              {"gateway":"solapi","ok":true,"items":[{"name":"reachable","ok":true,"detail":"…"},…],
               "pendingSMS":120,"pendingLMS":3,"pendingCost":2550,"balance":{"won":9990000,"messages":{}}}

            Example:
              kimbiseo gateway check --json
            """)

    @OptionGroup var global: GlobalOptions
    @Flag(name: .long, help: "Print the result as one JSON document.") var json = false

    func run() async throws {
        let (settings, store) = try global.openStore()
        let report = await GatewayCheck(settings: settings.sms, store: store).run()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print("게이트웨이 \(report.gateway): \(report.ok ? "정상" : "문제 있음")")
            for item in report.items {
                print("  \(item.ok ? "✓" : "✗") \(item.name): \(item.detail)")
            }
        }
        if !report.ok { throw ExitCode(1) }
    }
}
