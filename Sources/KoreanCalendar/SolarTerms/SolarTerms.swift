/// The 24 solar terms (24절기) of a year, computed astronomically.
///
/// The instant the apparent solar longitude reaches the term's multiple of 15° is found by
/// Newton iteration on the VSOP87 longitude (`SolarLongitude`), converted from TT to UT with
/// ΔT (Espenak–Meeus), shifted to KST (UTC+9) and rounded to the nearest minute as KASI
/// publishes it. Accuracy is about a minute; a term within a minute of midnight can fall on
/// either date.
public enum SolarTerms {
    /// The Gregorian years the computation is offered for.
    public static let supportedYears = 1900...2100

    /// The 24 terms of a Gregorian year in order of occurrence (소한 in January … 동지 in December).
    /// - Throws: `CalendarError.outOfRange` outside 1900…2100.
    public static func terms(inYear year: Int) throws(CalendarError) -> [SolarTermTime] {
        try check(year)
        return SolarTerm.allCases.map { compute($0, year: year) }
    }

    /// When one term occurs in a Gregorian year.
    /// - Throws: `CalendarError.outOfRange` outside 1900…2100.
    public static func time(of term: SolarTerm, inYear year: Int) throws(CalendarError) -> SolarTermTime {
        try check(year)
        return compute(term, year: year)
    }

    /// The term on a KST date, if one begins that day.
    public static func term(on date: SolarDate) -> SolarTermTime? {
        guard supportedYears.contains(date.year) else { return nil }
        // Term k lies near day 5 + 15.2·k of the year; check the two candidates of the month.
        for k in [2 * (date.month - 1), 2 * (date.month - 1) + 1] {
            let time = compute(SolarTerm(rawValue: k)!, year: date.year)
            if time.date == date { return time }
        }
        return nil
    }

    private static func check(_ year: Int) throws(CalendarError) {
        guard supportedYears.contains(year) else {
            throw .outOfRange(what: "solar terms of \(year)", range: "1900…2100")
        }
    }

    static func compute(_ term: SolarTerm, year: Int) -> SolarTermTime {
        let target = Double(term.longitude)
        // Mean time: the March equinox of the year plus the longitude to go at the mean rate;
        // 소한 and 대한 (285°, 300°) … 경칩 (345°) come before the equinox.
        let equinox = 2_451_623.809_84 + 365.242_189_623 * Double(year - 2000)
        let ahead = term.longitude >= 285 ? target - 360 : target
        var jde = equinox + ahead * 365.242_189_623 / 360
        for _ in 0..<8 {
            var delta = target - SolarLongitude.apparent(julianEphemerisDay: jde)
            delta -= 360 * Trig.nearest(delta / 360)
            let step = delta / SolarLongitude.rate(julianEphemerisDay: jde)
            jde += step
            if abs(step) < 1e-7 { break }
        }
        let decimalYear = Double(year) + (jde - equinox + 79) / 365.25
        let ut = jde - DeltaT.seconds(atYear: decimalYear) / 86_400
        let kstSeconds = Trig.nearest((ut - 2_440_587.5) * 86_400 + 9 * 3600)
        return SolarTermTime(term: term, kstSeconds: Int(kstSeconds))
    }
}
