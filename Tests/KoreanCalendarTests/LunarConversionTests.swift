import Testing
@testable import KoreanCalendar

@Suite("lunar ↔ solar conversion")
struct LunarConversionTests {
    @Test("every day of the table round-trips solar → lunar → solar and lunar days count up")
    func roundTripEveryDay() throws {
        var previous = try LunarDate(dayNumber: LunarTable.firstSolarDay)
        #expect(previous == (try LunarDate(year: 1000, month: 1, day: 1)))
        #expect(previous.solarDate == (try SolarDate(year: 1000, month: 2, day: 13)))
        var mismatches = 0
        for dayNumber in (LunarTable.firstSolarDay + 1)...LunarTable.lastSolarDay {
            let lunar = try LunarDate(dayNumber: dayNumber)
            if lunar.dayNumber != dayNumber { mismatches += 1 }
            // Each day is the next day of the same month, or day 1 of the next month.
            let continues = lunar.year == previous.year && lunar.month == previous.month
                && lunar.isLeapMonth == previous.isLeapMonth && lunar.day == previous.day + 1
            let startsMonth = lunar.day == 1 && previous.day >= 29 && previous < lunar
            if !(continues || startsMonth) { mismatches += 1 }
            previous = lunar
        }
        #expect(mismatches == 0)
        #expect(previous == (try LunarDate(year: 2050, month: 11, day: 18)))
    }

    @Test("every lunar month start and length 1900–2050 matches korean-lunar-calendar (KASI)")
    func monthStartsMatchFixture() throws {
        let rows = try fixtureRows("lunar-month-starts.tsv")
        #expect(rows.count > 1800)
        var leapMonths = 0
        for row in rows {
            let year = Int(row[0])!, month = Int(row[1])!, leap = row[2] == "1", length = Int(row[4])!
            let start = try LunarDate(year: year, month: month, day: 1, isLeapMonth: leap)
            #expect(start.solarDate.description == row[3], "lunar \(start)")
            #expect(try LunarDate(SolarDate(parsing: row[3])) == start)
            if leap { leapMonths += 1; #expect(LunarDate.leapMonth(inYear: year) == month) }
            if length > 0 {
                #expect(LunarDate.daysIn(year: year, month: month, isLeapMonth: leap) == length, "lunar \(start)")
                let last = try LunarDate(year: year, month: month, day: length, isLeapMonth: leap)
                #expect(try LunarDate(last.solarDate.adding(days: 1)).day == 1)
            }
        }
        #expect(leapMonths == 56)
    }

    @Test("Korea, not China: new years and leap months of the KASI table", arguments: [
        (1997, 1, false, "1997-02-08"), (2027, 1, false, "2027-02-07"), (2028, 1, false, "2028-01-27"),
        (2012, 3, true, "2012-04-21"), (2017, 5, true, "2017-06-24"), (2017, 2, false, "2017-02-26"),
        (1984, 10, true, "1984-11-23"), (2014, 9, true, "2014-10-24"), (2025, 1, false, "2025-01-29"),
    ])
    func koreanNotChinese(year: Int, month: Int, leap: Bool, solar: String) throws {
        #expect(try LunarDate(year: year, month: month, day: 1, isLeapMonth: leap).solarDate.description == solar)
    }

    @Test("leap months of 2012 and 2017 are Korean (윤3월, 윤5월)")
    func koreanLeapMonths() {
        #expect(LunarDate.leapMonth(inYear: 2012) == 3)
        #expect(LunarDate.leapMonth(inYear: 2017) == 5)
        #expect(LunarDate.leapMonth(inYear: 2023) == 2)
        #expect(LunarDate.leapMonth(inYear: 2024) == nil)
    }

    @Test("validation explains itself")
    func validationMessages() {
        #expect(throws: CalendarError.self) { try LunarDate(year: 2024, month: 1, day: 30) }
        func message(_ body: () throws -> Void) -> String {
            do { try body(); return "no error" } catch { return String(describing: error) }
        }
        // (Lunar 2024 month 2 has 30 days; month 1 has 29.)
        #expect(message { _ = try LunarDate(year: 2024, month: 1, day: 30) }
            == "lunar 2024-01-30 does not exist: month 1 of 2024 has 29 days")
        #expect(message { _ = try LunarDate(year: 2023, month: 4, day: 1, isLeapMonth: true) }
            == "2023 has no leap month 4 (its leap month is 2)")
        #expect(message { _ = try LunarDate(year: 2024, month: 4, day: 1, isLeapMonth: true) }
            == "2024 has no leap month 4 (it has no leap month)")
        #expect(message { _ = try SolarDate(year: 2023, month: 2, day: 29) }
            == "2023-02-29 does not exist: month 2 of 2023 has 28 days")
        #expect(message { _ = try LunarDate(year: 2050, month: 11, day: 19) }
            == "lunar 2050-11-19 is outside the supported range lunar 1000-01-01 … 2050-11-18")
        #expect(message { _ = try LunarDate(SolarDate(year: 2051, month: 1, day: 1)) }
            == "solar 2051-01-01 is outside the supported range 1000-02-13 … 2050-12-31")
        #expect(message { _ = try SolarDate(parsing: "2024-13") } == "\"2024-13\" is not a date: expected YYYY-MM-DD")
        #expect(message { _ = try LunarDate(year: 999, month: 1, day: 1) }.contains("outside the supported range"))
    }

    @Test("day numbers are proleptic Gregorian")
    func dayNumbers() throws {
        #expect(try SolarDate(year: 1970, month: 1, day: 1).dayNumber == 0)
        #expect(try SolarDate(year: 2000, month: 3, day: 1).dayNumber == 11_017)
        #expect(try SolarDate(year: 1582, month: 10, day: 4).dayNumber + 1
            == (try SolarDate(year: 1582, month: 10, day: 5)).dayNumber)
        #expect(try SolarDate(year: 2025, month: 1, day: 29).weekday == 3)
        #expect(try SolarDate(parsing: "2025.01.29") == SolarDate(parsing: "20250129"))
        for n in stride(from: -800_000, to: 800_000, by: 997) {
            #expect(SolarDate(dayNumber: n).dayNumber == n)
        }
    }
}
