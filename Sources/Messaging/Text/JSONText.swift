/// JSON string literals written by hand (spool lines, gateway bodies, `--json` output), where
/// building a `Codable` value would cost more than the text itself.
public enum JSONText {
    /// `text` as a JSON string literal: quotes included; `"`, `\` and control characters
    /// escaped (`\n`, `\r`, `\t`, otherwise `\u00XX`); everything else as is.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
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
        return out + "\""
    }
}
