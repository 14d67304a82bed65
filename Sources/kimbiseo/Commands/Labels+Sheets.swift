import ArgumentParser
import Foundation
import Labels

extension LabelsCommand {
    /// `kimbiseo labels sheets [--json]`
    struct Sheets: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sheets",
            abstract: "라벨 용지 목록: the label sheets --sheet accepts, with their dimensions.",
            discussion: """
                Built-in: Formtec (한국폼텍) LS-3106, LS-3107, LS-3108, LS-3109,
                LS-3114, LS-3118 and the common Avery A4 (L7160 … L7165) and US Letter
                (5160 … 5163) address sheets. Formtec sizes come from third-party
                preset tables and their margins are a grid centred on A4 (marked
                "centred estimate"): make a test print with --outline and correct with
                --offset-x/--offset-y before a large run.

                Custom sheets come from the YAML file named by labels.sheets_file (or
                --sheets-file); a custom sheet with a built-in name replaces it:
                  sheets:
                    - {name: MY-2x8, paper: A4, label_width: 99.1, label_height: 33.9,
                       columns: 2, rows: 8, left_margin: 4.65, top_margin: 12.9,
                       column_pitch: 101.6, row_pitch: 33.9}

                Lengths are millimetres. With --json each sheet is one JSON object per
                line with the same keys (plus vendor, page_width, page_height,
                corner_radius, notes, margins_estimated).

                Example:
                  kimbiseo labels sheets
                """)

        @OptionGroup var global: GlobalOptions

        @Option(name: .long, help: ArgumentHelp("A YAML file of custom sheets (default: labels.sheets_file).", valueName: "PATH"))
        var sheetsFile: String?

        @Flag(name: .long, help: "One JSON object per sheet.")
        var json = false

        func run() throws {
            let settings = try global.loadSettings()
            let sheets = try LabelSheetsFile.sheets(path: sheetsFile ?? settings.labels.sheetsFile)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                for sheet in sheets {
                    print(String(decoding: try encoder.encode(sheet), as: UTF8.self))
                }
                return
            }
            print("이름        제조사              용지    라벨 (mm)       배열      여백 좌/상 (mm)  간격 가로/세로 (mm)")
            for s in sheets {
                let columns = [
                    pad(s.name, 11), pad(s.vendor, 19), pad(s.paper, 7),
                    pad("\(mm(s.labelWidth))×\(mm(s.labelHeight))", 15),
                    pad("\(s.columns)×\(s.rows)=\(s.labelsPerPage)", 9),
                    pad("\(mm(s.leftMargin))/\(mm(s.topMargin))", 16),
                    pad("\(mm(s.columnPitch))/\(mm(s.rowPitch))", 12),
                    s.marginsEstimated ? "margins: centred estimate" : "",
                ]
                print(columns.joined(separator: " ").trimmingCharacters(in: .whitespaces))
            }
            if sheets.contains(where: \.marginsEstimated) {
                print("centred estimate: Formtec margins are not the maker's; test-print with --outline first.")
            }
        }

        private func mm(_ value: Double) -> String {
            value == value.rounded() ? String(Int(value)) : String(format: "%g", value)
        }

        /// Pads to a display width, counting Hangul and other wide characters as two columns.
        private func pad(_ text: String, _ width: Int) -> String {
            let shown = text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 && $1.properties.isAlphabetic ? 2 : 1) }
            return text + String(repeating: " ", count: max(0, width - shown))
        }
    }
}
