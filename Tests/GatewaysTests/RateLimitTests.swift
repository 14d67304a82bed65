import Foundation
import Gateways
import Messaging
import Synchronization
import Testing
import Settings
import Transport

@Suite("rate limit")
struct RateLimitTests {
    /// An in-process gateway that notes when each batch arrives, so the measurement is of the
    /// limiter, not of a loopback peer competing for the CPU with other tests.
    final class StopwatchGateway: ClassifyingGateway, GatewayStatusSource {
        let name = "stopwatch"
        let maxBatchSize = 500
        let arrivals = Mutex<[(ContinuousClock.Instant, Int)]>([])
        func deliver(_ batch: [OutgoingMessage]) async -> [GatewayOutcome] {
            arrivals.withLock { $0.append((ContinuousClock.now, batch.count)) }
            return batch.map { .accepted(gatewayID: "sw-\($0.id)") }
        }
        func status(of messages: [TrackedMessage]) async throws -> [Int64: RemoteStatus] { [:] }
    }

    @Test("the dispatcher's token bucket holds sending to sms.rate_per_second (within 5 %)")
    func rateHonoured() async throws {
        var settings = SMSSettingsFixture.base()
        let rate = 40.0
        settings.ratePerSecond = rate
        let fixture = try CampaignFixture(count: 200, settings: settings)
        let gateway = StopwatchGateway()
        let dispatcher = Dispatcher(
            store: fixture.store, gateway: OutboxGateway(base: gateway, store: fixture.store),
            configuration: try Dispatcher.Configuration(settings: settings))
        while try await dispatcher.runOnce() > 0 {}

        let arrivals = gateway.arrivals.withLock { $0 }
        #expect(arrivals.map(\.1).reduce(0, +) == 200)
        // The first batch leaves at once (the bucket starts full); the 160 messages after it
        // should take 4 s at 40/s.
        guard let first = arrivals.first, let last = arrivals.last else { return }
        let span = last.0 - first.0
        let seconds = Double(span.components.seconds) + Double(span.components.attoseconds) / 1e18
        let measured = Double(200 - first.1) / seconds
        // Never faster than the configured rate (5 % tolerance). How long the limiter waits is
        // pinned exactly by TokenBucketTests; here, with the other suites' daemons and fakes
        // competing for two cores, only a limiter stuck for far longer than its waits (4 s for
        // these 160 messages) is caught.
        #expect(measured <= rate * 1.05, "measured \(measured)/s over \(seconds) s")
        #expect(seconds < 60, "160 messages at 40/s took \(seconds) s")
        #expect(try fixture.states().values.allSatisfy { $0 == "accepted" })
    }
}

enum SMSSettingsFixture {
    static func base() -> SMSSettings {
        var sms = SMSSettings()
        sms.sender = "0212345678"
        return sms
    }
}
