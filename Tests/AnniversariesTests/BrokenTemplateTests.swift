import Foundation
import Testing
@testable import Anniversaries
import KoreanCalendar
import Store

/// A typo in one template file must not stop everyone's greeting.
@Suite("Broken anniversary templates")
struct BrokenTemplateTests {
    @Test("a broken group override excludes only that group's customers, with the file and the reason")
    func brokenOverride() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kimbiseo-tpl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "<<이름>>님, 생일 축하드립니다. -<<상호>>".write(
            to: dir.appendingPathComponent("birthday.txt"), atomically: true, encoding: .utf8)
        try "<<이름>>님 <<오타>> 생일 축하".write(
            to: dir.appendingPathComponent("birthday.group.지인.txt"), atomically: true, encoding: .utf8)
        try "<<이름>>님, 결혼기념일 축하드립니다.".write(
            to: dir.appendingPathComponent("wedding.txt"), atomically: true, encoding: .utf8)

        let store = try makeStore()
        let friend = try addCustomer(store, name: "김지인", birthday: solar(5, 1), group: "지인")
        let other = try addCustomer(store, name: "이고객", mobile: "010-2222-3333", birthday: solar(5, 1))
        let settings = testSettings { $0.anniversaries.templatesDirectory = dir.path }
        let plan = try AnniversaryPlanner.plan(day: day("2026-05-01"), settings: settings, store: store, now: kst("2026-05-01 09:00"))
        #expect(plan.texts.map(\.customerID) == [other])
        let excluded = try #require(plan.exclusions.first)
        #expect(plan.exclusions.count == 1 && excluded.customerID == friend && excluded.reasonCode == "template")
        #expect(excluded.reason.contains("birthday.group.지인.txt") && excluded.reason.contains("오타"), "\(excluded.reason)")
    }
}
