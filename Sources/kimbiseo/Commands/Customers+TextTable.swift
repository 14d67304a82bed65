/// A plain-text table whose columns line up in a terminal: Hangul and other wide characters
/// count as two columns.
struct TextTable {
    var headings: [String]
    var rows: [[String]] = []

    init(_ headings: [String]) { self.headings = headings }

    mutating func append(_ row: [String]) { rows.append(row) }

    /// The table, one line per row, columns separated by two spaces; no trailing spaces.
    func render() -> String {
        var widths = headings.map(Self.width)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], Self.width(cell))
            }
        }
        func line(_ cells: [String]) -> String {
            var out = ""
            for (i, cell) in cells.enumerated() {
                out += cell
                if i < cells.count - 1 {
                    out += String(repeating: " ", count: widths[i] - Self.width(cell) + 2)
                }
            }
            while out.last == " " { out.removeLast() }
            return out
        }
        return ([line(headings)] + rows.map(line)).joined(separator: "\n")
    }

    /// Terminal columns taken by `text`: 2 for East Asian wide characters, 0 for combining marks.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { sum, s in
            switch s.value {
            case 0x0300...0x036F, 0x200B...0x200F: sum
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
                 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD: sum + 2
            default: sum + 1
            }
        }
    }
}
