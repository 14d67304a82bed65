import ArgumentParser
import Foundation
import Store

/// `kimbiseo consent set ID --ad DATE|--night DATE|--opt-out DATE [--source TEXT] [--clear KIND]`
struct ConsentSetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set or clear consent marks of one customer.",
        discussion: """
            DATE is YYYY-MM-DD (also YYYY.MM.DD, YYYYMMDD) or `today` (Asia/Seoul).
            --source applies to every mark set by this command. --clear ad|night|opt-out
            removes a mark (repeatable). Prints the ledger afterwards.

            Example: kimbiseo consent set 12 --ad 2026-03-01 --night 2026-03-01 --source
            매장
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The customer's number or 고객번호.", valueName: "ID|CODE"))
    var customer: String

    @Option(name: .long, help: ArgumentHelp("광고수신동의 date.", valueName: "DATE"))
    var ad: String?

    @Option(name: .long, help: ArgumentHelp("야간광고수신동의 date.", valueName: "DATE"))
    var night: String?

    @Option(name: .long, help: ArgumentHelp("수신거부 date.", valueName: "DATE"))
    var optOut: String?

    @Option(name: .long, help: ArgumentHelp("Where the consent came from (e.g. 매장 동의서, 080 수신거부).", valueName: "TEXT"))
    var source: String?

    @Option(name: .long, help: ArgumentHelp("Remove a mark: ad, night or opt-out (repeatable).", valueName: "KIND"))
    var clear: [String] = []

    func validate() throws {
        if ad == nil && night == nil && optOut == nil && clear.isEmpty {
            throw ValidationError("give at least one of --ad, --night, --opt-out or --clear")
        }
    }

    func run() async throws {
        var changes: [(ConsentKind, ConsentMark?)] = []
        for (kind, text) in [(ConsentKind.ad, ad), (.night, night), (.optOut, optOut)] {
            if let text { changes.append((kind, ConsentMark(date: try Self.date(text, kind: kind), source: source))) }
        }
        for name in clear {
            guard let kind = ConsentKind(rawValue: name) else {
                throw CLIError("--clear: '\(name)' is not ad, night or opt-out")
            }
            changes.append((kind, nil))
        }
        let (_, store) = try global.openStore()
        var ledger = ConsentLedger()
        for (kind, mark) in changes {
            ledger = try storeCall { try store.setConsent(kind, mark, idOrCode: customer) }
        }
        print(ConsentShowCommand.table(ledger))
    }

    /// `YYYY-MM-DD` from the accepted forms.
    static func date(_ text: String, kind: ConsentKind) throws -> String {
        if text.lowercased() == "today" || text == "오늘" {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "Asia/Seoul") ?? .gmt
            let c = calendar.dateComponents([.year, .month, .day], from: Date())
            return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
        }
        guard let (year, month, day) = FieldText.date(text), let year,
              AnniversaryDate(calendar: .solar, year: year, month: month, day: day).isValid
        else {
            throw CLIError("--\(kind.rawValue): '\(text)' is not a date (YYYY-MM-DD or today)")
        }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
