import ArgumentParser
import Foundation
import Labels
import Store

extension LabelsCommand {
    /// `kimbiseo labels (--all | --group G… | --grade R… | --customer ID…) --sheet NAME -o FILE.pdf …`
    struct Print: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "print",
            abstract: "라벨 인쇄: the chosen customers' address labels as a PDF (default).",
            discussion: """
                Choose customers with --all, or --group and/or --grade (both given:
                in one of the groups AND one of the grades), or --customer with row ids
                or 고객번호. --address auto (default) uses the home address, else the
                work address with company and department on their own line; customers
                with neither are listed and skipped. Organisations (names with (주),
                주식회사, 협회 …) get 귀중.

                A line too wide shrinks on its own down to the minimum size, then wraps
                at a space (preferably before "("); a label that still does not fit is
                skipped and listed, never clipped. Characters the font lacks are left
                out and listed per customer.

                Prints how many labels went on how many pages, then who was skipped and
                why. With --json the result is one JSON object:
                  {"pdf":"dm.pdf","sheet":"LS-3108","selected":120,"labels":118,
                   "pages":9,"preview":null,
                   "skipped":[{"key":"C00012","name":"홍길동","reason":"…"}],
                   "warnings":[…]}
                Progress goes to standard error: a counter on a terminal, otherwise a
                line per 10,000 labels.

                Examples:
                  kimbiseo labels --group 거래처 --sheet LS-3108 -o dm.pdf
                  kimbiseo labels --grade VIP 골드 --sheet LS-3107 --sort postcode \\
                      --honorific 귀하 -o vip.pdf
                  kimbiseo labels --customer C00012 1043 --sheet L7163 --start-at 9 \\
                      -o two.pdf
                  kimbiseo labels --all --sheet LS-3108 --outline --offset-x -0.5 \\
                      --preview p1.png -o test.pdf
                """)

        @OptionGroup var global: GlobalOptions

        @Flag(name: .long, help: "Every customer.")
        var all = false

        @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Customers in these groups.", valueName: "GROUP"))
        var group: [String] = []

        @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Customers with these grades.", valueName: "GRADE"))
        var grade: [String] = []

        @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("These customers (row id or 고객번호).", valueName: "ID"))
        var customer: [String] = []

        @Option(name: .long, help: ArgumentHelp("The label sheet (see `kimbiseo labels sheets`), e.g. LS-3108.", valueName: "NAME"))
        var sheet: String

        @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The PDF to write.", valueName: "FILE.pdf"))
        var output: String

        @Option(name: .long, help: ArgumentHelp("home, work or auto (home, else work).", valueName: "KIND"))
        var address: LabelAddressChoice = .auto

        @Option(name: .long, help: ArgumentHelp("님, 귀하, 고객님 or none (organisations get 귀중).", valueName: "WORD"))
        var honorific: Honorific = .nim

        @Option(name: .long, help: ArgumentHelp("postcode, name or none (store order).", valueName: "ORDER"))
        var sort: LabelSortOrder = .postcode

        @Option(name: .long, help: ArgumentHelp("Begin on this label of the first sheet (1 = top-left).", valueName: "N"))
        var startAt = 1

        // .unconditional: `--offset-x -1.5` takes the negative number as the value.
        @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Move everything right (negative: left), for printer calibration.", valueName: "MM"))
        var offsetX = 0.0

        @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Move everything down (negative: up), for printer calibration.", valueName: "MM"))
        var offsetY = 0.0

        @Flag(name: .long, help: ArgumentHelp(
            "Also print the customer code and group/grade small on each label (for in-house use).",
            discussion: "Off by default: stickers go to the customers and carry no internal data."))
        var keyLine = false

        @Flag(name: .long, help: "Draw the label edges (for a test print on plain paper).")
        var outline = false

        @Option(name: .long, help: ArgumentHelp("Also render the first page to this PNG (100 dpi).", valueName: "FILE.png"))
        var preview: String?

        @Option(name: .long, help: ArgumentHelp("The TrueType font (default: labels.font_file, fonts/font-paths.txt, system NanumGothic).", valueName: "PATH"))
        var font: String?

        @Option(name: .long, help: ArgumentHelp("Never print smaller than this (default: labels.min_font_size, 9).", valueName: "PT"))
        var minFontSize: Double?

        @Option(name: .long, help: ArgumentHelp("A YAML file of custom sheets (default: labels.sheets_file).", valueName: "PATH"))
        var sheetsFile: String?

        @Flag(name: .long, help: "Print the result as one JSON object.")
        var json = false

        func validate() throws {
            let chosen = !group.isEmpty || !grade.isEmpty || !customer.isEmpty
            if all && chosen { throw ValidationError("--all cannot be combined with --group, --grade or --customer") }
            if !all && !chosen { throw ValidationError("choose customers: --all, --group, --grade or --customer") }
            if !customer.isEmpty && (!group.isEmpty || !grade.isEmpty) {
                throw ValidationError("--customer cannot be combined with --group or --grade")
            }
            if startAt < 1 { throw ValidationError("--start-at counts from 1") }
        }

        func run() throws {
            let settings = try global.loadSettings()
            let sheets = try LabelSheetsFile.sheets(path: sheetsFile ?? settings.labels.sheetsFile)
            guard let sheet = LabelSheet.find(self.sheet, in: sheets) else {
                throw CLIError("unknown sheet '\(self.sheet)': see kimbiseo labels sheets")
            }
            var layout = LabelLayoutOptions()
            layout.honorific = honorific
            layout.fontSize = settings.labels.fontSize
            layout.minFontSize = minFontSize ?? settings.labels.minFontSize
            var render = LabelRenderOptions()
            render.startAt = startAt
            render.offsetX = offsetX
            render.offsetY = offsetY
            render.outline = outline
            render.previewPath = preview

            let (_, store) = try global.openStore()
            let filter = try CustomerFilter(
                groups: group.map(\.precomposedStringWithCanonicalMapping),
                grades: grade.map(\.precomposedStringWithCanonicalMapping),
                ids: customer.isEmpty ? nil : customerIDs(in: store))
            try storeCall { try store.requireKnownCategories(filter) }

            let fontPath: String
            do { fontPath = try FontLocator.locate(configured: font ?? settings.labels.fontFile) } catch {
                throw CLIError(error.description)
            }
            let run = LabelRun(
                filter: filter, address: address, sort: sort, output: output, sheet: sheet,
                fontPath: fontPath, layout: layout, render: render, keyLine: keyLine)
            var progress = LabelProgress()
            let outcome: LabelRun.Outcome
            do {
                outcome = try run.perform(store: store) { progress.tick() }
            } catch let error as LabelsError {
                throw CLIError(error.description)
            }
            progress.done()
            let (summary, selected) = (outcome.summary, outcome.selected)
            let report = LabelReport(summary: summary, sheet: sheet, selected: selected)
            guard summary.labels > 0 else {
                if selected > 0 { report.printSkipped() }
                throw CLIError(selected == 0 ? "no customer matches the selection" : "no label printed: all \(selected) customers skipped")
            }
            if json { report.printJSON() } else { report.printText() }
        }

        /// Row ids for `--customer` values (ids or 고객번호).
        private func customerIDs(in store: KimbiseoStore) throws -> [Int64] {
            try customer.map { key in
                guard let id = try store.customerID(idOrCode: key) else { throw CLIError("no customer '\(key)'") }
                return id
            }
        }
    }
}
