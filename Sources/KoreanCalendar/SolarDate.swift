/// A day of the (proleptic) Gregorian calendar — 양력.
///
/// Every stored value exists: the validating initializer rejects 2023-02-29 and friends.
/// Years 1…9999 are accepted; whether a lunar conversion covers the date is checked by the
/// conversion (see `LunarDate.init(_:)`).
public struct SolarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A date after checking that it exists.
    /// - Throws: `CalendarError.invalidSolarDate` naming the month's length.
    public init(year: Int, month: Int, day: Int) throws(CalendarError) {
        guard (1...9999).contains(year) else {
            throw .outOfRange(what: "year \(year)", range: "1…9999")
        }
        guard (1...12).contains(month) else {
            throw .invalidSolarDate(year: year, month: month, day: day, reason: "there is no month \(month)")
        }
        let length = DayNumber.daysIn(year: year, month: month)
        guard (1...length).contains(day) else {
            throw .invalidSolarDate(
                year: year, month: month, day: day, reason: "month \(month) of \(year) has \(length) days")
        }
        self.year = year; self.month = month; self.day = day
    }

    @inlinable @inline(__always)
    init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year; self.month = month; self.day = day
    }

    /// The date of a day number (days since 1970-01-01).
    @inlinable
    public init(dayNumber: Int) {
        let c = DayNumber.civil(dayNumber)
        self.init(unchecked: c.year, c.month, c.day)
    }

    /// Reads `YYYY-MM-DD` (also `YYYY.MM.DD`, `YYYY/MM/DD`, `YYYYMMDD`).
    /// - Throws: `CalendarError.malformed` or the validation errors of `init(year:month:day:)`.
    public init(parsing text: String) throws(CalendarError) {
        let (y, m, d) = try DateText.parseYMD(text)
        try self.init(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01 (negative before).
    @inlinable
    public var dayNumber: Int { DayNumber.from(year: year, month: month, day: day) }

    /// 0 = Sunday (일) … 6 = Saturday (토).
    public var weekday: Int { DayNumber.weekday(dayNumber) }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> SolarDate { SolarDate(dayNumber: dayNumber + days) }

    /// Whether `year` has a February 29.
    public static func isLeapYear(_ year: Int) -> Bool { DayNumber.isLeapYear(year) }

    /// Days in a month of a year (28…31).
    public static func daysIn(year: Int, month: Int) -> Int { DayNumber.daysIn(year: year, month: month) }

    /// `YYYY-MM-DD`.
    public var description: String { SolarDate.format(year, month, day) }

    public static func < (a: SolarDate, b: SolarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static func format(_ y: Int, _ m: Int, _ d: Int) -> String {
        pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(abs(value))
        let padded = digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        return value < 0 ? "-" + padded : padded
    }
}
