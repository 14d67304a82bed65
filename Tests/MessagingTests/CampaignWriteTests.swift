import Foundation
import GRDB
import Settings
import Store
import Testing
@testable import Messaging

@Suite("Campaign creation: rendering and writing on two threads")
struct CampaignWriteTests {
    @Test("thousands of recipients are all written, in customer order, once each")
    func largeCampaign() throws {
        let store = try makeOutboxStore()
        let ids = try insertCustomers(store, manyCustomers(4_500))
        let planner = CampaignPlanner(store: store, settings: outboxSettings())
        let summary = try planner.create(
            CampaignDraft(template: try MessageTemplate(text: "<<이름>>님, 이번 주 휴무 안내드립니다."), audience: .everyone))
        #expect(summary.recipients == 4_500)
        let campaign = try #require(summary.campaignID)
        let written = try store.pool.read { db in
            try Int64.fetchAll(db, sql: "SELECT customer_id FROM message WHERE campaign_id = ? ORDER BY id", arguments: [campaign])
        }
        #expect(written == ids)
    }

    @Test("a message row the store refuses names the customer, and no campaign is left behind")
    func refusedRowRollsBack() throws {
        let store = try makeOutboxStore()
        let ids = try insertCustomers(store, manyCustomers(2_500))
        let refused = ids[2_321]
        try store.pool.write { db in
            try db.execute(sql: """
                CREATE TRIGGER refuse_one BEFORE INSERT ON message WHEN NEW.customer_id = \(refused)
                BEGIN SELECT RAISE(ABORT, 'refused for the test'); END
                """)
        }
        let planner = CampaignPlanner(store: store, settings: outboxSettings())
        let draft = CampaignDraft(template: try MessageTemplate(text: "<<이름>>님"), audience: .everyone)
        #expect {
            try planner.create(draft)
        } throws: { error in
            "\(error)".contains("customer #\(refused)") && "\(error)".contains("refused for the test")
        }
        let counts = try store.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM campaign"), try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM message"))
        }
        #expect(counts.0 == 0 && counts.1 == 0)
    }
}
