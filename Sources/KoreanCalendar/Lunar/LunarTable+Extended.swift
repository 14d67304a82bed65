/// Lookups that reach past KASI's table into the computed lunar years (2051…2100).
///
/// Only for features that must span 1990–2100 (public holidays). Dates past lunar 2050-11-18
/// come from `LunarTable+Computed.swift`, which is computed, not published by KASI.
extension LunarTable {
    /// Lunar years covered by the published table plus the computed extension.
    static let extendedYears = firstYear...lastComputedYear

    static func extendedPacked(_ year: Int) -> UInt32 {
        year <= lastYear ? packed(year) : computedPackedYears[year - lastYear - 1]
    }

    static func extendedNewYear(_ year: Int) -> Int {
        year <= lastYear ? newYear(year) : Int(computedNewYearDays[year - lastYear - 1])
    }

    /// The day number of a lunar date (day may be 0 for "the day before day 1"), or `nil`
    /// when the year is not covered.
    static func extendedDayNumber(year: Int, month: Int, day: Int) -> Int? {
        guard extendedYears.contains(year) else { return nil }
        let packed = extendedPacked(year)
        return extendedNewYear(year) + offset(index: index(month: month, leap: false, packed), packed) + day - 1
    }
}
