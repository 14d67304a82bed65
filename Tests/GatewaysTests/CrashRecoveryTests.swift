import Foundation
import GRDB
import Gateways
import Messaging
import Store
import Testing
import Transport

/// A dispatcher that died between handing a batch to the gateway and recording the answer:
/// its rows stay `sending`; the next dispatcher makes them `unknown`, the reconciler finds out
/// which ones the gateway has. Nobody is sent twice, nobody is lost.
@Suite("crash recovery")
struct CrashRecoveryTests {
    @Test("rows left in sending by a dead dispatcher: recovered, reconciled, sent exactly once", arguments: GatewayFake.Kind.allCases)
    func deadDispatcher(_ kind: GatewayFake.Kind) async throws {
        let fake = try await GatewayFake.start(kind)
        let client = HTTPClient()
        let settings = fake.settings()
        let fixture = try CampaignFixture(count: 8, settings: settings)
        let pipeline = try Pipeline(fake: fake, fixture: fixture, client: client)
        let base = try GatewayFactory.makeClassifying(settings: settings.gateway, client: client, environment: [:])

        // The dead dispatcher's claim: everything in `sending`, its lease long expired …
        let now = Date()
        let claimed: [OutgoingMessage] = try await fixture.store.pool.write { db in
            try db.execute(
                sql: """
                    UPDATE message SET state = 'sending', lease_owner = 'gone-host:1:dead', lease_until = ?, gateway = ?,
                        attempts = attempts + 1, updated_at = ?
                    """,
                arguments: [OutboxTime.format(now.addingTimeInterval(-120)), kind.rawValue, OutboxTime.format(now)])
            try db.execute(
                sql: "INSERT INTO delivery_event (message_id, campaign_id, at, state, reason) SELECT id, campaign_id, ?, 'sending', 'test' FROM message",
                arguments: [OutboxTime.format(now)])
            return try Row.fetchAll(db, sql: "SELECT id, campaign_id, phone, text FROM message ORDER BY id").map {
                OutgoingMessage(id: $0[0], campaignID: $0[1], from: "0212345678", to: $0[2], type: .sms, subject: nil, text: $0[3])
            }
        }
        // … and it had sent the first half when it died.
        let sentBeforeCrash = Array(claimed.prefix(4))
        let outcomes = await base.deliver(sentBeforeCrash)
        #expect(outcomes.allSatisfy { if case .accepted = $0 { true } else { false } })

        let recovery = try await pipeline.dispatcher.recover()
        #expect(recovery.unknown == 8)
        let report = try await pipeline.reconciler.runOnce()
        #expect(report.accepted + report.delivered == 4)
        #expect(report.requeued == 4)
        try await pipeline.settle()

        let states = try fixture.states()
        #expect(states.values.allSatisfy { $0 == "accepted" || $0 == "delivered" }, "\(states)")
        #expect(try fake.acceptedReceivers().sorted() == fixture.phones)
        await fake.stop()
    }
}
