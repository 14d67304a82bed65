import ArgumentParser
import Foundation
import Interchange
import Store

/// `kimbiseo customers import FILE [--format csv|xlsx|vcf] [--dry-run] [--on-duplicate …]
/// [--ignore-unknown] [--sheet NAME] [--json]`
struct CustomersImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "고객 가져오기: import customers from CSV, Excel (XLSX) or vCard, all or nothing.",
        discussion: """
            Columns are matched by header, Korean or English, in any order (see
            `kimbiseo customers template`). CSV may be UTF-8 (with or without BOM) or
            CP949/EUC-KR as Korean Excel saves it; the encoding is detected. XLSX: the
            first sheet or --sheet NAME; date cells are read as dates. vCard 3.0/4.0
            (phone-book export): FN/N, TEL, EMAIL, ORG, TITLE, ADR, BDAY, NOTE, PHOTO.

            Every problem is printed on standard error, one line each, as
            FILE:ROW:COLUMN: message — e.g. `customers.csv:17:휴대폰: '010-12-345' is not a
            phone number` — and then nothing is imported (exit status 1). Groups and
            grades named in the file are created when missing. A card matches an
            existing customer by 고객번호, or else by 성명 + 휴대폰; --on-duplicate says what
            happens then (default: skip).

            The file is read while the store is written, in one transaction; files of 1 MB or
            more show how many customers were imported so far on standard error.

            With --json the result is one JSON object on standard output:
            {"file":"…","format":"csv","dryRun":false,"added":40,"updated":0,"skipped":0,
             "skippedDetails":[],"createdGroups":["VIP고객"],"createdGrades":[]}

            Examples:
              kimbiseo customers import examples/customers.csv
              kimbiseo customers import 고객.xlsx --sheet 고객목록 --dry-run
              kimbiseo customers import contacts.vcf --on-duplicate update
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The file to import.", valueName: "FILE"))
    var file: String

    @Option(name: .long, help: "The file's format (default: from its extension; CSV otherwise).")
    var format: CustomerFileFormat?

    @Flag(name: .long, help: "Check the file and report what would happen, without changing the store.")
    var dryRun = false

    @Option(
        name: .long,
        help: ArgumentHelp("What to do with a customer that already exists: skip (default), update or error.",
                           valueName: "skip|update|error"),
        transform: { text in
            guard let policy = DuplicatePolicy(rawValue: text) else {
                throw ValidationError("--on-duplicate must be skip, update or error, not '\(text)'")
            }
            return policy
        })
    var onDuplicate: DuplicatePolicy = .skip

    @Flag(name: .long, help: "Skip columns with unknown headers instead of refusing the file.")
    var ignoreUnknown = false

    @Option(name: .long, help: ArgumentHelp("The XLSX worksheet to read (default: the first).", valueName: "NAME"))
    var sheet: String?

    @Flag(name: .long, help: "Print the result as one JSON object.")
    var json = false

    func run() async throws {
        let options = ImportOptions(ignoreUnknown: ignoreUnknown, sheet: sheet)
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        let (_, store) = try global.openStore()
        let showsProgress = size >= Progress.largeFileBytes
        if showsProgress { CustomersOutput.note("importing \(file)…") }
        let summary: ImportSummary
        do {
            defer { if showsProgress { Progress.end() } }
            summary = try store.importFile(
                path: file, format: format, onDuplicate: onDuplicate, dryRun: dryRun, options: options,
                progress: showsProgress ? Progress.report : nil)
        } catch let error as ImportError {
            for problem in error.problems { CustomersOutput.note(problem.description) }
            let count = error.problems.count
            CustomersOutput.note("\(count) problem\(count == 1 ? "" : "s"); nothing was imported")
            throw ExitCode.failure
        } catch {
            CustomersOutput.note("\(error)")
            CustomersOutput.note("nothing was imported")
            throw ExitCode.failure
        }
        print(json ? jsonText(summary) : text(summary), terminator: "")
    }

    private var formatName: String {
        CustomerFileFormat(path: file, given: format).rawValue
    }

    private func text(_ summary: ImportSummary) -> String {
        var out = "\(file): \(summary.added) added, \(summary.updated) updated, \(summary.skipped) skipped"
        out += dryRun ? " (dry run: the store was not changed)\n" : "\n"
        for line in summary.skippedDetails { out += "skipped \(line)\n" }
        if !summary.createdGroups.isEmpty { out += "new groups: \(summary.createdGroups.joined(separator: ", "))\n" }
        if !summary.createdGrades.isEmpty { out += "new grades: \(summary.createdGrades.joined(separator: ", "))\n" }
        return out
    }

    private func jsonText(_ summary: ImportSummary) -> String {
        struct Output: Encodable {
            var file: String, format: String, dryRun: Bool
            var added: Int, updated: Int, skipped: Int
            var skippedDetails: [String], createdGroups: [String], createdGrades: [String]
        }
        let output = Output(
            file: file, format: formatName, dryRun: dryRun, added: summary.added, updated: summary.updated,
            skipped: summary.skipped, skippedDetails: summary.skippedDetails,
            createdGroups: summary.createdGroups, createdGrades: summary.createdGrades)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(output)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

extension CustomersImportCommand {
    /// Progress of a large import on standard error: how many cards were read and applied so
    /// far (the file is read and written at the same time, so the total is known only at the
    /// end), a line rewritten in place on a terminal, otherwise a line every 25,000 cards.
    enum Progress {
        /// Files this large show progress.
        static let largeFileBytes = 1_000_000
        /// Without a terminal, one line per this many cards.
        static let lineEvery = 25_000

        @Sendable static func report(done: Int) {
            if isatty(STDERR_FILENO) == 1 {
                CustomersOutput.note("\rimporting: \(done) customers", newline: false)
            } else if done % lineEvery == 0 {
                CustomersOutput.note("importing: \(done) customers")
            }
        }

        /// Ends the line rewritten in place.
        static func end() {
            if isatty(STDERR_FILENO) == 1 { CustomersOutput.note("") }
        }
    }
}

extension CustomerFileFormat: ExpressibleByArgument {}
