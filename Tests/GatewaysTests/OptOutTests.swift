import Foundation
import GRDB
import Gateways
import Messaging
import Store
import Testing
import Transport

@Suite("gateway opt-outs")
struct OptOutTests {
    @Test("Solapi 1061 fails the message with its code and marks the customer opted out")
    func solapi1061() async throws {
        let fake = try await GatewayFake.start(.solapi)
        
        let client = HTTPClient()
        let fixture = try CampaignFixture(count: 3, settings: fake.settings())
        let pipeline = try Pipeline(fake: fake, fixture: fixture, client: client)
        let optedOut = fixture.phones[1]
        try await fake.control(["config": ["reject": [optedOut: 1061]]], client: client)
        try await pipeline.settle()

        #expect(try fixture.states()[optedOut] == "failed")
        #expect(try fixture.lastCode(optedOut) == "1061")
        let marks: [String?] = try await fixture.store.pool.read { db in
            try String?.fetchAll(db, sql: "SELECT opted_out_date FROM customer ORDER BY id")
        }
        #expect(marks[1] != nil)
        #expect(marks[0] == nil && marks[2] == nil)
        let source = try fixture.store.consent(idOrCode: "2").optedOut?.source
        #expect(source?.contains("1061") == true)
        #expect(try fake.acceptedReceivers().sorted() == [fixture.phones[0], fixture.phones[2]])
    }
}
