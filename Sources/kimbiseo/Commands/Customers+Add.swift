import ArgumentParser
import Store

/// `kimbiseo customers add --name NAME [--mobile …] [--group …] … [--json]`
struct CustomersAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "고객등록: add one customer.",
        discussion: """
            --name is required; everything else is optional. The new customer gets the
            next free 고객번호 (C000123) unless --code gives one. A group or grade must
            exist (`kimbiseo groups add NAME`) unless --create-categories is given.

            Prints the new customer's card (with --json: one JSON document).

            Examples:
              kimbiseo customers add --name 김철수 --mobile 010-1234-5678 --grade VIP
              kimbiseo customers add --name 이영희 --birthday 01-30 --birthday-calendar 음력 \\
                  --family "배우자:박민수:1979-05-05" --asset "차량:쏘나타:25,000,000"
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var fields: CustomerFieldOptions

    @Flag(name: .long, help: "Print the new card as one JSON document.")
    var json = false

    func validate() throws {
        guard let name = fields.name, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("--name is required")
        }
    }

    func run() async throws {
        let card = try fields.apply(to: CustomerCard(name: ""))
        let (_, store) = try global.openStore()
        let added = try fields.withCategoryHint { try store.add(card, createMissingCategories: fields.createCategories) }
        print(json ? try CustomerOutput.json(added) : CustomerOutput.page(added))
    }
}
