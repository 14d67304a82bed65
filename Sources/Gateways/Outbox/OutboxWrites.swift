import Foundation
import GRDB
import Messaging
import Store

/// The message and campaign transitions this module makes, each guarded by the state it
/// expects, each with its `delivery_event` row (the schema of `messaging-v1-outbox`).
enum OutboxWrites {
    /// Appends one event.
    static func event(
        _ db: Database, message: Int64?, campaign: Int64?, at: Date, state: String, code: String?, reason: String,
        detail: String? = nil
    ) throws {
        try DeliveryLog.append(
            db, messageID: message, campaignID: campaign, at: at, state: state, code: code, reason: reason, detail: detail)
    }

    /// Moves one message from `from` to `to` (only if it is still in `from`), clearing its
    /// lease; returns whether it moved. The event is written only for a move.
    @discardableResult
    static func move(
        _ db: Database, message: Int64, campaign: Int64, from: MessageState, to: MessageState, at now: Date,
        code: String?, reason: String, gatewayID: String? = nil, notBefore: Date? = nil
    ) throws -> Bool {
        let nowText = OutboxTime.format(now)
        try db.cachedStatement(sql: """
            UPDATE message SET state = ?, gateway_message_id = COALESCE(?, gateway_message_id),
                last_code = COALESCE(?, last_code), last_reason = ?, not_before = COALESCE(?, not_before),
                retryable = 0, lease_owner = NULL, lease_until = NULL, updated_at = ?
            WHERE id = ? AND state = ?
            """).execute(arguments: [
                to.rawValue, gatewayID, code, reason, notBefore.map(OutboxTime.format), nowText, message, from.rawValue,
            ])
        guard db.changesCount == 1 else { return false }
        try event(db, message: message, campaign: campaign, at: now, state: to.rawValue, code: code, reason: reason, detail: gatewayID)
        return true
    }

    /// Sets a campaign's state (when it is in one of `from`) with a campaign event.
    @discardableResult
    static func campaign(
        _ db: Database, _ id: Int64, from: Set<CampaignState>, to: CampaignState, at now: Date, reason: String
    ) throws -> Bool {
        let current = try String.fetchOne(db, sql: "SELECT state FROM campaign WHERE id = ?", arguments: [id])
        guard let current, let state = CampaignState(rawValue: current), from.contains(state) else { return false }
        try db.execute(
            sql: "UPDATE campaign SET state = ?, updated_at = ? WHERE id = ?",
            arguments: [to.rawValue, OutboxTime.format(now), id])
        try event(db, message: nil, campaign: id, at: now, state: to.rawValue, code: nil, reason: reason)
        return true
    }

    /// Marks customers opted out after a gateway reported an 080 opt-out, through the store's
    /// consent ledger (with history). Customers already opted out are left alone.
    static func markOptedOut(_ store: KimbiseoStore, messageIDs: [Int64], gateway: String, code: String, at now: Date) throws -> Int {
        guard !messageIDs.isEmpty else { return 0 }
        let customers: [Int64] = try store.pool.read { db in
            try Int64.fetchAll(
                db,
                sql: "SELECT DISTINCT customer_id FROM message WHERE customer_id IS NOT NULL AND id IN (\(messageIDs.map { _ in "?" }.joined(separator: ",")))",
                arguments: StatementArguments(messageIDs))
        }
        let (y, m, d) = OutboxTime.seoulDate(now)
        let day = String(format: "%04d-%02d-%02d", y, m, d)
        var marked = 0
        for customer in customers {
            let key = String(customer)
            guard try store.consent(idOrCode: key).optedOut == nil else { continue }
            try store.setConsent(.optOut, ConsentMark(date: day, source: "gateway:\(gateway) \(code) 080 수신거부"), idOrCode: key)
            marked += 1
        }
        return marked
    }
}
