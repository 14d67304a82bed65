/// What a campaign creation did (or, with `dryRun`, would do): the numbers the operator
/// checks before anything goes out. Encoded as JSON for `--json` and kept in `campaign.summary`.
public struct CampaignSummary: Sendable, Hashable, Codable {
    /// `nil` for a dry run.
    public var campaignID: Int64?
    public var name: String
    public var isAd: Bool
    public var dryRun: Bool
    /// `queued` or `paused` (`--hold`).
    public var state: CampaignState
    /// Asia/Seoul, `YYYY-MM-DD HH:MM`.
    public var scheduledAt: String
    public var audience: String
    /// Customers the audience selected.
    public var customers: Int
    /// Messages created (one per phone): pending + held.
    public var recipients: Int
    public var sms: Int
    public var lms: Int
    /// Held for quiet hours (advertising without night consent).
    public var held: Int
    /// When held messages are released (Asia/Seoul), if any are held.
    public var heldUntil: String?
    /// Messages the advertising wrapper turned from SMS into LMS.
    public var promotedToLMSByAd: Int
    /// Customers left out, by reason, with some of their names.
    public var excluded: [Exclusion]
    /// Customers who share a phone with an earlier recipient and get no message of their own.
    public var sharedPhones: [SharedPhone]
    public var sharedPhoneCount: Int
    /// Some rendered messages, as they will be sent.
    public var previews: [Preview]

    /// All excluded customers.
    public var excludedCount: Int { excluded.reduce(0) { $0 + $1.count } }

    /// One reason for leaving customers out.
    public struct Exclusion: Sendable, Hashable, Codable {
        /// `no_mobile`, `invalid_mobile`, `opted_out`, `no_consent`, `consent_expired`,
        /// `consent_invalid`, `charset`, `too_long`, `missing_value`, `empty`, `subject`.
        public var code: String
        /// The reason in Korean.
        public var reason: String
        public var count: Int
        /// The first customers (at most ``CampaignSummary/namesPerReason``) with the detail.
        public var customers: [ExcludedCustomer]
    }

    public struct ExcludedCustomer: Sendable, Hashable, Codable {
        public var id: Int64
        public var name: String
        /// What exactly (`'똠' U+B620`, `직장명`, …).
        public var detail: String
    }

    /// A phone shared by several customers of the audience: only `kept` gets the message.
    public struct SharedPhone: Sendable, Hashable, Codable {
        /// Masked: `010-****-5678`.
        public var phone: String
        public var keptID: Int64
        public var keptName: String
        public var skippedID: Int64
        public var skippedName: String
    }

    public struct Preview: Sendable, Hashable, Codable {
        public var customerID: Int64
        public var name: String
        /// Masked phone.
        public var phone: String
        /// `SMS` or `LMS`.
        public var type: String
        public var bytes: Int
        public var subject: String?
        public var text: String
        public var held: Bool
    }

    /// Names kept per exclusion reason and shared phones listed.
    public static let namesPerReason = 20
}
