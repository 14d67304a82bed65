import Foundation
import Synchronization

/// A token bucket: at most `rate` messages per second on average, bursts up to `burst`.
///
/// One bucket per gateway account, shared by everything that sends through it. A rate of
/// zero or less means unlimited.
public final class TokenBucket: Sendable {
    public let rate: Double
    public let burst: Double
    private let state: Mutex<(tokens: Double, last: ContinuousClock.Instant)>

    public init(rate: Double, burst: Double? = nil) {
        self.rate = rate
        self.burst = max(1, burst ?? max(1, rate))
        state = Mutex((tokens: max(1, burst ?? max(1, rate)), last: ContinuousClock.now))
    }

    /// Whether ``acquire(_:)`` of `count` tokens would wait if called now. Only a hint:
    /// another caller may take tokens in between.
    public func wouldWait(_ count: Int) -> Bool {
        guard rate > 0, count > 0 else { return false }
        return state.withLock { state in tokens(state, at: ContinuousClock.now) < Double(count) }
    }

    /// Takes `count` tokens, waiting as long as needed. Returns early (throwing
    /// `CancellationError`) when the task is cancelled.
    public func acquire(_ count: Int) async throws {
        let wait = reserve(count, at: ContinuousClock.now)
        if wait > .zero { try await Task.sleep(for: wait) }
    }

    /// Takes `count` tokens at `now` and returns how long the taker must wait before using
    /// them: zero while the bucket holds enough, otherwise the time the missing tokens take to
    /// refill at ``rate`` (so takers queued behind each other are spaced by `count / rate`).
    func reserve(_ count: Int, at now: ContinuousClock.Instant) -> Duration {
        guard rate > 0, count > 0 else { return .zero }
        let missing: Double = state.withLock { state in
            state.tokens = tokens(state, at: now)
            state.last = now
            state.tokens -= Double(count)
            return max(0, -state.tokens)
        }
        return missing > 0 ? .milliseconds(Int((missing / rate * 1000).rounded(.up))) : .zero
    }

    /// The tokens available at `now`: the last count refilled at `rate`, at most `burst`.
    private func tokens(_ state: (tokens: Double, last: ContinuousClock.Instant), at now: ContinuousClock.Instant) -> Double {
        let elapsed = now - state.last
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return min(burst, state.tokens + seconds * rate)
    }
}
