import Foundation

/// Trimming and NFC normalization of text read from files.
enum TextNormalization {
    /// `text` without leading and trailing whitespace, in NFC.
    ///
    /// Foundation's normalization is slow on Linux, so text whose scalars cannot change
    /// under NFC (ASCII, Latin-1 without combining marks, precomposed Hangul syllables,
    /// CJK ideographs, Hangul compatibility jamo, CJK punctuation, fullwidth forms) is
    /// returned as is.
    static func clean(_ text: String) -> String {
        let trimmed = trim(text)
        return isNFCStable(trimmed) ? trimmed : trimmed.precomposedStringWithCanonicalMapping
    }

    static func trim(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return text }
        if !isSpace(first) && !isSpace(last) { return text }
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !isSpace($0) }),
              let end = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[start...end])
    }

    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x3000, 0xFEFF: true
        default: false
        }
    }

    static func isNFCStable(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0..<0x300, 0x2000..<0x2100, 0x3000..<0x3040, 0x3130..<0x3190, 0x4E00..<0xA000,
                 0xAC00..<0xD7A4, 0xFF00..<0xFFF0:
                continue
            default:
                return false
            }
        }
        return true
    }
}
