import Foundation
import GRDB
import Messaging
import Store
import Transport

/// The durable email outbox (`email_message`, `email_event`): every email is a row before it is
/// sent, and every attempt an event, so a crash loses nothing and `kimbiseo log --kind email`
/// shows each message's fate.
///
/// States: `pending` → `sending` (leased for ``leaseSeconds``) → `sent` | `failed`, or back to
/// `pending` with `next_attempt_at` pushed out after a temporary failure (connection refused,
/// timeout, 4xx), with exponential backoff (1 min, 2, 4, … at most 1 h) up to `maxAttempts`.
/// A permanent failure (5xx) is `failed` at once with the server's reply in `last_reply`.
/// A failure after the whole message was uploaded (no final reply) is `failed` with code
/// `unknown` and never retried: the server may have accepted it, and a digest must not arrive
/// twice. A `sending` row whose lease ran out (the daemon died mid-send) is attempted again.
public struct EmailOutbox: Sendable {
    public let store: KimbiseoStore
    /// Attempts before a temporarily failing email is given up (`mail.max_attempts`).
    public let maxAttempts: Int
    public static let leaseSeconds: Double = 600

    public init(store: KimbiseoStore, maxAttempts: Int = 8) {
        self.store = store
        self.maxAttempts = max(1, maxAttempts)
    }

    /// A message to put into the outbox.
    public struct Draft: Sendable {
        public var kind: String
        public var staffID: Int64?
        public var digestDate: String?
        public var to: MailAddress
        public var subject: String
        public var text: String
        public var html: String?
        public var messageID: String

        public init(
            kind: String, staffID: Int64?, digestDate: String?, to: MailAddress, subject: String, text: String,
            html: String?, messageID: String
        ) {
            self.kind = kind; self.staffID = staffID; self.digestDate = digestDate; self.to = to
            self.subject = subject; self.text = text; self.html = html; self.messageID = messageID
        }
    }

    /// Inserts `draft` as `pending`, due at `now`, with a `queued` event; returns its id, or
    /// `nil` when (staff, digest date) already has one (exactly one digest per member per day).
    @discardableResult
    public func enqueue(_ draft: Draft, now: Date) throws -> Int64? {
        try store.pool.write { db in try Self.enqueue(db, draft, now: now) }
    }

    static func enqueue(_ db: Database, _ draft: Draft, now: Date) throws -> Int64? {
        let nowText = OutboxTime.format(now)
        let id = try Int64.fetchOne(
            db,
            sql: """
                INSERT INTO email_message (kind, staff_id, digest_date, to_address, to_name, subject, text_body,
                    html_body, message_id_header, date_header, state, next_attempt_at, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)
                ON CONFLICT (staff_id, digest_date) DO NOTHING
                RETURNING id
                """,
            arguments: [draft.kind, draft.staffID, draft.digestDate, draft.to.address, draft.to.displayName,
                        draft.subject, draft.text, draft.html, draft.messageID, nowText, nowText, nowText, nowText])
        if let id {
            try appendEvent(db, id, at: now, state: "queued", code: nil, reason: "\(draft.kind) → \(draft.to.address)")
        }
        return id
    }

    /// What one ``drain(sender:from:now:)`` did.
    public struct DrainReport: Sendable, Hashable {
        public var sent = 0
        public var retried = 0
        public var failed = 0
    }

    /// Sends every due email (`pending` with `next_attempt_at` ≤ `now`, or `sending` with an
    /// expired lease), one at a time, recording each outcome.
    public func drain(sender: any MailSender, from: MailAddress, now: Date) async throws -> DrainReport {
        var report = DrainReport()
        while let email = try claim(now: now, sender: sender.kind) {
            let outcome: Result<String, MailSendError>
            do {
                outcome = .success(try await sender.send(email.mailMessage(from: from)))
            } catch {
                outcome = .failure(error)
            }
            switch outcome {
            case let .success(reply):
                try record(email, at: now, state: "sent", code: "250", reason: reply, reply: reply, retryAt: nil)
                report.sent += 1
            case let .failure(error):
                let reply = error.replyText.isEmpty ? error.message : error.replyText
                let code = error.replyCode.map(String.init)
                if error.isTemporary && !error.mayHaveBeenAccepted && email.attempts < maxAttempts {
                    let retryAt = now.addingTimeInterval(Self.backoff(afterAttempts: email.attempts))
                    try record(email, at: now, state: "retry", code: code ?? "temporary",
                               reason: "일시 오류, \(OutboxTime.seoulMinute(retryAt))에 재시도: \(error.message)",
                               reply: reply, retryAt: retryAt)
                    report.retried += 1
                } else {
                    let why = error.mayHaveBeenAccepted
                        ? "응답 없이 끊김 (전달되었을 수 있어 다시 보내지 않음)"
                        : error.isTemporary ? "재시도 \(email.attempts)회 모두 실패" : "영구 오류"
                    try record(email, at: now, state: "failed",
                               code: error.mayHaveBeenAccepted ? "unknown" : code ?? "permanent",
                               reason: "\(why): \(error.message)", reply: reply, retryAt: nil)
                    report.failed += 1
                }
            }
        }
        return report
    }

    /// Seconds to wait after `attempts` failed attempts: 60 · 2^(attempts−1), at most an hour.
    public static func backoff(afterAttempts attempts: Int) -> Double {
        min(3600, 60 * pow(2, Double(max(0, attempts - 1))))
    }

    /// The earliest `next_attempt_at` (or lease expiry) of an email still to send, or `nil`.
    public func nextAttempt() throws -> Date? {
        try store.pool.read { db in
            let text = try String.fetchOne(
                db,
                sql: """
                    SELECT MIN(t) FROM (
                        SELECT MIN(next_attempt_at) AS t FROM email_message WHERE state = 'pending'
                        UNION ALL SELECT MIN(lease_until) FROM email_message WHERE state = 'sending')
                    """)
            return text.flatMap(OutboxTime.parse)
        }
    }

    /// One email as stored.
    public struct StoredEmail: Sendable, Hashable {
        public var id: Int64
        public var kind: String
        public var staffID: Int64?
        public var digestDate: String?
        public var to: MailAddress
        public var subject: String
        public var text: String
        public var html: String?
        public var messageID: String
        public var date: Date
        public var state: String
        public var attempts: Int
        public var lastReply: String?

        init(row: Row) {
            id = row["id"]; kind = row["kind"]; staffID = row["staff_id"]; digestDate = row["digest_date"]
            to = MailAddress(row["to_address"], name: row["to_name"])
            subject = row["subject"]; text = row["text_body"]; html = row["html_body"]
            messageID = row["message_id_header"]
            date = OutboxTime.parse(row["date_header"]) ?? Date(timeIntervalSince1970: 0)
            state = row["state"]; attempts = row["attempts"]; lastReply = row["last_reply"]
        }

        func mailMessage(from: MailAddress) -> MailMessage {
            var message = MailMessage(
                from: from, to: [to], subject: subject, text: text, html: html, date: date, messageID: messageID)
            message.extraHeaders = [(name: "Auto-Submitted", value: "auto-generated")]
            return message
        }
    }

    /// Every email, newest first.
    public func list(limit: Int = 100) throws -> [StoredEmail] {
        try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM email_message ORDER BY id DESC LIMIT ?", arguments: [limit])
                .map(StoredEmail.init(row:))
        }
    }

    private func claim(now: Date, sender: String) throws -> StoredEmail? {
        let nowText = OutboxTime.format(now)
        return try store.pool.write { db in
            guard let row = try Row.fetchOne(
                db,
                sql: """
                    UPDATE email_message SET state = 'sending', attempts = attempts + 1, lease_until = ?,
                        updated_at = ?
                    WHERE id = (SELECT id FROM email_message
                        WHERE (state = 'pending' AND next_attempt_at <= ?) OR (state = 'sending' AND lease_until <= ?)
                        ORDER BY next_attempt_at, id LIMIT 1)
                    RETURNING *
                    """,
                arguments: [OutboxTime.format(now.addingTimeInterval(Self.leaseSeconds)), nowText, nowText, nowText])
            else { return nil }
            let email = StoredEmail(row: row)
            try Self.appendEvent(db, email.id, at: now, state: "sending", code: nil,
                                 reason: "\(sender) 시도 \(email.attempts)회째 → \(email.to.address)")
            return email
        }
    }

    private func record(
        _ email: StoredEmail, at now: Date, state: String, code: String?, reason: String, reply: String,
        retryAt: Date?
    ) throws {
        let nowText = OutboxTime.format(now)
        try store.pool.write { db in
            try db.execute(
                sql: """
                    UPDATE email_message SET state = ?, lease_until = NULL, last_reply = ?, last_error = ?,
                        next_attempt_at = COALESCE(?, next_attempt_at), sent_at = ?, updated_at = ?
                    WHERE id = ?
                    """,
                arguments: [state == "retry" ? "pending" : state, reply, state == "sent" ? nil : reason,
                            retryAt.map(OutboxTime.format), state == "sent" ? nowText : nil, nowText, email.id])
            try Self.appendEvent(db, email.id, at: now, state: state, code: code, reason: reason, detail: reply)
        }
    }

    static func appendEvent(
        _ db: Database, _ emailID: Int64, at: Date, state: String, code: String?, reason: String?, detail: String? = nil
    ) throws {
        try db.execute(
            sql: "INSERT INTO email_event (email_id, at, state, code, reason, detail) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [emailID, OutboxTime.format(at), state, code, reason, detail])
    }
}
