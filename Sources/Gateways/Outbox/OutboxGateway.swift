import Foundation
import Logging
import Messaging
import Store

/// Wraps a ``ClassifyingGateway`` for the ``Messaging/Dispatcher``: does what a plain
/// ``Messaging/SendResult`` cannot say, in the store, before the dispatcher records the rest.
///
/// - ``GatewayOutcome/accountFailure(code:reason:)``: the messages go back to `pending` and
///   their campaigns pause, with one log line saying why. `kimbiseo campaign resume` continues
///   once the operator fixed the account.
/// - ``GatewayOutcome/deferred(code:reason:until:)``: the messages go back to `pending` with
///   `not_before = until` (they never reached the gateway).
/// - ``GatewayOutcome/rejected(code:reason:optOut:)`` with `optOut`: the message fails (recorded
///   by the dispatcher) and its customer is marked opted out, so later campaigns exclude them.
///
/// Messages moved here are no longer `sending`, so the dispatcher's own record of them finds
/// nothing to change (it guards on `sending` and its lease).
public struct OutboxGateway: SMSGateway {
    public let base: any ClassifyingGateway
    public let store: KimbiseoStore
    let logger: Logger
    let clock: @Sendable () -> Date

    public init(base: any ClassifyingGateway, store: KimbiseoStore, logger: Logger = Logger(label: "kimbiseo.gateway"),
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.base = base; self.store = store; self.logger = logger; self.clock = clock
    }

    public var name: String { base.name }
    public var maxBatchSize: Int { base.maxBatchSize }

    public func send(_ batch: [OutgoingMessage]) async -> [SendResult] {
        var outcomes = await base.deliver(batch)
        if outcomes.count != batch.count {
            outcomes = batch.map { _ in .unknown(reason: "게이트웨이 응답 개수 오류") }
        }
        do {
            try apply(batch, outcomes)
        } catch {
            logger.error("could not record gateway outcomes", metadata: ["gateway": "\(name)", "error": "\(error)"])
        }
        return outcomes.map(\.sendResult)
    }

    public func recover(_ ids: [Int64], since: Date) async -> RecoveryAnswer {
        await base.recover(ids, since: since)
    }

    func apply(_ batch: [OutgoingMessage], _ outcomes: [GatewayOutcome]) throws {
        let needsStore = outcomes.contains {
            switch $0 {
            case .deferred, .accountFailure, .rejected(_, _, true): true
            default: false
            }
        }
        guard needsStore else { return }
        let now = clock()
        var paused: [(campaign: Int64, code: String, reason: String)] = []
        var optOuts: [String: [Int64]] = [:]
        try store.pool.write { db in
            for (message, outcome) in zip(batch, outcomes) {
                switch outcome {
                case let .deferred(code, reason, until):
                    try OutboxWrites.move(
                        db, message: message.id, campaign: message.campaignID, from: .sending, to: .pending, at: now,
                        code: code, reason: "재시도 대기: " + reason, notBefore: until)
                case let .accountFailure(code, reason):
                    try OutboxWrites.move(
                        db, message: message.id, campaign: message.campaignID, from: .sending, to: .pending, at: now,
                        code: code, reason: "계정 오류로 보내지 않음: " + reason)
                    if try OutboxWrites.campaign(
                        db, message.campaignID, from: [.queued, .running], to: .paused, at: now,
                        reason: "게이트웨이 계정 오류로 일시 정지: \(reason) (코드 \(code))")
                    {
                        paused.append((message.campaignID, code, reason))
                    }
                case let .rejected(code, _, true):
                    optOuts[code, default: []].append(message.id)
                default:
                    continue
                }
            }
        }
        for (campaign, code, reason) in paused {
            logger.error(
                "campaign \(campaign) paused: \(reason)",
                metadata: ["campaign": "\(campaign)", "gateway": "\(name)", "code": "\(code)"])
        }
        for (code, ids) in optOuts {
            let marked = try OutboxWrites.markOptedOut(store, messageIDs: ids, gateway: name, code: code, at: now)
            if marked > 0 {
                logger.notice("customers opted out by gateway report", metadata: ["gateway": "\(name)", "code": "\(code)", "count": "\(marked)"])
            }
        }
    }
}
