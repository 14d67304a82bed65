import Foundation

extension Dispatcher {
    /// Messages claimed by one pass: all of them are `sending` under this dispatcher's lease;
    /// `sendable` are those whose campaign was still sendable just before the gateway call.
    struct Batch: Sendable {
        var claimed: [OutgoingMessage]
        var sendable: [OutgoingMessage]
    }

    /// Releases and holds for quiet hours, then claims the next batch (`pending → sending`,
    /// committed). Empty when nothing is due.
    func claimDue() throws -> [OutgoingMessage] {
        let now = clock()
        try applyQuietHours(now: now)
        return try claim(now: now, limit: batchSize)
    }

    /// Waits for the rate limiter, then gives back the messages of campaigns paused or
    /// cancelled since the claim: what is left may go to the gateway now.
    ///
    /// - Throws: `CancellationError` while waiting for the rate limiter, after giving the
    ///   claimed messages back (`sending → pending`); store errors.
    func admit(_ claimed: [OutgoingMessage]) async throws -> Batch {
        do {
            try await bucket.acquire(claimed.count)
        } catch {
            try release(claimed)
            throw error
        }
        return Batch(claimed: claimed, sendable: try dropStopped(claimed))
    }

    /// Hands the batch's sendable messages to the gateway: one result each, in order (a
    /// gateway answering a different count gets `unknown` for every message).
    func send(_ batch: Batch) async -> [SendResult] {
        guard !batch.sendable.isEmpty else { return [] }
        let results = await gateway.send(batch.sendable)
        guard results.count == batch.sendable.count else {
            let reason = "게이트웨이 응답 개수 오류 (\(results.count)/\(batch.sendable.count))"
            return batch.sendable.map { _ in .unknown(reason: reason) }
        }
        return results
    }

    /// Records the results of ``send(_:)`` and closes the batch's campaigns that finished.
    func finish(_ batch: Batch, _ results: [SendResult]) throws {
        if !batch.sendable.isEmpty { try record(batch.sendable, results, at: clock()) }
        try closeFinishedCampaigns(now: clock(), among: Set(batch.claimed.map(\.campaignID)))
    }
}
