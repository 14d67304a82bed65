import Foundation
import KoreanCalendar
import Messaging

/// A time of day in Asia/Seoul, read from an `HH:MM` setting (`anniversaries.send_at`,
/// `reminders.email_at`).
public struct DailyTime: Sendable, Hashable, CustomStringConvertible {
    /// Minutes after 00:00 KST, `0..<1440`.
    public let minutes: Int

    /// - Throws: ``AnniversaryError/setting(key:problem:)`` unless `text` is `H:MM` or `HH:MM`
    ///   with hours 0…23 and minutes 0…59.
    public init(_ text: String, key: String) throws(AnniversaryError) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              let hours = Int(parts[0]), let minutes = Int(parts[1]), (0...23).contains(hours), (0...59).contains(minutes)
        else { throw .setting(key: key, problem: "'\(text)' is not a time of day HH:MM") }
        self.minutes = hours * 60 + minutes
    }

    /// The instant of this time on `day` (KST).
    public func instant(on day: SolarDate) -> Date {
        SeoulTime.startOfDay(day.dayNumber).addingTimeInterval(Double(minutes * 60))
    }

    /// The first instant of this time strictly after `date`.
    public func next(after date: Date) -> Date {
        let today = instant(on: SeoulTime.calendarDate(of: date))
        return today > date ? today : today.addingTimeInterval(Double(SeoulTime.secondsPerDay))
    }

    /// `HH:MM`.
    public var description: String {
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }
}
