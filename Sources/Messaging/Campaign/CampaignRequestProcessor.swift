import Foundation
import GRDB
import Settings
import Store

/// Turns rows that other programs insert into `campaign_request` into campaigns.
///
/// A row in state `new` is read, checked and planned like `kimbiseo campaign create`; the row
/// then becomes `accepted` with its `campaign_id`, or `rejected` with an `error` that says what
/// is wrong (unknown template, no audience, a setting missing …). Each row is claimed inside the
/// campaign's own write transaction, so two daemons never create two campaigns for one request.
/// See `docs/store-requests.md` for the columns.
public struct CampaignRequestProcessor: Sendable {
    public let store: KimbiseoStore
    public let settings: SMSSettings
    public let clock: @Sendable () -> Date

    public init(store: KimbiseoStore, settings: SMSSettings, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.settings = settings
        self.clock = clock
    }

    /// One processed request.
    public struct Outcome: Sendable, Hashable {
        public var requestID: Int64
        /// Set when accepted.
        public var campaignID: Int64?
        /// Set when rejected.
        public var error: String?
    }

    /// Processes every `new` request, oldest first.
    @discardableResult
    public func processNew() throws -> [Outcome] {
        let ids = try store.pool.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM campaign_request WHERE state = 'new' ORDER BY id")
        }
        return try ids.compactMap(process)
    }

    /// Processes one request if it is still `new`.
    func process(_ id: Int64) throws -> Outcome? {
        guard let row = try store.pool.read({ db in
            try Row.fetchOne(db, sql: "SELECT * FROM campaign_request WHERE id = ? AND state = 'new'", arguments: [id])
        }) else { return nil }
        let now = clock()
        do {
            let draft = try draft(from: row, id: id)
            let planner = CampaignPlanner(store: store, settings: settings, clock: clock)
            let summary = try planner.create(draft) { db in
                // Claimed in the campaign's transaction: a second daemon finds it taken.
                try db.execute(
                    sql: "UPDATE campaign_request SET state = 'accepted', processed_at = ? WHERE id = ? AND state = 'new'",
                    arguments: [OutboxTime.format(now), id])
                return db.changesCount == 1
            }
            guard let campaignID = summary?.campaignID else { return nil }
            try store.pool.write { db in
                try db.execute(
                    sql: "UPDATE campaign_request SET campaign_id = ? WHERE id = ?", arguments: [campaignID, id])
            }
            return Outcome(requestID: id, campaignID: campaignID, error: nil)
        } catch {
            let message = "\(error)"
            try store.pool.write { db in
                try db.execute(
                    sql: """
                        UPDATE campaign_request SET state = 'rejected', error = ?, processed_at = ?
                        WHERE id = ? AND state = 'new'
                        """,
                    arguments: [message, OutboxTime.format(now), id])
            }
            return Outcome(requestID: id, campaignID: nil, error: message)
        }
    }

    func draft(from row: Row, id: Int64) throws -> CampaignDraft {
        let templateName: String? = row["template_name"]
        let text: String? = row["text"]
        let subject: String? = row["subject"]
        let template: MessageTemplate
        switch (templateName.flatMap { $0.isEmpty ? nil : $0 }, text.flatMap { $0.isEmpty ? nil : $0 }) {
        case let (name?, nil):
            let saved = try TemplateStore(store: store).get(name)
            template = try MessageTemplate(text: saved.text, subject: subject ?? saved.subject)
        case let (nil, text?):
            template = try MessageTemplate(text: text, subject: subject)
        default:
            throw MessagingError.invalidRequest(id: id, problem: "set exactly one of template_name and text")
        }
        let audience = Audience(
            all: row["all_customers"] ?? false,
            groups: try Self.list(row["groups"], column: "groups", id: id),
            grades: try Self.list(row["grades"], column: "grades", id: id),
            customerIDs: try Self.list(row["customer_ids"], column: "customer_ids", id: id).map { text in
                guard let value = Int64(text) else {
                    throw MessagingError.invalidRequest(id: id, problem: "customer_ids: '\(text)' is not a customer id")
                }
                return value
            })
        var scheduledAt: Date?
        if let at: String = row["scheduled_at"], !at.isEmpty {
            guard let date = OutboxTime.parse(at) ?? OutboxTime.parseSeoul(at) else {
                throw MessagingError.invalidRequest(id: id, problem: "scheduled_at '\(at)' is not a time")
            }
            scheduledAt = date
        }
        return CampaignDraft(
            name: row["name"], templateName: templateName, template: template, audience: audience,
            isAd: row["is_ad"] ?? false, scheduledAt: scheduledAt, hold: row["hold"] ?? false, requestID: id)
    }

    /// A JSON array (`["VIP","골드"]`, numbers allowed) or a comma-separated list.
    static func list(_ value: String?, column: String, id: Int64) throws -> [String] {
        guard let value = value?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return [] }
        if value.hasPrefix("[") {
            guard let array = try? JSONSerialization.jsonObject(with: Data(value.utf8)) as? [Any] else {
                throw MessagingError.invalidRequest(id: id, problem: "\(column) is not a JSON array")
            }
            return array.map { element in
                if let number = element as? NSNumber { return number.stringValue }
                return "\(element)"
            }
        }
        return value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
