import Foundation
import GRDB
import Store
import Testing
@testable import Messaging

@Suite("The delivery log")
struct OutboxEventLogTests {
    @Test("every transition of every message is one event, in order")
    func logIsComplete() async throws {
        let store = try makeOutboxStore()
        try insertCustomers(store, manyCustomers(6))
        let campaign = try #require(try createCampaign(store).campaignID)
        let spool = makeSpoolDirectory()
        try await drain(makeDispatcher(store, gateway: SpoolGateway(directory: spool, maxBatchSize: 4)))
        let events = try DeliveryLog.events(store, .init(campaignID: campaign))
        let perMessage = Dictionary(grouping: events.filter { $0.messageID != nil }, by: { $0.messageID! })
        #expect(perMessage.count == 6)
        #expect(perMessage.values.allSatisfy { $0.map(\.state) == ["sending", "accepted"] })
        #expect(perMessage.values.allSatisfy { $0.first?.phone?.hasPrefix("010") == true && $0.first?.type == "SMS" })
        let campaignStates = events.filter { $0.messageID == nil }.map(\.state)
        #expect(campaignStates == ["queued", "running", "done"])
        #expect(events.map(\.id) == events.map(\.id).sorted())
        let last = try DeliveryLog.lastID(store)
        #expect(last == events.last?.id)
        #expect(try DeliveryLog.events(store, .init(afterID: last)).isEmpty)
        #expect(try DeliveryLog.events(store, .init(limit: 2, newest: true)).map(\.id) == Array(events.suffix(2).map(\.id)))
    }

    @Test("events cannot be changed or deleted")
    func logIsAppendOnly() throws {
        let store = try makeOutboxStore()
        try insertCustomers(store, manyCustomers(1))
        try createCampaign(store)
        #expect(throws: DatabaseError.self) {
            try store.pool.write { db in try db.execute(sql: "UPDATE delivery_event SET reason = 'x'") }
        }
        #expect(throws: DatabaseError.self) {
            try store.pool.write { db in try db.execute(sql: "DELETE FROM delivery_event") }
        }
        #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM delivery_event") } == 1)
    }

    @Test("store instants round-trip and Seoul times parse")
    func instants() throws {
        let date = Date(timeIntervalSince1970: 1_795_000_000.123)
        #expect(OutboxTime.parse(OutboxTime.format(date))!.timeIntervalSince1970 == 1_795_000_000.123)
        #expect(OutboxTime.format(OutboxTime.parseSeoul("2026-11-29 08:00")!) == "2026-11-28T23:00:00.000Z")
        #expect(OutboxTime.seoulMinute(OutboxTime.parse("2026-11-28T23:00:00.000Z")!) == "2026-11-29 08:00")
        #expect(OutboxTime.parse("2026-11-28 23:00:00") != nil)
        #expect(OutboxTime.parse("2026-13-28T23:00:00Z") == nil)
    }
}
