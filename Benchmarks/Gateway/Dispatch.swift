import Foundation
import GRDB
import Gateways
import Messaging
import Settings
import Store
import Synchronization
import Transport

/// One dispatcher run: `messages` pending messages sent through `gateway` kind (`spool`,
/// `aligo`, `solapi`) until the outbox is empty.
struct DispatchRun {
    var sent = 0
    var accepted = 0
    var seconds = 0.0
    var peakMiB = 0.0
    /// Time spent inside `gateway.send` (HTTP, encoding and parsing included).
    var inGateway = 0.0
    var rate: Double { seconds > 0 ? Double(sent) / seconds : 0 }
}

/// The settings the daemon would use for `kind` against `fake` (no rate limit).
func benchSettings(kind: String, fake: Fake?, spool: String) -> SMSSettings {
    var sms = SMSSettings()
    sms.sender = "0212345678"
    sms.ratePerSecond = 0
    sms.gateway.kind = kind
    sms.gateway.spoolDirectory = spool
    if let fake { sms.gateway.baseURL = fake.baseURL }
    switch kind {
    case "aligo": sms.gateway.userID = "kimbiseo"; sms.gateway.key = "test-aligo-key"
    case "solapi": sms.gateway.apiKey = "NCSTESTKEY0000001"; sms.gateway.apiSecret = "test-solapi-secret"
    default: break
    }
    return sms
}

/// Sends a fresh outbox of `messages` through a ``Messaging/Dispatcher`` built as the daemon
/// builds it, calling `progress` after every pass with the running total.
///
/// `pipelined` drives ``Messaging/Dispatcher/runBatches(for:)`` as `Dispatcher.run()` does
/// (results recorded while the next batch is at the gateway); otherwise one
/// ``Messaging/Dispatcher/runOnce()`` after another.
func dispatch(
    kind: String, fake: Fake?, messages: Int, client: HTTPClient, pipelined: Bool = true,
    progress: (Int) -> Void = { _ in }
) async throws -> DispatchRun {
    let store = try makeOutbox(messages: messages)
    defer { removeOutbox(store) }
    let spool = URL(fileURLWithPath: store.path).deletingLastPathComponent().path + "/spool"
    try FileManager.default.createDirectory(atPath: spool, withIntermediateDirectories: true)
    let sms = benchSettings(kind: kind, fake: fake, spool: spool)
    let gateway = TimedGateway(try GatewayFactory.make(settings: sms, store: store, client: client, environment: [:]))
    // Quiet hours never apply: the benchmark's messages are not advertising.
    let dispatcher = Dispatcher(store: store, gateway: gateway, configuration: try .init(settings: sms))
    var run = DispatchRun()
    let start = ContinuousClock.now
    (run.sent, run.peakMiB) = try await peakResident {
        var sent = 0
        while true {
            let n = pipelined ? try await dispatcher.runBatches(for: .seconds(1)) : try await dispatcher.runOnce()
            if n == 0 { break }
            sent += n
            progress(sent)
        }
        return sent
    }
    run.seconds = elapsed(since: start)
    run.inGateway = gateway.total.withLock { $0 }
    run.accepted = try await store.pool.read { db in
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM message WHERE state = 'accepted'") ?? 0
    }
    return run
}

/// Adds up the time spent inside the wrapped gateway's `send`.
final class TimedGateway: SMSGateway {
    let base: any SMSGateway
    let total = Mutex(0.0)

    init(_ base: any SMSGateway) { self.base = base }

    var name: String { base.name }
    var maxBatchSize: Int { base.maxBatchSize }

    func send(_ batch: [OutgoingMessage]) async -> [SendResult] {
        let start = ContinuousClock.now
        let results = await base.send(batch)
        let spent = elapsed(since: start)
        total.withLock { $0 += spent }
        return results
    }

    func recover(_ ids: [Int64], since: Date) async -> RecoveryAnswer { await base.recover(ids, since: since) }
}
