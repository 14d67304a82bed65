import Foundation
import GRDB
import Store

/// Campaigns and their messages as the operator manages them: list, show, pause, resume,
/// cancel, retry failures.
///
/// Every change is one write transaction that also appends its delivery events, so the running
/// dispatcher (which checks the campaign's state before each batch) sees it within a second.
public struct Outbox: Sendable {
    public let store: KimbiseoStore
    /// "Now", for event times.
    public let clock: @Sendable () -> Date

    public init(store: KimbiseoStore, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.clock = clock
    }

    /// Every campaign, newest first.
    public func list(limit: Int? = nil) throws -> [CampaignRecord] {
        try store.pool.read { db in
            var sql = "SELECT * FROM campaign ORDER BY id DESC"
            if let limit { sql += " LIMIT \(max(0, limit))" }
            return try Row.fetchAll(db, sql: sql).map(CampaignRecord.init(row:))
        }
    }

    /// One campaign with its counts per message state and its creation summary.
    public func show(_ id: Int64) throws -> CampaignRecord {
        try store.pool.read { db in
            var record = try Self.campaign(db, id)
            for row in try Row.fetchAll(
                db, sql: "SELECT state, COUNT(*) FROM message WHERE campaign_id = ? GROUP BY state", arguments: [id])
            {
                record.counts[row[0]] = row[1]
            }
            if let json = try String.fetchOne(db, sql: "SELECT summary FROM campaign WHERE id = ?", arguments: [id]) {
                record.summary = try? JSONDecoder().decode(CampaignSummary.self, from: Data(json.utf8))
            }
            return record
        }
    }

    /// Stops claiming the campaign's messages; those already handed to the gateway finish.
    public func pause(_ id: Int64) throws {
        try setState(id, to: .paused, from: [.queued, .running], operation: "pause", reason: "일시 정지")
    }

    /// Lets the dispatcher claim the campaign's messages again.
    public func resume(_ id: Int64) throws {
        try setState(id, to: .queued, from: [.paused, .draft], operation: "resume", reason: "재개")
    }

    /// Cancels the campaign: every `pending` or `held` message becomes `cancelled` (with an event).
    /// Returns how many messages were cancelled.
    @discardableResult
    public func cancel(_ id: Int64) throws -> Int {
        let now = clock()
        return try store.pool.write { db in
            let record = try Self.campaign(db, id)
            guard record.state != .done, record.state != .cancelled else {
                throw MessagingError.campaignState(id: id, state: record.state, operation: "cancel")
            }
            let waiting = "campaign_id = ? AND state IN ('pending', 'held')"
            try DeliveryLog.appendForMessages(
                db, whereClause: waiting, arguments: [id], at: now, state: MessageState.cancelled.rawValue,
                code: nil, reason: "운영자가 캠페인을 취소함")
            try db.execute(
                sql: "UPDATE message SET state = 'cancelled', updated_at = ? WHERE \(waiting)",
                arguments: [OutboxTime.format(now), id])
            let cancelled = db.changesCount
            try Self.updateState(db, id, .cancelled, at: now, reason: "취소: 대기 중이던 \(cancelled)건 취소")
            return cancelled
        }
    }

    /// Puts the campaign's definite, retryable failures back to `pending` (never `unknown`
    /// messages: they may have been delivered). Returns how many. A finished campaign runs again.
    @discardableResult
    public func retryFailed(_ id: Int64) throws -> Int {
        let now = clock()
        return try store.pool.write { db in
            let record = try Self.campaign(db, id)
            guard record.state != .cancelled else {
                throw MessagingError.campaignState(id: id, state: record.state, operation: "retry failures")
            }
            let retryable = "campaign_id = ? AND state = 'failed' AND retryable = 1"
            try DeliveryLog.appendForMessages(
                db, whereClause: retryable, arguments: [id], at: now, state: MessageState.pending.rawValue,
                code: nil, reason: "실패 재시도")
            try db.execute(
                sql: """
                    UPDATE message SET state = 'pending', not_before = ?, lease_owner = NULL, lease_until = NULL,
                        updated_at = ? WHERE \(retryable)
                    """,
                arguments: [OutboxTime.format(now), OutboxTime.format(now), id])
            let count = db.changesCount
            if count > 0, record.state == .done {
                try Self.updateState(db, id, .queued, at: now, reason: "실패 \(count)건 재시도")
            }
            return count
        }
    }

    func setState(_ id: Int64, to state: CampaignState, from allowed: Set<CampaignState>, operation: String, reason: String) throws {
        let now = clock()
        try store.pool.write { db in
            let record = try Self.campaign(db, id)
            guard allowed.contains(record.state) else {
                throw MessagingError.campaignState(id: id, state: record.state, operation: operation)
            }
            try Self.updateState(db, id, state, at: now, reason: reason)
        }
    }

    static func campaign(_ db: Database, _ id: Int64) throws -> CampaignRecord {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM campaign WHERE id = ?", arguments: [id]) else {
            throw MessagingError.campaignNotFound(id)
        }
        return CampaignRecord(row: row)
    }

    /// Sets the campaign's state and logs it as a campaign event.
    static func updateState(_ db: Database, _ id: Int64, _ state: CampaignState, at now: Date, reason: String) throws {
        try db.execute(
            sql: "UPDATE campaign SET state = ?, updated_at = ? WHERE id = ?",
            arguments: [state.rawValue, OutboxTime.format(now), id])
        try DeliveryLog.append(db, messageID: nil, campaignID: id, at: now, state: state.rawValue, code: nil, reason: reason)
    }
}
