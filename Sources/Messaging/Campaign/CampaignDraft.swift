import Foundation

/// What the operator asks for: a template, an audience and how to send.
public struct CampaignDraft: Sendable {
    /// Shown in lists; defaults to the template's name or `단체 문자`.
    public var name: String?
    public var kind: CampaignKind
    /// The saved template it came from, for the record.
    public var templateName: String?
    /// The checked template (without the advertising wrapper; ``isAd`` adds it).
    public var template: MessageTemplate
    public var audience: Audience
    /// 광고: wrap, filter by consent, hold in quiet hours.
    public var isAd: Bool
    /// When to send (stored UTC); `nil` means now.
    public var scheduledAt: Date?
    /// Queue the campaign paused (`--hold`): nothing goes until `campaign resume`.
    public var hold: Bool
    /// How many rendered messages to return as previews.
    public var previewCount: Int
    /// The `campaign_request` row this campaign answers, if any.
    public var requestID: Int64?

    public init(
        name: String? = nil, kind: CampaignKind = .manual, templateName: String? = nil,
        template: MessageTemplate, audience: Audience, isAd: Bool = false, scheduledAt: Date? = nil,
        hold: Bool = false, previewCount: Int = 0, requestID: Int64? = nil
    ) {
        self.name = name; self.kind = kind; self.templateName = templateName; self.template = template
        self.audience = audience; self.isAd = isAd; self.scheduledAt = scheduledAt; self.hold = hold
        self.previewCount = previewCount; self.requestID = requestID
    }
}
