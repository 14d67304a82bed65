import Synchronization

/// Tells every subscribed service that the configuration was reloaded.
/// Each subscriber's stream keeps at most one pending notice.
final class ReloadBroadcast: Sendable {
    private let continuations = Mutex<[AsyncStream<Void>.Continuation]>([])

    func subscribe() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        continuations.withLock { $0.append(continuation) }
        return stream
    }

    func publish() {
        for c in continuations.withLock({ $0 }) { c.yield() }
    }
}
