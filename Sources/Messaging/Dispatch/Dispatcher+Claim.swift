import Foundation
import GRDB
import Store

extension Dispatcher {
    /// Releases `held` messages whose `not_before` has come, and — while the quiet window is open —
    /// moves due `pending` messages marked `quiet_hours` to `held` until it closes.
    func applyQuietHours(now: Date) throws {
        let nowText = OutboxTime.format(now)
        let quiet = configuration.quietHours.isQuiet(at: now)
        let releasable = "state = 'held' AND not_before <= ?" + (quiet ? " AND quiet_hours = 0" : "")
        let holdable = """
            state = 'pending' AND quiet_hours = 1 AND not_before <= ?
            AND campaign_id IN (SELECT id FROM campaign WHERE state IN ('queued', 'running'))
            """
        // Most passes have nothing to do: look first, without taking the write lock.
        let (release, hold) = try store.pool.read { db in
            (
                try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM message WHERE \(releasable))", arguments: [nowText]) == true,
                try quiet && (Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM message WHERE \(holdable))", arguments: [nowText]) == true)
            )
        }
        guard release || hold else { return }
        try store.pool.write { db in
            if release {
                try DeliveryLog.appendForMessages(
                    db, whereClause: releasable, arguments: [nowText], at: now, state: MessageState.pending.rawValue,
                    code: nil, reason: "보류 해제")
                try db.execute(
                    sql: "UPDATE message SET state = 'pending', updated_at = ? WHERE \(releasable)",
                    arguments: [nowText, nowText])
            }
            if hold {
                let until = configuration.quietHours.nextRelease(after: now)
                try DeliveryLog.appendForMessages(
                    db, whereClause: holdable, arguments: [nowText], at: now, state: MessageState.held.rawValue,
                    code: nil,
                    reason: "야간 광고 제한 시간(\(configuration.quietHours)): \(OutboxTime.seoulMinute(until))까지 보류")
                try db.execute(
                    sql: "UPDATE message SET state = 'held', not_before = ?, updated_at = ? WHERE \(holdable)",
                    arguments: [OutboxTime.format(until), nowText, nowText])
            }
        }
    }

    /// Claims up to `limit` due messages of sendable campaigns in one write transaction:
    /// `pending → sending` with this dispatcher's lease, one `sending` event each, and
    /// `queued → running` for their campaigns.
    func claim(now: Date, limit: Int) throws -> [OutgoingMessage] {
        let nowText = OutboxTime.format(now)
        let leaseUntil = OutboxTime.format(now.addingTimeInterval(Double(configuration.leaseSeconds)))
        let quiet = configuration.quietHours.isQuiet(at: now)
        let sender = configuration.sender
        // An idle daemon must not take the write lock several times a second: look first.
        let due = try store.pool.read { db in
            try Bool.fetchOne(
                db,
                sql: """
                    SELECT EXISTS (SELECT 1 FROM message
                        WHERE state = 'pending' AND not_before <= ? \(quiet ? "AND quiet_hours = 0" : "")
                        AND campaign_id IN (SELECT id FROM campaign WHERE state IN ('queued', 'running')))
                    """,
                arguments: [nowText]) == true
        }
        guard due else { return [] }
        return try writeBatch { db in
            // A cursor: each returned row is read in place, not copied first.
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    UPDATE message SET state = 'sending', lease_owner = ?, lease_until = ?, attempts = attempts + 1,
                        gateway = ?, updated_at = ?
                    WHERE id IN (
                        SELECT id FROM message
                        WHERE state = 'pending' AND not_before <= ? \(quiet ? "AND quiet_hours = 0" : "")
                        AND campaign_id IN (SELECT id FROM campaign WHERE state IN ('queued', 'running'))
                        ORDER BY not_before LIMIT ?)
                    RETURNING id, campaign_id, phone, type, subject, text
                    """,
                arguments: [configuration.owner, leaseUntil, gateway.name, nowText, nowText, limit])
            var messages: [OutgoingMessage] = []
            while let row = try rows.next() {
                messages.append(OutgoingMessage(
                    id: row[0], campaignID: row[1], from: sender, to: row[2],
                    type: MessageKind(rawValue: row[3]) ?? .lms, subject: row[4], text: row[5]))
            }
            messages.sort { $0.id < $1.id }
            guard !messages.isEmpty else { return [] }
            // One `sending` event per claimed message, in id order, from one statement.
            try DeliveryLog.appendForMessages(
                db, whereClause: "id IN (SELECT value FROM json_each(?))", arguments: [Self.jsonArray(messages.map(\.id))],
                at: now, state: MessageState.sending.rawValue, code: nil, reason: "발송 시작 (\(gateway.name))")
            for campaign in Set(messages.map(\.campaignID)).sorted() {
                let state = try String.fetchOne(db, sql: "SELECT state FROM campaign WHERE id = ?", arguments: [campaign])
                if state == CampaignState.queued.rawValue {
                    try Outbox.updateState(db, campaign, .running, at: now, reason: "발송 시작")
                }
            }
            return messages
        }
    }

    /// Gives claimed messages back (`sending → pending`) when sending stops before the gateway
    /// was called (shutdown while waiting for the rate limiter).
    func release(_ claimed: [OutgoingMessage]) throws {
        let now = clock()
        try store.pool.write { db in
            for message in claimed {
                try db.execute(
                    sql: """
                        UPDATE message SET state = 'pending', lease_owner = NULL, lease_until = NULL, updated_at = ?
                        WHERE id = ? AND state = 'sending' AND lease_owner = ?
                        """,
                    arguments: [OutboxTime.format(now), message.id, configuration.owner])
                guard db.changesCount == 1 else { continue }
                try DeliveryLog.append(
                    db, messageID: message.id, campaignID: message.campaignID, at: now,
                    state: MessageState.pending.rawValue, code: nil, reason: "발송 중지: 게이트웨이에 보내지 않고 되돌림")
            }
        }
    }

    /// Just before sending: gives back the messages whose campaign was paused (→ `pending`) or
    /// cancelled (→ `cancelled`) since the claim, and returns the rest.
    ///
    /// The campaigns' states are read first; only when one of them stopped is the write lock
    /// taken (and the states read again under it). A pause committed before the read is seen
    /// either way, so the guarantee is the same as checking under the lock.
    func dropStopped(_ claimed: [OutgoingMessage]) throws -> [OutgoingMessage] {
        let campaigns = Set(claimed.map(\.campaignID))
        let allSendable = try store.pool.read { db in
            try campaigns.allSatisfy { id in
                let raw = try String.fetchOne(db, sql: "SELECT state FROM campaign WHERE id = ?", arguments: [id])
                return raw.flatMap(CampaignState.init(rawValue:))?.isSendable == true
            }
        }
        if allSendable { return claimed }
        let now = clock()
        let nowText = OutboxTime.format(now)
        return try store.pool.write { db in
            var keep: [OutgoingMessage] = []
            var states: [Int64: CampaignState] = [:]
            for id in Set(claimed.map(\.campaignID)) {
                let raw = try String.fetchOne(db, sql: "SELECT state FROM campaign WHERE id = ?", arguments: [id])
                states[id] = raw.flatMap(CampaignState.init(rawValue:)) ?? .cancelled
            }
            for message in claimed {
                let state = states[message.campaignID] ?? .cancelled
                if state.isSendable {
                    keep.append(message)
                    continue
                }
                let next: MessageState = state == .paused ? .pending : .cancelled
                try db.execute(
                    sql: """
                        UPDATE message SET state = ?, lease_owner = NULL, lease_until = NULL, updated_at = ?
                        WHERE id = ? AND state = 'sending' AND lease_owner = ?
                        """,
                    arguments: [next.rawValue, nowText, message.id, configuration.owner])
                try DeliveryLog.append(
                    db, messageID: message.id, campaignID: message.campaignID, at: now, state: next.rawValue, code: nil,
                    reason: state == .paused ? "일시 정지: 발송 전에 되돌림" : "캠페인 취소: 발송하지 않음")
            }
            return keep
        }
    }

    /// `ids` as a JSON array (`[1,2,3]`), for `json_each(?)`: one parameter however many ids.
    static func jsonArray(_ ids: [Int64]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }
}
