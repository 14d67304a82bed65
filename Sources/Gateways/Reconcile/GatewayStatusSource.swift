import Foundation
import Messaging

/// One of our messages whose fate the reconciler asks the gateway about.
public struct TrackedMessage: Sendable, Hashable {
    public var id: Int64
    public var campaignID: Int64
    public var customerID: Int64?
    /// Digits.
    public var phone: String
    public var text: String
    public var state: MessageState
    /// The gateway's id from acceptance (Aligo `msg_id`, Solapi `messageId`), when known.
    public var gatewayMessageID: String?
    /// When the message was last handed to the gateway (its `updated_at` when it left `sending`).
    public var sentAt: Date

    public init(id: Int64, campaignID: Int64, customerID: Int64?, phone: String, text: String, state: MessageState,
                gatewayMessageID: String?, sentAt: Date) {
        self.id = id; self.campaignID = campaignID; self.customerID = customerID; self.phone = phone
        self.text = text; self.state = state; self.gatewayMessageID = gatewayMessageID; self.sentAt = sentAt
    }
}

/// What the gateway's records say about one message.
public enum RemoteStatus: Sendable, Hashable {
    /// A complete search of the gateway's records around the send time found nothing: the
    /// gateway never got it.
    case notFound
    /// Accepted; no final report yet.
    case inFlight(gatewayID: String)
    /// Delivered to the phone.
    case delivered(gatewayID: String)
    /// Failed at the gateway or the carrier.
    case failed(gatewayID: String?, code: String, reason: String, optOut: Bool)
}

/// A gateway whose list/status API can say what became of messages.
public protocol GatewayStatusSource: Sendable {
    /// The status of each message the gateway can speak about. A message missing from the
    /// answer could not be looked up (the question is asked again later); ``RemoteStatus/notFound``
    /// only after a complete search. Throws when the gateway could not be asked at all.
    func status(of messages: [TrackedMessage]) async throws -> [Int64: RemoteStatus]
}

/// Balance and sender checks for `kimbiseo gateway check`.
public protocol GatewayAccount: Sendable {
    /// The account's balance as the gateway reports it.
    func balance() async throws -> GatewayBalance
}

/// A balance in won, or in messages the balance still buys (Aligo's `/remain/`).
public struct GatewayBalance: Sendable, Hashable, Codable {
    /// Won, when the gateway reports money.
    public var won: Double?
    /// Messages of each type the balance buys, when the gateway reports counts (`SMS`, `LMS`).
    public var messages: [String: Int]

    public init(won: Double? = nil, messages: [String: Int] = [:]) {
        self.won = won; self.messages = messages
    }
}

/// A status question or balance question the gateway did not answer usably.
public struct GatewayQueryError: Error, Sendable, CustomStringConvertible {
    public var gateway: String
    public var call: String
    public var problem: String
    /// The account itself is refused (bad key, IP): a check reports it as such.
    public var isAccountProblem: Bool

    public init(gateway: String, call: String, problem: String, isAccountProblem: Bool = false) {
        self.gateway = gateway; self.call = call; self.problem = problem; self.isAccountProblem = isAccountProblem
    }

    public var description: String { "\(gateway) \(call): \(problem)" }
}
