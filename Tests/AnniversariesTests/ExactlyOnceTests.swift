import Anniversaries
import Foundation
import GRDB
import KoreanCalendar
import Messaging
import Settings
import Store
import Testing

@Suite("Queueing each occurrence exactly once")
struct ExactlyOnceTests {
    @Test("running a day twice, after a restart and with the clock set back queues each text once")
    func restartAndClock() async throws {
        let store = try makeStore()
        let settings = testSettings()
        let a = try addCustomer(store, name: "김영희", birthday: lunar(3, 15))
        let b = try addCustomer(store, name: "이철수", mobile: "010-2222-3333", wedding: solar(5, 1, year: 2000))
        let first = try AnniversaryPlanner(store: store, settings: settings)
        let report = try first.run(day: day("2026-05-01"), now: kst("2026-05-01 09:00"))
        #expect(report.queued.map(\.customerID) == [a, b])
        #expect(try first.run(day: day("2026-05-01"), now: kst("2026-05-01 09:30")).queued.isEmpty)

        // A restarted daemon (a new service on the same file) at 10:00, then with its clock set back.
        let reopened = try KimbiseoStore.open(
            path: store.path, additionalMigrations: MessagingMigrations.all + AnniversaryMigrations.all)
        let service = try AnniversaryService(store: reopened, settings: settings)
        await service.runDue(now: kst("2026-05-01 10:00"))
        await service.runDue(now: kst("2026-05-01 09:05"))
        let messages = try anniversaryMessages(store)
        #expect(messages.map(\.customer) == [a, b])
        #expect(messages.allSatisfy { $0.state == "pending" })
        #expect(messages.first?.notBefore == OutboxTime.format(kst("2026-05-01 09:00")))
        // A reload that moves the texts a day earlier does not greet 2026-05-01 again.
        let earlier = try AnniversaryPlanner(store: store, settings: testSettings { $0.anniversaries.daysBefore = 1 })
        #expect(try earlier.run(day: day("2026-04-30"), now: kst("2026-05-01 11:00")).alreadyQueued == 2)
        #expect(try anniversaryMessages(store).count == 2)
    }

    @Test("two daemons planning the same day at once queue one text per occurrence")
    func twoDaemons() async throws {
        let store = try makeStore()
        for i in 0..<40 {
            try addCustomer(store, name: "고객\(i)", mobile: "010-5555-\(String(format: "%04d", i))", birthday: solar(9, 9))
        }
        let other = try KimbiseoStore.open(
            path: store.path, additionalMigrations: MessagingMigrations.all + AnniversaryMigrations.all)
        let settings = testSettings()
        let now = kst("2026-09-09 09:00")
        async let one = Task.detached { try AnniversaryPlanner(store: store, settings: settings).run(day: day("2026-09-09"), now: now) }.value
        async let two = Task.detached { try AnniversaryPlanner(store: other, settings: settings).run(day: day("2026-09-09"), now: now) }.value
        let (r1, r2) = try await (one, two)
        #expect(r1.queued.count + r2.queued.count == 40)
        #expect(r1.alreadyQueued + r2.alreadyQueued == 40)
        #expect(try anniversaryMessages(store).count == 40)
        let campaigns = try await store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM campaign") }
        #expect(campaigns == 1)
    }

    @Test("a lunar anniversary kept twice in one Gregorian year is queued once on each day, across restarts")
    func twiceInAYear() async throws {
        let store = try makeStore()
        let id = try addCustomer(store, name: "동짓달생", birthday: lunar(11, 25))
        let settings = testSettings()
        for date in ["1991-01-10", "1991-12-30"] {
            for minute in ["09:00", "09:01"] {
                let service = try AnniversaryService(store: store, settings: settings)
                await service.runDue(now: kst("\(date) \(minute)"))
            }
        }
        let rows = try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT customer_id, occurrence_date, state FROM anniversary_text ORDER BY id")
        }
        #expect(rows.map { $0[1] as String } == ["1991-01-10", "1991-12-30"])
        #expect(rows.allSatisfy { ($0[0] as Int64) == id && ($0[2] as String) == "queued" })
        #expect(try anniversaryMessages(store).count == 2)
    }

    @Test("catch-up at start plans the missed days within catch_up_days whose send time passed, never older")
    func catchUp() async throws {
        let store = try makeStore()
        let ids = try (1...5).map { d in
            try addCustomer(store, name: "고객\(d)", mobile: "010-7777-000\(d)", birthday: solar(3, d))
        }
        let settings = testSettings { $0.anniversaries.catchUpDays = 2 }
        // Down since before 03-01; starts 03-04 at 08:30, before today's send time.
        let service = try AnniversaryService(store: store, settings: settings)
        await service.runDue(now: kst("2026-03-04 08:30"))
        #expect(try anniversaryMessages(store).map(\.customer) == [ids[1], ids[2]])
        // The catch-up texts go now, not at a past 09:00.
        #expect(try anniversaryMessages(store).first?.notBefore == OutboxTime.format(kst("2026-03-04 08:30")))
        await service.runDue(now: kst("2026-03-04 09:00"))
        await service.runDue(now: kst("2026-03-04 09:00"))
        #expect(try anniversaryMessages(store).map(\.customer) == [ids[1], ids[2], ids[3]])
        // Same day only by default: a daemon down yesterday does not send yesterday's greeting.
        let store2 = try makeStore()
        let late = try addCustomer(store2, name: "어제", birthday: solar(3, 3))
        let today = try addCustomer(store2, name: "오늘", mobile: "010-9999-0000", birthday: solar(3, 4))
        await (try AnniversaryService(store: store2, settings: testSettings())).runDue(now: kst("2026-03-04 12:00"))
        #expect(try anniversaryMessages(store2).map(\.customer) == [today])
        #expect(late != today)
        // Found only at 22:00 (quiet hours until 08:00 tomorrow): too late for a same-day greeting.
        let store3 = try makeStore()
        try addCustomer(store3, name: "밤", birthday: solar(3, 4))
        await (try AnniversaryService(store: store3, settings: testSettings())).runDue(now: kst("2026-03-04 22:00"))
        #expect(try anniversaryMessages(store3).isEmpty)
        // With a day of catch-up it goes tomorrow at 08:00.
        await (try AnniversaryService(store: store3, settings: testSettings { $0.anniversaries.catchUpDays = 1 }))
            .runDue(now: kst("2026-03-04 22:00"))
        #expect(try anniversaryMessages(store3).map(\.notBefore) == [OutboxTime.format(kst("2026-03-05 08:00"))])
        #expect(try anniversaryMessages(store3).map(\.state) == ["held"])
    }

    @Test("a send day further back than catch_up_days is refused as late; within it, it is not")
    func lateDayRefused() throws {
        let store = try makeStore()
        let strict = try AnniversaryPlanner(store: store, settings: testSettings())
        #expect(throws: AnniversaryError.lateDay(day: "2026-11-28", today: "2026-11-29", catchUpDays: 0)) {
            try strict.checkNotLate(day: day("2026-11-28"), now: kst("2026-11-29 00:10"))
        }
        try strict.checkNotLate(day: day("2026-11-29"), now: kst("2026-11-29 23:50"))
        try strict.checkNotLate(day: day("2026-12-01"), now: kst("2026-11-29 09:00"))
        let lenient = try AnniversaryPlanner(store: store, settings: testSettings { $0.anniversaries.catchUpDays = 2 })
        try lenient.checkNotLate(day: day("2026-11-27"), now: kst("2026-11-29 09:00"))
        #expect(throws: AnniversaryError.self) { try lenient.checkNotLate(day: day("2026-11-26"), now: kst("2026-11-29 09:00")) }
    }

    @Test("send_at inside the quiet hours holds the text until they end")
    func quietHours() throws {
        let store = try makeStore()
        try addCustomer(store, name: "김영희", birthday: solar(11, 29))
        let settings = testSettings { $0.anniversaries.sendAt = "07:00" }
        let report = try AnniversaryPlanner(store: store, settings: settings).run(day: day("2026-11-29"), now: kst("2026-11-29 07:00"))
        #expect(report.queued.first?.isHeld == true)
        let message = try #require(try anniversaryMessages(store).first)
        #expect(message.state == "held")
        #expect(message.notBefore == OutboxTime.format(kst("2026-11-29 08:00")))
    }

    @Test("two customers sharing a phone on the same day both get their text, in separate campaigns")
    func sharedPhone() throws {
        let store = try makeStore()
        let a = try addCustomer(store, name: "엄마", birthday: solar(4, 4))
        let b = try addCustomer(store, name: "아빠", wedding: solar(4, 4))
        let c = try addCustomer(store, name: "딸", birthday: solar(4, 4))
        let report = try AnniversaryPlanner(store: store, settings: testSettings())
            .run(day: day("2026-04-04"), now: kst("2026-04-04 09:00"))
        #expect(report.queued.map(\.customerID) == [a, c, b])
        let campaigns = try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT send_date, kind, seq FROM anniversary_campaign ORDER BY kind, seq")
                .map { "\($0[1] as String)#\($0[2] as Int)" }
        }
        #expect(campaigns == ["birthday#1", "birthday#2", "wedding#1"])
    }
}
