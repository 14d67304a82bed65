import ArgumentParser
import Foundation
import Interchange

/// `kimbiseo customers template [--format csv|xlsx] [-o FILE]`
struct CustomersTemplateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "고객 양식: an empty customer file with the canonical headers and one example row.",
        discussion: """
            The headers are the ones import and export use:
            \(CustomerColumn.headers.joined(separator: " ")) (English aliases:
            \(CustomerColumn.allCases.map(\.english).joined(separator: " "))). Dates:
            YYYY-MM-DD (also YYYY.MM.DD, YYYY/MM/DD, YYYYMMDD) or MM-DD without a year;
            생일구분/결혼기념일구분: 양력, 음력 or 윤달; VIP: Y/N; consent columns: Y/N or the date
            given. Delete the example row before importing your own.

            Examples:
              kimbiseo customers template -o 고객양식.csv
              kimbiseo customers template --format xlsx -o 고객양식.xlsx
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, xlsx
    }

    /// Accepted like every command's (this one reads neither the store nor the settings).
    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "csv or xlsx (default: from the -o file's extension; CSV otherwise).")
    var format: Format?

    @Option(name: [.short, .long], help: ArgumentHelp("The file to write (default: standard output).", valueName: "FILE"))
    var output: String?

    func run() async throws {
        let format = format ?? output.flatMap { Format(rawValue: URL(fileURLWithPath: $0).pathExtension.lowercased()) } ?? .csv
        let data = try CustomerFile.template(format: format == .xlsx ? .xlsx : .csv)
        try CustomersOutput.write(data, to: output, binary: format == .xlsx)
    }
}
