import ArgumentParser
import Store

/// `kimbiseo customers list [--group G]... [--grade R]... [--search TEXT] [--json]`
struct CustomersListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "고객목록: list customers, optionally by group, grade or a search text.",
        discussion: """
            Several --group (or --grade) options select customers in any of them;
            --group and --grade together select customers in both. --search looks in 성명,
            별명, 고객번호, 이메일, 메모, 직장명 and, when it is a number, in phone numbers.

            Output: a table (번호 고객번호 성명 휴대폰 그룹 등급 생일 VIP) and a count line on
            standard error. With --json: one JSON object per customer per line (JSON
            Lines), phones as digits, e.g.
            {"code":"C000001","group":"거래처","id":1,"mobile":"01012345678",…}

            Examples:
              kimbiseo customers list --grade VIP --grade 골드
              kimbiseo customers list --search 1234-5678 --json
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("Only customers of this group (repeatable).", valueName: "G"))
    var group: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only customers of this grade (repeatable).", valueName: "R"))
    var grade: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only customers whose name, code, memo … contain this text.", valueName: "TEXT"))
    var search: String?

    @Flag(name: .long, help: "One JSON object per customer per line.")
    var json = false

    func run() async throws {
        let (_, store) = try global.openStore()
        let filter = CustomerFilter(groups: group, grades: grade, search: search)
        try storeCall { try store.requireKnownCategories(filter) }
        if json {
            try storeCall {
                try store.forEachCard(filter) { print(try CustomerOutput.json($0)) }
            }
            return
        }
        let cards = try storeCall { try store.cards(groups: group, grades: grade, search: search) }
        if !cards.isEmpty { print(CustomerOutput.table(cards)) }
        CustomersOutput.note("고객 \(cards.count)명")
    }
}
