/// Every anniversary of one Gregorian year, resolved once, for a daily planner.
///
/// Building it resolves all 720 lunar keys (month 1…12 × day 1…30 × regular/leap) and all
/// 366 solar keys under one `AnniversaryRules` — a few thousand table lookups. After that:
/// - `lunarKeys(on:)` / `solarKeys(on:)`: which anniversaries are kept on a day. Several keys
///   can share a day (lunar 12-29 and 12-30 in a short month; a leap-month anniversary and the
///   regular one in a year without that leap month; solar 02-28 and 02-29 in a common year).
/// - `dates(of:)`: the 0, 1 or 2 days of a key in the year, as `occurrences(ofLunar:…)` returns.
///
/// Lookups are O(1) and return stored arrays (no allocation), so resolving a year for a million
/// customers costs a million array reads:
/// ```swift
/// let index = try AnniversaryIndex(gregorianYear: 2026)
/// for customer in customers {
///     for date in index.dates(of: customer.lunarBirthday) { schedule(customer, date) }
/// }
/// // or, day by day:
/// let keys = index.lunarKeys(on: today)   // look customers up by these keys
/// ```
public struct AnniversaryIndex: Sendable {
    /// The Gregorian year this index covers.
    public let year: Int
    /// The rules the dates were resolved with.
    public let rules: AnniversaryRules

    private let firstDay: Int
    private let lunarDatesBySlot: [[SolarDate]]
    private let lunarKeysByDay: [[LunarAnniversaryKey]]
    private let solarKeysByDay: [[SolarAnniversaryKey]]

    /// Resolves every lunar and solar anniversary of `gregorianYear`.
    /// - Throws: `CalendarError.outOfRange` when the year is outside 1001…2050 (the lunar table).
    public init(gregorianYear: Int, rules: AnniversaryRules = .default) throws(CalendarError) {
        try AnniversaryMath.checkGregorianYear(gregorianYear)
        year = gregorianYear
        self.rules = rules
        let firstDay = DayNumber.from(year: gregorianYear, month: 1, day: 1)
        self.firstDay = firstDay
        let dayCount = DayNumber.isLeapYear(gregorianYear) ? 366 : 365
        var datesBySlot = [[SolarDate]](repeating: [], count: 720)
        var lunarByDay = [[LunarAnniversaryKey]](repeating: [], count: dayCount)
        for month in 1...12 {
            for day in 1...30 {
                for leap in [false, true] {
                    let key = LunarAnniversaryKey(unchecked: month, day, leap)
                    AnniversaryMath.forEachLunarOccurrence(
                        month: month, day: day, leap: leap, gregorianYear: gregorianYear, rules: rules
                    ) { dayNumber in
                        datesBySlot[key.slot].append(SolarDate(dayNumber: dayNumber))
                        lunarByDay[dayNumber - firstDay].append(key)
                    }
                }
            }
        }
        var solarByDay = [[SolarAnniversaryKey]](repeating: [], count: dayCount)
        for month in 1...12 {
            for day in 1...DayNumber.daysIn(year: 2000, month: month) {
                let date = AnniversaryMath.solarDate(month: month, day: day, year: gregorianYear, rules: rules)
                solarByDay[date.dayNumber - firstDay].append(SolarAnniversaryKey(unchecked: month, day))
            }
        }
        lunarDatesBySlot = datesBySlot
        lunarKeysByDay = lunarByDay
        solarKeysByDay = solarByDay
    }

    /// The days of the year (0, 1 or 2, in order) on which a lunar anniversary is kept.
    @inline(__always)
    public func dates(of key: LunarAnniversaryKey) -> [SolarDate] { lunarDatesBySlot[key.slot] }

    /// The day of the year on which a solar anniversary is kept.
    public func date(of key: SolarAnniversaryKey) -> SolarDate {
        AnniversaryMath.solarDate(month: key.month, day: key.day, year: year, rules: rules)
    }

    /// The lunar anniversaries kept on `date` (empty when the date is outside `year`).
    public func lunarKeys(on date: SolarDate) -> [LunarAnniversaryKey] {
        guard date.year == year else { return [] }
        return lunarKeysByDay[date.dayNumber - firstDay]
    }

    /// The solar anniversaries kept on `date` (empty when the date is outside `year`).
    public func solarKeys(on date: SolarDate) -> [SolarAnniversaryKey] {
        guard date.year == year else { return [] }
        return solarKeysByDay[date.dayNumber - firstDay]
    }
}
