/// Byte counting in strict KS X 1001 (EUC-KR), the way Korean carriers measure SMS and LMS.
///
/// - Printable ASCII (U+0020–U+007E) is 1 byte.
/// - A KS X 1001 character (Hangul syllable, hanja, symbol; see ``KSX1001``) is 2 bytes.
/// - A newline is counted as **2 bytes** (``newlineBytes``), whatever its form (`\n`, `\r\n`,
///   `\r`). Text is sent with `\n` only (see ``SMSText/normalize(_:)``), but carriers' EUC-KR
///   systems and several gateways count the `\r\n` pair; counting 2 never under-counts, so a
///   message we call an SMS is never truncated or refused for length.
/// - Anything else (emoji, `–`, `•`, NBSP, `₩`, CP949-only syllables such as 똠, control
///   characters, tab) cannot be sent; ``problems(in:)`` lists each one with a suggestion. For
///   ``count(_:)`` such a character counts 2 bytes per scalar, an estimate only.
public enum SMSBytes {
    /// Bytes charged for one line break.
    public static let newlineBytes = 2

    /// The KS X 1001 byte count of `text` as given (no NFC normalization; see ``SMSText``).
    public static func count(_ text: String) -> Int {
        if let bytes = fastCount(text) { return bytes }
        var bytes = 0
        for character in text {
            if character.isNewline {
                bytes += newlineBytes
                continue
            }
            for scalar in character.unicodeScalars {
                bytes += scalarBytes(scalar) ?? 2
            }
        }
        return bytes
    }

    /// Whether every character of `text` can be sent as is (after NFC, which composes jamo).
    public static func isSendable(_ text: String) -> Bool {
        fastCount(text) != nil || problems(in: text).isEmpty
    }

    /// Every character of `text` that cannot be sent, with its position and a suggested
    /// replacement when there is a safe one. Empty when the text is sendable.
    ///
    /// Positions count characters (grapheme clusters), so an emoji made of several scalars is
    /// one problem. A character whose NFC form is sendable (decomposed Hangul) is not a problem.
    public static func problems(in text: String) -> [CharacterProblem] {
        var found: [CharacterProblem] = []
        var line = 1
        var column = 1
        var offset = 0
        for character in text {
            defer { offset += 1 }
            if character.isNewline {
                if character.unicodeScalars.allSatisfy({ $0 == "\n" || $0 == "\r" }) {
                    line += 1
                    column = 1
                    continue
                }
            }
            defer { column += 1 }
            if isSendable(character) { continue }
            found.append(CharacterProblem(character: character, line: line, column: column, offset: offset))
        }
        return found
    }

    /// The bytes of one scalar, or `nil` when it cannot be sent. `\n` and `\r` count as a newline.
    static func scalarBytes(_ scalar: Unicode.Scalar) -> Int? {
        let value = scalar.value
        if value < 0x80 {
            if value >= 0x20 && value != 0x7F { return 1 }
            return value == 0x0A || value == 0x0D ? newlineBytes : nil
        }
        return KSX1001.contains(scalar) ? 2 : nil
    }

    static func isSendable(_ character: Character) -> Bool {
        if character.unicodeScalars.allSatisfy({ scalarBytes($0) != nil }) { return true }
        let composed = SMSText.nfc(String(character))
        return composed.unicodeScalars.allSatisfy { scalarBytes($0) != nil }
    }
}
