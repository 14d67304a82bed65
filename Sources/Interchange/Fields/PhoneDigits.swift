import Store

/// A fast path for the phone numbers most files hold (`010-1234-5678`, `02 555 0100`).
///
/// ``PhoneNumber/normalize(_:)`` is the authority; it walks `Character`s, which costs more
/// than the rest of a row when 300,000 numbers are read. This reads ASCII digits and
/// separators over UTF-8 and accepts only what `normalize` accepts; anything else (a `+82`
/// prefix, a leading `82`, letters, a doubtful length) goes to `normalize`.
enum PhoneDigits {
    /// The digits when `text` is digits and separators forming a plausible number, else `nil`.
    static func plainDigits(_ text: String) -> String? {
        var digits: [UInt8] = []
        digits.reserveCapacity(12)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits.append(byte)
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "("), UInt8(ascii: ")"): continue
            default: return nil
            }
        }
        guard digits.count >= 8, digits[0] != UInt8(ascii: "8") else { return nil }
        let n = digits.count
        let zero = UInt8(ascii: "0"), one = UInt8(ascii: "1"), two = UInt8(ascii: "2")
        let plausible: Bool
        if digits[0] == zero && digits[1] == one {
            plausible = digits[2] == zero ? n == 11 : (n == 10 || n == 11)
        } else if digits[0] == zero && digits[1] == two {
            plausible = n == 9 || n == 10
        } else if digits[0] == zero {
            plausible = n == 10 || n == 11
        } else if digits[0] == one {
            plausible = n == 8
        } else {
            plausible = false
        }
        return plausible ? String(decoding: digits, as: UTF8.self) : nil
    }
}
