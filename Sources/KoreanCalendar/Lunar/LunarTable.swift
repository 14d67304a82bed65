/// Lookups into the generated KASI month table (`LunarTable+Data.swift`).
///
/// A lunar year's months are numbered by their position `index` (0…12): the leap month,
/// when there is one, follows the regular month of the same number.
@usableFromInline
enum LunarTable {
    /// The day number of solar 2050-12-31, the last day KASI's table covers.
    @usableFromInline static let lastSolarDay = DayNumber.from(year: 2050, month: 12, day: 31)
    /// The day number of lunar 1000-01-01 (solar 1000-02-13).
    @inlinable static var firstSolarDay: Int { Int(newYearDays[0]) }

    @inlinable @inline(__always)
    static func packed(_ year: Int) -> UInt32 { packedYears[year &- firstYear] }

    @inlinable @inline(__always)
    static func newYear(_ year: Int) -> Int { Int(newYearDays[year &- firstYear]) }

    /// The leap month of a packed year, 0 when none.
    @inlinable @inline(__always)
    static func leapMonth(_ packed: UInt32) -> Int { Int(packed >> 13 & 0xF) }

    @inlinable @inline(__always)
    static func monthCount(_ packed: UInt32) -> Int { leapMonth(packed) == 0 ? 12 : 13 }

    /// 29 or 30.
    @inlinable @inline(__always)
    static func length(index: Int, _ packed: UInt32) -> Int { 29 &+ Int(packed >> UInt32(index) & 1) }

    /// Days from the new year to the first day of the month at `index`.
    @inlinable @inline(__always)
    static func offset(index: Int, _ packed: UInt32) -> Int {
        let mask = (UInt32(1) << UInt32(index)) &- 1
        return 29 &* index &+ (packed & mask).nonzeroBitCount
    }

    /// Days in the lunar year (353…385).
    @inlinable @inline(__always)
    static func yearLength(_ packed: UInt32) -> Int { offset(index: monthCount(packed), packed) }

    /// The position of (month, leap) in the year; the caller has checked that a leap month exists.
    @inlinable @inline(__always)
    static func index(month: Int, leap: Bool, _ packed: UInt32) -> Int {
        let leapMonth = leapMonth(packed)
        if leapMonth == 0 || month < leapMonth { return month &- 1 }
        if month == leapMonth { return leap ? month : month &- 1 }
        return month
    }

    /// The (month, leap) at a position.
    @inlinable @inline(__always)
    static func month(index: Int, _ packed: UInt32) -> (month: Int, leap: Bool) {
        let leapMonth = leapMonth(packed)
        if leapMonth == 0 || index < leapMonth { return (index &+ 1, false) }
        if index == leapMonth { return (leapMonth, true) }
        return (index, false)
    }

    /// The lunar year containing a day number; the day must lie in the table.
    @inlinable @inline(__always)
    static func year(containing dayNumber: Int) -> Int {
        // A lunar year starts in January or February, so it is the civil year or the one before.
        var i = (dayNumber &- firstSolarDay) &* 10_000 / 3_652_425
        if i >= packedYears.count { i = packedYears.count &- 1 }
        while i > 0 && Int(newYearDays[i]) > dayNumber { i &-= 1 }
        while i &+ 1 < newYearDays.count && Int(newYearDays[i &+ 1]) <= dayNumber { i &+= 1 }
        return firstYear &+ i
    }
}
