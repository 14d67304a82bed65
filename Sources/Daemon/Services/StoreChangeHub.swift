import Synchronization

/// Fans "the store changed" notifications out to every interested service.
///
/// Each subscriber gets its own `AsyncStream` that buffers at most one pending notification:
/// a burst of writes wakes a slow subscriber once, and it then reads the store as it is.
public final class StoreChangeHub: Sendable {
    private let continuations = Mutex<[Int: AsyncStream<Void>.Continuation]>([:])
    private let nextID = Atomic<Int>(0)

    public init() {}

    /// A stream of change notifications, ending when the hub finishes.
    public func subscribe() -> AsyncStream<Void> {
        let id = nextID.add(1, ordering: .relaxed).newValue
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        continuations.withLock { $0[id] = continuation }
        continuation.onTermination = { [weak self] _ in
            _ = self?.continuations.withLock { $0.removeValue(forKey: id) }
        }
        return stream
    }

    /// Tells every subscriber that the store changed.
    public func publish() {
        for c in continuations.withLock({ Array($0.values) }) { c.yield() }
    }

    /// Ends every subscriber's stream.
    public func finish() {
        for c in continuations.withLock({ Array($0.values) }) { c.finish() }
    }
}
