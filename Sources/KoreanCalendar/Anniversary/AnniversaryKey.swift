/// A lunar anniversary as stored with a customer: month, day, and whether it was a leap month.
/// Years do not matter: a birthday may be stored without one.
public struct LunarAnniversaryKey: Hashable, Sendable, CustomStringConvertible {
    public let month: Int
    public let day: Int
    /// 윤달 (leap month) anniversary.
    public let isLeapMonth: Bool

    /// - Throws: `CalendarError.invalidLunarDate` for a month outside 1…12 or a day outside 1…30.
    public init(month: Int, day: Int, isLeapMonth: Bool = false) throws(CalendarError) {
        try LunarAnniversaryKey.validate(month: month, day: day, leap: isLeapMonth)
        self.month = month; self.day = day; self.isLeapMonth = isLeapMonth
    }

    init(unchecked month: Int, _ day: Int, _ leap: Bool) {
        self.month = month; self.day = day; self.isLeapMonth = leap
    }

    /// A dense number 0..<720 for tables.
    var slot: Int { ((month &- 1) &* 30 &+ (day &- 1)) &* 2 &+ (isLeapMonth ? 1 : 0) }

    /// `MM-DD`, followed by ` leap` for a leap-month anniversary.
    public var description: String {
        SolarDate.pad(month, 2) + "-" + SolarDate.pad(day, 2) + (isLeapMonth ? " leap" : "")
    }

    static func validate(month: Int, day: Int, leap: Bool) throws(CalendarError) {
        guard (1...12).contains(month), (1...30).contains(day) else {
            throw .invalidLunarDate(year: 0, month: month, day: day, isLeapMonth: leap,
                                    reason: "a lunar anniversary has a month 1…12 and a day 1…30")
        }
    }
}

/// A solar anniversary: month and day.
public struct SolarAnniversaryKey: Hashable, Sendable, CustomStringConvertible {
    public let month: Int
    public let day: Int

    /// - Throws: `CalendarError.invalidSolarDate` when no year has this month and day.
    public init(month: Int, day: Int) throws(CalendarError) {
        try SolarAnniversaryKey.validate(month: month, day: day)
        self.month = month; self.day = day
    }

    init(unchecked month: Int, _ day: Int) { self.month = month; self.day = day }

    /// `MM-DD`.
    public var description: String { SolarDate.pad(month, 2) + "-" + SolarDate.pad(day, 2) }

    static func validate(month: Int, day: Int) throws(CalendarError) {
        guard (1...12).contains(month), (1...DayNumber.daysIn(year: 2000, month: month)).contains(day) else {
            throw .invalidSolarDate(year: 0, month: month, day: day,
                                    reason: "no year has day \(day) in month \(month)")
        }
    }
}
