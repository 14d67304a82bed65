import Foundation
import KoreanCalendar

/// The store's instant format: UTC ISO 8601 with milliseconds, `2026-11-28T23:40:00.000Z`.
///
/// All instants of the Messaging tables use it, so they sort and compare as text in SQL
/// (`not_before <= ?`). Formatting is done by hand: it runs for every event the dispatcher
/// writes and a `DateFormatter` per call would dominate.
public enum OutboxTime {
    /// `date` as `YYYY-MM-DDTHH:MM:SS.sssZ` (UTC).
    public static func format(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let days = Int(floorDiv(millis, 86_400_000))
        let msOfDay = Int(millis - Int64(days) * 86_400_000)
        let civil = Self.civil(fromDayNumber: days)
        let h = msOfDay / 3_600_000, m = msOfDay / 60_000 % 60, s = msOfDay / 1000 % 60, ms = msOfDay % 1000
        var out = ""
        out.reserveCapacity(24)
        out += pad(civil.year, 4); out += "-"; out += pad(civil.month, 2); out += "-"; out += pad(civil.day, 2)
        out += "T"; out += pad(h, 2); out += ":"; out += pad(m, 2); out += ":"; out += pad(s, 2)
        out += "."; out += pad(ms, 3); out += "Z"
        return out
    }

    /// Parses the store format (and the same without milliseconds, or with a space instead of
    /// `T`, as `sqlite3`'s `datetime('now')` writes: `2026-11-28 23:40:00`, taken as UTC).
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 19 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                guard i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 else { return nil }
                value = value * 10 + Int(bytes[i] - 0x30)
            }
            return value
        }
        guard bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54 || bytes[10] == 0x20,
              bytes[13] == 0x3A, bytes[16] == 0x3A,
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var millis = 0
        var rest = 19
        if rest < bytes.count, bytes[rest] == 0x2E {
            var digits = 0
            rest += 1
            while rest < bytes.count, bytes[rest] >= 0x30, bytes[rest] <= 0x39 {
                if digits < 3 { millis = millis * 10 + Int(bytes[rest] - 0x30); digits += 1 }
                rest += 1
            }
            while digits < 3 { millis *= 10; digits += 1 }
        }
        guard rest == bytes.count || (rest == bytes.count - 1 && bytes[rest] == 0x5A) else { return nil }
        guard let dayNumber = try? SolarDate(year: year, month: month, day: day).dayNumber else { return nil }
        let seconds = Double(dayNumber * 86_400 + hour * 3600 + minute * 60 + second) + Double(millis) / 1000
        return Date(timeIntervalSince1970: seconds)
    }

    /// `2026-11-29 08:40` in Asia/Seoul, for people.
    public static func seoulMinute(_ date: Date) -> String {
        String(seoulSecond(date).prefix(16))
    }

    /// `2026-11-29 08:40:05` in Asia/Seoul, for log lines.
    public static func seoulSecond(_ date: Date) -> String {
        let utc = format(date.addingTimeInterval(Double(SeoulTime.offsetSeconds)))
        var text = String(utc.prefix(19))
        text = text.replacingOccurrences(of: "T", with: " ")
        return text
    }

    /// Parses `YYYY-MM-DD HH:MM` (or `YYYY-MM-DDTHH:MM`, optional `:SS`) as Asia/Seoul time.
    public static func parseSeoul(_ text: String) -> Date? {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.utf8.count == 16 { trimmed += ":00" }
        guard trimmed.utf8.count == 19, let asUTC = parse(trimmed) else { return nil }
        return asUTC.addingTimeInterval(-Double(SeoulTime.offsetSeconds))
    }

    /// The Asia/Seoul calendar date of `date`.
    public static func seoulDate(_ date: Date) -> (year: Int, month: Int, day: Int) {
        civil(fromDayNumber: seoulDayNumber(date))
    }

    /// Days since 1970-01-01 of the Asia/Seoul date of `date`.
    public static func seoulDayNumber(_ date: Date) -> Int {
        Int(((date.timeIntervalSince1970 + Double(SeoulTime.offsetSeconds)) / 86_400).rounded(.down))
    }

    /// 00:00 Asia/Seoul of the day `dayNumber`.
    static func seoulStartOfDay(_ dayNumber: Int) -> Date {
        Date(timeIntervalSince1970: Double(dayNumber * 86_400 - SeoulTime.offsetSeconds))
    }

    static func civil(fromDayNumber number: Int) -> (year: Int, month: Int, day: Int) {
        let date = SolarDate(dayNumber: number)
        return (date.year, date.month, date.day)
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
