import ArgumentParser
import Foundation
import Interchange
import Store

/// `kimbiseo customers export [--format csv|xlsx|vcf] [--group G]… [--grade R]… [-o FILE]`
struct CustomersExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "고객 내보내기: export customers as CSV, Excel (XLSX) or vCard.",
        discussion: """
            Writes every customer, or those in the given groups and grades, with the
            canonical headers (`kimbiseo customers template`). The file imports back
            unchanged. CSV is UTF-8 with a byte-order mark so that Korean Excel opens it
            (--encoding cp949 for older programs); vCard 3.0 includes photos. Without -o
            the file goes to standard output (XLSX only when standard output is not a
            terminal).

            Examples:
              kimbiseo customers export -o 고객.xlsx
              kimbiseo customers export --group VIP고객 --format vcf -o vip.vcf
              kimbiseo customers export --grade 골드 > gold.csv
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "csv, xlsx or vcf (default: from the -o file's extension; CSV otherwise).")
    var format: CustomerFileFormat?

    @Option(name: .customLong("group"), help: ArgumentHelp("Only customers in this group (repeatable).", valueName: "G"))
    var groups: [String] = []

    @Option(name: .customLong("grade"), help: ArgumentHelp("Only customers of this grade (repeatable).", valueName: "R"))
    var grades: [String] = []

    @Option(name: .long, help: "CSV text encoding: utf8 (with BOM) or cp949.")
    var encoding: CSVWriter.Encoding = .utf8

    @Option(name: [.short, .long], help: ArgumentHelp("The file to write (default: standard output).", valueName: "FILE"))
    var output: String?

    func run() async throws {
        let given = format
        let format = output.map { CustomerFileFormat(path: $0, given: given) } ?? given ?? .csv
        let (_, store) = try global.openStore()
        let cards = try store.cards(groups: groups, grades: grades, includeImages: format == .vcf)
        let data: Data
        do {
            data = try CustomerFile.data(cards, format: format, csvEncoding: encoding)
        } catch let error as CSVWriter.EncodingError {
            throw CLIError("customer \(error.row - 1) has text CP949 cannot hold; export as UTF-8 instead")
        }
        try CustomersOutput.write(data, to: output, binary: format == .xlsx)
        if output != nil {
            CustomersOutput.note("\(cards.count) customer\(cards.count == 1 ? "" : "s") written to \(output ?? "")")
        }
    }
}

/// Where the `customers` file commands write: the file to a path or standard output, notes
/// (counts, progress, problems) unbuffered to standard error.
enum CustomersOutput {
    static func note(_ text: String, newline: Bool = true) {
        FileHandle.standardError.write(Data((newline ? text + "\n" : text).utf8))
    }

    static func write(_ data: Data, to path: String?, binary: Bool) throws {
        guard let path, path != "-" else {
            if binary && isatty(STDOUT_FILENO) == 1 {
                throw CLIError("an XLSX file is binary: give -o FILE or redirect standard output")
            }
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CLIError("\(path): cannot write: \(error.localizedDescription)")
        }
    }
}

extension CSVWriter.Encoding: ExpressibleByArgument {}
