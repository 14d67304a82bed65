import Foundation
import GRDB
import Store

/// Writing and reading the delivery log (table `delivery_event`).
///
/// Rows are only ever inserted (triggers refuse `UPDATE` and `DELETE`), and ids grow, so a
/// reader follows the log by asking for ids above the last one it printed.
public enum DeliveryLog {
    /// Appends one event (other modules that move messages or campaigns log through this).
    public static func append(
        _ db: Database, messageID: Int64?, campaignID: Int64?, at: Date, state: String, code: String?,
        reason: String?, detail: String? = nil
    ) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO delivery_event (message_id, campaign_id, at, state, code, reason, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [messageID, campaignID, OutboxTime.format(at), state, code, reason, detail])
    }

    /// Appends one event per message of `messageIDs`, in that order, saying what its row now
    /// says of its last result: `state`, `last_code`, `last_reason`, and as detail its
    /// `gateway_message_id` when the state is `accepted` (the id the gateway just gave it).
    /// One statement however many messages.
    static func appendResults(_ db: Database, messageIDs: [Int64], at: Date) throws {
        guard !messageIDs.isEmpty else { return }
        try db.execute(
            sql: """
                INSERT INTO delivery_event (message_id, campaign_id, at, state, code, reason, detail)
                SELECT m.id, m.campaign_id, ?, m.state, m.last_code, m.last_reason,
                    CASE WHEN m.state = 'accepted' THEN m.gateway_message_id END
                FROM json_each(?) AS j JOIN message AS m ON m.id = j.value
                ORDER BY j.key
                """,
            arguments: [OutboxTime.format(at), "[" + messageIDs.map(String.init).joined(separator: ",") + "]"])
    }

    /// Appends one event per message selected by `whereClause` (over `message`), in one statement.
    static func appendForMessages(
        _ db: Database, whereClause: String, arguments: StatementArguments, at: Date, state: String,
        code: String?, reason: String
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO delivery_event (message_id, campaign_id, at, state, code, reason)
                SELECT id, campaign_id, ?, ?, ?, ? FROM message WHERE \(whereClause) ORDER BY id
                """,
            arguments: [OutboxTime.format(at), state, code, reason] + arguments)
    }

    /// What to read.
    public struct Query: Sendable, Hashable {
        /// Only events with a larger id (for following).
        public var afterID: Int64
        public var campaignID: Int64?
        /// Only events at or after this instant.
        public var since: Date?
        /// At most this many (the newest when `newest` is set, else the oldest).
        public var limit: Int?
        public var newest: Bool

        public init(afterID: Int64 = 0, campaignID: Int64? = nil, since: Date? = nil, limit: Int? = nil, newest: Bool = false) {
            self.afterID = afterID; self.campaignID = campaignID; self.since = since
            self.limit = limit; self.newest = newest
        }
    }

    /// Events matching `query`, oldest first.
    public static func events(_ store: KimbiseoStore, _ query: Query) throws -> [DeliveryEvent] {
        try store.pool.read { db in
            var conditions = ["e.id > ?"]
            var arguments: [(any DatabaseValueConvertible)?] = [query.afterID]
            if let campaign = query.campaignID {
                conditions.append("e.campaign_id = ?")
                arguments.append(campaign)
            }
            if let since = query.since {
                conditions.append("e.at >= ?")
                arguments.append(OutboxTime.format(since))
            }
            var sql = """
                SELECT e.id, e.message_id, e.campaign_id, e.at, e.state, e.code, e.reason, e.detail, m.phone, m.type
                FROM delivery_event e LEFT JOIN message m ON m.id = e.message_id
                WHERE \(conditions.joined(separator: " AND "))
                ORDER BY e.id \(query.newest ? "DESC" : "ASC")
                """
            if let limit = query.limit { sql += " LIMIT \(max(0, limit))" }
            let events = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                DeliveryEvent(
                    id: row[0], messageID: row[1], campaignID: row[2], at: row[3], state: row[4], code: row[5],
                    reason: row[6], detail: row[7], phone: row[8], type: row[9])
            }
            return query.newest ? events.reversed() : events
        }
    }

    /// The id of the newest event (0 when none): a cheap check before reading.
    public static func lastID(_ store: KimbiseoStore) throws -> Int64 {
        try store.pool.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM delivery_event") ?? 0 }
    }
}
