import ArgumentParser
import Foundation
import Gateways

/// `kimbiseo gateway balance [--json]`.
struct GatewayBalanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "balance",
        abstract: "Show the gateway account's balance (Solapi: won; Aligo: messages it still buys).",
        discussion: """
            --json prints one document: {"won":9990000,"messages":{}} (Solapi) or
            {"messages":{"SMS":1111111,"LMS":370370,"MMS":166666}} (Aligo).

            Example:
              kimbiseo gateway balance
            """)

    @OptionGroup var global: GlobalOptions
    @Flag(name: .long, help: "Print the balance as one JSON document.") var json = false

    func run() async throws {
        let settings = try global.loadSettings()
        guard settings.sms.gateway.kind != "spool" else {
            throw CLIError("sms.gateway.kind is spool: no balance (nothing is really sent)")
        }
        let gateway: any ClassifyingGateway & GatewayStatusSource
        do {
            gateway = try GatewayFactory.makeClassifying(settings: settings.sms.gateway)
        } catch {
            throw CLIError("\(error)")
        }
        guard let account = gateway as? any GatewayAccount else {
            throw CLIError("the \(gateway.name) gateway has no balance API")
        }
        let balance: GatewayBalance
        do {
            balance = try await account.balance()
        } catch {
            throw CLIError("\(error)")
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(balance), as: UTF8.self))
            return
        }
        if let won = balance.won { print(String(format: "잔액: %.0f원", won)) }
        for (type, count) in balance.messages.sorted(by: { $0.key < $1.key }) { print("\(type) 발송 가능: \(count)건") }
    }
}
