import Foundation
import GRDB
import Gateways
import Messaging
import Store
import Testing
import Transport

@Suite("reconciler")
struct ReconcilerTests {
    @Test("accepted messages walk to delivered (or a carrier failure); repeated reports change nothing", arguments: GatewayFake.Kind.allCases)
    func statusWalk(_ kind: GatewayFake.Kind) async throws {
        let fake = try await GatewayFake.start(kind, extraArguments: ["--status-step", "0.3"])
        
        let client = HTTPClient()
        let fixture = try CampaignFixture(count: 3, settings: fake.settings())
        let failing = fixture.phones[2]
        let carrierFailure: Any = kind == .solapi ? 3043 : "발/착신 번호 에러"
        try await fake.control(["config": ["carrier_fail": [failing: carrierFailure]]], client: client)
        let pipeline = try Pipeline(fake: fake, fixture: fixture, client: client)
        while try await pipeline.dispatcher.runOnce() > 0 {}
        #expect(try fixture.states().values.allSatisfy { $0 == "accepted" })

        // The walk takes 0.6 s at the fake; keep asking until every message is final.
        var total = Reconciler.Report()
        let deadline = ContinuousClock.now + .seconds(15)
        while try fixture.states().values.contains("accepted"), ContinuousClock.now < deadline {
            let report = try await pipeline.reconciler.runOnce()
            total.delivered += report.delivered
            total.failed += report.failed
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(total.delivered == 2)
        #expect(total.failed == 1)
        let states = try fixture.states()
        #expect(states[fixture.phones[0]] == "delivered" && states[fixture.phones[1]] == "delivered")
        #expect(states[failing] == "failed")

        let events = try DeliveryLog.lastID(fixture.store)
        let again = try await pipeline.reconciler.runOnce()
        #expect(again == Reconciler.Report())
        #expect(try DeliveryLog.lastID(fixture.store) == events)
        #expect(try fixture.eventStates(fixture.phones[0]) == ["sending", "accepted", "delivered"])
    }

    @Test("an unknown message the gateway never got goes back to pending only after the grace period")
    func graceBeforeRequeue() async throws {
        let fake = try await GatewayFake.start(.solapi)
        
        let client = HTTPClient()
        let fixture = try CampaignFixture(count: 2, settings: fake.settings())
        let pipeline = try Pipeline(fake: fake, fixture: fixture, client: client)
        try await fake.control(["fault": "reset"], client: client)
        while try await pipeline.dispatcher.runOnce() > 0 {}
        #expect(try fixture.states().values.allSatisfy { $0 == "unknown" })

        let base = try GatewayFactory.makeClassifying(settings: fake.settings().gateway, client: client, environment: [:])
        let patient = Reconciler(store: fixture.store, source: base, configuration: .init(gatewayName: "solapi", grace: 3600))
        #expect(try await patient.runOnce() == Reconciler.Report())
        #expect(try fixture.states().values.allSatisfy { $0 == "unknown" })

        let report = try await pipeline.reconciler.runOnce()
        #expect(report.requeued == 2)
        #expect(try fixture.states().values.allSatisfy { $0 == "pending" })
    }

    @Test("an unknown recovered long after its send is still found by its send time (no resend)")
    func lateRecovery() async throws {
        let fake = try await GatewayFake.start(.aligo)
        let client = HTTPClient()
        let fixture = try CampaignFixture(count: 2, settings: fake.settings())
        let pipeline = try Pipeline(fake: fake, fixture: fixture, client: client)
        try await fake.control(["fault": "reset_after"], client: client)
        while try await pipeline.dispatcher.runOnce() > 0 {}
        #expect(try fixture.states().values.allSatisfy { $0 == "unknown" })

        // As if the daemon had been down for an hour: the unknown rows were written an hour after the send.
        let later = Date().addingTimeInterval(3600)
        try await fixture.store.pool.write { db in
            try db.execute(sql: "UPDATE message SET updated_at = ?", arguments: [OutboxTime.format(later)])
        }
        let base = try GatewayFactory.makeClassifying(settings: fake.settings().gateway, client: client, environment: [:])
        let reconciler = Reconciler(
            store: fixture.store, source: base, configuration: .init(gatewayName: "aligo", grace: 60),
            clock: { later.addingTimeInterval(120) })
        let report = try await reconciler.runOnce()
        #expect(report.requeued == 0)
        #expect(report.accepted + report.delivered == 2)
        #expect(try fake.acceptedReceivers().sorted() == fixture.phones)
        await fake.stop()
    }
}
