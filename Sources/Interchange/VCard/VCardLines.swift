import Foundation

/// The logical lines of a vCard file: folded lines (a line break followed by a space or
/// tab) joined, and quoted-printable soft line breaks (`=` at the end, vCard 2.1) joined.
enum VCardLines {
    struct Line {
        var text: String
        /// The physical line it starts on (1-based).
        var number: Int
    }

    static func split(_ text: String) -> [Line] {
        var lines: [Line] = []
        var number = 0
        var quotedPrintableOpen = false
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            number += 1
            if quotedPrintableOpen, !lines.isEmpty {
                lines[lines.count - 1].text.removeLast()  // the soft break's '='
                lines[lines.count - 1].text += raw
            } else if let first = raw.first, first == " " || first == "\t", !lines.isEmpty {
                lines[lines.count - 1].text += raw.dropFirst()
            } else if raw.isEmpty {
                quotedPrintableOpen = false
                continue
            } else {
                lines.append(Line(text: String(raw), number: number))
            }
            let current = lines[lines.count - 1].text
            quotedPrintableOpen = current.hasSuffix("=") && isQuotedPrintable(current)
        }
        return lines
    }

    private static func isQuotedPrintable(_ line: String) -> Bool {
        guard let colon = line.firstIndex(of: ":") else { return false }
        return line[..<colon].uppercased().contains("QUOTED-PRINTABLE")
    }

    /// Decodes `=XX` escapes; the bytes are then read in `charset` (UTF-8 by default,
    /// CP949/EUC-KR when the line says so).
    static func decodeQuotedPrintable(_ value: String, charset: String?) -> String? {
        var bytes: [UInt8] = []
        var utf8 = Array(value.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "="), utf8.count >= 2,
               let high = hex(utf8[utf8.startIndex]), let low = hex(utf8[utf8.startIndex + 1]) {
                bytes.append(high << 4 | low)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        switch charset?.uppercased() {
        case "EUC-KR", "CP949", "KS_C_5601-1987", "UHC":
            return (try? Iconv.convert(bytes, from: "CP949", to: "UTF-8")).map { String(decoding: $0, as: UTF8.self) }
        default:
            return String(validating: bytes, as: UTF8.self)
        }
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
