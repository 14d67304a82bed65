import ArgumentParser
import Store

/// `kimbiseo customers edit ID|CODE --field value …`
struct CustomersEditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "고객수정: change fields of one customer.",
        discussion: """
            Only the fields given change. An empty value clears a field (--email ""),
            and so do --clear-family, --clear-schools and --clear-assets for the lists;
            --family, --school and --asset replace their whole list. Consent marks are
            changed with `kimbiseo consent set`, the image with `kimbiseo customers
            image`.

            Prints the changed card (with --json: one JSON document).

            Examples:
              kimbiseo customers edit 12 --grade 골드 --mobile 010-2222-3333
              kimbiseo customers edit C000012 --birthday-calendar 음력 --memo ""
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The customer's number or 고객번호.", valueName: "ID|CODE"))
    var customer: String

    @OptionGroup var fields: CustomerFieldOptions

    @Flag(name: .long, help: "Remove all family members.")
    var clearFamily = false
    @Flag(name: .long, help: "Remove all schools.")
    var clearSchools = false
    @Flag(name: .long, help: "Remove all assets.")
    var clearAssets = false

    @Flag(name: .long, help: "Print the changed card as one JSON document.")
    var json = false

    func run() async throws {
        let (_, store) = try global.openStore()
        guard let stored = try storeCall({ try store.card(idOrCode: customer) }) else {
            throw StoreError.customerNotFound(customer).cliError
        }
        var card = try fields.apply(to: stored)
        if clearFamily { card.family = [] }
        if clearSchools { card.schools = [] }
        if clearAssets { card.assets = [] }
        card.image = nil  // unchanged: update leaves the stored image alone
        if card == { var s = stored; s.image = nil; return s }() {
            throw CLIError("nothing to change: give at least one field option (see --help)")
        }
        let changeCategories = fields.createCategories
        let updated = try fields.withCategoryHint { try store.update(card, createMissingCategories: changeCategories) }
        print(json ? try CustomerOutput.json(updated) : CustomerOutput.page(updated))
    }
}
