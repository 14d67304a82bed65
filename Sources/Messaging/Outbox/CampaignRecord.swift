import Foundation
import GRDB

/// One campaign as stored (table `campaign`), with its message counts per state when asked.
public struct CampaignRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var name: String
    public var kind: CampaignKind
    public var templateName: String?
    public var text: String
    public var subject: String?
    public var isAd: Bool
    public var audience: String
    /// UTC, store format.
    public var scheduledAt: String
    public var state: CampaignState
    public var createdAt: String
    public var recipientCount: Int
    public var excludedCount: Int
    public var heldCount: Int
    /// Messages per ``MessageState`` raw value (filled by ``Outbox/show(_:)``).
    public var counts: [String: Int]
    /// The creation summary, when kept.
    public var summary: CampaignSummary?

    init(row: Row) {
        id = row["id"]
        name = row["name"]
        kind = CampaignKind(rawValue: row["kind"]) ?? .manual
        templateName = row["template_name"]
        text = row["text"]
        subject = row["subject"]
        isAd = row["is_ad"]
        audience = row["audience"]
        scheduledAt = row["scheduled_at"]
        state = CampaignState(rawValue: row["state"]) ?? .queued
        createdAt = row["created_at"]
        recipientCount = row["recipient_count"]
        excludedCount = row["excluded_count"]
        heldCount = row["held_count"]
        counts = [:]
        summary = nil
    }
}
