import Foundation
import GRDB
import Settings
import Store

extension CampaignPlanner {
    /// Everything decided once per campaign, before the first customer is read.
    struct Plan: Sendable {
        let draft: CampaignDraft
        let settings: SMSSettings
        let now: Date
        let sendAt: Date
        let composer: MessageComposer
        let quiet: QuietHours
        /// Whether recipients without night consent are subject to quiet hours.
        let quietApplies: Bool
        /// `sendAt` falls in quiet hours: such recipients are held until ``releaseAt``.
        let holdAtCreation: Bool
        let releaseAt: Date
        let sendAtText: String
        let releaseAtText: String
        let name: String

        init(draft: CampaignDraft, settings: SMSSettings, now: Date) throws {
            try CampaignPlanner.checkSettings(settings, advertising: draft.isAd)
            self.draft = draft
            self.settings = settings
            self.now = now
            let sendAt = max(draft.scheduledAt ?? now, now)
            self.sendAt = sendAt
            let ad = draft.isAd
                ? try AdWrapper(shopName: settings.shopName ?? "", optOutNumber: settings.optoutNumber ?? "") : nil
            composer = try MessageComposer(
                template: draft.template,
                context: RenderContext(shopName: settings.shopName, now: sendAt),
                ad: ad, defaultSubject: settings.defaultLMSSubject)
            do {
                quiet = try QuietHours(start: settings.quietHours.start, end: settings.quietHours.end)
            } catch {
                throw MessagingError.setting(key: "sms.quiet_hours", problem: error.description)
            }
            quietApplies = draft.isAd || settings.quietHoursForAll
            holdAtCreation = quietApplies && quiet.isQuiet(at: sendAt)
            releaseAt = quiet.nextRelease(after: sendAt)
            sendAtText = OutboxTime.format(sendAt)
            releaseAtText = OutboxTime.format(releaseAt)
            name = draft.name.map(SMSText.normalize).flatMap { $0.isEmpty ? nil : $0 }
                ?? draft.templateName
                ?? "\(OutboxTime.seoulMinute(sendAt)) 단체 문자"
        }

        /// Checks that every named group, grade and customer exists.
        func resolveAudience(_ db: Database) throws {
            let audience = draft.audience
            func missing(_ table: String, _ names: [String]) throws -> [String] {
                guard !names.isEmpty else { return [] }
                let found = try Set(String.fetchAll(db, sql: "SELECT name FROM \(table)"))
                return names.filter { !found.contains($0) }
            }
            let groups = try missing("customer_group", audience.groups)
            if !groups.isEmpty { throw MessagingError.unknownAudience(kind: "group", names: groups) }
            let grades = try missing("customer_grade", audience.grades)
            if !grades.isEmpty { throw MessagingError.unknownAudience(kind: "grade", names: grades) }
            if !audience.customerIDs.isEmpty {
                let ids = audience.customerIDs.map(String.init).joined(separator: ",")
                let found = try Set(Int64.fetchAll(db, sql: "SELECT id FROM customer WHERE id IN (\(ids))"))
                let absent = audience.customerIDs.filter { !found.contains($0) }.map(String.init)
                if !absent.isEmpty { throw MessagingError.unknownAudience(kind: "customer id", names: absent) }
            }
        }

        /// The `WHERE` clause and arguments selecting the audience from `customer c`.
        func audienceSQL() -> (String, StatementArguments) {
            let audience = draft.audience
            if audience.all { return ("", []) }
            if !audience.customerIDs.isEmpty {
                return ("WHERE c.id IN (\(audience.customerIDs.map(String.init).joined(separator: ",")))", [])
            }
            var parts: [String] = []
            var arguments: [String] = []
            func marks(_ n: Int) -> String { Array(repeating: "?", count: n).joined(separator: ",") }
            if !audience.groups.isEmpty {
                parts.append("c.group_id IN (SELECT id FROM customer_group WHERE name IN (\(marks(audience.groups.count))))")
                arguments += audience.groups
            }
            if !audience.grades.isEmpty {
                parts.append("c.grade_id IN (SELECT id FROM customer_grade WHERE name IN (\(marks(audience.grades.count))))")
                arguments += audience.grades
            }
            return ("WHERE " + parts.joined(separator: " AND "), StatementArguments(arguments))
        }

        func insertCampaign(_ db: Database) throws -> Int64 {
            try db.execute(
                sql: """
                    INSERT INTO campaign (name, kind, template_name, text, subject, is_ad, audience,
                        scheduled_at, state, created_at, updated_at, request_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    name, draft.kind.rawValue, draft.templateName, draft.template.text, draft.template.subject,
                    draft.isAd, draft.audience.description, sendAtText,
                    (draft.hold ? CampaignState.paused : .queued).rawValue,
                    OutboxTime.format(now), OutboxTime.format(now), draft.requestID,
                ])
            return db.lastInsertedRowID
        }

        func finish(_ db: Database, campaignID: Int64, summary: CampaignSummary) throws {
            let json = String(decoding: try JSONEncoder().encode(summary), as: UTF8.self)
            try db.execute(
                sql: """
                    UPDATE campaign SET recipient_count = ?, excluded_count = ?, held_count = ?, summary = ?
                    WHERE id = ?
                    """,
                arguments: [summary.recipients, summary.excludedCount, summary.held, json, campaignID])
            var reason = "캠페인 생성: 대상 \(summary.recipients)명"
            if summary.excludedCount > 0 { reason += ", 제외 \(summary.excludedCount)명" }
            if summary.held > 0 { reason += ", 야간 보류 \(summary.held)명" }
            try DeliveryLog.append(
                db, messageID: nil, campaignID: campaignID, at: now,
                state: draft.hold ? CampaignState.paused.rawValue : CampaignState.queued.rawValue,
                code: nil, reason: reason, detail: draft.audience.description)
        }
    }
}
