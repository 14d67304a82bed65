import Foundation

/// The sending form of a text: NFC, with every line break as `\n`.
public enum SMSText {
    /// `text` NFC-normalized with `\r\n`, `\r`, U+2028 and U+2029 turned into `\n`.
    public static func normalize(_ text: String) -> String {
        if SMSBytes.fastCount(text) != nil { return text }
        var unified = text
        if unified.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            var scalars = String.UnicodeScalarView()
            var previousCR = false
            for scalar in unified.unicodeScalars {
                switch scalar {
                case "\r":
                    scalars.append("\n")
                    previousCR = true
                    continue
                case "\n" where previousCR:
                    break
                case "\u{2028}", "\u{2029}":
                    scalars.append("\n")
                default:
                    scalars.append(scalar)
                }
                previousCR = false
            }
            unified = String(scalars)
        }
        return nfc(unified)
    }

    /// `text` in Unicode Normalization Form C.
    static func nfc(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }
}
