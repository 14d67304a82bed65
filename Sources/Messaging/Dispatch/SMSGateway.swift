import Foundation

/// One message as handed to a gateway.
public struct OutgoingMessage: Sendable, Hashable {
    /// `message.id`: our correlation id, echoed to gateways that keep one.
    public var id: Int64
    public var campaignID: Int64
    /// The registered sender number (`sms.sender`), digits.
    public var from: String
    /// The recipient, digits.
    public var to: String
    public var type: MessageKind
    /// LMS only.
    public var subject: String?
    /// The sending form (NFC, `\n`).
    public var text: String

    public init(id: Int64, campaignID: Int64, from: String, to: String, type: MessageKind, subject: String?, text: String) {
        self.id = id; self.campaignID = campaignID; self.from = from; self.to = to
        self.type = type; self.subject = subject; self.text = text
    }
}

/// What a gateway answered for one message.
public enum SendResult: Sendable, Hashable {
    /// The gateway took it; `gatewayID` is its id for the message (or ours when it has none).
    case accepted(gatewayID: String)
    /// The gateway refused it for sure. `retryable` failures (throttling, a temporary outage
    /// before acceptance) may be resent with `campaign retry-failed`; others (bad number,
    /// opted out at the gateway) never.
    case failed(code: String, reason: String, retryable: Bool)
    /// The gateway may or may not have it (timeout, connection reset, unreadable answer):
    /// never resent blindly; a reconciler asks the gateway later.
    case unknown(reason: String)
}

/// What a gateway can tell about messages a crashed dispatcher had claimed.
public enum RecoveryAnswer: Sendable, Hashable {
    /// These ids reached the gateway (with its ids); the others of the question did not.
    case known(accepted: [Int64: String])
    /// The gateway cannot tell: the messages become `unknown`.
    case cannotTell
}

/// A way out for text messages: the spool directory, or an HTTP gateway.
///
/// `send` must answer exactly one result per message, in order, and must not throw: a
/// transport failure after the request may have reached the gateway is ``SendResult/unknown(reason:)``.
public protocol SMSGateway: Sendable {
    /// `spool`, `aligo`, `solapi` …, stored in `message.gateway`.
    var name: String { get }
    /// The most messages one `send` call takes.
    var maxBatchSize: Int { get }
    /// Sends a batch (at most ``maxBatchSize``); one result per message, in the same order.
    func send(_ batch: [OutgoingMessage]) async -> [SendResult]
    /// After a crash: which of `ids` (claimed since `since`) did the gateway receive?
    func recover(_ ids: [Int64], since: Date) async -> RecoveryAnswer
}

extension SMSGateway {
    /// Default: a gateway without a way to look messages up cannot tell.
    public func recover(_ ids: [Int64], since: Date) async -> RecoveryAnswer { .cannotTell }
}
