/// One public holiday (공휴일) of the Korean government's calendar (관공서의 공휴일에 관한 규정).
public struct Holiday: Hashable, Sendable, CustomStringConvertible {
    /// What kind of day it is.
    public enum Kind: String, Hashable, Sendable {
        /// A fixed solar date (신정, 삼일절, 어린이날 …).
        case fixed
        /// A lunar date (설날, 부처님오신날, 추석).
        case lunar
        /// 대체공휴일: the day given back when a holiday falls on a weekend or another holiday.
        case substitute
        /// Election day of a national election (대통령, 국회의원, 전국동시지방선거).
        case election
        /// 임시공휴일 declared by the government (built-in list).
        case temporary
        /// A day added by configuration.
        case extra
    }

    public let date: SolarDate
    /// Korean name: `설날`, `대체공휴일(추석)`.
    public let name: String
    /// English name: `Seollal`, `Substitute Holiday (Chuseok)`.
    public let nameEnglish: String
    public let kind: Kind

    public init(date: SolarDate, name: String, nameEnglish: String, kind: Kind = .extra) {
        self.date = date; self.name = name; self.nameEnglish = nameEnglish; self.kind = kind
    }

    /// `YYYY-MM-DD 설날 Seollal`.
    public var description: String { "\(date) \(name) \(nameEnglish)" }
}
