import Foundation

extension CharacterProblem {
    /// Replacements for characters that word processors and phones insert, each one sendable.
    static let replacements: [UInt32: String] = [
        0x2010: "-", 0x2011: "-", 0x2012: "-", 0x2013: "-", 0x2014: "-", 0x2212: "-", 0x2043: "-",
        0x2022: "·", 0x2023: "·", 0x2027: "·", 0x2219: "·", 0x30FB: "·", 0xFF65: "·", 0x25E6: "·",
        0x00A0: " ", 0x2002: " ", 0x2003: " ", 0x2004: " ", 0x2005: " ", 0x2006: " ",
        0x2007: " ", 0x2008: " ", 0x2009: " ", 0x200A: " ", 0x202F: " ", 0x205F: " ", 0x0009: " ",
        0x200B: "", 0x200C: "", 0x200D: "", 0x2060: "", 0xFEFF: "", 0xFE0E: "", 0xFE0F: "",
        0x20A9: "￦", 0x301C: "~", 0x02BC: "'", 0x201B: "'", 0x201A: ",", 0x201E: "\"",
        0x201F: "\"", 0x301D: "“", 0x301E: "”", 0x2024: ".", 0x00A9: "(C)", 0x2713: "√",
        0x2714: "√", 0x2236: ":", 0x2028: "\n", 0x2029: "\n",
    ]

    /// A sendable replacement for `character`, `""` to delete it, or `nil` when there is none.
    ///
    /// Tried in order: the table above applied scalar by scalar (so `♥︎` with a variation
    /// selector becomes `♥`), then NFKC (`ﬁ` → `fi`, `Ⅸ` stays when it is sendable). Emoji and
    /// CP949-only Hangul have none.
    static func suggestion(for character: Character) -> String? {
        var mapped = ""
        var changed = false
        for scalar in character.unicodeScalars {
            if let replacement = replacements[scalar.value] {
                mapped += replacement
                changed = true
            } else {
                mapped.unicodeScalars.append(scalar)
            }
        }
        if changed && isSendable(mapped) { return mapped }
        let compatible = String(character).precomposedStringWithCompatibilityMapping
        if compatible != String(character) && !compatible.isEmpty && isSendable(compatible) {
            return compatible
        }
        return nil
    }

    static func kind(of character: Character) -> Kind {
        let scalars = character.unicodeScalars
        if scalars.count == 1, let only = scalars.first {
            if (0xAC00...0xD7A3).contains(only.value) { return .hangulOutsideKSX1001 }
            if only.properties.generalCategory == .control || only.properties.generalCategory == .format {
                return .control
            }
        }
        if scalars.contains(where: { $0.properties.isEmojiPresentation || (0xFE00...0xFE0F).contains($0.value) }) {
            return .emoji
        }
        if scalars.contains(where: { $0.properties.isEmoji && $0.value >= 0x1F000 }) { return .emoji }
        return .other
    }

    private static func isSendable(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { SMSBytes.scalarBytes($0) != nil }
    }
}
