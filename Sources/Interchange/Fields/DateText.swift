import Foundation
import Store

/// Dates as written in customer files.
///
/// Accepted: `YYYY-MM-DD`, `YYYY.MM.DD`, `YYYY/MM/DD` (one- or two-digit month and day, an
/// optional trailing `.`), `YYYYMMDD`, and `MM-DD` (also `MM.DD`, `MM/DD`, `--MMDD`,
/// `--MM-DD`) when the year is unknown.
enum DateText {
    struct Parts: Equatable {
        var year: Int?
        var month: Int
        var day: Int
    }

    /// The parts of a date, or `nil` when the text has none of the accepted shapes.
    /// Ranges are not checked here.
    static func parse(_ text: String) -> Parts? {
        var bytes = Array(text.utf8)
        if bytes.last == UInt8(ascii: ".") { bytes.removeLast() }
        if bytes.starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")]) {
            bytes.removeFirst(2)
            if bytes.count == 4, bytes.allSatisfy(isDigit) {
                return Parts(year: nil, month: number(bytes[0..<2]), day: number(bytes[2..<4]))
            }
        }
        if bytes.count == 8, bytes.allSatisfy(isDigit) {
            return Parts(year: number(bytes[0..<4]), month: number(bytes[4..<6]), day: number(bytes[6..<8]))
        }
        var groups: [ArraySlice<UInt8>] = []
        var separator: UInt8?
        var start = 0
        for (index, byte) in bytes.enumerated() where !isDigit(byte) {
            guard byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/") else { return nil }
            guard separator == nil || separator == byte else { return nil }
            separator = byte
            groups.append(bytes[start..<index])
            start = index + 1
        }
        groups.append(bytes[start..<bytes.count])
        guard groups.allSatisfy({ !$0.isEmpty }) else { return nil }
        switch groups.count {
        case 3 where groups[0].count == 4 && groups[1].count <= 2 && groups[2].count <= 2:
            return Parts(year: number(groups[0]), month: number(groups[1]), day: number(groups[2]))
        case 2 where groups[0].count <= 2 && groups[1].count <= 2:
            return Parts(year: nil, month: number(groups[0]), day: number(groups[1]))
        default:
            return nil
        }
    }

    /// Whether month and day exist in the Gregorian calendar (in `year`, or in some year
    /// when the year is unknown, so `02-29` is allowed without a year).
    static func isValidSolar(year: Int?, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        return day <= daysInMonth(month, year: year)
    }

    /// A lunar date exists in some year when the month is 1–12 and the day 1–30.
    static func isValidLunar(month: Int, day: Int) -> Bool {
        (1...12).contains(month) && (1...30).contains(day)
    }

    static func daysInMonth(_ month: Int, year: Int?) -> Int {
        switch month {
        case 2:
            guard let year else { return 29 }
            return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Years accepted in a date.
    static let years = 1800...2200

    /// `YYYY-MM-DD` of a Gregorian date.
    static func format(year: Int, month: Int, day: Int) -> String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// Today's date in Asia/Seoul as `YYYY-MM-DD`.
    static func todayInSeoul(now: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Seoul") ?? TimeZone(secondsFromGMT: 9 * 3600) ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return format(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int {
        digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }
}
