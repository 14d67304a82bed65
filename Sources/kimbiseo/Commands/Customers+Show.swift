import ArgumentParser
import Store

/// `kimbiseo customers show ID|CODE [--json]`
struct CustomersShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "고객카드: show everything about one customer.",
        discussion: """
            Prints every field that has a value, family, schools, assets, the consent
            marks and whether there is an image. With --json: one JSON document (phones
            as digits; the image as {"mediaType","byteCount"}; get its bytes with
            `customers image get`).

            Examples:
              kimbiseo customers show 12
              kimbiseo customers show C000012 --json
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The customer's number or 고객번호.", valueName: "ID|CODE"))
    var customer: String

    @Flag(name: .long, help: "Print one JSON document.")
    var json = false

    func run() async throws {
        let (_, store) = try global.openStore()
        guard let card = try storeCall({ try store.card(idOrCode: customer) }) else {
            throw StoreError.customerNotFound(customer).cliError
        }
        print(json ? try CustomerOutput.json(card) : CustomerOutput.page(card))
    }
}
