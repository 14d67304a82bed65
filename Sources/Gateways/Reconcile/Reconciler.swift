import Foundation
import GRDB
import Logging
import Messaging
import Settings
import Store

/// Settles what the dispatcher could not: `unknown` messages (the gateway may or may not have
/// them) and `accepted` ones waiting for a delivery report, by asking the gateway's list/status
/// API (``GatewayStatusSource``).
///
/// - `unknown` → `accepted`, `delivered` or `failed` when the gateway has the message (matched on
///   our id where the gateway echoes it, else receiver + text + time); → `pending` (sent again)
///   only when a complete search found nothing, and only once ``Configuration/grace`` has passed
///   since the send, so a request still being processed is not mistaken for a lost one.
/// - `accepted` → `delivered` or `failed` from the delivery report.
/// - States only move forward: each change is guarded by the state it was read in, so a
///   repeated or late report changes nothing. Every change appends a `delivery_event`.
/// - A failure the gateway reports as an 080 opt-out marks the customer opted out.
public final class Reconciler: Sendable {
    public struct Configuration: Sendable {
        /// `message.gateway` of the messages to reconcile (``Messaging/SMSGateway/name``).
        public var gatewayName: String
        /// An `unknown` message is looked up only this long after it was sent. Default 60 s
        /// (longer than a gateway request's timeout).
        public var grace: TimeInterval
        /// Accepted messages are polled until this old; then they are left as `accepted`. Default 3 days.
        public var maxAge: TimeInterval
        /// At most this many messages per pass.
        public var limit: Int
        /// Pause between passes of ``Reconciler/run()``. Default 30 s.
        public var interval: Duration

        public init(gatewayName: String, grace: TimeInterval = 60, maxAge: TimeInterval = 3 * 86_400, limit: Int = 5_000,
                    interval: Duration = .seconds(30)) {
            self.gatewayName = gatewayName; self.grace = grace; self.maxAge = maxAge; self.limit = limit
            self.interval = interval
        }
    }

    /// From `sms.gateway.reconcile_grace_seconds` (never below the request timeout) and
    /// `reconcile_interval_seconds`.
    public static func configuration(settings: GatewaySettings, gatewayName: String) -> Configuration {
        Configuration(
            gatewayName: gatewayName, grace: max(settings.reconcileGraceSeconds, settings.timeoutSeconds),
            interval: .milliseconds(Int64(max(0.1, settings.reconcileIntervalSeconds) * 1000)))
    }

    /// What one pass changed.
    public struct Report: Sendable, Hashable {
        public var accepted = 0
        public var delivered = 0
        public var failed = 0
        /// `unknown` proven never received: back to `pending`.
        public var requeued = 0
        public var optedOut = 0
        /// Looked up, but still without a final answer.
        public var waiting = 0

        public init() {}
    }

    public let store: KimbiseoStore
    public let source: any GatewayStatusSource
    public let configuration: Configuration
    let logger: Logger
    let clock: @Sendable () -> Date

    public init(store: KimbiseoStore, source: any GatewayStatusSource, configuration: Configuration,
                logger: Logger = Logger(label: "kimbiseo.reconciler"), clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store; self.source = source; self.configuration = configuration; self.logger = logger; self.clock = clock
    }

    /// Passes until the task is cancelled; a failed pass is logged and tried again next time.
    public func run() async {
        while !Task.isCancelled {
            do {
                let report = try await runOnce()
                if report.accepted + report.delivered + report.failed + report.requeued > 0 {
                    logger.info("reconciled", metadata: [
                        "accepted": "\(report.accepted)", "delivered": "\(report.delivered)", "failed": "\(report.failed)",
                        "requeued": "\(report.requeued)", "waiting": "\(report.waiting)",
                    ])
                }
            } catch is CancellationError {
                return
            } catch {
                logger.warning("reconciliation pass failed", metadata: ["gateway": "\(configuration.gatewayName)", "error": "\(error)"])
            }
            do { try await Task.sleep(for: configuration.interval) } catch { return }
        }
    }

    /// One pass: looks up the candidates, applies what the gateway said.
    @discardableResult
    public func runOnce() async throws -> Report {
        let now = clock()
        let candidates = try load(now: now)
        guard !candidates.isEmpty else { return Report() }
        let answers = try await source.status(of: candidates)
        let (counted, optOuts) = try await store.pool.write { db in
            var report = Report()
            var optOuts: [String: [Int64]] = [:]
            for message in candidates {
                guard let answer = answers[message.id] else { report.waiting += 1; continue }
                try self.apply(db, message, answer, now: now, report: &report, optOuts: &optOuts)
            }
            return (report, optOuts)
        }
        var report = counted
        for (code, ids) in optOuts.sorted(by: { $0.key < $1.key }) {
            report.optedOut += try OutboxWrites.markOptedOut(store, messageIDs: ids, gateway: configuration.gatewayName, code: code, at: now)
        }
        return report
    }

    /// `unknown` messages past the grace period and `accepted` ones younger than the maximum age.
    /// A message's send time is its last `sending` event (not `updated_at`, which a recovery
    /// after a long outage moves far past the moment the request left).
    func load(now: Date) throws -> [TrackedMessage] {
        let graceEdge = OutboxTime.format(now.addingTimeInterval(-configuration.grace))
        let ageEdge = OutboxTime.format(now.addingTimeInterval(-configuration.maxAge))
        return try store.pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, campaign_id, customer_id, phone, text, state, gateway_message_id,
                        COALESCE((SELECT MAX(e.at) FROM delivery_event e WHERE e.message_id = message.id AND e.state = 'sending'),
                            updated_at)
                    FROM message
                    WHERE gateway = ? AND ((state = 'unknown' AND updated_at <= ?) OR (state = 'accepted' AND updated_at >= ?))
                    ORDER BY id LIMIT ?
                    """,
                arguments: [configuration.gatewayName, graceEdge, ageEdge, configuration.limit]
            ).map { row in
                let updated: String? = row[7]
                return TrackedMessage(
                    id: row[0], campaignID: row[1], customerID: row[2], phone: row[3], text: row[4],
                    state: MessageState(rawValue: row[5]) ?? .unknown, gatewayMessageID: row[6],
                    sentAt: updated.flatMap(OutboxTime.parse) ?? now)
            }
        }
    }

    func apply(
        _ db: Database, _ message: TrackedMessage, _ answer: RemoteStatus, now: Date, report: inout Report,
        optOuts: inout [String: [Int64]]
    ) throws {
        let from = message.state
        func move(_ to: MessageState, code: String?, reason: String, gatewayID: String?, notBefore: Date? = nil) throws -> Bool {
            try OutboxWrites.move(
                db, message: message.id, campaign: message.campaignID, from: from, to: to, at: now, code: code,
                reason: reason, gatewayID: gatewayID, notBefore: notBefore)
        }
        switch answer {
        case .notFound:
            guard from == .unknown else { report.waiting += 1; return }
            let campaign = try String.fetchOne(db, sql: "SELECT state FROM campaign WHERE id = ?", arguments: [message.campaignID])
            if campaign == CampaignState.cancelled.rawValue {
                _ = try move(.cancelled, code: nil, reason: "확인 결과 게이트웨이에 없음, 캠페인 취소됨", gatewayID: nil)
                return
            }
            if try move(.pending, code: nil, reason: "확인 결과 게이트웨이에 없음: 다시 보냄", gatewayID: nil, notBefore: now) {
                report.requeued += 1
                try OutboxWrites.campaign(db, message.campaignID, from: [.done], to: .queued, at: now, reason: "확인 후 재발송할 메시지 있음")
            }
        case let .inFlight(id):
            if from == .unknown, try move(.accepted, code: nil, reason: "확인 결과 게이트웨이 접수", gatewayID: id) {
                report.accepted += 1
            } else {
                report.waiting += 1
            }
        case let .delivered(id):
            if try move(.delivered, code: nil, reason: "전달 완료", gatewayID: id) { report.delivered += 1 }
        case let .failed(id, code, reason, optOut):
            if try move(.failed, code: code, reason: reason, gatewayID: id) {
                report.failed += 1
                if optOut { optOuts[code, default: []].append(message.id) }
            }
        }
    }
}
