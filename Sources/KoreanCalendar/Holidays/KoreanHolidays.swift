/// Public holidays (관공서의 공휴일에 관한 규정 and 공휴일에 관한 법률) for 1990…2100.
///
/// - Fixed days with the years they were in force: 신정 (1/1–1/3 in 1990, 1/1–1/2 until 1998),
///   삼일절, 식목일 (until 2005), 노동절 (from 2026), 어린이날, 현충일, 제헌절 (until 2007 and again
///   from 2026), 광복절, 국군의 날 (1990), 개천절, 한글날 (1990 and from 2013), 기독탄신일.
/// - Lunar days: 설날 (the last day of the 12th month, 1/1, 1/2), 부처님오신날 (4/8),
///   추석 (8/14–8/16). Lunar years past 2050 come from the computed table extension.
/// - 대체공휴일 by the rules in force each year: 설날/추석 (from 2014) when a day of the period
///   is a Sunday or another holiday; 어린이날 (from 2014), 광복절/개천절/한글날 (from 2021),
///   삼일절 (from 2022), 부처님오신날/기독탄신일 (from 2023) and 제헌절 (from 2026) when the day
///   is a Saturday, a Sunday or another holiday. One substitute per period or coinciding day, on
///   the first following day that is neither a weekend nor a holiday.
/// - Election days and 임시공휴일 from the built-in lists, plus `extra` days from configuration.
public enum KoreanHolidays {
    /// The Gregorian years the rules are offered for.
    public static let supportedYears = 1990...2100

    /// Every holiday of a Gregorian year in date order.
    /// - Parameter extra: days to add (임시공휴일 declared after release), usually from configuration;
    ///   those outside `year` are ignored.
    /// - Throws: `CalendarError.outOfRange` outside 1990…2100.
    public static func holidays(inYear year: Int, extra: [Holiday] = []) throws(CalendarError) -> [Holiday] {
        guard supportedYears.contains(year) else {
            throw .outOfRange(what: "holidays of \(year)", range: "1990…2100")
        }
        var groups = baseGroups(year)
        var days: [Holiday] = groups.flatMap { group in
            group.days.map { Holiday(date: SolarDate(dayNumber: $0), name: group.name, nameEnglish: group.english, kind: group.kind) }
        }
        days += extra.filter { $0.date.year == year }
        var occupied = Set(days.map { $0.date.dayNumber })
        var compensated = Set<Int>()
        groups.sort { $0.days[0] < $1.days[0] }
        for group in groups where group.substitute != .none {
            let weekdays: Set<Int> = group.substitute == .sundayOrOverlap ? [0] : [0, 6]
            var triggered = false
            for day in group.days {
                if weekdays.contains(DayNumber.weekday(day)) { triggered = true }
                let shared = groups.contains { $0.name != group.name && $0.days.contains(day) }
                if shared && !compensated.contains(day) { triggered = true; compensated.insert(day) }
            }
            guard triggered else { continue }
            var day = group.days[group.days.count - 1] + 1
            while occupied.contains(day) || DayNumber.weekday(day) == 0 || DayNumber.weekday(day) == 6 { day += 1 }
            occupied.insert(day)
            days.append(Holiday(date: SolarDate(dayNumber: day), name: "대체공휴일(\(group.name))",
                                nameEnglish: "Substitute Holiday (\(group.english))", kind: .substitute))
        }
        var seen = Set<Holiday>()
        return days.filter { seen.insert($0).inserted }.sorted { $0.date < $1.date }
    }

    /// Whether a date is a public holiday (weekends are not counted unless they are holidays).
    /// Builds the year's list on each call; keep `holidays(inYear:)` for many lookups.
    public static func isHoliday(_ date: SolarDate, extra: [Holiday] = []) -> Bool {
        guard let list = try? holidays(inYear: date.year, extra: extra) else { return false }
        return list.contains { $0.date == date }
    }

    /// When a holiday earns a substitute day.
    enum SubstituteRule { case none, sundayOrOverlap, weekendOrOverlap }

    /// One holiday or holiday period (설날 and 추석 are three days).
    struct Group {
        var name: String
        var english: String
        var kind: Holiday.Kind
        var days: [Int]
        var substitute: SubstituteRule
    }

    static func baseGroups(_ year: Int) -> [Group] {
        var groups: [Group] = []
        func fixed(_ month: Int, _ day: Int, _ name: String, _ english: String, _ years: ClosedRange<Int>,
                   substituteFrom: Int? = nil, rule: SubstituteRule = .weekendOrOverlap) {
            guard years.contains(year) else { return }
            let substitute = substituteFrom.map { year >= $0 ? rule : .none } ?? .none
            groups.append(Group(name: name, english: english, kind: .fixed,
                                days: [DayNumber.from(year: year, month: month, day: day)], substitute: substitute))
        }
        let always = 1990...9999
        fixed(1, 1, "신정", "New Year's Day", always)
        fixed(1, 2, "신정", "New Year's Day", 1990...1998)
        fixed(1, 3, "신정", "New Year's Day", 1990...1990)
        fixed(3, 1, "삼일절", "Independence Movement Day", always, substituteFrom: 2022)
        fixed(4, 5, "식목일", "Arbor Day", 1990...2005)
        fixed(5, 1, "노동절", "Labour Day", 2026...9999)
        fixed(5, 5, "어린이날", "Children's Day", always, substituteFrom: 2014)
        fixed(6, 6, "현충일", "Memorial Day", always)
        fixed(7, 17, "제헌절", "Constitution Day", 1990...2007)
        fixed(7, 17, "제헌절", "Constitution Day", 2026...9999, substituteFrom: 2026)
        fixed(8, 15, "광복절", "Liberation Day", always, substituteFrom: 2021)
        fixed(10, 1, "국군의 날", "Armed Forces Day", 1990...1990)
        fixed(10, 3, "개천절", "National Foundation Day", always, substituteFrom: 2021)
        fixed(10, 9, "한글날", "Hangeul Day", 1990...1990)
        fixed(10, 9, "한글날", "Hangeul Day", 2013...9999, substituteFrom: 2021)
        fixed(12, 25, "기독탄신일", "Christmas Day", always, substituteFrom: 2023)

        if let newYear = LunarTable.extendedDayNumber(year: year, month: 1, day: 1) {
            groups.append(Group(name: "설날", english: "Seollal", kind: .lunar, days: [newYear - 1, newYear, newYear + 1],
                                substitute: year >= 2014 ? .sundayOrOverlap : .none))
        }
        if let buddha = LunarTable.extendedDayNumber(year: year, month: 4, day: 8) {
            groups.append(Group(name: "부처님오신날", english: "Buddha's Birthday", kind: .lunar, days: [buddha],
                                substitute: year >= 2023 ? .weekendOrOverlap : .none))
        }
        if let chuseok = LunarTable.extendedDayNumber(year: year, month: 8, day: 15) {
            groups.append(Group(name: "추석", english: "Chuseok", kind: .lunar, days: [chuseok - 1, chuseok, chuseok + 1],
                                substitute: year >= 2014 ? .sundayOrOverlap : .none))
        }
        for (list, kind) in [(electionDays, Holiday.Kind.election), (temporaryHolidays, .temporary)] {
            for entry in list where entry.date.0 == year {
                groups.append(Group(name: entry.name, english: entry.english, kind: kind,
                                    days: [DayNumber.from(year: year, month: entry.date.1, day: entry.date.2)],
                                    substitute: .none))
            }
        }
        return groups
    }
}
