import Foundation
import GRDB
import Messaging
import Store

/// One row of the email log (`email_event` with its message's recipient), for
/// `kimbiseo log --kind email`.
public struct EmailEvent: Sendable, Hashable, Codable {
    public var id: Int64
    public var emailID: Int64
    /// UTC ISO 8601 with milliseconds.
    public var at: String
    /// `queued`, `sending`, `sent`, `retry`, `failed`.
    public var state: String
    /// The SMTP reply code (`250`, `451`, `550`), `temporary`, `permanent` or `unknown`.
    public var code: String?
    public var reason: String?
    /// The server's full reply, when there was one.
    public var detail: String?
    /// `digest` or `test`.
    public var kind: String
    public var to: String
    public var digestDate: String?

    /// `2026-11-29 08:00:01  email 3  digest 2026-11-29  staff@example.kr  sent  250  …` (KST).
    public var line: String {
        let when = OutboxTime.parse(at).map(OutboxTime.seoulSecond) ?? at
        var parts = [when, "email \(emailID)", kind + (digestDate.map { " \($0)" } ?? ""), to, state]
        if let code { parts.append(code) }
        if let reason { parts.append(reason) }
        return parts.joined(separator: "  ")
    }
}

/// Reading the email log, as `DeliveryLog` reads the SMS one.
public enum EmailLog {
    /// What to read.
    public struct Query: Sendable, Hashable {
        /// Only events with a larger id (for following).
        public var afterID: Int64
        /// Only this email.
        public var emailID: Int64?
        /// Only events at or after this instant.
        public var since: Date?
        /// At most this many (the newest when `newest` is set, else the oldest).
        public var limit: Int?
        public var newest: Bool

        public init(afterID: Int64 = 0, emailID: Int64? = nil, since: Date? = nil, limit: Int? = nil, newest: Bool = false) {
            self.afterID = afterID; self.emailID = emailID; self.since = since; self.limit = limit; self.newest = newest
        }
    }

    /// Events matching `query`, oldest first.
    public static func events(_ store: KimbiseoStore, _ query: Query) throws -> [EmailEvent] {
        try store.pool.read { db in
            var conditions = ["e.id > ?"]
            var arguments: [(any DatabaseValueConvertible)?] = [query.afterID]
            if let email = query.emailID {
                conditions.append("e.email_id = ?")
                arguments.append(email)
            }
            if let since = query.since {
                conditions.append("e.at >= ?")
                arguments.append(OutboxTime.format(since))
            }
            var sql = """
                SELECT e.id, e.email_id, e.at, e.state, e.code, e.reason, e.detail, m.kind, m.to_address, m.digest_date
                FROM email_event e JOIN email_message m ON m.id = e.email_id
                WHERE \(conditions.joined(separator: " AND "))
                ORDER BY e.id \(query.newest ? "DESC" : "ASC")
                """
            if let limit = query.limit { sql += " LIMIT \(max(0, limit))" }
            let events = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                EmailEvent(
                    id: row[0], emailID: row[1], at: row[2], state: row[3], code: row[4], reason: row[5], detail: row[6],
                    kind: row[7], to: row[8], digestDate: row[9])
            }
            return query.newest ? events.reversed() : events
        }
    }

    /// The newest event id (0 when there is none), for `-f`.
    public static func lastID(_ store: KimbiseoStore) throws -> Int64 {
        try store.pool.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM email_event") ?? 0 }
    }
}
