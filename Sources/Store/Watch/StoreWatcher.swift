import Foundation
import GRDB

/// Notices commits made to the store by OTHER processes (the `sqlite3` CLI, another program,
/// a second `kimbiseo`) within a second, and tells whoever listens.
///
/// How: `PRAGMA data_version` changes on a connection whenever another connection commits,
/// but not for that connection's own commits. The watcher reads it on the pool's writer
/// connection (one fixed connection). It is woken by inotify events on the store's directory
/// for the database and its `-wal` file, and at the latest every `fallbackInterval` (inotify
/// misses writes made over some network file systems), so it never busy-polls. On a change
/// it also calls GRDB's `notifyChanges(in: .fullDatabase)`, so `ValueObservation`s refresh.
///
/// Commits made through this process's own ``KimbiseoStore`` are not reported (its writer
/// made them); services that write through the store know about their own writes.
///
/// ```swift
/// let watcher = try StoreWatcher(store: store)
/// try watcher.start()
/// for await _ in watcher.changes() { await planner.rescan() }
/// ```
///
/// `@unchecked Sendable`: all mutable state is guarded by `lock`; the watch thread only reads
/// the file descriptors, which are set before it starts and closed after it ends.
public final class StoreWatcher: @unchecked Sendable {
    public let store: KimbiseoStore
    /// The longest the watcher sleeps without an inotify event.
    public let fallbackInterval: Duration

    private let lock = NSLock()
    private var subscribers: [UUID: AsyncStream<Void>.Continuation] = [:]
    private var lastVersion: Int?
    private var running = false
    private var notifier: DirectoryNotifier?
    private var thread: Thread?
    private let stopped = DispatchSemaphore(value: 0)
    private var changeCount = 0
    private var failure: (any Error)?
    private var noticedAt: ContinuousClock.Instant?

    /// - Parameter fallbackInterval: 250–1000 ms is sensible; the one-second promise needs
    ///   it below one second when inotify is unavailable.
    public init(store: KimbiseoStore, fallbackInterval: Duration = .milliseconds(250)) {
        self.store = store
        self.fallbackInterval = fallbackInterval
    }

    deinit { stop() }

    /// How many external changes were noticed since ``start()``.
    public var changesNoticed: Int { lock.withLock { changeCount } }

    /// When the last external change was noticed (before listeners were told).
    public var lastChangeNoticedAt: ContinuousClock.Instant? { lock.withLock { noticedAt } }

    /// The last error of a background check, if any (the watcher keeps running).
    public var lastError: (any Error)? { lock.withLock { failure } }

    /// Starts watching on a dedicated thread. Calling it twice does nothing.
    ///
    /// - Throws: a `DatabaseError` when the store cannot be read.
    public func start() throws {
        let version = try currentVersion()
        let notifier = DirectoryNotifier(
            directory: URL(fileURLWithPath: store.path).deletingLastPathComponent().path,
            namePrefix: URL(fileURLWithPath: store.path).lastPathComponent)
        let shouldStart: Bool = lock.withLock {
            if running { return false }
            running = true
            lastVersion = version
            self.notifier = notifier
            return true
        }
        guard shouldStart else { notifier.close(); return }
        let timeout = Int32(clamping: fallbackInterval.components.seconds * 1000
            + fallbackInterval.components.attoseconds / 1_000_000_000_000_000)
        let stopped = self.stopped
        let thread = Thread { [weak self] in
            while true {
                notifier.wait(timeoutMilliseconds: timeout)
                guard let self, self.isRunning else { break }
                do {
                    try self.checkNow()
                } catch {
                    // A transient failure (the store busy beyond its timeout): keep it for
                    // ``lastError`` and try again on the next wake.
                    self.lock.withLock { self.failure = error }
                }
            }
            notifier.close()
            stopped.signal()
        }
        thread.name = "kimbiseo-store-watcher"
        lock.withLock { self.thread = thread }
        thread.start()
    }

    /// Stops watching and ends every stream from ``changes()``. Safe to call more than once.
    public func stop() {
        let (wasRunning, notifier, continuations, thread) = lock.withLock {
            defer { running = false; subscribers = [:]; self.notifier = nil; self.thread = nil }
            return (running, self.notifier, Array(subscribers.values), self.thread)
        }
        continuations.forEach { $0.finish() }
        guard wasRunning, let notifier else { return }
        notifier.interrupt()
        // The last reference may be dropped on the watch thread itself (deinit there): it
        // ends on its own after this returns, so do not wait for it.
        if Thread.current !== thread { stopped.wait() }
    }

    /// A stream with one element per noticed change (changes in quick succession may be
    /// merged into one). Each call returns a new, independent stream; it ends on ``stop()``.
    public func changes() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = UUID()
        lock.withLock { subscribers[id] = continuation }
        continuation.onTermination = { [weak self] _ in
            self?.lock.withLock { _ = self?.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Checks `PRAGMA data_version` now and notifies when another process committed since
    /// the last check. Returns whether it did. The watch thread calls this on every wake.
    @discardableResult
    public func checkNow() throws -> Bool {
        let version = try currentVersion()
        let continuations: [AsyncStream<Void>.Continuation]? = lock.withLock {
            guard version != lastVersion else { return nil }
            lastVersion = version
            changeCount += 1
            noticedAt = .now
            return Array(subscribers.values)
        }
        guard let continuations else { return false }
        try store.pool.write { db in try db.notifyChanges(in: .fullDatabase) }
        continuations.forEach { $0.yield(()) }
        return true
    }

    private var isRunning: Bool { lock.withLock { running } }

    private func currentVersion() throws -> Int {
        try store.pool.writeWithoutTransaction { db in
            try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0
        }
    }
}
