import ArgumentParser
import Store

/// `kimbiseo customers delete ID|CODE` and 고객일괄삭제 `delete --all | --group G | --grade R --yes`
struct CustomersDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "고객삭제 / 고객일괄삭제: delete one customer, or all, a group's or a grade's customers.",
        discussion: """
            One customer: give its number or 고객번호. Bulk (고객일괄삭제): --all, --group G or
            --grade R; without --yes it only prints how many customers would be deleted
            and exits with status 1. Family, schools, assets, image and consent history
            go with each customer; the groups and grades themselves stay.

            Output: `삭제: 12명` (with --json: {"deleted":12}).

            Examples:
              kimbiseo customers delete C000012
              kimbiseo customers delete --group 휴면          # shows the count
              kimbiseo customers delete --group 휴면 --yes
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The customer's number or 고객번호.", valueName: "ID|CODE"))
    var customer: String?

    @Flag(name: .long, help: "Delete every customer.")
    var all = false

    @Option(name: .long, help: ArgumentHelp("Delete every customer of this group.", valueName: "G"))
    var group: String?

    @Option(name: .long, help: ArgumentHelp("Delete every customer of this grade.", valueName: "R"))
    var grade: String?

    @Flag(name: .long, help: "Confirm a bulk delete.")
    var yes = false

    @Flag(name: .long, help: "Print {\"deleted\":N}.")
    var json = false

    func validate() throws {
        let chosen = [customer != nil, all, group != nil, grade != nil].filter { $0 }.count
        guard chosen == 1 else {
            throw ValidationError("give exactly one of ID|CODE, --all, --group G or --grade R")
        }
    }

    func run() async throws {
        let (_, store) = try global.openStore()
        if let customer {
            let card = try storeCall { try store.delete(idOrCode: customer) }
            report(1, detail: "#\(card.id ?? 0) \(card.code ?? "") \(card.name)")
            return
        }
        let filter = CustomerFilter(groups: group.map { [$0] } ?? [], grades: grade.map { [$0] } ?? [])
        let scope = all ? "전체 고객" : group.map { "그룹 '\($0)'의 고객" } ?? "등급 '\(grade ?? "")'의 고객"
        guard yes else {
            let count = try storeCall { () throws -> Int in
                try store.requireKnownCategories(filter)
                return try store.count(filter)
            }
            throw CLIError("\(scope) \(count)명이 삭제됩니다 (\(count) customer(s) would be deleted); add --yes to confirm")
        }
        let deleted = try storeCall { () throws -> Int in
            if all { return try store.deleteAll() }
            if let group { return try store.deleteCustomers(inGroup: group) }
            return try store.deleteCustomers(inGrade: grade ?? "")
        }
        report(deleted, detail: scope)
    }

    private func report(_ count: Int, detail: String) {
        print(json ? "{\"deleted\":\(count)}" : "삭제: \(count)명 (\(detail))")
    }
}
