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
        // Up to three groups of digits with one kind of separator, read without allocating:
        // this runs for every date cell of every row.
        var utf8 = Substring(text).utf8[...]
        if utf8.last == UInt8(ascii: ".") { utf8 = utf8.dropLast() }
        var noYear = false
        if utf8.starts(with: "--".utf8) {
            utf8 = utf8.dropFirst(2)
            noYear = true
        }
        var values = (0, 0, 0), widths = (0, 0, 0)
        var group = 0
        var separator: UInt8 = 0
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Int(byte - UInt8(ascii: "0"))
                switch group {
                case 0: values.0 = values.0 * 10 + digit; widths.0 += 1
                case 1: values.1 = values.1 * 10 + digit; widths.1 += 1
                default: values.2 = values.2 * 10 + digit; widths.2 += 1
                }
                if widths.0 > 8 || widths.1 > 2 || widths.2 > 2 { return nil }
            case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"):
                guard separator == 0 || separator == byte, group < 2 else { return nil }
                separator = byte
                group += 1
            default:
                return nil
            }
        }
        switch group {
        case 0 where widths.0 == 8 && !noYear:
            return Parts(year: values.0 / 10_000, month: values.0 / 100 % 100, day: values.0 % 100)
        case 0 where widths.0 == 4 && noYear:
            return Parts(year: nil, month: values.0 / 100, day: values.0 % 100)
        case 1 where (1...2).contains(widths.0) && (1...2).contains(widths.1):
            return Parts(year: nil, month: values.0, day: values.1)
        case 2 where widths.0 == 4 && (1...2).contains(widths.1) && (1...2).contains(widths.2) && !noYear:
            return Parts(year: values.0, month: values.1, day: values.2)
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
        padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
    }

    /// Zero-padded decimal (`String(format:)` is slow on Linux, and this runs per row).
    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Today's date in Asia/Seoul as `YYYY-MM-DD`.
    static func todayInSeoul(now: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Seoul") ?? TimeZone(secondsFromGMT: 9 * 3600) ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return format(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }
}
