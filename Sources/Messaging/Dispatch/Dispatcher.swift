import Foundation
import Logging
import Settings
import Store

/// Sends the outbox: claims due messages with a lease, hands them to the gateway in batches at
/// the configured rate, records every result and transition in the delivery log.
///
/// Guarantees, with any number of dispatchers on one store:
/// - A message is handed to a gateway by one dispatcher only: claiming is one write
///   transaction that moves `pending → sending` and stamps `lease_owner`/`lease_until`.
/// - `sending` is persisted before the gateway is called and the result after, so after a crash
///   the rows say exactly which messages were in flight; ``recover()`` resolves them
///   deterministically (the spool gateway by looking for each id in its files: found →
///   `accepted`, absent → `pending`; gateways that cannot tell → `unknown`, never resent).
/// - Pause and cancel are honoured before every batch (at most one batch, about one second of
///   sending at the configured rate, is in flight when they happen).
/// - Quiet hours: a message marked `quiet_hours` (advertising without night consent) is moved to
///   `held` when the quiet window opens and back to `pending` when it ends.
///
/// The daemon runs ``run()`` inside its service group and calls ``wake()`` when the store
/// changes; tests drive ``runOnce()`` step by step with an injected clock.
public final class Dispatcher: Sendable {
    public let store: KimbiseoStore
    public let gateway: any SMSGateway
    public let configuration: Configuration
    let clock: @Sendable () -> Date
    let bucket: TokenBucket
    let wakeSignal = WakeSignal()
    let logger: Logger
    let requests: CampaignRequestProcessor?

    /// - Parameters:
    ///   - requests: when given, new `campaign_request` rows are turned into campaigns on every
    ///     pass of ``run()``.
    public init(
        store: KimbiseoStore, gateway: any SMSGateway, configuration: Configuration,
        requests: CampaignRequestProcessor? = nil, logger: Logger = Logger(label: "kimbiseo.dispatcher"),
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.gateway = gateway
        self.configuration = configuration
        self.requests = requests
        self.logger = logger
        self.clock = clock
        bucket = TokenBucket(rate: configuration.ratePerSecond)
    }

    /// Asks a waiting ``run()`` to look at the store now (after a campaign was created,
    /// resumed or requested).
    public func wake() { wakeSignal.signal() }

    /// How many messages one claim takes: the gateway's batch size, cut to about one second of
    /// sending so that a pause takes effect within a second.
    var batchSize: Int {
        var size = min(configuration.maxBatchSize ?? gateway.maxBatchSize, gateway.maxBatchSize)
        if configuration.ratePerSecond > 0 { size = min(size, max(1, Int(configuration.ratePerSecond))) }
        return max(1, size)
    }

    /// Recovers, then sends until the task is cancelled. Errors of one pass are logged and the
    /// pass retried after ``Configuration/idleInterval``; cancellation returns normally.
    public func run() async {
        var lastRecovery = ContinuousClock.now
        do {
            _ = try await recover()
        } catch {
            logger.error("dispatcher recovery failed", metadata: ["error": "\(error)"])
        }
        while !Task.isCancelled {
            var handled = 0
            do {
                if let requests { _ = try requests.processNew() }
                handled = try await runOnce()
                if ContinuousClock.now - lastRecovery > .seconds(configuration.leaseSeconds) {
                    lastRecovery = ContinuousClock.now
                    _ = try await recover()
                }
            } catch is CancellationError {
                return
            } catch {
                logger.error("dispatcher pass failed", metadata: ["error": "\(error)"])
            }
            if handled == 0 { await wakeSignal.wait(timeout: configuration.idleInterval) }
        }
    }

    /// One pass: release held messages whose time has come, hold quiet-hours messages, claim one
    /// batch, send it, record the results, close finished campaigns. Returns how many messages
    /// were handed to the gateway (0 when nothing was due).
    @discardableResult
    public func runOnce() async throws -> Int {
        let now = clock()
        try applyQuietHours(now: now)
        let claimed = try claim(now: now, limit: batchSize)
        guard !claimed.isEmpty else {
            try closeFinishedCampaigns(now: now, among: nil)
            return 0
        }
        do {
            try await bucket.acquire(claimed.count)
        } catch {
            try release(claimed)
            throw error
        }
        let sendable = try dropStopped(claimed)
        var results: [SendResult] = []
        if !sendable.isEmpty {
            results = await gateway.send(sendable)
            if results.count != sendable.count {
                let reason = "게이트웨이 응답 개수 오류 (\(results.count)/\(sendable.count))"
                results = sendable.map { _ in .unknown(reason: reason) }
            }
            try record(sendable, results, at: clock())
        }
        try closeFinishedCampaigns(now: clock(), among: Set(claimed.map(\.campaignID)))
        return sendable.count
    }
}
