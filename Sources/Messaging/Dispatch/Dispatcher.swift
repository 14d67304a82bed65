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
///   ``run()`` writes a batch's results while the next batch is at the gateway, so a crash
///   can leave two batches `sending`: both were handed to the gateway.
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
    /// pass retried after ``Configuration/idleInterval``; cancellation returns normally, after
    /// recording every result received.
    ///
    /// Each pass sends for up to a second, then looks at campaign requests and, once per lease
    /// period, recovers other dispatchers' stranded messages. A pass that ends while batches
    /// keep coming hands its last batch's results to the next pass, which records them while
    /// its first batch is at the gateway, as ``runBatches(for:)`` does within a pass: the
    /// store's work is never left waiting for the gateway at a pass boundary.
    public func run() async {
        var lastRecovery = ContinuousClock.now
        do {
            _ = try await recover()
        } catch {
            logger.error("dispatcher recovery failed", metadata: ["error": "\(error)"])
        }
        var carried: Unrecorded?
        while !Task.isCancelled {
            var handled = 0
            do {
                if let requests { _ = try requests.processNew() }
                handled = try await sendBatches(for: .seconds(1), carrying: &carried)
                if ContinuousClock.now - lastRecovery > .seconds(configuration.leaseSeconds) {
                    lastRecovery = ContinuousClock.now
                    _ = try await recover()
                }
            } catch is CancellationError {
                break
            } catch {
                logger.error("dispatcher pass failed", metadata: ["error": "\(error)"])
            }
            if handled == 0 { await wakeSignal.wait(timeout: configuration.idleInterval) }
        }
        if let carried {
            do {
                try finish(carried.batch, carried.results)
            } catch {
                logger.error(
                    "could not record the last batch's results; recovery will resolve them",
                    metadata: ["messages": "\(carried.batch.sendable.count)", "error": "\(error)"])
            }
        }
    }

    /// One pass: release held messages whose time has come, hold quiet-hours messages, claim one
    /// batch, send it, record the results, close finished campaigns. Returns how many messages
    /// were handed to the gateway (0 when nothing was due).
    @discardableResult
    public func runOnce() async throws -> Int {
        let claimed = try claimDue()
        guard !claimed.isEmpty else {
            try closeFinishedCampaigns(now: clock(), among: nil)
            return 0
        }
        let batch = try await admit(claimed)
        try finish(batch, await send(batch))
        return batch.sendable.count
    }

    /// Sends batch after batch for about `duration` (or until nothing is due), recording each
    /// batch's results while the next batch is at the gateway. Returns how many messages were
    /// handed to the gateway.
    ///
    /// The guarantees of ``runOnce()`` hold batch by batch: a batch is claimed (`sending`
    /// committed) and checked for pause and cancel before its gateway call, and its results
    /// are committed after the call returns. Only the writing of the previous batch's results
    /// overlaps the call, so at most one batch is ever at the gateway, and a message is never
    /// left `sending` without having been handed over. Results already received are recorded
    /// even when the pass ends with an error or a cancellation, and before any wait for the
    /// rate limiter (which is then the bottleneck, not the store).
    public func runBatches(for duration: Duration) async throws -> Int {
        var carried: Unrecorded?
        let handed = try await sendBatches(for: duration, carrying: &carried)
        if let carried { try finish(carried.batch, carried.results) }
        return handed
    }

    /// A batch's results, received and not recorded yet.
    struct Unrecorded: Sendable {
        var batch: Batch
        var results: [SendResult]
    }

    /// ``runBatches(for:)``, except that when the pass ends with batches still coming, the
    /// last batch's results are left in `carried` instead of being recorded: the next call
    /// records them while its first batch is at the gateway. Results found in `carried` are
    /// recorded first thing when nothing is due, before a wait for the rate limiter, and
    /// before an error or a cancellation is thrown (`carried` is then `nil`).
    func sendBatches(for duration: Duration, carrying carried: inout Unrecorded?) async throws -> Int {
        let start = ContinuousClock.now
        var handed = 0
        do {
            while ContinuousClock.now - start < duration {
                let claimed = try claimDue()
                if let previous = carried, claimed.isEmpty || bucket.wouldWait(claimed.count) {
                    carried = nil
                    try finish(previous.batch, previous.results)
                }
                guard !claimed.isEmpty else { break }
                let batch = try await admit(claimed)
                async let results = send(batch)
                // The gateway call must run to its end whatever happens here: a failure to
                // record the previous batch is raised only once this batch's results are in.
                var failure: (any Error)?
                if let previous = carried {
                    carried = nil
                    do { try finish(previous.batch, previous.results) } catch { failure = error }
                }
                carried = Unrecorded(batch: batch, results: await results)
                handed += batch.sendable.count
                if let failure { throw failure }
            }
        } catch {
            if let previous = carried {
                carried = nil
                try finish(previous.batch, previous.results)
            }
            throw error
        }
        if ContinuousClock.now - start < duration {
            if let previous = carried {
                carried = nil
                try finish(previous.batch, previous.results)
            }
            try closeFinishedCampaigns(now: clock(), among: nil)
        }
        return handed
    }
}
