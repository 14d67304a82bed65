import Testing
@testable import KoreanCalendar

@Suite("anniversary rules")
struct AnniversaryTests {
    private func dates(_ values: [SolarDate]) -> [String] { values.map(\.description) }

    @Test("lunar 11-25 falls twice in 1991 and lunar 12-01 twice in 2024, never in 2025")
    func gregorianYearBoundary() throws {
        #expect(dates(try occurrences(ofLunar: 11, day: 25, inGregorianYear: 1991)) == ["1991-01-10", "1991-12-30"])
        #expect(dates(try occurrences(ofLunar: 12, day: 1, inGregorianYear: 2024)) == ["2024-01-11", "2024-12-31"])
        #expect(try occurrences(ofLunar: 12, day: 1, inGregorianYear: 2025).isEmpty)
        #expect(dates(try occurrences(ofLunar: 12, day: 1, inGregorianYear: 2026)) == ["2026-01-19"])
        #expect(try solarDate(ofLunar: 11, day: 25, inLunarYear: 1990)?.description == "1991-01-10")
    }

    @Test("every lunar anniversary is kept exactly once per lunar year across 1001–2050")
    func neverSkippedNorDoubled() throws {
        for key in [(11, 25), (12, 1), (12, 30), (1, 1), (11, 30)] {
            var total = 0
            for year in 1990...2049 {
                total += try occurrences(ofLunar: key.0, day: key.1, inGregorianYear: year).count
            }
            // Lunar years 1989 … 2049 contribute their date to exactly one Gregorian year each;
            // only the edges depend on where the dates fall.
            #expect((59...61).contains(total), "lunar \(key)")
        }
    }

    @Test("day 30 in a 29-day month: last day by default, next day on request")
    func day30() throws {
        // Lunar 2024 month 12 has 29 days (섣달그믐 is 12-29 = 2025-01-28).
        #expect(try solarDate(ofLunar: 12, day: 30, inLunarYear: 2024)?.description == "2025-01-28")
        let next = AnniversaryRules(day30: .nextDay)
        #expect(try solarDate(ofLunar: 12, day: 30, inLunarYear: 2024, rules: next)?.description == "2025-01-29")
        #expect(try solarDate(ofLunar: 12, day: 30, inLunarYear: 2023)?.description == "2024-02-09")
    }

    @Test("leap-month anniversaries by each policy; regular anniversaries stay in the regular month")
    func leapPolicies() throws {
        // 2023 has 윤2월 (2023-03-22); 2024 has no leap month.
        #expect(try solarDate(ofLunar: 2, day: 1, leap: true, inLunarYear: 2023)?.description == "2023-03-22")
        #expect(try solarDate(ofLunar: 2, day: 1, leap: false, inLunarYear: 2023)?.description == "2023-02-20")
        #expect(try solarDate(ofLunar: 2, day: 1, leap: true, inLunarYear: 2024)?.description == "2024-03-10")
        let regular = AnniversaryRules(leap: .alwaysRegular)
        #expect(try solarDate(ofLunar: 2, day: 1, leap: true, inLunarYear: 2023, rules: regular)?.description
            == "2023-02-20")
        let skip = AnniversaryRules(leap: .skip)
        #expect(try solarDate(ofLunar: 2, day: 1, leap: true, inLunarYear: 2023, rules: skip)?.description
            == "2023-03-22")
        #expect(try solarDate(ofLunar: 2, day: 1, leap: true, inLunarYear: 2024, rules: skip) == nil)
        #expect(try occurrences(ofLunar: 2, day: 1, leap: true, inGregorianYear: 2024, rules: skip).isEmpty)
    }

    @Test("leap and day-30 rules compose: 윤4월 30 in 2020 (윤4월 has 29 days)")
    func leapAndDay30Compose() throws {
        #expect(try solarDate(ofLunar: 4, day: 30, leap: true, inLunarYear: 2020)?.description == "2020-06-20")
        #expect(try solarDate(ofLunar: 4, day: 30, leap: true, inLunarYear: 2020, rules: .init(day30: .nextDay))?
            .description == "2020-06-21")
        #expect(try solarDate(ofLunar: 4, day: 30, leap: false, inLunarYear: 2020)?.description == "2020-05-22")
    }

    @Test("solar Feb 29 in common years: Feb 28 by default, Mar 1 on request")
    func feb29() throws {
        #expect(dates(try occurrences(ofSolar: 2, day: 29, inGregorianYear: 2025)) == ["2025-02-28"])
        #expect(dates(try occurrences(ofSolar: 2, day: 29, inGregorianYear: 2025, rules: .init(feb29: .mar1)))
            == ["2025-03-01"])
        #expect(dates(try occurrences(ofSolar: 2, day: 29, inGregorianYear: 2024)) == ["2024-02-29"])
        #expect(throws: CalendarError.self) { try occurrences(ofSolar: 4, day: 31, inGregorianYear: 2024) }
    }

    @Test("bad anniversaries and years are refused")
    func badInput() {
        #expect(throws: CalendarError.self) { try occurrences(ofLunar: 13, day: 1, inGregorianYear: 2024) }
        #expect(throws: CalendarError.self) { try occurrences(ofLunar: 1, day: 31, inGregorianYear: 2024) }
        #expect(throws: CalendarError.self) { try occurrences(ofLunar: 1, day: 1, inGregorianYear: 2051) }
        #expect(throws: CalendarError.self) { try solarDate(ofLunar: 12, day: 1, inLunarYear: 2050) }
    }

    @Test("the index agrees with occurrences() and maps every day back to its keys",
          arguments: [2020, 2023, 2024, 2025, 2033, 1991])
    func indexAgrees(year: Int) throws {
        for rules in [AnniversaryRules.default, .init(leap: .skip, day30: .nextDay, feb29: .mar1)] {
            let index = try AnniversaryIndex(gregorianYear: year, rules: rules)
            var fromDays: [LunarAnniversaryKey: [SolarDate]] = [:]
            var day = try SolarDate(year: year, month: 1, day: 1)
            while day.year == year {
                for key in index.lunarKeys(on: day) { fromDays[key, default: []].append(day) }
                #expect(index.solarKeys(on: day).allSatisfy { index.date(of: $0) == day })
                day = day.adding(days: 1)
            }
            for month in 1...12 {
                for d in 1...30 {
                    for leap in [false, true] {
                        let key = try LunarAnniversaryKey(month: month, day: d, isLeapMonth: leap)
                        let expected = try occurrences(ofLunar: month, day: d, leap: leap, inGregorianYear: year, rules: rules)
                        #expect(index.dates(of: key) == expected, "\(key) in \(year)")
                        #expect((fromDays[key] ?? []) == expected, "\(key) in \(year)")
                    }
                }
            }
        }
    }

    @Test("several lunar keys share a day: 12-29 and 12-30 of a short 12th month")
    func sharedDays() throws {
        let index = try AnniversaryIndex(gregorianYear: 2025)
        let keys = index.lunarKeys(on: try SolarDate(year: 2025, month: 1, day: 28)).map(\.description)
        #expect(keys.contains("12-29") && keys.contains("12-30"))
        let feb28 = index.solarKeys(on: try SolarDate(year: 2025, month: 2, day: 28)).map(\.description)
        #expect(feb28 == ["02-28", "02-29"])
    }
}
