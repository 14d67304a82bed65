import Foundation

/// `Date:` values in Korea Standard Time, e.g. `Sun, 29 Nov 2026 08:45:52 +0900`
/// (RFC 5322 §3.3). KST has had no daylight saving time since 1988, so the offset is fixed.
enum RFC5322Date {
    static let kstOffsetSeconds = 9 * 3600

    static func kst(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + kstOffsetSeconds
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = CivilDate.fromDays(days)
        // 1970-01-01 was a Thursday.
        let weekday = weekdays[((days % 7) + 7 + 4) % 7]
        return "\(weekday), \(pad(day)) \(HTTPDate.months[month - 1]) \(year) "
            + "\(pad(secondOfDay / 3600)):\(pad(secondOfDay / 60 % 60)):\(pad(secondOfDay % 60)) +0900"
    }

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
