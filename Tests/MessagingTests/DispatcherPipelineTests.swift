import Foundation
import GRDB
import Store
import Synchronization
import Testing
@testable import Messaging

/// A gateway that accepts everything, counts its calls and notes the most calls it ever had
/// in flight at once; `onCall` runs at the start of each call (1-based).
final class CountingGateway: SMSGateway {
    let name = "counting"
    let maxBatchSize: Int
    let onCall: @Sendable (Int) -> Void
    let state = Mutex((calls: 0, inFlight: 0, mostInFlight: 0, sent: [Int64]()))

    init(maxBatchSize: Int, onCall: @escaping @Sendable (Int) -> Void = { _ in }) {
        self.maxBatchSize = maxBatchSize
        self.onCall = onCall
    }

    func send(_ batch: [OutgoingMessage]) async -> [SendResult] {
        let call = state.withLock { state in
            state.calls += 1
            state.inFlight += 1
            state.mostInFlight = max(state.mostInFlight, state.inFlight)
            state.sent += batch.map(\.id)
            return state.calls
        }
        onCall(call)
        try? await Task.sleep(for: .milliseconds(5))
        state.withLock { $0.inFlight -= 1 }
        return batch.map { .accepted(gatewayID: "c-\($0.id)") }
    }
}

@Suite("Dispatcher: batches recorded while the next one is at the gateway")
struct DispatcherPipelineTests {
    @Test("runBatches sends every message once, one call at a time, and logs sending before the result")
    func pipelinedSendsOnce() async throws {
        let store = try makeOutboxStore()
        try insertCustomers(store, manyCustomers(95))
        let campaign = try #require(try createCampaign(store).campaignID)
        let gateway = CountingGateway(maxBatchSize: 10)
        let dispatcher = makeDispatcher(store, gateway: gateway)
        // Slices until nothing is left: a slice can run out while the test process is busy
        // (the whole suite shares two cooperative threads), which must not change the outcome.
        var handed = 0
        var slices = 0
        while slices < 20 {
            let n = try await dispatcher.runBatches(for: .seconds(30))
            slices += 1
            if n == 0 { break }
            handed += n
        }
        #expect(handed == 95)
        let (calls, most, sent) = gateway.state.withLock { ($0.calls, $0.mostInFlight, $0.sent) }
        #expect(calls == 10 && most == 1)
        #expect(sent.count == 95 && Set(sent).count == 95)
        #expect(try stateCounts(store, campaign: campaign) == ["accepted": 95])
        #expect(try Outbox(store: store).show(campaign).state == .done)
        var seen: [Int64: [String]] = [:]
        for event in try messageEvents(store, campaign: campaign) { seen[event.id, default: []].append(event.state) }
        #expect(seen.count == 95 && seen.values.allSatisfy { $0 == ["sending", "accepted"] })
    }

    @Test("a pause while a batch is at the gateway: that batch is recorded, nothing more is sent")
    func pauseDuringCall() async throws {
        let store = try makeOutboxStore()
        try insertCustomers(store, manyCustomers(50))
        let campaign = try #require(try createCampaign(store).campaignID)
        let gateway = CountingGateway(maxBatchSize: 10) { call in
            if call == 2 { try? Outbox(store: store).pause(campaign) }
        }
        let dispatcher = makeDispatcher(store, gateway: gateway)
        #expect(try await dispatcher.runBatches(for: .seconds(30)) == 20)
        #expect(gateway.state.withLock { $0.calls } == 2)
        #expect(try stateCounts(store, campaign: campaign) == ["accepted": 20, "pending": 30])
        #expect(try Outbox(store: store).show(campaign).state == .paused)
    }

    @Test("runBatches stops after its time slice with every result recorded")
    func timeSlice() async throws {
        let store = try makeOutboxStore()
        try insertCustomers(store, manyCustomers(40))
        let campaign = try #require(try createCampaign(store).campaignID)
        let dispatcher = makeDispatcher(store, gateway: CountingGateway(maxBatchSize: 10))
        #expect(try await dispatcher.runBatches(for: .zero) == 0)
        #expect(try stateCounts(store, campaign: campaign) == ["pending": 40])
        #expect(try await dispatcher.runBatches(for: .milliseconds(1)) == 10)
        #expect(try stateCounts(store, campaign: campaign) == ["accepted": 10, "pending": 30])
    }

    @Test("the token bucket tells whether a take would wait")
    func bucketWouldWait() async throws {
        let bucket = TokenBucket(rate: 10)
        #expect(!bucket.wouldWait(10))
        #expect(bucket.wouldWait(11))
        try await bucket.acquire(10)
        #expect(bucket.wouldWait(5))
        #expect(!TokenBucket(rate: 0).wouldWait(1_000_000))
    }
}
