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
/// builds it, calling `progress` with the running total of messages handed to the gateway.
///
/// `pipelined` runs ``Messaging/Dispatcher/run()``, the daemon's own loop (results recorded
/// while the next batch is at the gateway, across its one-second passes too), until no
/// message is left pending or in flight; otherwise one ``Messaging/Dispatcher/runOnce()``
/// after another.
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
    var seconds = 0.0
    (run.sent, run.peakMiB) = try await peakResident {
        guard pipelined else {
            var sent = 0
            while true {
                let n = try await dispatcher.runOnce()
                if n == 0 { break }
                sent += n
                progress(sent)
            }
            seconds = elapsed(since: start)
            return sent
        }
        let daemon = Task { await dispatcher.run() }
        var reported = 0
        while try await store.pool.read({ db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM message WHERE state IN ('pending', 'sending'))") == true
        }) {
            try await Task.sleep(for: .milliseconds(5))
            let sent = gateway.handed.withLock { $0 }
            if sent > reported {
                reported = sent
                progress(sent)
            }
        }
        seconds = elapsed(since: start)
        daemon.cancel()
        await daemon.value
        return gateway.handed.withLock { $0 }
    }
    run.seconds = seconds
    run.inGateway = gateway.total.withLock { $0 }
    run.accepted = try await store.pool.read { db in
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM message WHERE state = 'accepted'") ?? 0
    }
    return run
}

/// Adds up the time spent inside the wrapped gateway's `send`, and the messages handed to it.
final class TimedGateway: SMSGateway {
    let base: any SMSGateway
    let total = Mutex(0.0)
    let handed = Mutex(0)

    init(_ base: any SMSGateway) { self.base = base }

    var name: String { base.name }
    var maxBatchSize: Int { base.maxBatchSize }

    func send(_ batch: [OutgoingMessage]) async -> [SendResult] {
        let start = ContinuousClock.now
        let results = await base.send(batch)
        let spent = elapsed(since: start)
        total.withLock { $0 += spent }
        handed.withLock { $0 += batch.count }
        return results
    }

    func recover(_ ids: [Int64], since: Date) async -> RecoveryAnswer { await base.recover(ids, since: since) }
}
