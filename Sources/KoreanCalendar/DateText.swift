/// Parsing of the date texts the CLI and configuration accept.
enum DateText {
    static let expected = "YYYY-MM-DD"

    /// Splits `YYYY-MM-DD` (separators `-`, `.`, `/`) or `YYYYMMDD` into numbers.
    static func parseYMD(_ raw: String) throws(CalendarError) -> (Int, Int, Int) {
        let text = raw.trimmingSpaces
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "." || $0 == "/" })
        let fields: [Substring]
        if parts.count == 1, text.count == 8 {
            let chars = Array(text)
            fields = [Substring(String(chars[0..<4])), Substring(String(chars[4..<6])), Substring(String(chars[6..<8]))]
        } else {
            fields = parts
        }
        guard fields.count == 3, fields[0].count == 4,
              (1...2).contains(fields[1].count), (1...2).contains(fields[2].count),
              let y = Int(fields[0]), let m = Int(fields[1]), let d = Int(fields[2]),
              fields.allSatisfy({ $0.allSatisfy { c in c.isASCIIDigit } })
        else { throw .malformed(input: raw, expected: expected) }
        return (y, m, d)
    }

    /// Splits `MM-DD` into numbers.
    static func parseMD(_ raw: String) throws(CalendarError) -> (Int, Int) {
        let text = raw.trimmingSpaces
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "." || $0 == "/" })
        guard parts.count == 2, parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy { c in c.isASCIIDigit } }),
              let m = Int(parts[0]), let d = Int(parts[1])
        else { throw .malformed(input: raw, expected: "MM-DD") }
        return (m, d)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line ends.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[first...last])
    }
}
