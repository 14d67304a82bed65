import Foundation
import GRDB
import Store
import Synchronization
import Testing
@testable import Messaging

/// A gateway taking large batches, answering from a script.
final class LargeBatchGateway: SMSGateway {
    let name = "large"
    let maxBatchSize: Int
    let answer: @Sendable (OutgoingMessage) -> SendResult

    init(maxBatchSize: Int, answer: @escaping @Sendable (OutgoingMessage) -> SendResult) {
        self.maxBatchSize = maxBatchSize
        self.answer = answer
    }

    func send(_ batch: [OutgoingMessage]) async -> [SendResult] { batch.map(answer) }
}

/// The message events of `campaign` as (message id, state), in log order.
func messageEvents(_ store: KimbiseoStore, campaign: Int64) throws -> [(id: Int64, state: String)] {
    try DeliveryLog.events(store, .init(campaignID: campaign)).compactMap { event in
        event.messageID.map { ($0, event.state) }
    }
}

@Suite("Dispatcher: batched writes of claims, results and events")
struct DispatcherBatchWriteTests {
    @Test("a batch larger than one statement records every result and one event per message, in order")
    func largeBatchResults() async throws {
        let store = try makeOutboxStore()
        let count = Dispatcher.resultsPerUpdate + 3
        try insertCustomers(store, manyCustomers(count))
        let campaign = try #require(try createCampaign(store).campaignID)
        let gateway = LargeBatchGateway(maxBatchSize: count) { message in
            switch message.id % 3 {
            case 0: .accepted(gatewayID: "g-\(message.id)")
            case 1: .failed(code: "429", reason: "요청 과다 '\(message.id)'", retryable: true)
            default: .unknown(reason: "응답 시간 초과")
            }
        }
        let dispatcher = makeDispatcher(store, gateway: gateway)
        #expect(try await dispatcher.runOnce() == count)
        #expect(try await dispatcher.runOnce() == 0)

        // Every row as one line, compared at once (one expectation, not thousands).
        let rows = try await store.pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT id || ' ' || state || ' ' || IFNULL(gateway_message_id, '-') || ' ' || IFNULL(last_code, '-')
                    || ' ' || IFNULL(last_reason, '-') || ' ' || retryable || ' ' || IFNULL(lease_owner, '-')
                FROM message WHERE campaign_id = ? ORDER BY id
                """, arguments: [campaign])
        }
        let ids: [Int64] = try await store.pool.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM message WHERE campaign_id = ? ORDER BY id", arguments: [campaign])
        }
        let expected = ids.map { id in
            switch id % 3 {
            case 0: "\(id) accepted g-\(id) - 게이트웨이 접수 0 -"
            case 1: "\(id) failed - 429 요청 과다 '\(id)' 1 -"
            default: "\(id) unknown - - 응답 시간 초과 0 -"
            }
        }
        #expect(ids.count == count)
        #expect(rows == expected)
        let events = try messageEvents(store, campaign: campaign)
        #expect(events.filter { $0.state == "sending" }.map(\.id) == ids)
        #expect(events.filter { $0.state != "sending" && $0.state != "pending" }.map(\.id) == ids)
        // Each result's event: the result's state, code and reason; the gateway's id for the accepted.
        let logged = try DeliveryLog.events(store, .init(campaignID: campaign))
            .filter { $0.messageID != nil && $0.state != "sending" }
            .map { "\($0.messageID ?? 0) \($0.state) \($0.code ?? "-") \($0.reason ?? "-") \($0.detail ?? "-")" }
        #expect(logged == ids.map { id in
            switch id % 3 {
            case 0: "\(id) accepted - 게이트웨이 접수 g-\(id)"
            case 1: "\(id) failed 429 요청 과다 '\(id)' -"
            default: "\(id) unknown - 응답 시간 초과 -"
            }
        })
        #expect(try Outbox(store: store).show(campaign).state == .done)
    }

    @Test("a result for a message whose lease another dispatcher took is not written and logs no event")
    func resultsGuardedByLease() async throws {
        let store = try makeOutboxStore()
        try insertCustomers(store, manyCustomers(10))
        let campaign = try #require(try createCampaign(store).campaignID)
        let gateway = LargeBatchGateway(maxBatchSize: 10) { .accepted(gatewayID: "g-\($0.id)") }
        let dispatcher = makeDispatcher(store, gateway: gateway)
        let claimed = try dispatcher.claim(now: Date(), limit: 10)
        #expect(claimed.count == 10)
        let taken = claimed.prefix(3).map(\.id)
        try await store.pool.write { db in
            try db.execute(
                sql: "UPDATE message SET lease_owner = 'elsewhere:1:x' WHERE id IN (SELECT value FROM json_each(?))",
                arguments: [Dispatcher.jsonArray(taken)])
        }
        try dispatcher.record(claimed, await gateway.send(claimed), at: Date())
        #expect(try stateCounts(store, campaign: campaign) == ["sending": 3, "accepted": 7])
        let accepted = try messageEvents(store, campaign: campaign).filter { $0.state == "accepted" }.map(\.id)
        #expect(accepted == claimed.dropFirst(3).map(\.id))
    }

    @Test("a claim logs one sending event per claimed message and nothing for the rest")
    func claimEvents() async throws {
        let store = try makeOutboxStore()
        try insertCustomers(store, manyCustomers(25))
        let campaign = try #require(try createCampaign(store).campaignID)
        let dispatcher = makeDispatcher(store, gateway: LargeBatchGateway(maxBatchSize: 100) { _ in .unknown(reason: "-") })
        let claimed = try dispatcher.claim(now: Date(), limit: 20)
        #expect(claimed.map(\.id) == claimed.map(\.id).sorted())
        let sending = try messageEvents(store, campaign: campaign).filter { $0.state == "sending" }.map(\.id)
        #expect(sending == claimed.map(\.id))
        #expect(try stateCounts(store, campaign: campaign) == ["sending": 20, "pending": 5])
    }

    @Test("claims and results raise the checkpoint threshold only while they write")
    func checkpointThresholdRestored() async throws {
        let store = try makeOutboxStore()
        try insertCustomers(store, manyCustomers(5))
        _ = try createCampaign(store)
        let dispatcher = makeDispatcher(store, gateway: LargeBatchGateway(maxBatchSize: 10) { .accepted(gatewayID: "g-\($0.id)") })
        let threshold = { try await store.pool.write { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") } }
        let before = try await threshold()
        #expect(try await dispatcher.runOnce() == 5)
        #expect(try await threshold() == before)
        #expect(before != Dispatcher.checkpointPages)
    }
}
