import Foundation
import GRDB
import Settings
import Store
import Synchronization
@testable import Messaging

/// A store with the Messaging tables, in its own temporary directory.
func makeOutboxStore() throws -> KimbiseoStore {
    try KimbiseoStore.openTemporary(additionalMigrations: MessagingMigrations.all)
}

/// A spool directory of its own.
func makeSpoolDirectory() -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kimbiseo-spool-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

/// Settings with everything a campaign (also an advertising one) needs.
func outboxSettings(rate: Double = 0) -> SMSSettings {
    var sms = SMSSettings()
    sms.sender = "0212345678"
    sms.shopName = "김비서상사"
    sms.optoutNumber = "080-123-4567"
    sms.ratePerSecond = rate
    return sms
}

/// A clock tests move by hand.
final class TestClock: Sendable {
    private let now: Mutex<Date>
    init(_ date: Date) { now = Mutex(date) }
    /// At `YYYY-MM-DD HH:MM` Asia/Seoul.
    convenience init(seoul text: String) { self.init(OutboxTime.parseSeoul(text)!) }
    var date: Date { now.withLock { $0 } }
    func set(seoul text: String) { now.withLock { $0 = OutboxTime.parseSeoul(text)! } }
    func advance(_ seconds: TimeInterval) { now.withLock { $0 = $0.addingTimeInterval(seconds) } }
    var function: @Sendable () -> Date { { [self] in self.date } }
}

/// One customer row for tests; only the columns campaigns read.
struct TestCustomer {
    var name: String
    var mobile: String?
    var group: String?
    var grade: String?
    var company: String?
    var adConsent: String?
    var nightConsent: String?
    var optedOut: String?

    init(_ name: String, _ mobile: String?, group: String? = nil, grade: String? = nil, company: String? = nil,
         adConsent: String? = nil, nightConsent: String? = nil, optedOut: String? = nil) {
        self.name = name; self.mobile = mobile; self.group = group; self.grade = grade; self.company = company
        self.adConsent = adConsent; self.nightConsent = nightConsent; self.optedOut = optedOut
    }
}

/// Inserts customers (creating their groups and grades) and returns their ids, in order.
@discardableResult
func insertCustomers(_ store: KimbiseoStore, _ customers: [TestCustomer]) throws -> [Int64] {
    try store.pool.write { db in
        var ids: [Int64] = []
        for customer in customers {
            for (table, name) in [("customer_group", customer.group), ("customer_grade", customer.grade)] {
                if let name { try db.execute(sql: "INSERT OR IGNORE INTO \(table) (name) VALUES (?)", arguments: [name]) }
            }
            try db.execute(
                sql: """
                    INSERT INTO customer (name, mobile, work_company, ad_consent_date, night_consent_date, opted_out_date,
                        group_id, grade_id)
                    VALUES (?, ?, ?, ?, ?, ?, (SELECT id FROM customer_group WHERE name = ?),
                        (SELECT id FROM customer_grade WHERE name = ?))
                    """,
                arguments: [customer.name, customer.mobile, customer.company, customer.adConsent, customer.nightConsent,
                            customer.optedOut, customer.group, customer.grade])
            ids.append(db.lastInsertedRowID)
        }
        return ids
    }
}

/// `n` customers with distinct mobiles `010-0000-0001` …, ad and night consent as given.
func manyCustomers(_ n: Int, adConsent: String? = nil, nightConsent: String? = nil) -> [TestCustomer] {
    (1...n).map { i in
        TestCustomer("고객\(i)", String(format: "010%08d", i), adConsent: adConsent, nightConsent: nightConsent)
    }
}

/// Every complete spool line's id in `directory`.
func spoolIDs(_ directory: String) throws -> [Int64] {
    try FileManager.default.contentsOfDirectory(atPath: directory).sorted().flatMap { name in
        SpoolGateway.completeLineIDs(in: try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name)))
    }
}

/// Message count per state for a campaign.
func stateCounts(_ store: KimbiseoStore, campaign: Int64) throws -> [String: Int] {
    try store.pool.read { db in
        var counts: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) FROM message WHERE campaign_id = ? GROUP BY state", arguments: [campaign]) {
            counts[row[0]] = row[1]
        }
        return counts
    }
}

/// Creates a campaign from `text` for everyone.
@discardableResult
func createCampaign(
    _ store: KimbiseoStore, text: String = "<<이름>>님 안녕하세요", ad: Bool = false, hold: Bool = false,
    settings: SMSSettings = outboxSettings(), clock: @escaping @Sendable () -> Date = { Date() }
) throws -> CampaignSummary {
    let planner = CampaignPlanner(store: store, settings: settings, clock: clock)
    return try planner.create(CampaignDraft(template: try MessageTemplate(text: text), audience: .everyone, isAd: ad, hold: hold))
}

/// Runs `dispatcher` until a pass hands nothing to the gateway.
func drain(_ dispatcher: Dispatcher) async throws {
    while try await dispatcher.runOnce() > 0 {}
}
