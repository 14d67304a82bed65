/// A day of the Korean lunar calendar (음력) as KASI publishes it.
///
/// Every stored value exists in the table: lunar 1000-01-01 … 2050-11-18, with the
/// month lengths and leap month (윤달) of its year. `isLeapMonth` marks the leap month,
/// which follows the regular month of the same number.
public struct LunarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int
    /// 윤달 (leap month).
    public let isLeapMonth: Bool

    /// The range the table covers, as text for messages.
    public static let supportedRange = "lunar 1000-01-01 … 2050-11-18"
    /// The lunar years the table covers (2050 only up to 11-18).
    public static let supportedYears = LunarTable.firstYear...LunarTable.lastYear

    /// A lunar date after checking that it exists.
    /// - Throws: `CalendarError.noSuchLeapMonth` (`2023 has no leap month 4 (its leap month is 2)`),
    ///   `.invalidLunarDate` (`lunar 2024-02-30 does not exist: month 2 of 2024 has 29 days`),
    ///   `.outOfRange` outside lunar 1000-01-01 … 2050-11-18.
    public init(year: Int, month: Int, day: Int, isLeapMonth: Bool = false) throws(CalendarError) {
        guard LunarDate.supportedYears.contains(year) else {
            throw .outOfRange(what: "lunar year \(year)", range: LunarDate.supportedRange)
        }
        guard (1...12).contains(month) else {
            throw .invalidLunarDate(year: year, month: month, day: day, isLeapMonth: isLeapMonth,
                                    reason: "a lunar year has months 1…12")
        }
        let packed = LunarTable.packed(year)
        let leapMonth = LunarTable.leapMonth(packed)
        if isLeapMonth && leapMonth != month {
            throw .noSuchLeapMonth(year: year, month: month, leapMonthOfYear: leapMonth == 0 ? nil : leapMonth)
        }
        let length = LunarTable.length(index: LunarTable.index(month: month, leap: isLeapMonth, packed), packed)
        guard (1...length).contains(day) else {
            let which = isLeapMonth ? "leap month \(month)" : "month \(month)"
            throw .invalidLunarDate(year: year, month: month, day: day, isLeapMonth: isLeapMonth,
                                    reason: "\(which) of \(year) has \(length) days")
        }
        if year == LunarTable.lastYear && (month, day) > (11, 18) {
            throw .outOfRange(what: "lunar \(SolarDate.format(year, month, day))", range: LunarDate.supportedRange)
        }
        self.init(unchecked: year, month, day, isLeapMonth)
    }

    @inlinable @inline(__always)
    init(unchecked year: Int, _ month: Int, _ day: Int, _ isLeapMonth: Bool) {
        self.year = year; self.month = month; self.day = day; self.isLeapMonth = isLeapMonth
    }

    /// Reads `YYYY-MM-DD` (separators `-`, `.`, `/`); `isLeapMonth` selects the leap month.
    public init(parsing text: String, isLeapMonth: Bool = false) throws(CalendarError) {
        let (y, m, d) = try DateText.parseYMD(text)
        try self.init(year: y, month: m, day: d, isLeapMonth: isLeapMonth)
    }

    /// The leap month of a lunar year, `nil` when it has none or the year is outside the table.
    public static func leapMonth(inYear year: Int) -> Int? {
        guard supportedYears.contains(year) else { return nil }
        let leap = LunarTable.leapMonth(LunarTable.packed(year))
        return leap == 0 ? nil : leap
    }

    /// Days (29 or 30) in a month of a lunar year, `nil` when that month does not exist.
    public static func daysIn(year: Int, month: Int, isLeapMonth: Bool = false) -> Int? {
        guard supportedYears.contains(year), (1...12).contains(month) else { return nil }
        let packed = LunarTable.packed(year)
        if isLeapMonth && LunarTable.leapMonth(packed) != month { return nil }
        return LunarTable.length(index: LunarTable.index(month: month, leap: isLeapMonth, packed), packed)
    }

    /// Days in a lunar year (353…385), `nil` outside the table.
    public static func daysIn(year: Int) -> Int? {
        guard supportedYears.contains(year) else { return nil }
        return LunarTable.yearLength(LunarTable.packed(year))
    }

    /// `YYYY-MM-DD`, followed by ` leap` in a leap month.
    public var description: String {
        SolarDate.format(year, month, day) + (isLeapMonth ? " leap" : "")
    }

    /// Chronological order (a leap month after the regular month of the same number).
    public static func < (a: LunarDate, b: LunarDate) -> Bool {
        (a.year, a.month, a.isLeapMonth ? 1 : 0, a.day) < (b.year, b.month, b.isLeapMonth ? 1 : 0, b.day)
    }
}
