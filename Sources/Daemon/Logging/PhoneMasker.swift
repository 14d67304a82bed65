/// Masks Korean phone numbers in free text, for log lines: `01012345678` and `010-1234-5678`
/// become `010-****-5678`; `+82 10-1234-5678` becomes `+82 10-****-5678`.
///
/// A run of digits (with optional `-` or space between groups) is treated as a phone number when
/// it has 9–11 digits and starts with `0`, or starts with `82`/`+82` followed by 9–10 digits.
/// Other numbers (ids, amounts, times) are left alone.
public enum PhoneMasker {
    public static func mask(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: { $0 == "0" || $0 == "8" }) else { return text }
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if isDigit(scalars[i]), i == 0 || !isDigit(scalars[i - 1]) && scalars[i - 1] != "-" {
                // Collect a candidate: digits with single '-' or ' ' separators.
                var j = i
                var digits: [Unicode.Scalar] = []
                var groups: [[Unicode.Scalar]] = [[]]
                var separators: [Unicode.Scalar] = []
                while j < scalars.count {
                    let c = scalars[j]
                    if isDigit(c) {
                        digits.append(c); groups[groups.count - 1].append(c); j += 1
                    } else if (c == "-" || c == " "), j + 1 < scalars.count, isDigit(scalars[j + 1]),
                        !groups[groups.count - 1].isEmpty
                    {
                        separators.append(c); groups.append([]); j += 1
                    } else {
                        break
                    }
                }
                if let masked = maskCandidate(digits: digits, groups: groups, separators: separators) {
                    out.append(contentsOf: masked.unicodeScalars)
                    i = j
                    continue
                }
                // Not a phone: copy the first digit run and go on.
                while i < scalars.count, isDigit(scalars[i]) { out.append(scalars[i]); i += 1 }
                continue
            }
            out.append(scalars[i]); i += 1
        }
        return String(out)
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

    static func maskCandidate(digits: [Unicode.Scalar], groups: [[Unicode.Scalar]], separators: [Unicode.Scalar]) -> String? {
        let n = digits.count
        let s = String(String.UnicodeScalarView(digits))
        if s.hasPrefix("0"), (9...11).contains(n) {
            if groups.count == 3 {
                let sep = String(separators[0])
                return String(String.UnicodeScalarView(groups[0])) + sep
                    + String(repeating: "*", count: groups[1].count) + String(separators[1])
                    + String(String.UnicodeScalarView(groups[2]))
            }
            guard groups.count == 1 else { return nil }
            let head = s.hasPrefix("02") ? 2 : 3
            let tail = 4
            let middle = n - head - tail
            return String(s.prefix(head)) + "-" + String(repeating: "*", count: middle) + "-" + String(s.suffix(tail))
        }
        if s.hasPrefix("82"), (11...12).contains(n) {
            let local = "0" + s.dropFirst(2)
            guard let masked = maskCandidate(digits: Array(local.unicodeScalars), groups: [Array(local.unicodeScalars)], separators: []) else { return nil }
            return "82 " + masked.dropFirst()
        }
        return nil
    }
}
