/// How an anniversary is kept when its exact date does not exist in a given year.
///
/// These are customs, not law; the defaults follow the most common Korean practice.
/// A regular-month lunar anniversary always falls in the regular (first) month of its number,
/// never in a leap month of the same number.
public struct AnniversaryRules: Hashable, Sendable {
    /// A leap-month (윤달) anniversary in a year without that leap month.
    public var leap: LeapPolicy
    /// Lunar day 30 in a month that has only 29 days that year.
    public var day30: Day30Policy
    /// A solar February 29 anniversary in a common year.
    public var feb29: Feb29Policy

    public init(leap: LeapPolicy = .leapIfPresent, day30: Day30Policy = .lastDay, feb29: Feb29Policy = .feb28) {
        self.leap = leap; self.day30 = day30; self.feb29 = feb29
    }

    /// Leap month if present, day 30 → the month's last day, Feb 29 → Feb 28.
    public static let `default` = AnniversaryRules()
}

/// Where a leap-month (윤달) anniversary goes.
public enum LeapPolicy: String, CaseIterable, Hashable, Sendable {
    /// The leap month when the year has that leap month, otherwise the regular month (default).
    case leapIfPresent = "leap-if-present"
    /// Always the regular month of the same number.
    case alwaysRegular = "always-regular"
    /// Only in years with that leap month; no anniversary in the other years.
    case skip
}

/// Where lunar day 30 goes in a 29-day month.
public enum Day30Policy: String, CaseIterable, Hashable, Sendable {
    /// Day 29, the month's last day (Korean ritual custom; default).
    case lastDay = "last-day"
    /// The day after day 29, i.e. the first day of the next month.
    case nextDay = "next-day"
}

/// Where a February 29 anniversary goes in a common year.
public enum Feb29Policy: String, CaseIterable, Hashable, Sendable {
    /// February 28 (default).
    case feb28 = "feb-28"
    /// March 1.
    case mar1 = "mar-1"
}
