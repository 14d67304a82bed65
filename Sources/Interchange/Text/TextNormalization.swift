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
        // Fast path: neither end can start or finish a whitespace character.
        if let first = text.utf8.first, let last = text.utf8.last,
           !mayBeSpaceStart(first), !mayBeSpaceEnd(last) {
            return text
        }
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !isSpace($0) }),
              let end = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[start...end])
    }

    /// Whether a first UTF-8 byte may begin one of the ``isSpace(_:)`` characters.
    @inline(__always)
    private static func mayBeSpaceStart(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte) || byte == 0xC2 || byte == 0xE3 || byte == 0xEF
    }

    /// Whether a last UTF-8 byte may end one of the ``isSpace(_:)`` characters.
    @inline(__always)
    private static func mayBeSpaceEnd(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte) || byte == 0xA0 || byte == 0x80 || byte == 0xBF
    }

    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x3000, 0xFEFF: true
        default: false
        }
    }

    /// Whether NFC leaves the text as it is, judged over UTF-8 without decoding `Character`s.
    static func isNFCStable(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(isNFCStable(utf8:))
            ?? Array(text.utf8).withUnsafeBufferPointer(isNFCStable(utf8:))
    }

    /// ``isNFCStable(_:)`` over valid UTF-8 bytes.
    private static func isNFCStable(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let scalar: UInt32
            if lead < 0xE0 {
                guard index + 1 < count else { return false }
                scalar = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                index += 2
            } else if lead < 0xF0 {
                guard index + 2 < count else { return false }
                scalar = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                index += 3
            } else {
                return false
            }
            switch scalar {
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
