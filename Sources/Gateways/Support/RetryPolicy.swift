import Foundation

/// How a gateway retries a request that provably did not reach it (never sent, 429, 503 with
/// `Retry-After`): exponential backoff with jitter, at least the server's `Retry-After`,
/// within a total budget that stays below the dispatcher's lease.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included. Default 4.
    public var maxAttempts: Int
    /// The first backoff; doubled per attempt. Default 0.5 s.
    public var baseDelay: Duration
    /// No single wait is longer. Default 10 s.
    public var maxDelay: Duration
    /// Waits of one send add up to at most this. Default 20 s (the dispatcher's lease is 60 s).
    public var budget: Duration

    public init(maxAttempts: Int = 4, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(10),
                budget: Duration = .seconds(20)) {
        self.maxAttempts = maxAttempts; self.baseDelay = baseDelay; self.maxDelay = maxDelay; self.budget = budget
    }

    /// The wait before attempt `attempt + 1` (attempt counts from 1): a random point in the
    /// upper half of the exponential step ("equal jitter"), raised to `retryAfter` plus up to
    /// 10 % so that many clients told the same `Retry-After` do not return at once.
    public func delay(afterAttempt attempt: Int, retryAfter: Duration?) -> Duration {
        let base = seconds(baseDelay) * pow(2, Double(max(0, attempt - 1)))
        let step = min(seconds(maxDelay), base)
        var wait = step / 2 + Double.random(in: 0...(step / 2))
        if let retryAfter {
            let floor = seconds(retryAfter)
            if wait < floor { wait = floor * (1 + Double.random(in: 0...0.1)) }
        }
        return .milliseconds(Int64((wait * 1000).rounded(.up)))
    }

    func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
