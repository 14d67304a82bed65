import Testing
@testable import KoreanCalendar

@Suite("public holidays")
struct HolidayTests {
    private func dates(_ year: Int, _ kind: Holiday.Kind? = nil, extra: [Holiday] = []) throws -> [String] {
        try KoreanHolidays.holidays(inYear: year, extra: extra).filter { kind == nil || $0.kind == kind }
            .map(\.date.description)
    }

    @Test("substitute holidays 2020–2030 (대체공휴일)", arguments: [
        (2020, ["2020-01-27"]),
        (2021, ["2021-08-16", "2021-10-04", "2021-10-11"]),
        (2022, ["2022-09-12", "2022-10-10"]),
        (2023, ["2023-01-24", "2023-05-29"]),
        (2024, ["2024-02-12", "2024-05-06"]),
        (2025, ["2025-03-03", "2025-05-06", "2025-10-08"]),
        (2026, ["2026-03-02", "2026-05-25", "2026-08-17", "2026-10-05"]),
        (2027, ["2027-02-09", "2027-07-19", "2027-08-16", "2027-10-04", "2027-10-11", "2027-12-27"]),
        (2028, ["2028-10-05"]),
        (2029, ["2029-05-07", "2029-05-21", "2029-09-24"]),
        (2030, ["2030-02-05", "2030-05-06"]),
    ])
    func substitutes(year: Int, expected: [String]) throws {
        #expect(try dates(year, .substitute) == expected)
    }

    @Test("2024 and 2025 match the official lists day by day")
    func officialLists() throws {
        #expect(try dates(2024) == [
            "2024-01-01", "2024-02-09", "2024-02-10", "2024-02-11", "2024-02-12", "2024-03-01", "2024-04-10",
            "2024-05-05", "2024-05-06", "2024-05-15", "2024-06-06", "2024-08-15", "2024-09-16", "2024-09-17",
            "2024-09-18", "2024-10-01", "2024-10-03", "2024-10-09", "2024-12-25",
        ])
        #expect(try dates(2025) == [
            "2025-01-01", "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-03-01", "2025-03-03",
            "2025-05-05", "2025-05-05", "2025-05-06", "2025-06-03", "2025-06-06", "2025-08-15", "2025-10-03",
            "2025-10-05", "2025-10-06", "2025-10-07", "2025-10-08", "2025-10-09", "2025-12-25",
        ])
    }

    @Test("names in Korean and English; substitute days named after their holiday")
    func names() throws {
        let list = try KoreanHolidays.holidays(inYear: 2025)
        #expect(list.first { $0.date.description == "2025-10-08" }?.description
            == "2025-10-08 대체공휴일(추석) Substitute Holiday (Chuseok)")
        #expect(list.first { $0.date.description == "2025-01-29" }?.description == "2025-01-29 설날 Seollal")
    }

    @Test("rules of their time: 1990 and 2005 and 2013, 2026 additions")
    func history() throws {
        let y1990 = try dates(1990)
        #expect(y1990.contains("1990-01-03") && y1990.contains("1990-10-01") && y1990.contains("1990-10-09"))
        let (y1998, y1999) = (try dates(1998), try dates(1999))
        #expect(y1998.contains("1998-01-02") && !y1999.contains("1999-01-02"))
        let (y2005, y2006) = (try dates(2005), try dates(2006))
        #expect(y2005.contains("2005-04-05") && !y2006.contains("2006-04-05"))
        let (y2007, y2008) = (try dates(2007), try dates(2008))
        #expect(y2007.contains("2007-07-17") && !y2008.contains("2008-07-17"))
        let (y2012, y2013) = (try dates(2012), try dates(2013))
        #expect(!y2012.contains("2012-10-09") && y2013.contains("2013-10-09"))
        let y2026 = try dates(2026)
        #expect(y2026.contains("2026-05-01") && y2026.contains("2026-07-17"))
        #expect(try dates(2013, .substitute).isEmpty)  // no substitute days before 2014
        #expect(try dates(2017).contains("2017-10-06"))  // 추석 overlapping 개천절
    }

    @Test("lunar holidays past the KASI table come from the computed extension", arguments: 2051...2100)
    func computedYears(year: Int) throws {
        let list = try KoreanHolidays.holidays(inYear: year)
        #expect(list.filter { $0.name == "설날" }.count == 3)
        #expect(list.filter { $0.name == "추석" }.count == 3)
        #expect(list.contains { $0.name == "부처님오신날" })
    }

    @Test("the computed extension continues the KASI table seamlessly")
    func extensionChains() {
        let last = LunarTable.newYear(2050) + LunarTable.yearLength(LunarTable.packed(2050))
        #expect(LunarTable.extendedNewYear(2051) == last)
        for year in 2051..<2100 {
            #expect(LunarTable.extendedNewYear(year) + LunarTable.yearLength(LunarTable.extendedPacked(year))
                == LunarTable.extendedNewYear(year + 1))
        }
    }

    @Test("configured extra days are added; years outside 1990…2100 are refused")
    func extraAndRange() throws {
        let extra = [Holiday(date: try SolarDate(year: 2031, month: 3, day: 14), name: "임시공휴일", nameEnglish: "Temporary Holiday")]
        #expect(try dates(2031, .extra, extra: extra) == ["2031-03-14"])
        #expect(try dates(2030, .extra, extra: extra).isEmpty)
        #expect(KoreanHolidays.isHoliday(try SolarDate(year: 2031, month: 3, day: 14), extra: extra))
        #expect(throws: CalendarError.self) { try KoreanHolidays.holidays(inYear: 1989) }
        #expect(throws: CalendarError.self) { try KoreanHolidays.holidays(inYear: 2101) }
    }
}
