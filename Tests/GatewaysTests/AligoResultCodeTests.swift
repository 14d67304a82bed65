import Foundation
import GRDB
import Gateways
import Messaging
import Testing
import Transport

@Suite("Aligo result codes")
struct AligoResultCodeTests {
    @Test("result codes and counts as numbers or strings; partial acceptance resolved per receiver", arguments: ["number", "string", "all_strings", "alternate"])
    func styles(_ style: String) async throws {
        let fake = try await GatewayFake.start(.aligo)
        let client = HTTPClient()
        let fixture = try CampaignFixture(count: 4, settings: fake.settings())
        try await fake.control(["config": ["result_code_style": style, "reject": [fixture.phones[1]: "x"]]], client: client)
        let pipeline = try Pipeline(fake: fake, fixture: fixture, client: client)
        while try await pipeline.dispatcher.runOnce() > 0 {}
        let states = try fixture.states()
        #expect(states[fixture.phones[1]] == "failed")
        for phone in [fixture.phones[0], fixture.phones[2], fixture.phones[3]] { #expect(states[phone] == "accepted") }
        let ids: [String?] = try await fixture.store.pool.read { db in
            try String?.fetchAll(db, sql: "SELECT gateway_message_id FROM message WHERE state = 'accepted'")
        }
        #expect(ids.allSatisfy { $0.map { Int($0) != nil } ?? false }, "msg_id kept: \(ids)")
        await fake.stop()
    }
}
