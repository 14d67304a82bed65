import Foundation
import GRDB
import Settings
import Store
import Synchronization
import Testing
@testable import Messaging

/// A gateway that answers from a script and counts what it was given.
final class ScriptedGateway: SMSGateway {
    let name = "scripted"
    let maxBatchSize = 100
    let answer: @Sendable (OutgoingMessage) -> SendResult
    let sent = Mutex<[Int64]>([])

    init(answer: @escaping @Sendable (OutgoingMessage) -> SendResult) { self.answer = answer }

    func send(_ batch: [OutgoingMessage]) async -> [SendResult] {
        sent.withLock { $0 += batch.map(\.id) }
        return batch.map(answer)
    }
}

func makeDispatcher(
    _ store: KimbiseoStore, gateway: any SMSGateway, owner: String = Dispatcher.Configuration.defaultOwner(),
    batch: Int? = nil, rate: Double = 0, clock: @escaping @Sendable () -> Date = { Date() }
) -> Dispatcher {
    Dispatcher(
        store: store, gateway: gateway,
        configuration: .init(owner: owner, sender: "0212345678", ratePerSecond: rate, maxBatchSize: batch), clock: clock)
}

@Suite("Dispatcher: leases, spool, pause/cancel, quiet hours, recovery, retries")
struct DispatcherTests {
    @Test("the spool gateway writes one line per message and every message ends accepted")
    func spoolDispatch() async throws {
        let store = try makeOutboxStore()
        try insertCustomers(store, manyCustomers(120))
        let campaign = try #require(try createCampaign(store).campaignID)
        let spool = makeSpoolDirectory()
        let dispatcher = makeDispatcher(store, gateway: SpoolGateway(directory: spool, maxBatchSize: 50))
        try await drain(dispatcher)
        #expect(try stateCounts(store, campaign: campaign) == ["accepted": 120])
        let ids = try spoolIDs(spool)
        #expect(ids.count == 120 && Set(ids).count == 120)
        #expect(try Outbox(store: store).show(campaign).state == .done)
        let line = try String(contentsOfFile: spool + "/" + (try FileManager.default.contentsOfDirectory(atPath: spool)[0]), encoding: .utf8)
            .split(separator: "\n")[0]
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["to"] as? String == "01000000001")
        #expect(object["type"] as? String == "SMS")
        #expect(object["text"] as? String == "고객1님 안녕하세요")
        #expect((object["campaign"] as? NSNumber)?.int64Value == campaign)
    }

    @Test("two dispatchers on one store never send the same message")
    func twoDispatchersNeverDoubleSend() async throws {
        let store = try makeOutboxStore()
        try insertCustomers(store, manyCustomers(600))
        let campaign = try #require(try createCampaign(store).campaignID)
        let spool = makeSpoolDirectory()
        let a = makeDispatcher(store, gateway: SpoolGateway(directory: spool, maxBatchSize: 7))
        let b = makeDispatcher(store, gateway: SpoolGateway(directory: spool, maxBatchSize: 11))
        async let first: Void = drain(a)
        async let second: Void = drain(b)
        _ = try await (first, second)
        try await drain(a)
        let ids = try spoolIDs(spool)
        #expect(ids.count == 600)
        #expect(Set(ids).count == 600)
        #expect(try stateCounts(store, campaign: campaign) == ["accepted": 600])
    }

    @Test("a paused campaign is not sent until resumed; cancel cancels what waits")
    func pauseResumeCancel() async throws {
        let store = try makeOutboxStore()
        try insertCustomers(store, manyCustomers(30))
        let outbox = Outbox(store: store)
        let spool = makeSpoolDirectory()
        let dispatcher = makeDispatcher(store, gateway: SpoolGateway(directory: spool, maxBatchSize: 10))
        let campaign = try #require(try createCampaign(store).campaignID)
        #expect(try await dispatcher.runOnce() == 10)
        try outbox.pause(campaign)
        #expect(try await dispatcher.runOnce() == 0)
        #expect(try outbox.show(campaign).state == .paused)
        try outbox.resume(campaign)
        #expect(try await dispatcher.runOnce() == 10)
        #expect(try outbox.cancel(campaign) == 10)
        try await drain(dispatcher)
        #expect(try stateCounts(store, campaign: campaign) == ["accepted": 20, "cancelled": 10])
        #expect(try spoolIDs(spool).count == 20)
        #expect(throws: MessagingError.campaignState(id: campaign, state: .cancelled, operation: "resume")) {
            try outbox.resume(campaign)
        }

        // A campaign created with --hold waits for resume.
        let held = try #require(try createCampaign(store, hold: true).campaignID)
        #expect(try await dispatcher.runOnce() == 0)
        try outbox.resume(held)
        try await drain(dispatcher)
        #expect(try stateCounts(store, campaign: held) == ["accepted": 30])
    }

    @Test("a pause between claim and send gives the claimed messages back")
    func pauseAfterClaim() async throws {
        let store = try makeOutboxStore()
        try insertCustomers(store, manyCustomers(5))
        let campaign = try #require(try createCampaign(store).campaignID)
        let gateway = ScriptedGateway { .accepted(gatewayID: "g\($0.id)") }
        let dispatcher = makeDispatcher(store, gateway: gateway)
        let claimed = try dispatcher.claim(now: Date(), limit: 5)
        #expect(claimed.count == 5)
        try Outbox(store: store).pause(campaign)
        #expect(try dispatcher.dropStopped(claimed).isEmpty)
        #expect(try stateCounts(store, campaign: campaign) == ["pending": 5])
        #expect(gateway.sent.withLock { $0 }.isEmpty)
    }

    @Test("quiet hours: held at 21:00 without night consent, released and sent at 08:00")
    func quietHoursAtDispatch() async throws {
        let store = try makeOutboxStore()
        try insertCustomers(store, manyCustomers(3, adConsent: "2026-01-01") + [
            TestCustomer("야간동의", "01099999999", adConsent: "2026-01-01", nightConsent: "2026-01-01"),
        ])
        let clock = TestClock(seoul: "2026-11-28 20:59")
        let campaign = try #require(try createCampaign(store, ad: true, clock: clock.function).campaignID)
        #expect(try stateCounts(store, campaign: campaign) == ["pending": 4])
        clock.set(seoul: "2026-11-28 21:00")
        let gateway = ScriptedGateway { .accepted(gatewayID: "g\($0.id)") }
        let dispatcher = makeDispatcher(store, gateway: gateway, clock: clock.function)
        try await drain(dispatcher)
        #expect(try stateCounts(store, campaign: campaign) == ["accepted": 1, "held": 3])
        clock.set(seoul: "2026-11-29 07:59")
        #expect(try await dispatcher.runOnce() == 0)
        clock.set(seoul: "2026-11-29 08:00")
        try await drain(dispatcher)
        #expect(try stateCounts(store, campaign: campaign) == ["accepted": 4])
        let events = try DeliveryLog.events(store, .init(campaignID: campaign)).filter { $0.messageID != nil }
        #expect(events.filter { $0.state == "held" }.count == 3)
        #expect(events.filter { $0.state == "pending" }.count == 3)
    }

    @Test("a crashed claim is resolved from the spool file: found → accepted, absent → sent once")
    func crashRecoveryThroughSpool() async throws {
        let store = try makeOutboxStore()
        try insertCustomers(store, manyCustomers(40))
        let campaign = try #require(try createCampaign(store).campaignID)
        let spool = makeSpoolDirectory()
        let gateway = SpoolGateway(directory: spool, maxBatchSize: 100)
        // A dispatcher of a process that is gone claims 20 and writes 8 of them, then dies.
        let dead = makeDispatcher(store, gateway: gateway, owner: "\(ProcessInfo.processInfo.hostName):2147483000:dead")
        let claimed = try dead.claim(now: Date(), limit: 20)
        _ = await gateway.send(Array(claimed.prefix(8)))
        // …and a torn line from the moment it died.
        let file = spool + "/" + SpoolGateway.fileName(for: Date())
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"id\":\(claimed[8].id),\"campaign\":1,\"fr".utf8))
        try handle.close()
        #expect(try stateCounts(store, campaign: campaign) == ["sending": 20, "pending": 20])

        let restarted = makeDispatcher(store, gateway: gateway)
        let report = try await restarted.recover()
        #expect(report == Dispatcher.RecoveryReport(accepted: 8, requeued: 12, unknown: 0))
        try await drain(restarted)
        let ids = try spoolIDs(spool)
        #expect(ids.count == 40 && Set(ids).count == 40)
        #expect(try stateCounts(store, campaign: campaign) == ["accepted": 40])
    }

    @Test("a live lease is left alone; an expired one of a gateway that cannot tell becomes unknown")
    func recoveryOfOtherGateways() async throws {
        let store = try makeOutboxStore()
        try insertCustomers(store, manyCustomers(4))
        let campaign = try #require(try createCampaign(store).campaignID)
        let gateway = ScriptedGateway { .accepted(gatewayID: "g\($0.id)") }
        let clock = TestClock(Date())
        let other = makeDispatcher(store, gateway: gateway, owner: "elsewhere:1:x", clock: clock.function)
        #expect(try other.claim(now: clock.date, limit: 4).count == 4)
        let mine = makeDispatcher(store, gateway: gateway, clock: clock.function)
        #expect(try await mine.recover() == Dispatcher.RecoveryReport())
        clock.advance(61)
        #expect(try await mine.recover() == Dispatcher.RecoveryReport(accepted: 0, requeued: 0, unknown: 4))
        #expect(try stateCounts(store, campaign: campaign) == ["unknown": 4])
        #expect(gateway.sent.withLock { $0 }.isEmpty)
    }

    @Test("retry-failed puts back only definite, retryable failures")
    func retryFailedSelectsRetryable() async throws {
        let store = try makeOutboxStore()
        try insertCustomers(store, manyCustomers(9))
        let campaign = try #require(try createCampaign(store).campaignID)
        let gateway = ScriptedGateway { message in
            switch message.id % 3 {
            case 0: .failed(code: "429", reason: "요청 과다", retryable: true)
            case 1: .failed(code: "1062", reason: "발신번호 미등록", retryable: false)
            default: .unknown(reason: "응답 시간 초과")
            }
        }
        try await drain(makeDispatcher(store, gateway: gateway))
        #expect(try stateCounts(store, campaign: campaign) == ["failed": 6, "unknown": 3])
        #expect(try Outbox(store: store).show(campaign).state == .done)
        #expect(try Outbox(store: store).retryFailed(campaign) == 3)
        #expect(try stateCounts(store, campaign: campaign) == ["failed": 6, "unknown": 3].merging(["pending": 3, "failed": 3]) { $1 })
        #expect(try Outbox(store: store).show(campaign).state == .queued)
        let failed = try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT last_code, retryable FROM message WHERE state = 'failed'")
        }
        #expect(failed.allSatisfy { $0["last_code"] == "1062" && $0["retryable"] == false })
    }

    @Test("a running dispatcher stops within a second of a pause and finishes after resume")
    func pauseWhileRunning() async throws {
        let store = try makeOutboxStore()
        try insertCustomers(store, manyCustomers(60))
        let campaign = try #require(try createCampaign(store).campaignID)
        let spool = makeSpoolDirectory()
        let dispatcher = makeDispatcher(store, gateway: SpoolGateway(directory: spool), rate: 20)
        let running = Task { await dispatcher.run() }
        defer { running.cancel() }
        for _ in 0..<200 where (try stateCounts(store, campaign: campaign)["accepted"] ?? 0) == 0 {
            try await Task.sleep(for: .milliseconds(50))
        }
        try Outbox(store: store).pause(campaign)
        try await Task.sleep(for: .seconds(1))
        let atPause = try stateCounts(store, campaign: campaign)["accepted"] ?? 0
        try await Task.sleep(for: .milliseconds(1500))
        #expect(try stateCounts(store, campaign: campaign)["accepted"] ?? 0 == atPause)
        #expect(atPause > 0 && atPause < 60)
        try Outbox(store: store).resume(campaign)
        dispatcher.wake()
        for _ in 0..<100 where try stateCounts(store, campaign: campaign) != ["accepted": 60] {
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(try stateCounts(store, campaign: campaign) == ["accepted": 60])
        #expect(try spoolIDs(spool).count == 60)
        running.cancel()
        await running.value
    }
}
