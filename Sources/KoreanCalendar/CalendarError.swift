/// Why a date or an anniversary could not be read, validated or converted.
///
/// `description` is one line that names the offending value and the reason, e.g.
/// `lunar 2024-02-30 does not exist: month 2 of 2024 has 29 days`.
public enum CalendarError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text is not a date of the expected shape.
    case malformed(input: String, expected: String)
    /// The solar (Gregorian) date does not exist.
    case invalidSolarDate(year: Int, month: Int, day: Int, reason: String)
    /// The lunar date does not exist (month or day out of bounds).
    case invalidLunarDate(year: Int, month: Int, day: Int, isLeapMonth: Bool, reason: String)
    /// A leap month (윤달) was asked for in a year that has a different one or none.
    case noSuchLeapMonth(year: Int, month: Int, leapMonthOfYear: Int?)
    /// The date lies outside the range the calendar covers.
    case outOfRange(what: String, range: String)

    public var description: String {
        switch self {
        case .malformed(let input, let expected):
            return "\"\(input)\" is not a date: expected \(expected)"
        case .invalidSolarDate(let y, let m, let d, let reason):
            return "\(SolarDate.format(y, m, d)) does not exist: \(reason)"
        case .invalidLunarDate(let y, let m, let d, let leap, let reason):
            return "lunar \(SolarDate.format(y, m, d))\(leap ? " (leap)" : "") does not exist: \(reason)"
        case .noSuchLeapMonth(let y, let m, let actual):
            if let actual { return "\(y) has no leap month \(m) (its leap month is \(actual))" }
            return "\(y) has no leap month \(m) (it has no leap month)"
        case .outOfRange(let what, let range):
            return "\(what) is outside the supported range \(range)"
        }
    }
}
