import Testing
@testable import KoreanCalendar

@Suite("24 solar terms")
struct SolarTermTests {
    @Test("published KASI times (KST, to the minute)", arguments: [
        (2024, SolarTerm.beginningOfSpring, "2024-02-04T17:27+09:00"),
        (2025, SolarTerm.winterSolstice, "2025-12-22T00:03+09:00"),
        (2019, SolarTerm.winterSolstice, "2019-12-22T13:19+09:00"),
    ])
    func publishedTimes(year: Int, term: SolarTerm, kst: String) throws {
        #expect(try SolarTerms.time(of: term, inYear: year).kst == kst)
    }

    @Test("a term in the last seconds of a day keeps its date: 2030 우수 on 02-18")
    func nearMidnight() throws {
        let rainWater = try SolarTerms.time(of: .rainWater, inYear: 2030)
        #expect(rainWater.date.description == "2030-02-18")
        #expect(SolarTerms.term(on: try SolarDate(year: 2030, month: 2, day: 18))?.term == .rainWater)
        // UTC+9, not UTC+8: 2025 동지 is on Dec 22 in Korea (Dec 21 in China).
        #expect(SolarTerms.term(on: try SolarDate(year: 2025, month: 12, day: 22))?.term == .winterSolstice)
    }

    @Test("24 terms a year, in order, at their longitudes")
    func orderAndNames() throws {
        let terms = try SolarTerms.terms(inYear: 2026)
        #expect(terms.map(\.term) == SolarTerm.allCases)
        #expect(zip(terms, terms.dropFirst()).allSatisfy { $0.kstSeconds < $1.kstSeconds })
        #expect(terms.first?.date.month == 1 && terms.last?.date.month == 12)
        #expect(SolarTerm.springEquinox.longitude == 0 && SolarTerm.minorCold.longitude == 285)
        #expect(SolarTerm.winterSolstice.nameKorean == "동지" && SolarTerm.minorCold.nameEnglish == "Minor Cold")
        #expect(throws: CalendarError.self) { try SolarTerms.terms(inYear: 1899) }
        #expect(throws: CalendarError.self) { try SolarTerms.terms(inYear: 2101) }
    }

    @Test("1900–2100 agree with an independent computation (PyPI ephem) within a minute")
    func agreesWithEphem() throws {
        let rows = try fixtureRows("terms-ephem.tsv")
        #expect(rows.count == 201 * 24)
        var worst = 0.0, beyondMinute = 0, otherDate = 0, otherMinute = 0
        var cache: [Int: [SolarTermTime]] = [:]
        for row in rows {
            let year = Int(row[0])!, index = Int(row[1])!
            let ours = try cache[year] ?? SolarTerms.terms(inYear: year)
            cache[year] = ours
            let stamp = row[3]  // YYYY-MM-DDTHH:MM:SS.sss
            let date = try SolarDate(parsing: String(stamp.prefix(10)))
            let parts = stamp.dropFirst(11).split(separator: ":")
            let theirs = Double(date.dayNumber * 86_400) + Double(parts[0])! * 3600 + Double(parts[1])! * 60
                + Double(parts[2])!
            let difference = abs(Double(ours[index].kstSeconds) - theirs)
            worst = max(worst, difference)
            if difference > 60 { beyondMinute += 1 }
            if ours[index].date != date { otherDate += 1 }
            let theirMinute = ((theirs + 30) / 60).rounded(.down)
            if theirMinute != ((Double(ours[index].kstSeconds) + 30) / 60).rounded(.down) { otherMinute += 1 }
        }
        print("solar terms vs ephem 1900–2100: worst \(worst) s, \(beyondMinute) beyond 1 min, "
              + "\(otherMinute) printed with another minute, \(otherDate) on another date")
        #expect(beyondMinute == 0)
        #expect(otherDate <= 3)
    }
}
