import Foundation
import GRDB
import Gateways
import Messaging
import Testing
import Transport

@Suite("Solapi batches")
struct SolapiBatchTests {
    @Test("two campaigns to the same phones in one batch: split so Solapi never sees a repeated number (1026)")
    func repeatedPhones() async throws {
        let fake = try await GatewayFake.start(.solapi)
        let client = HTTPClient()
        let settings = fake.settings()
        let fixture = try CampaignFixture(count: 3, settings: settings)
        let second = try CampaignPlanner(store: fixture.store, settings: settings)
            .create(CampaignDraft(template: try MessageTemplate(text: "<<이름>>님, 두 번째 안내입니다."), audience: .everyone))
        let pipeline = try Pipeline(fake: fake, fixture: fixture, client: client)
        let sent = try await pipeline.dispatcher.runOnce()
        #expect(sent == 6)
        let states: [String] = try await fixture.store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT state FROM message ORDER BY id")
        }
        #expect(states == Array(repeating: "accepted", count: 6))
        #expect(try fake.acceptedReceivers().sorted() == (fixture.phones + fixture.phones).sorted())
        #expect(second.campaignID != fixture.campaignID)
        await fake.stop()
    }
}
