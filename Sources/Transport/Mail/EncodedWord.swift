import Foundation

/// RFC 2047 encoded words (`=?UTF-8?B?…?=`) and header folding.
enum EncodedWord {
    /// Longest encoded word RFC 2047 §2 allows.
    static let maxWordLength = 75
    /// Lines are kept to RFC 5322's recommended 78 characters.
    static let maxLineLength = 78
    private static let overhead = "=?UTF-8?B??=".count

    /// Encodes `text` as encoded words for a header whose line starts with `prefixLength`
    /// characters (`Subject: ` → 9). Words are joined by CRLF + space (folding); each word
    /// holds whole characters only.
    static func encode(_ text: String, prefixLength: Int) -> String {
        var words: [String] = []
        var chunk: [UInt8] = []
        var budget = bytesFitting(maxLineLength - prefixLength)
        func flush() {
            guard !chunk.isEmpty else { return }
            words.append("=?UTF-8?B?\(Data(chunk).base64EncodedString())?=")
            chunk = []
            budget = bytesFitting(maxLineLength - 1)
        }
        for piece in pieces(of: text, maxBytes: bytesFitting(maxWordLength)) {
            if chunk.count + piece.count > budget { flush() }
            chunk += piece
        }
        flush()
        return words.joined(separator: "\r\n ")
    }

    /// An unstructured header value (RFC 5322 §3.2.5): printable ASCII is folded at spaces,
    /// anything else becomes encoded words.
    static func unstructured(_ value: String, headerName: String) -> String {
        let text = value.precomposedStringWithCanonicalMapping
            .replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
        let prefix = headerName.count + 2
        let plain = text.unicodeScalars.allSatisfy { $0.value >= 32 && $0.value < 127 } && !text.contains("=?")
        return plain ? fold(text, prefixLength: prefix) : encode(text, prefixLength: prefix)
    }

    /// A display name: quoted string when plain ASCII, encoded words otherwise.
    static func phrase(_ name: String, prefixLength: Int) -> String {
        let text = name.precomposedStringWithCanonicalMapping
        if text.unicodeScalars.allSatisfy({ $0.value >= 32 && $0.value < 127 }) && !text.contains("=?") {
            let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(escaped)\""
        }
        return encode(text, prefixLength: prefixLength)
    }

    /// UTF-8 bytes whose base64 fits in a word of `width` characters, overhead included.
    private static func bytesFitting(_ width: Int) -> Int {
        max(3, (min(width, maxWordLength) - overhead) / 4 * 3)
    }

    /// The UTF-8 of each character; a character longer than `maxBytes` (a long emoji
    /// sequence) is cut between its Unicode scalars, never inside one.
    private static func pieces(of text: String, maxBytes: Int) -> [[UInt8]] {
        var out: [[UInt8]] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if bytes.count <= maxBytes {
                out.append(bytes)
            } else {
                out += character.unicodeScalars.map { Array(String($0).utf8) }
            }
        }
        return out
    }

    /// Folds ASCII text at spaces so lines stay within 78 characters where possible
    /// (a longer word stays whole). Unfolding — removing each CRLF — restores the text.
    private static func fold(_ text: String, prefixLength: Int) -> String {
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        var lines: [String] = []
        var line = String(words[0])
        var width = prefixLength + line.count
        for word in words.dropFirst() {
            if width + 1 + word.count > maxLineLength && !line.isEmpty {
                lines.append(line)
                line = String(word)
                width = 1 + word.count
            } else {
                line += " " + word
                width += 1 + word.count
            }
        }
        lines.append(line)
        return lines.joined(separator: "\r\n ")
    }
}
