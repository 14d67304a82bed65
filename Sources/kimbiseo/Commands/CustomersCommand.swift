import ArgumentParser

/// `kimbiseo customers …` — the customer store: list, show, add, edit, delete, images,
/// import, export and the import template.
struct CustomersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customers",
        abstract: "고객관리: list, show, add, edit, delete, import and export customers.",
        discussion: """
            A customer is named by its number (the 번호 column of `customers list`) or its
            고객번호 (e.g. C000012). Phone numbers may be typed in any common form
            (010-1234-5678, 01012345678, +82 10-1234-5678); they are stored as digits.

            Examples:
              kimbiseo customers list --group 거래처 --grade VIP
              kimbiseo customers add --name 김철수 --birthday 01-30 --birthday-calendar 음력
              kimbiseo customers edit C000001 --grade 골드 --memo "2월 방문 예정"
              kimbiseo customers delete --group 휴면 --yes
            """,
        subcommands: [
            CustomersListCommand.self, CustomersShowCommand.self, CustomersAddCommand.self,
            CustomersEditCommand.self, CustomersDeleteCommand.self, CustomersImageCommand.self,
            CustomersImportCommand.self, CustomersExportCommand.self, CustomersTemplateCommand.self,
        ]
    )
}
