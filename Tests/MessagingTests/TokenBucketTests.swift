import Foundation
import Testing
@testable import Messaging

@Suite("Token bucket")
struct TokenBucketTests {
    @Test("batches taken at once are spaced by batch / rate, the first one free")
    func spacing() {
        let bucket = TokenBucket(rate: 40)
        let start = ContinuousClock.now
        let waits = (0..<5).map { _ in bucket.reserve(40, at: start) }
        #expect(waits == [.zero, .seconds(1), .seconds(2), .seconds(3), .seconds(4)])
    }

    @Test("tokens refill with time, never above the burst")
    func refill() {
        let bucket = TokenBucket(rate: 40)
        let start = ContinuousClock.now
        #expect(bucket.reserve(40, at: start) == .zero)
        #expect(bucket.reserve(20, at: start + .milliseconds(500)) == .zero)
        #expect(bucket.reserve(20, at: start + .milliseconds(500)) == .milliseconds(500))
        // A long idle time fills the bucket to its burst (40), not beyond.
        let later = start + .seconds(60)
        #expect(bucket.reserve(40, at: later) == .zero)
        #expect(bucket.reserve(1, at: later) == .milliseconds(25))
    }

    @Test("a rate of zero never waits")
    func unlimited() {
        let bucket = TokenBucket(rate: 0)
        let now = ContinuousClock.now
        #expect((0..<3).map { _ in bucket.reserve(10_000, at: now) } == [.zero, .zero, .zero])
        #expect(!bucket.wouldWait(10_000))
    }
}
