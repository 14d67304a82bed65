/// Korean phone numbers: parsed from any common form, stored as digits, shown with dashes,
/// masked in logs.
public enum PhoneNumber {
    /// Digits of a Korean phone number written in any common form: `010-1234-5678`,
    /// `01012345678`, `+82 10-1234-5678`, `(02) 123-4567`, `1588-1234`.
    ///
    /// Returns `nil` when the text is not a plausible Korean number (wrong length, letters,
    /// unknown prefix).
    public static func normalize(_ text: String) -> String? {
        var digits = ""
        var sawPlus = false
        for ch in text.unicodeScalars {
            switch ch {
            case "0"..."9": digits.unicodeScalars.append(ch)
            case " ", "-", ".", "(", ")", "\u{00A0}": continue
            case "+" where digits.isEmpty && !sawPlus: sawPlus = true
            default: return nil
            }
        }
        if sawPlus || digits.hasPrefix("82") && digits.count >= 11 {
            guard digits.hasPrefix("82") else { return nil }
            digits = "0" + digits.dropFirst(2).drop(while: { $0 == "0" })
        }
        return isPlausible(digits) ? digits : nil
    }

    /// Whether a digit string is a plausible Korean number.
    public static func isPlausible(_ digits: String) -> Bool {
        guard digits.allSatisfy(\.isASCIIDigit) else { return false }
        let n = digits.count
        if digits.hasPrefix("01") {
            // 010 is 11 digits; legacy 011/016/017/018/019 may be 10 or 11.
            return digits.hasPrefix("010") ? n == 11 : (n == 10 || n == 11)
        }
        if digits.hasPrefix("02") { return n == 9 || n == 10 }
        if digits.hasPrefix("0") { return n == 10 || n == 11 }  // 031, 051, 070, 080, 050x
        if digits.hasPrefix("1") { return n == 8 }  // 1588-1234 style
        return false
    }

    /// Whether the digits are a mobile number that can receive SMS (010, 011, 016–019).
    public static func isMobile(_ digits: String) -> Bool {
        guard isPlausible(digits) else { return false }
        return ["010", "011", "016", "017", "018", "019"].contains(String(digits.prefix(3)))
    }

    /// `010-1234-5678`, `02-123-4567`, `031-123-4567`, `1588-1234`.
    public static func display(_ digits: String) -> String {
        let d = Array(digits)
        func s(_ a: Int, _ b: Int) -> String { String(d[a..<b]) }
        switch d.count {
        case 8 where digits.hasPrefix("1"): return "\(s(0, 4))-\(s(4, 8))"
        case 9 where digits.hasPrefix("02"): return "02-\(s(2, 5))-\(s(5, 9))"
        case 10 where digits.hasPrefix("02"): return "02-\(s(2, 6))-\(s(6, 10))"
        case 10: return "\(s(0, 3))-\(s(3, 6))-\(s(6, 10))"
        case 11: return "\(s(0, 3))-\(s(3, 7))-\(s(7, 11))"
        default: return digits
        }
    }

    /// The form used in logs: the middle group replaced by `*` (`010-****-5678`).
    public static func masked(_ digits: String) -> String {
        let shown = display(digits)
        let parts = shown.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            return String(repeating: "*", count: max(0, digits.count - 4)) + digits.suffix(4)
        }
        return "\(parts[0])-\(String(repeating: "*", count: parts[1].count))-\(parts[2])"
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
