import KoreanCalendar
import Settings

extension AnniversaryRules {
    /// The rules named by `anniversaries.leap_policy`, `day30` and `feb29`.
    ///
    /// Accepts the settings' spellings (`feb28`, `mar1`) and the calendar's (`feb-28`, `mar-1`).
    /// - Throws: ``AnniversaryError/setting(key:problem:)`` for an unknown value.
    public init(settings: AnniversarySettings) throws(AnniversaryError) {
        guard let leap = LeapPolicy(rawValue: settings.leapPolicy) else {
            throw .setting(key: "anniversaries.leap_policy", problem: "'\(settings.leapPolicy)' is not one of leap-if-present, always-regular, skip")
        }
        guard let day30 = Day30Policy(rawValue: settings.day30) else {
            throw .setting(key: "anniversaries.day30", problem: "'\(settings.day30)' is not one of last-day, next-day")
        }
        let feb29: Feb29Policy
        switch settings.feb29 {
        case "feb28", "feb-28": feb29 = .feb28
        case "mar1", "mar-1": feb29 = .mar1
        default:
            throw .setting(key: "anniversaries.feb29", problem: "'\(settings.feb29)' is not one of feb28, mar1")
        }
        self.init(leap: leap, day30: day30, feb29: feb29)
    }
}
