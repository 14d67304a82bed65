import Foundation
import GRDB
import Settings
import Store
import Testing
@testable import Messaging

@Suite("Campaign creation: audience snapshot, exclusions, consent, quiet hours")
struct CampaignPlannerTests {
    @Test("one message per phone; every exclusion is counted with its reason and name")
    func snapshotWithDuplicatesAndExclusions() throws {
        let store = try makeOutboxStore()
        try insertCustomers(store, [
            TestCustomer("홍길동", "01011112222", company: "김비서상사"),
            TestCustomer("홍부인", "010-1111-2222", company: "김비서상사"),  // same phone, other form
            TestCustomer("무번호", nil, company: "A"),
            TestCustomer("집전화", "0212345678", company: "A"),
            TestCustomer("거부자", "01033334444", company: "A", optedOut: "2026-01-01"),
            TestCustomer("김똠", "01055556666", company: "A"),  // 똠 is outside KS X 1001
            TestCustomer("무직장", "01077778888"),  // <<직장명>> has no value and no fallback
            TestCustomer("이순신", "01099990000", company: "거북선"),
        ])
        let planner = CampaignPlanner(store: store, settings: outboxSettings())
        let template = try MessageTemplate(text: "<<이름>>님(<<직장명>>) 안녕하세요")
        let summary = try planner.create(CampaignDraft(template: template, audience: .everyone, previewCount: 5))

        #expect(summary.customers == 8)
        #expect(summary.recipients == 2)
        #expect(summary.sms == 2 && summary.lms == 0)
        #expect(summary.sharedPhoneCount == 1)
        #expect(summary.sharedPhones.first?.keptName == "홍길동")
        #expect(summary.sharedPhones.first?.skippedName == "홍부인")
        let byCode = Dictionary(uniqueKeysWithValues: summary.excluded.map { ($0.code, $0) })
        #expect(byCode["no_mobile"]?.count == 1)
        #expect(byCode["invalid_mobile"]?.count == 1)
        #expect(byCode["opted_out"]?.customers.map(\.name) == ["거부자"])
        #expect(byCode["charset"]?.customers.map(\.name) == ["김똠"])
        #expect(byCode["missing_value"]?.customers.map(\.name) == ["무직장"])
        #expect(summary.excludedCount == 5)
        #expect(summary.previews.count == 2)

        let id = try #require(summary.campaignID)
        let rows = try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT phone, text, state, type, bytes FROM message WHERE campaign_id = ? ORDER BY id", arguments: [id])
        }
        #expect(rows.map { $0["phone"] as String } == ["01011112222", "01099990000"])
        #expect(rows.first?["text"] == "홍길동님(김비서상사) 안녕하세요")
        #expect(rows.allSatisfy { $0["state"] == "pending" && $0["type"] == "SMS" })
        #expect(rows.first?["bytes"] == SMSBytes.count("홍길동님(김비서상사) 안녕하세요"))
        let record = try Outbox(store: store).show(id)
        #expect(record.recipientCount == 2 && record.excludedCount == 5)
        #expect(record.summary?.excludedCount == 5)
    }

    @Test("a dry run writes nothing and reports the same numbers")
    func dryRunWritesNothing() throws {
        let store = try makeOutboxStore()
        try insertCustomers(store, manyCustomers(20))
        let planner = CampaignPlanner(store: store, settings: outboxSettings())
        let draft = CampaignDraft(template: try MessageTemplate(text: "<<이름>>님"), audience: .everyone)
        let summary = try planner.create(draft, dryRun: true)
        #expect(summary.recipients == 20 && summary.campaignID == nil && summary.dryRun)
        let counts = try store.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM campaign"), try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM message"))
        }
        #expect(counts.0 == 0 && counts.1 == 0)
    }

    @Test("groups and grades select their customers; an unknown group is an error")
    func groupsAndGrades() throws {
        let store = try makeOutboxStore()
        try insertCustomers(store, [
            TestCustomer("가", "01000000001", group: "VIP", grade: "A"),
            TestCustomer("나", "01000000002", group: "VIP", grade: "B"),
            TestCustomer("다", "01000000003", group: "일반", grade: "A"),
        ])
        let planner = CampaignPlanner(store: store, settings: outboxSettings())
        let template = try MessageTemplate(text: "<<그룹>> <<등급>> <<이름>>")
        let vip = try planner.create(CampaignDraft(template: template, audience: Audience(groups: ["VIP"])), dryRun: true)
        #expect(vip.recipients == 2)
        let vipA = try planner.create(CampaignDraft(template: template, audience: Audience(groups: ["VIP"], grades: ["A"]), previewCount: 3), dryRun: true)
        #expect(vipA.recipients == 1 && vipA.previews.first?.text == "VIP A 가")
        #expect(throws: MessagingError.unknownAudience(kind: "group", names: ["없는그룹"])) {
            try planner.create(CampaignDraft(template: template, audience: Audience(groups: ["없는그룹"])))
        }
        #expect(throws: MessagingError.self) {
            try planner.create(CampaignDraft(template: template, audience: Audience(all: true, groups: ["VIP"])))
        }
    }

    @Test("advertising: only valid consent, wrapped with (광고) and 무료거부, SMS turned LMS counted")
    func advertisingConsent() throws {
        let store = try makeOutboxStore()
        let clock = TestClock(seoul: "2026-11-28 10:00")
        try insertCustomers(store, [
            TestCustomer("동의", "01000000001", adConsent: "2026-01-01"),
            TestCustomer("만료", "01000000002", adConsent: "2024-01-01"),
            TestCustomer("미동의", "01000000003"),
            TestCustomer("거부", "01000000004", adConsent: "2026-01-01", optedOut: "2026-02-01"),
        ])
        let planner = CampaignPlanner(store: store, settings: outboxSettings(), clock: clock.function)
        let text = String(repeating: "가", count: 30) + " <<이름>>님"  // 67 bytes alone: an SMS
        let summary = try planner.create(CampaignDraft(template: try MessageTemplate(text: text), audience: .everyone, isAd: true))
        #expect(summary.recipients == 1)
        #expect(summary.lms == 1 && summary.promotedToLMSByAd == 1)
        #expect(Set(summary.excluded.map(\.code)) == ["consent_expired", "no_consent", "opted_out"])
        let sent = try store.pool.read { db in try String.fetchOne(db, sql: "SELECT text FROM message") }
        #expect(sent?.hasPrefix("(광고)김비서상사\n") == true)
        #expect(sent?.hasSuffix("\n무료거부 080-123-4567") == true)
    }

    @Test("advertising refuses to start without shop name or opt-out number; every campaign needs a sender")
    func requiredSettings() throws {
        let store = try makeOutboxStore()
        try insertCustomers(store, manyCustomers(1, adConsent: "2026-01-01"))
        let template = try MessageTemplate(text: "<<이름>>님")
        var noShop = outboxSettings()
        noShop.shopName = nil
        #expect(throws: AdWrapperError.missingShopName) {
            try CampaignPlanner(store: store, settings: noShop).create(CampaignDraft(template: template, audience: .everyone, isAd: true))
        }
        var noOptOut = outboxSettings()
        noOptOut.optoutNumber = nil
        #expect(throws: AdWrapperError.missingOptOutNumber) {
            try CampaignPlanner(store: store, settings: noOptOut).create(CampaignDraft(template: template, audience: .everyone, isAd: true))
        }
        // Informational messages need neither.
        #expect(try CampaignPlanner(store: store, settings: noOptOut).create(CampaignDraft(template: template, audience: .everyone)).recipients == 1)
        var noSender = outboxSettings()
        noSender.sender = nil
        #expect(throws: MessagingError.setting(key: "sms.sender", problem: "the registered sender number is not set")) {
            try CampaignPlanner(store: store, settings: noSender).create(CampaignDraft(template: template, audience: .everyone))
        }
        let campaigns = try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM campaign") }
        #expect(campaigns == 1)
    }

    @Test("in quiet hours, advertising without night consent is held until 08:00 KST")
    func quietHoursHolding() throws {
        let store = try makeOutboxStore()
        try insertCustomers(store, [
            TestCustomer("야간동의", "01000000001", adConsent: "2026-01-01", nightConsent: "2026-01-01"),
            TestCustomer("주간만", "01000000002", adConsent: "2026-01-01"),
        ])
        let clock = TestClock(seoul: "2026-11-28 22:30")
        let planner = CampaignPlanner(store: store, settings: outboxSettings(), clock: clock.function)
        let template = try MessageTemplate(text: "<<이름>>님 세일")
        let ad = try planner.create(CampaignDraft(template: template, audience: .everyone, isAd: true))
        #expect(ad.held == 1 && ad.heldUntil == "2026-11-29 08:00")
        let rows = try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT phone, state, not_before, quiet_hours FROM message WHERE campaign_id = ? ORDER BY phone", arguments: [ad.campaignID])
        }
        #expect(rows[0]["state"] == "pending" && rows[0]["quiet_hours"] == 0)
        #expect(rows[1]["state"] == "held" && rows[1]["quiet_hours"] == 1)
        #expect(rows[1]["not_before"] == OutboxTime.format(OutboxTime.parseSeoul("2026-11-29 08:00")!))

        // Informational messages are not held, unless sms.quiet_hours_for_all says so.
        let info = try planner.create(CampaignDraft(template: template, audience: .everyone), dryRun: true)
        #expect(info.held == 0)
        var forAll = outboxSettings()
        forAll.quietHoursForAll = true
        let infoHeld = try CampaignPlanner(store: store, settings: forAll, clock: clock.function)
            .create(CampaignDraft(template: template, audience: .everyone), dryRun: true)
        #expect(infoHeld.held == 1)

        // Scheduled for the afternoon: nothing is held at creation.
        let later = try planner.create(
            CampaignDraft(template: template, audience: .everyone, isAd: true, scheduledAt: OutboxTime.parseSeoul("2026-11-29 14:00")),
            dryRun: true)
        #expect(later.held == 0 && later.scheduledAt == "2026-11-29 14:00")
    }

    @Test("a send time in the past (a wrong year) is refused, a minute ago still means now")
    func pastSendTime() throws {
        let store = try makeOutboxStore()
        try insertCustomers(store, manyCustomers(2))
        let template = try MessageTemplate(text: "<<이름>>님 연말 인사드립니다", subject: nil)
        let clock = TestClock(seoul: "2026-12-24 10:00")
        let planner = CampaignPlanner(store: store, settings: outboxSettings(), clock: clock.function)
        #expect(throws: MessagingError.scheduledInPast(seoulTime: "2025-12-24 10:00")) {
            try planner.create(CampaignDraft(
                template: template, audience: .everyone, scheduledAt: OutboxTime.parseSeoul("2025-12-24 10:00")))
        }
        #expect(try store.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM campaign") } == 0)
        let aMinuteAgo = try planner.create(CampaignDraft(
            template: template, audience: .everyone, scheduledAt: OutboxTime.parseSeoul("2026-12-24 09:59")))
        #expect(aMinuteAgo.recipients == 2)
    }

    @Test("a campaign request row becomes a campaign, or is rejected with the reason")
    func campaignRequests() throws {
        let store = try makeOutboxStore()
        try insertCustomers(store, manyCustomers(3) + [TestCustomer("VIP", "01099999999", group: "VIP")])
        try TemplateStore(store: store).add(name: "인사", text: "<<이름>>님 안녕하세요", subject: nil)
        try store.pool.write { db in
            try db.execute(sql: """
                INSERT INTO campaign_request (template_name, groups) VALUES ('인사', '["VIP"]');
                INSERT INTO campaign_request (text, all_customers) VALUES ('<<이름>>님 공지', 1);
                INSERT INTO campaign_request (template_name, all_customers) VALUES ('없는서식', 1);
                """)
        }
        let outcomes = try CampaignRequestProcessor(store: store, settings: outboxSettings()).processNew()
        #expect(outcomes.count == 3)
        #expect(outcomes[0].campaignID != nil && outcomes[1].campaignID != nil)
        #expect(outcomes[2].error == "no template named '없는서식'")
        let rows = try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT r.state, c.recipient_count FROM campaign_request r LEFT JOIN campaign c ON c.id = r.campaign_id ORDER BY r.id")
        }
        #expect(rows.map { $0[0] as String } == ["accepted", "accepted", "rejected"])
        #expect(rows.map { $0[1] as Int? } == [1, 4, nil])
        #expect(try CampaignRequestProcessor(store: store, settings: outboxSettings()).processNew().isEmpty)
    }

    @Test("a test message is rendered as the chosen customer and queued to the operator's phone")
    func testMessage() throws {
        let store = try makeOutboxStore()
        let ids = try insertCustomers(store, [
            TestCustomer("홍길동", "01011112222", group: "VIP", company: "거북상회", optedOut: "2026-01-01"),
            TestCustomer("김똠", "01033334444"),
        ])
        let planner = CampaignPlanner(store: store, settings: outboxSettings())
        let template = try MessageTemplate(text: "<<그룹>> <<이름>>님(<<직장명>>)")
        let summary = try planner.createTest(template: template, templateName: nil, customerID: ids[0], to: "010-9999-8888", isAd: true)
        #expect(summary.recipients == 1)
        let row = try #require(try store.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT c.kind, m.phone, m.text FROM message m JOIN campaign c ON c.id = m.campaign_id")
        })
        #expect(row[0] == "test" && row[1] == "01099998888")
        #expect(row[2] == "(광고)김비서상사\nVIP 홍길동님(거북상회)\n무료거부 080-123-4567")
        #expect(throws: TestMessageError.self) {
            try planner.createTest(template: template, templateName: nil, customerID: ids[1], to: "01099998888", isAd: false)
        }
        #expect(throws: MessagingError.invalidPhone("0212345678")) {
            try planner.createTest(template: template, templateName: nil, customerID: ids[0], to: "0212345678", isAd: false)
        }
    }
}
