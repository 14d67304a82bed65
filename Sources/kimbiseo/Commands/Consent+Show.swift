import ArgumentParser
import Store

/// `kimbiseo consent show ID [--json]`
struct ConsentShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a customer's consent marks and their history.",
        discussion: """
            Output: the three marks (구분 날짜 출처), then the history, oldest first. With
            --json one document:
            {"customer":"12","ledger":{"adConsent":{"date":"2026-03-01","source":"매장"}},
            "history":[{"action":"set","date":"2026-03-01","kind":"ad",…}]}

            Example: kimbiseo consent show C000012
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The customer's number or 고객번호.", valueName: "ID|CODE"))
    var customer: String

    @Flag(name: .long, help: "Print one JSON document.")
    var json = false

    private struct Output: Encodable {
        var customer: String
        var ledger: ConsentLedger
        var history: [ConsentEvent]
    }

    func run() async throws {
        let (_, store) = try global.openStore()
        let (ledger, history) = try storeCall {
            (try store.consent(idOrCode: customer), try store.consentHistory(idOrCode: customer))
        }
        if json {
            print(try CustomerOutput.json(value: Output(customer: customer, ledger: ledger, history: history)))
            return
        }
        print(Self.table(ledger))
        guard !history.isEmpty else { return }
        print("")
        var table = TextTable(["기록시각(UTC)", "구분", "변경", "날짜", "출처"])
        for e in history {
            table.append([e.recordedAt, e.kind.korean, e.action == "set" ? "설정" : "해제", e.date ?? "", e.source ?? ""])
        }
        print(table.render())
    }

    /// The three marks as a table.
    static func table(_ ledger: ConsentLedger) -> String {
        var table = TextTable(["구분", "날짜", "출처"])
        for kind in ConsentKind.allCases {
            let mark = ledger[kind]
            table.append([kind.korean, mark?.date ?? "-", mark?.source ?? ""])
        }
        return table.render()
    }
}
