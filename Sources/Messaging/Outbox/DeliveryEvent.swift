import Foundation

/// One row of the append-only delivery log (table `delivery_event`): a state change of one
/// message, or of a whole campaign when ``messageID`` is `nil`.
public struct DeliveryEvent: Sendable, Hashable, Codable {
    public var id: Int64
    public var messageID: Int64?
    public var campaignID: Int64?
    /// UTC, store format.
    public var at: String
    /// A ``MessageState`` raw value for messages, a ``CampaignState`` raw value for campaigns.
    public var state: String
    /// The gateway's code, when it gave one.
    public var code: String?
    /// Why, in Korean.
    public var reason: String?
    public var detail: String?
    /// The message's phone (digits) and type, joined in for the log; `nil` for campaign events.
    public var phone: String?
    public var type: String?
}
