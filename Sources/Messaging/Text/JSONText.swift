/// JSON string literals written by hand (spool lines, gateway bodies, `--json` output), where
/// building a `Codable` value would cost more than the text itself.
public enum JSONText {
    /// `text` as a JSON string literal: quotes included; `"`, `\` and control characters
    /// escaped (`\n`, `\r`, `\t`, otherwise `\u00XX`); everything else as is.
    public static func quoted(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 2)
        append(text, to: &out)
        return out
    }

    /// Appends `text` as a JSON string literal (as ``quoted(_:)`` writes it) to `out`, without
    /// an intermediate string: the way to write many fields into one body.
    public static func append(_ text: String, to out: inout String) {
        out += "\""
        // Most texts need no escape at all: one look at the bytes, then one copy.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += "\\u00" + String(scalar.value >> 4, radix: 16) + String(scalar.value & 0xF, radix: 16)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
