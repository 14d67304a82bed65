import Foundation
import KoreanCalendar

/// Calendar arithmetic in Asia/Seoul (KST) with a fixed UTC+9 offset.
///
/// Korea has not observed daylight saving time since 1988, so a fixed offset gives the same
/// answers as the tz database for every instant a campaign can touch, without a time-zone
/// lookup per message.
public enum SeoulTime {
    /// UTC+9, in seconds.
    public static let offsetSeconds = 9 * 3600
    public static let secondsPerDay = 86_400

    /// Days since 1970-01-01 of the KST calendar date that contains `date`.
    public static func dayNumber(of date: Date) -> Int {
        let local = (date.timeIntervalSince1970 + Double(offsetSeconds)) / Double(secondsPerDay)
        return Int(local.rounded(.down))
    }

    /// Seconds since 00:00 KST of the day that contains `date`, in `0..<86400`.
    public static func secondsIntoDay(of date: Date) -> Double {
        let local = date.timeIntervalSince1970 + Double(offsetSeconds)
        let day = Double(secondsPerDay)
        return local - (local / day).rounded(.down) * day
    }

    /// The instant of 00:00 KST on `dayNumber`.
    public static func startOfDay(_ dayNumber: Int) -> Date {
        Date(timeIntervalSince1970: Double(dayNumber * secondsPerDay - offsetSeconds))
    }

    /// The KST calendar date of `date`.
    public static func calendarDate(of date: Date) -> SolarDate {
        SolarDate(dayNumber: dayNumber(of: date))
    }

    /// Days since 1970-01-01 of a `YYYY-MM-DD` date (or the other forms ``SolarDate`` reads),
    /// or `nil` when it is not a real date.
    public static func dayNumber(parsing text: String) -> Int? {
        try? SolarDate(parsing: text).dayNumber
    }
}
