import Foundation
import GRDB
import KoreanCalendar
import Messaging
import Store

/// Writes one send day's anniversary texts into the outbox inside the caller's transaction.
///
/// Messages go into campaigns of kind `anniversary`, one per send day and kind (recorded in
/// `anniversary_campaign`); the outbox keeps one message per phone per campaign, so a second
/// customer due the same day on a phone already used goes into the day's next campaign
/// (`seq` 2, 3, …). A day's campaign that has finished is put back to `queued` when a text is
/// added later (a card edited after send time); a cancelled one is respected.
struct QueueWriter {
    enum Outcome { case queued, already, cancelled }

    struct DayCampaign {
        var seq: Int
        var id: Int64
        var state: String
    }

    let db: Database
    let sendDay: SolarDate
    let now: Date
    let nowText: String
    private var campaigns: [AnniversaryKind: [DayCampaign]] = [:]
    private var touched = Set<Int64>()

    init(db: Database, sendDay: SolarDate, now: Date) throws {
        self.db = db
        self.sendDay = sendDay
        self.now = now
        nowText = OutboxTime.format(now)
    }

    /// Claims the text's occurrence and inserts its message, or reports why it did not.
    mutating func queue(_ text: PlannedText) throws -> Outcome {
        let claimed = try Int64.fetchOne(
            db.cachedStatement(sql: """
                INSERT INTO anniversary_text (customer_id, kind, occurrence_date, send_date, state, created_at, updated_at)
                VALUES (?, ?, ?, ?, 'queued', ?, ?)
                ON CONFLICT (customer_id, kind, occurrence_date) DO UPDATE SET
                    state = 'queued', send_date = excluded.send_date, code = NULL, reason = NULL,
                    updated_at = excluded.updated_at
                WHERE anniversary_text.state = 'skipped'
                RETURNING id
                """),
            arguments: [text.customerID, text.kind.rawValue, text.occurrence.description, sendDay.description,
                        nowText, nowText])
        guard let rowID = claimed else { return .already }
        let existing = try dayCampaigns(text.kind)
        if existing.contains(where: { $0.state == CampaignState.cancelled.rawValue }) {
            try db.execute(
                sql: "UPDATE anniversary_text SET state = 'skipped', code = 'cancelled', reason = ? WHERE id = ?",
                arguments: ["운영자가 이날의 기념일 문자 캠페인을 취소함", rowID])
            return .cancelled
        }
        let campaign = try campaign(for: text)
        let held = text.isHeld
        try db.cachedStatement(sql: """
                INSERT INTO message (campaign_id, customer_id, phone, type, subject, text, bytes, state, not_before,
                    quiet_hours, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
                """).execute(
            arguments: [campaign.id, text.customerID, text.phone, text.type.rawValue, text.subject, text.text, text.bytes,
                        held ? "held" : "pending", OutboxTime.format(text.sendAt), nowText])
        let messageID = db.lastInsertedRowID
        try db.cachedStatement(sql: "UPDATE anniversary_text SET campaign_id = ?, message_id = ? WHERE id = ?")
            .execute(arguments: [campaign.id, messageID, rowID])
        var reason = "\(text.kind.korean) 축하 문자 (\(text.origin.originArrow(text.occurrence)))"
        if held { reason += ": 야간 제한 시간, \(OutboxTime.seoulMinute(text.sendAt))까지 보류" }
        try appendEvent(messageID: messageID, campaignID: campaign.id, state: held ? "held" : "pending", reason: reason)
        touched.insert(campaign.id)
        return .queued
    }

    /// Records (or refreshes) why an occurrence got no text; a queued occurrence is left alone.
    func skip(_ exclusion: PlannedExclusion) throws {
        try db.cachedStatement(sql: """
                INSERT INTO anniversary_text (customer_id, kind, occurrence_date, send_date, state, code, reason,
                    created_at, updated_at)
                VALUES (?, ?, ?, ?, 'skipped', ?, ?, ?, ?)
                ON CONFLICT (customer_id, kind, occurrence_date) DO UPDATE SET
                    code = excluded.code, reason = excluded.reason, updated_at = excluded.updated_at
                WHERE anniversary_text.state = 'skipped'
                """).execute(
            arguments: [exclusion.customerID, exclusion.kind.rawValue, exclusion.occurrence.description,
                        sendDay.description, exclusion.reasonCode, exclusion.reason, nowText, nowText])
    }

    /// Brings the counts of every campaign written to up to date; finished ones run again.
    func finish() throws {
        for id in touched.sorted() {
            try db.execute(
                sql: """
                    UPDATE campaign SET
                        recipient_count = (SELECT COUNT(*) FROM message WHERE campaign_id = ?1),
                        held_count = (SELECT COUNT(*) FROM message WHERE campaign_id = ?1 AND state = 'held'),
                        updated_at = ?2
                    WHERE id = ?1
                    """,
                arguments: [id, nowText])
            let state = try String.fetchOne(db, sql: "SELECT state FROM campaign WHERE id = ?", arguments: [id])
            if state == CampaignState.done.rawValue {
                try db.execute(
                    sql: "UPDATE campaign SET state = 'queued', updated_at = ? WHERE id = ?", arguments: [nowText, id])
                try appendEvent(messageID: nil, campaignID: id, state: "queued", reason: "기념일 문자 추가: 다시 대기")
            }
        }
    }

    private mutating func dayCampaigns(_ kind: AnniversaryKind) throws -> [DayCampaign] {
        if let known = campaigns[kind] { return known }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT a.seq, a.campaign_id, c.state FROM anniversary_campaign a
                JOIN campaign c ON c.id = a.campaign_id
                WHERE a.send_date = ? AND a.kind = ? ORDER BY a.seq
                """,
            arguments: [sendDay.description, kind.rawValue])
        let found = rows.map { DayCampaign(seq: $0[0], id: $0[1], state: $0[2]) }
        campaigns[kind] = found
        return found
    }

    /// The day's first campaign of the text's kind without a message to its phone.
    private mutating func campaign(for text: PlannedText) throws -> DayCampaign {
        for candidate in try dayCampaigns(text.kind) {
            let taken = try Bool.fetchOne(
                db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM message WHERE campaign_id = ? AND phone = ?)"),
                arguments: [candidate.id, text.phone]) ?? false
            if !taken { return candidate }
        }
        // MAX over every row, also those whose campaign an operator deleted.
        let seq = try Int.fetchOne(
            db, sql: "SELECT COALESCE(MAX(seq), 0) + 1 FROM anniversary_campaign WHERE send_date = ? AND kind = ?",
            arguments: [sendDay.description, text.kind.rawValue]) ?? 1
        let name = "\(sendDay) \(text.kind.korean) 축하 문자" + (seq > 1 ? " (\(seq))" : "")
        let template = try String(contentsOfFile: text.templateFile, encoding: .utf8)
        try db.execute(
            sql: """
                INSERT INTO campaign (name, kind, template_name, text, is_ad, audience, scheduled_at, state,
                    created_at, updated_at)
                VALUES (?, 'anniversary', ?, ?, 0, ?, ?, 'queued', ?, ?)
                """,
            arguments: [name, text.kind.rawValue, template, "anniversary \(text.kind.rawValue) \(sendDay)",
                        OutboxTime.format(text.sendAt), nowText, nowText])
        let id = db.lastInsertedRowID
        try db.execute(
            sql: "INSERT INTO anniversary_campaign (send_date, kind, seq, campaign_id) VALUES (?, ?, ?, ?)",
            arguments: [sendDay.description, text.kind.rawValue, seq, id])
        try appendEvent(messageID: nil, campaignID: id, state: "queued", reason: "기념일 문자 캠페인 생성: \(name)")
        let created = DayCampaign(seq: seq, id: id, state: CampaignState.queued.rawValue)
        campaigns[text.kind, default: []].append(created)
        return created
    }

    /// Appends a row to Messaging's delivery log (`delivery_event`), as the outbox does.
    private func appendEvent(messageID: Int64?, campaignID: Int64, state: String, reason: String) throws {
        try DeliveryLog.append(db, messageID: messageID, campaignID: campaignID, at: now, state: state, code: nil, reason: reason)
    }
}
