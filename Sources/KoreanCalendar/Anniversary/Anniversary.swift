// Anniversary resolution: on which solar day a lunar or solar anniversary is kept.
//
// Lunar anniversaries are scheduled by lunar year: a lunar 11th/12th-month anniversary can
// fall twice or not at all in one Gregorian year (lunar 11-25 fell on 1991-01-10 and on
// 1991-12-30), so `occurrences(ofLunar:…inGregorianYear:)` looks at both lunar years that
// overlap the Gregorian year and never skips or doubles one.

/// The solar date on which a lunar anniversary (month, day, leap) is kept in a lunar year.
///
/// Rules (`AnniversaryRules`): the exact date when it exists; a regular-month anniversary always
/// in the regular month; a leap-month anniversary by `rules.leap`; day 30 of a 29-day month by
/// `rules.day30` (the two compose).
/// - Returns: the date, or `nil` when `rules.leap == .skip` and the year lacks the leap month.
/// - Throws: `CalendarError.invalidLunarDate` for a month outside 1…12 or a day outside 1…30;
///   `.outOfRange` when the lunar year is outside 1000…2050 or the date lies past solar 2050-12-31.
public func solarDate(
    ofLunar month: Int, day: Int, leap: Bool = false, inLunarYear year: Int, rules: AnniversaryRules = .default
) throws(CalendarError) -> SolarDate? {
    try LunarAnniversaryKey.validate(month: month, day: day, leap: leap)
    guard LunarDate.supportedYears.contains(year) else {
        throw .outOfRange(what: "lunar year \(year)", range: LunarDate.supportedRange)
    }
    guard let dayNumber = AnniversaryMath.lunarDayNumber(month: month, day: day, leap: leap, year: year, rules: rules)
    else { return nil }
    guard dayNumber <= LunarTable.lastSolarDay else {
        throw .outOfRange(what: "lunar \(SolarDate.format(year, month, day)) kept in \(year)",
                          range: LunarDate.supportedSolarRange)
    }
    return SolarDate(dayNumber: dayNumber)
}

/// Every solar date in a Gregorian year on which a lunar anniversary is kept: zero, one or two,
/// in date order. Each comes from a different lunar year (the one ending and the one starting in
/// that Gregorian year), so none is skipped or doubled across the year boundary.
/// - Throws: `CalendarError.invalidLunarDate` for a bad month/day; `.outOfRange` when the
///   Gregorian year is outside 1001…2050.
public func occurrences(
    ofLunar month: Int, day: Int, leap: Bool = false, inGregorianYear year: Int, rules: AnniversaryRules = .default
) throws(CalendarError) -> [SolarDate] {
    try LunarAnniversaryKey.validate(month: month, day: day, leap: leap)
    try AnniversaryMath.checkGregorianYear(year)
    var result: [SolarDate] = []
    AnniversaryMath.forEachLunarOccurrence(month: month, day: day, leap: leap, gregorianYear: year, rules: rules) {
        result.append(SolarDate(dayNumber: $0))
    }
    return result
}

/// The solar date(s) in a Gregorian year on which a solar anniversary (month, day) is kept:
/// always exactly one; February 29 in a common year goes by `rules.feb29`.
/// - Throws: `CalendarError.invalidSolarDate` when no year has that month and day (e.g. 04-31);
///   `.outOfRange` for a year outside 1…9999.
public func occurrences(
    ofSolar month: Int, day: Int, inGregorianYear year: Int, rules: AnniversaryRules = .default
) throws(CalendarError) -> [SolarDate] {
    guard (1...9999).contains(year) else { throw .outOfRange(what: "year \(year)", range: "1…9999") }
    try SolarAnniversaryKey.validate(month: month, day: day)
    return [AnniversaryMath.solarDate(month: month, day: day, year: year, rules: rules)]
}

/// The day-number arithmetic behind the public functions; callers have validated the inputs.
enum AnniversaryMath {
    /// The Gregorian years for which both overlapping lunar years are in the table.
    static let gregorianYears = 1001...2050

    static func checkGregorianYear(_ year: Int) throws(CalendarError) {
        guard gregorianYears.contains(year) else {
            throw .outOfRange(what: "year \(year) for lunar anniversaries", range: "1001…2050")
        }
    }

    /// Day number of the anniversary in a lunar year of the table, `nil` when skipped.
    @inline(__always)
    static func lunarDayNumber(month: Int, day: Int, leap: Bool, year: Int, rules: AnniversaryRules) -> Int? {
        let packed = LunarTable.packed(year)
        var useLeap = false
        if leap {
            if LunarTable.leapMonth(packed) == month {
                useLeap = rules.leap != .alwaysRegular
            } else if rules.leap == .skip {
                return nil
            }
        }
        let index = LunarTable.index(month: month, leap: useLeap, packed)
        let start = LunarTable.newYear(year) &+ LunarTable.offset(index: index, packed)
        let length = LunarTable.length(index: index, packed)
        if day <= length { return start &+ day &- 1 }
        // Only day 30 of a 29-day month gets here.
        return rules.day30 == .lastDay ? start &+ length &- 1 : start &+ length
    }

    /// Calls `body` with each day number in the Gregorian year, in order.
    @inline(__always)
    static func forEachLunarOccurrence(
        month: Int, day: Int, leap: Bool, gregorianYear year: Int, rules: AnniversaryRules, _ body: (Int) -> Void
    ) {
        let first = DayNumber.from(year: year, month: 1, day: 1)
        let next = DayNumber.from(year: year &+ 1, month: 1, day: 1)
        for lunarYear in (year &- 1)...year {
            if let d = lunarDayNumber(month: month, day: day, leap: leap, year: lunarYear, rules: rules),
               d >= first && d < next {
                body(d)
            }
        }
    }

    static func solarDate(month: Int, day: Int, year: Int, rules: AnniversaryRules) -> SolarDate {
        if month == 2 && day == 29 && !DayNumber.isLeapYear(year) {
            return rules.feb29 == .feb28 ? SolarDate(unchecked: year, 2, 28) : SolarDate(unchecked: year, 3, 1)
        }
        return SolarDate(unchecked: year, month, day)
    }
}
