import Foundation

/// A daily window in Asia/Seoul (UTC+9, see ``SeoulTime``) during which advertising waits:
/// 21:00–08:00 by default (정보통신망법 제50조 ③: sending then needs separate night consent).
///
/// The window includes its start and excludes its end: with 21:00–08:00, 21:00:00 is quiet and
/// 08:00:00 is not. It may cross midnight. `start == end` means never quiet. Every function takes
/// the instant to judge; nothing here reads the clock.
///
/// Not to be confused with `Settings.QuietHours`, the configuration's strings; build this one
/// from them with ``init(start:end:)``.
public struct QuietHours: Sendable, Hashable, CustomStringConvertible {
    /// Minutes after 00:00 KST when the window opens.
    public let startMinute: Int
    /// Minutes after 00:00 KST when the window closes.
    public let endMinute: Int

    /// 21:00–08:00.
    public static let standard = QuietHours(uncheckedStart: 21 * 60, end: 8 * 60)

    /// From `HH:MM` strings (`21:00`, `8:00`); fails naming the bad one.
    public init(start: String, end: String) throws(QuietHoursError) {
        guard let startMinute = Self.minutes(start) else { throw .invalidTime(field: "start", value: start) }
        guard let endMinute = Self.minutes(end) else { throw .invalidTime(field: "end", value: end) }
        self.init(uncheckedStart: startMinute, end: endMinute)
    }

    private init(uncheckedStart start: Int, end: Int) {
        self.startMinute = start
        self.endMinute = end
    }

    /// Whether `date` falls inside the window.
    public func isQuiet(at date: Date) -> Bool {
        let minute = SeoulTime.secondsIntoDay(of: date) / 60
        let start = Double(startMinute)
        let end = Double(endMinute)
        if startMinute < endMinute { return minute >= start && minute < end }
        if startMinute > endMinute { return minute >= start || minute < end }
        return false
    }

    /// When the quiet window containing `date` ends (e.g. the next 08:00 KST), or `date` itself
    /// when it is not quiet: the earliest instant a held message may go.
    public func nextRelease(after date: Date) -> Date {
        guard isQuiet(at: date) else { return date }
        let day = SeoulTime.dayNumber(of: date)
        let minute = SeoulTime.secondsIntoDay(of: date) / 60
        // Crossing midnight and already past the start: the window ends tomorrow.
        let endDay = startMinute > endMinute && minute >= Double(startMinute) ? day + 1 : day
        return SeoulTime.startOfDay(endDay).addingTimeInterval(Double(endMinute * 60))
    }

    /// When the next quiet window opens strictly after `date` (e.g. the next 21:00 KST), so a
    /// running campaign knows when to stop; `nil` when the window is empty.
    public func nextStart(after date: Date) -> Date? {
        guard startMinute != endMinute else { return nil }
        let today = SeoulTime.startOfDay(SeoulTime.dayNumber(of: date)).addingTimeInterval(Double(startMinute * 60))
        return today > date ? today : today.addingTimeInterval(Double(SeoulTime.secondsPerDay))
    }

    /// For an advertising message at `date`: `nil` when it may go now, else when to release it.
    /// A recipient with valid night consent (``ConsentDecision``) is never held.
    public func holdUntil(_ date: Date, nightConsent: Bool) -> Date? {
        guard !nightConsent, isQuiet(at: date) else { return nil }
        return nextRelease(after: date)
    }

    /// `21:00–08:00`.
    public var description: String { Self.text(startMinute) + "–" + Self.text(endMinute) }

    static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigitCharacter) }),
            let hour = Int(parts[0]), let minute = Int(parts[1]), hour < 24, minute < 60
        else { return nil }
        return hour * 60 + minute
    }

    private static func text(_ minutes: Int) -> String {
        let hour = minutes / 60, minute = minutes % 60
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}

/// A quiet-hours setting that is not `HH:MM`.
public enum QuietHoursError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `field` is `start` or `end` (`sms.quiet_hours.start`).
    case invalidTime(field: String, value: String)

    public var description: String {
        switch self {
        case let .invalidTime(field, value): "sms.quiet_hours.\(field): '\(value)' is not a time HH:MM (00:00–23:59)"
        }
    }
}
