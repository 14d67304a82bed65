/// The 24 solar terms (24절기), in the order they occur in a Gregorian year (소한 first).
///
/// Each is the instant the Sun's apparent geocentric longitude reaches `longitude` degrees.
public enum SolarTerm: Int, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    case minorCold, majorCold, beginningOfSpring, rainWater, awakeningOfInsects, springEquinox
    case pureBrightness, grainRain, beginningOfSummer, grainBuds, grainInEar, summerSolstice
    case minorHeat, majorHeat, beginningOfAutumn, endOfHeat, whiteDew, autumnEquinox
    case coldDew, frostsDescent, beginningOfWinter, minorSnow, majorSnow, winterSolstice

    /// The apparent solar longitude of the term in degrees: 소한 285, 대한 300, … 춘분 0, … 동지 270.
    public var longitude: Int { (285 + 15 * rawValue) % 360 }

    /// 소한, 대한, 입춘 …
    public var nameKorean: String { Self.names[rawValue].korean }

    /// Minor Cold, Major Cold, Beginning of Spring …
    public var nameEnglish: String { Self.names[rawValue].english }

    public var description: String { nameKorean }

    private static let names: [(korean: String, english: String)] = [
        ("소한", "Minor Cold"), ("대한", "Major Cold"), ("입춘", "Beginning of Spring"),
        ("우수", "Rain Water"), ("경칩", "Awakening of Insects"), ("춘분", "Spring Equinox"),
        ("청명", "Pure Brightness"), ("곡우", "Grain Rain"), ("입하", "Beginning of Summer"),
        ("소만", "Grain Buds"), ("망종", "Grain in Ear"), ("하지", "Summer Solstice"),
        ("소서", "Minor Heat"), ("대서", "Major Heat"), ("입추", "Beginning of Autumn"),
        ("처서", "End of Heat"), ("백로", "White Dew"), ("추분", "Autumn Equinox"),
        ("한로", "Cold Dew"), ("상강", "Frost's Descent"), ("입동", "Beginning of Winter"),
        ("소설", "Minor Snow"), ("대설", "Major Snow"), ("동지", "Winter Solstice"),
    ]
}

/// When a solar term occurs.
///
/// `kst`, `hour` and `minute` give the KST (UTC+9) instant rounded to the nearest minute, the way
/// KASI publishes it; `date` is the KST date of the instant itself. They differ only for a term
/// in the last half minute of a day (2030 우수 at 23:59:4x falls on 02-18, written 02-19T00:00).
public struct SolarTermTime: Hashable, Sendable, CustomStringConvertible {
    public let term: SolarTerm
    /// The KST date of the instant (the day a calendar marks).
    public let date: SolarDate
    /// The instant rounded to the minute: hour (KST) and minute of `minuteDate`.
    public let hour: Int
    public let minute: Int
    /// The date of the rounded minute (the same as `date` except just before midnight).
    public let minuteDate: SolarDate
    /// Seconds since 1970-01-01 00:00 KST, to the nearest second.
    public let kstSeconds: Int

    init(term: SolarTerm, kstSeconds: Int) {
        self.term = term
        self.kstSeconds = kstSeconds
        date = SolarDate(dayNumber: Self.floorDiv(kstSeconds, 86_400))
        let minutes = Self.floorDiv(kstSeconds + 30, 60)
        let day = Self.floorDiv(minutes, 1440)
        minuteDate = SolarDate(dayNumber: day)
        hour = (minutes - day * 1440) / 60
        minute = (minutes - day * 1440) % 60
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }

    /// `YYYY-MM-DDTHH:MM+09:00`, rounded to the minute.
    public var kst: String { "\(minuteDate)T\(SolarDate.pad(hour, 2)):\(SolarDate.pad(minute, 2))+09:00" }

    /// `YYYY-MM-DDTHH:MM+09:00 소한 Minor Cold`.
    public var description: String { "\(kst) \(term.nameKorean) \(term.nameEnglish)" }
}
