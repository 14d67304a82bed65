import Anniversaries
import Foundation
import KoreanCalendar
import Settings
import Store
import Testing

@Suite("Planning lunar, leap-month, day-30 and solar anniversaries")
struct LunarPlanningTests {
    /// The customers (ids) planned for send day `date` at 09:00 KST that day.
    static func planned(_ store: KimbiseoStore, _ settings: Settings, on date: String) throws -> [Int64] {
        try AnniversaryPlanner.plan(day: day(date), settings: settings, store: store, now: kst("\(date) 09:00"))
            .texts.map(\.customerID)
    }

    @Test("a lunar birthday is kept on its solar day in each of several years, and only there")
    func lunarAcrossYears() throws {
        let store = try makeStore()
        let settings = testSettings()
        let id = try addCustomer(store, name: "김영희", birthday: lunar(3, 15, year: 1970))
        for year in 2024...2028 {
            let expected = try #require(try solarDate(ofLunar: 3, day: 15, inLunarYear: year))
            let plan = try AnniversaryPlanner.plan(
                day: expected, settings: settings, store: store, now: kst("\(expected) 09:00"))
            let text = try #require(plan.texts.first)
            #expect(plan.texts.count == 1)
            #expect(text.customerID == id)
            #expect(text.origin.originArrow(text.occurrence) == "음력 3월 15일 → \(expected)")
            #expect(text.years == year - 1970)
            #expect(text.text == "김영희님, 생일 축하드립니다! 늘 건강하시고 웃음 가득한 한 해 되세요. -김비서상사")
            #expect(try Self.planned(store, settings, on: expected.adding(days: -1).description).isEmpty)
            #expect(try Self.planned(store, settings, on: expected.adding(days: 1).description).isEmpty)
        }
        // 2026: lunar 3-15 is 2026-05-01.
        #expect(try Self.planned(store, settings, on: "2026-05-01") == [id])
    }

    @Test("a leap-month birthday: the leap month when the year has it, else the regular month, or skipped")
    func leapMonth() throws {
        let store = try makeStore()
        let id = try addCustomer(store, name: "윤달생", birthday: leapLunar(4, 10))
        let regular = try addCustomer(store, name: "사월생", birthday: lunar(4, 10))
        #expect(LunarDate.leapMonth(inYear: 2020) == 4)
        #expect(LunarDate.leapMonth(inYear: 2021) != 4)
        let leap2020 = try #require(try solarDate(ofLunar: 4, day: 10, leap: true, inLunarYear: 2020))
        let regular2020 = try #require(try solarDate(ofLunar: 4, day: 10, inLunarYear: 2020))
        let regular2021 = try #require(try solarDate(ofLunar: 4, day: 10, inLunarYear: 2021))
        let settings = testSettings()
        // 2020 has 윤4월: the leap-month birthday in it, the regular one in the regular month only.
        #expect(try Self.planned(store, settings, on: leap2020.description) == [id])
        #expect(try Self.planned(store, settings, on: regular2020.description) == [regular])
        // 2021 has no 윤4월: both on the regular month's day.
        #expect(try Self.planned(store, settings, on: regular2021.description) == [id, regular])

        let always = testSettings { $0.anniversaries.leapPolicy = "always-regular" }
        #expect(try Self.planned(store, always, on: leap2020.description).isEmpty)
        #expect(try Self.planned(store, always, on: regular2020.description) == [id, regular])

        let skip = testSettings { $0.anniversaries.leapPolicy = "skip" }
        #expect(try Self.planned(store, skip, on: leap2020.description) == [id])
        #expect(try Self.planned(store, skip, on: regular2021.description) == [regular])
    }

    @Test("lunar day 30 in a 29-day month goes to day 29, or the next day by setting")
    func day30() throws {
        let store = try makeStore()
        let id = try addCustomer(store, name: "섣달생", birthday: lunar(12, 30, year: 1960))
        let shortYears = (2020...2031).filter { LunarDate.daysIn(year: $0, month: 12) == 29 }
        let longYears = (2020...2031).filter { LunarDate.daysIn(year: $0, month: 12) == 30 }
        #expect(shortYears.count >= 3)
        for year in shortYears.prefix(3) {
            let day29 = try #require(try solarDate(ofLunar: 12, day: 29, inLunarYear: year))
            let plan = try AnniversaryPlanner.plan(
                day: day29, settings: testSettings(), store: store, now: kst("\(day29) 09:00"))
            #expect(plan.texts.map(\.customerID) == [id])
            #expect(plan.texts.first?.years == year - 1960)
            // The next-day policy: 설날 (lunar 1-1 of the next year).
            let nextDay = testSettings { $0.anniversaries.day30 = "next-day" }
            #expect(try Self.planned(store, nextDay, on: day29.description).isEmpty)
            #expect(try Self.planned(store, nextDay, on: day29.adding(days: 1).description) == [id])
        }
        for year in longYears.prefix(2) {
            let day30 = try #require(try solarDate(ofLunar: 12, day: 30, inLunarYear: year))
            #expect(try Self.planned(store, testSettings(), on: day30.description) == [id])
        }
    }

    @Test("a lunar 11th-month birthday kept twice in one Gregorian year is planned on both days")
    func twiceInOneYear() throws {
        let store = try makeStore()
        let id = try addCustomer(store, name: "동짓달생", birthday: lunar(11, 25))
        // Lunar 11-25 fell on 1991-01-10 (lunar year 1990) and 1991-12-30 (lunar year 1991).
        #expect(try occurrences(ofLunar: 11, day: 25, inGregorianYear: 1991).map(\.description)
            == ["1991-01-10", "1991-12-30"])
        #expect(try Self.planned(store, testSettings(), on: "1991-01-10") == [id])
        #expect(try Self.planned(store, testSettings(), on: "1991-12-30") == [id])
        // Across the year boundary: 1992-12-?? and nothing in between.
        #expect(try Self.planned(store, testSettings(), on: "1991-12-31").isEmpty)
    }

    @Test("days_before plans the anniversary that many days ahead, across a year boundary")
    func daysBefore() throws {
        let store = try makeStore()
        let id = try addCustomer(store, name: "신정생", birthday: solar(1, 2, year: 1990))
        let settings = testSettings { $0.anniversaries.daysBefore = 3 }
        let plan = try AnniversaryPlanner.plan(day: day("2026-12-30"), settings: settings, store: store, now: kst("2026-12-30 09:00"))
        #expect(plan.occurrenceDay == day("2027-01-02"))
        #expect(plan.texts.map(\.customerID) == [id])
        #expect(plan.texts.first?.years == 37)
        #expect(try Self.planned(store, settings, on: "2027-01-02").isEmpty)
    }

    @Test("solar Feb 29 in a common year: Feb 28 by default, Mar 1 by setting")
    func feb29() throws {
        let store = try makeStore()
        let id = try addCustomer(store, name: "윤일생", birthday: solar(2, 29, year: 2000))
        #expect(try Self.planned(store, testSettings(), on: "2027-02-28") == [id])
        #expect(try Self.planned(store, testSettings(), on: "2028-02-29") == [id])
        #expect(try Self.planned(store, testSettings(), on: "2028-02-28").isEmpty)
        let march = testSettings { $0.anniversaries.feb29 = "mar1" }
        #expect(try Self.planned(store, march, on: "2027-02-28").isEmpty)
        #expect(try Self.planned(store, march, on: "2027-03-01") == [id])
    }

    @Test("opted out, no mobile, invalid mobile and texts turned off are excluded with a reason")
    func exclusions() throws {
        let store = try makeStore()
        let wedding = solar(6, 1, year: 2010)
        let ok = try addCustomer(store, name: "정상", wedding: wedding)
        let optedOut = try addCustomer(store, name: "거부", wedding: wedding, optedOut: "2025-01-01")
        let noMobile = try addCustomer(store, name: "무번호", mobile: nil, wedding: wedding)
        let landline = try addCustomer(store, name: "유선", mobile: "02-123-4567", wedding: wedding)
        let off = try addCustomer(store, name: "끔", wedding: wedding, textsEnabled: false)
        let plan = try AnniversaryPlanner.plan(day: day("2026-06-01"), settings: testSettings(), store: store, now: kst("2026-06-01 09:00"))
        #expect(plan.texts.map(\.customerID) == [ok])
        #expect(plan.texts.first?.kind == .wedding)
        #expect(plan.texts.first?.years == 16)
        let reasons = Dictionary(uniqueKeysWithValues: plan.exclusions.map { ($0.customerID, $0.reasonCode) })
        #expect(reasons == [optedOut: "opted_out", noMobile: "no_mobile", landline: "invalid_mobile", off: "disabled"])
    }

    @Test("a group override beats a grade override, which beats the default template")
    func overrides() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kimbiseo-tpl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for file in ["birthday.txt", "wedding.txt"] {
            try FileManager.default.copyItem(
                atPath: Repository.smsTemplates + "/" + file, toPath: directory.appendingPathComponent(file).path)
        }
        try "<<이름>> VIP님 생신 축하드립니다.".write(
            to: directory.appendingPathComponent("birthday.group.VIP.txt"), atomically: true, encoding: .utf8)
        try "<<이름>> 골드 고객님 생일 축하!".write(
            to: directory.appendingPathComponent("birthday.grade.골드.txt"), atomically: true, encoding: .utf8)
        let store = try makeStore()
        let birthday = solar(7, 7)
        try addCustomer(store, name: "가", birthday: birthday, group: "VIP", grade: "골드")
        try addCustomer(store, name: "나", birthday: birthday, grade: "골드")
        try addCustomer(store, name: "다", birthday: birthday, group: "일반")
        let settings = testSettings { $0.anniversaries.templatesDirectory = directory.path }
        let texts = try AnniversaryPlanner.plan(day: day("2026-07-07"), settings: settings, store: store, now: kst("2026-07-07 09:00"))
            .texts.map(\.text)
        #expect(texts == [
            "가 VIP님 생신 축하드립니다.", "나 골드 고객님 생일 축하!",
            "다님, 생일 축하드립니다! 늘 건강하시고 웃음 가득한 한 해 되세요. -김비서상사",
        ])
    }
}
