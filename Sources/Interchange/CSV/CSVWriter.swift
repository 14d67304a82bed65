import Foundation
import Store

/// Writes customer cards as CSV with the canonical headers.
///
/// UTF-8 with a byte-order mark by default, so that Korean Excel opens it as UTF-8;
/// CP949 on request for older programs. Fields holding a comma, a quote, a line break or
/// leading/trailing spaces are quoted (RFC 4180); lines end with CRLF. A cell that a
/// spreadsheet would run as a formula is written as text (``FormulaGuard``).
public enum CSVWriter {
    public enum Encoding: String, Sendable, CaseIterable {
        case utf8
        case cp949
    }

    /// A card's text cannot be written in the chosen encoding.
    public struct EncodingError: Error, CustomStringConvertible {
        public var row: Int
        public var description: String { "row \(row): text that CP949 cannot hold; export as UTF-8 instead" }
    }

    /// The file's bytes.
    public static func data(_ cards: [CustomerCard], encoding: Encoding = .utf8) throws(EncodingError) -> Data {
        var text = ""
        text.reserveCapacity(64 + cards.count * 300)
        append(row: CustomerColumn.headers, to: &text)
        for card in cards {
            append(row: CustomerColumn.allCases.map { FormulaGuard.neutralised($0.text(of: card)) }, to: &text)
        }
        switch encoding {
        case .utf8:
            return Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
        case .cp949:
            do {
                return Data(try Iconv.convert(Array(text.utf8), from: "UTF-8", to: "CP949"))
            } catch {
                let row = text.utf8.prefix(error.offset).reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
                throw EncodingError(row: row)
            }
        }
    }

    static func append(row: [String], to text: inout String) {
        for (index, field) in row.enumerated() {
            if index > 0 { text.append(",") }
            text.append(quoted(field))
        }
        text.append("\r\n")
    }

    static func quoted(_ field: String) -> String {
        let needsQuotes = field.utf8.contains {
            $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r")
        } || field.first?.isWhitespace == true || field.last?.isWhitespace == true
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
