import Foundation
import Messaging

/// What one message's send came to, in more detail than ``Messaging/SendResult``: the
/// gateway-level failures that concern the account or the customer rather than the message.
public enum GatewayOutcome: Sendable, Hashable {
    /// The gateway took it; `gatewayID` is its id (Aligo `msg_id`, Solapi `messageId`).
    case accepted(gatewayID: String)
    /// Refused for good (invalid number, character set, 080 opt-out …): `failed`, never
    /// resent. `optOut` marks a gateway-reported 080 opt-out: the customer is marked opted out.
    case rejected(code: String, reason: String, optOut: Bool)
    /// Provably never reached the gateway (refused connection, DNS, 429, 503 with
    /// `Retry-After`) and the retries within one send ran out: back to `pending` from `until`.
    case deferred(code: String, reason: String, until: Date)
    /// The account cannot send (bad key, sender not registered, IP not allowed, balance
    /// exhausted): the message goes back to `pending` and its campaign pauses until the
    /// operator fixes the account and resumes it.
    case accountFailure(code: String, reason: String)
    /// The gateway may or may not have it: `unknown`, resolved by the ``Reconciler``.
    case unknown(reason: String)

    /// The nearest ``Messaging/SendResult``, for a dispatcher that cannot pause campaigns or
    /// defer messages itself (``OutboxGateway`` does both before the dispatcher records).
    public var sendResult: SendResult {
        switch self {
        case let .accepted(id): .accepted(gatewayID: id)
        case let .rejected(code, reason, _): .failed(code: code, reason: reason, retryable: false)
        case let .deferred(code, reason, _): .failed(code: code, reason: reason, retryable: true)
        case let .accountFailure(code, reason): .failed(code: code, reason: reason, retryable: true)
        case let .unknown(reason): .unknown(reason: reason)
        }
    }
}

/// A gateway that classifies each message's fate as a ``GatewayOutcome``.
///
/// `deliver` follows ``Messaging/SMSGateway/send(_:)``'s contract: exactly one outcome per
/// message, in order, never throwing; a request that may have reached the gateway yields
/// ``GatewayOutcome/unknown(reason:)``, never a resend.
public protocol ClassifyingGateway: SMSGateway {
    func deliver(_ batch: [OutgoingMessage]) async -> [GatewayOutcome]
}

extension ClassifyingGateway {
    /// The outcomes as plain send results (no pausing, no opt-out marking): wrap the gateway in
    /// an ``OutboxGateway`` for those.
    public func send(_ batch: [OutgoingMessage]) async -> [SendResult] {
        await deliver(batch).map(\.sendResult)
    }
}
