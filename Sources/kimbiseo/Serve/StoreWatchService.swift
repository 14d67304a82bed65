import Logging
import ServiceLifecycle
import Store

/// Runs the ``StoreWatcher`` for the daemon's lifetime and logs each write made to the store
/// by another program. Services that act on such writes subscribe with `watcher.changes()`.
///
/// The watcher is started, and this service's subscription taken, when the service is made
/// (before the daemon reports READY), so a write made right after READY is never missed.
struct StoreWatchService: Service {
    let watcher: StoreWatcher
    let logger: Logger
    private let changes: AsyncStream<Void>

    init(watcher: StoreWatcher, logger: Logger) throws {
        self.watcher = watcher
        self.logger = logger
        try watcher.start()
        changes = watcher.changes()
    }

    func run() async throws {
        let changes = self.changes
        await withGracefulShutdownHandler {
            for await _ in changes.cancelOnGracefulShutdown() {
                logger.debug("store changed by another program", metadata: ["changes": "\(watcher.changesNoticed)"])
            }
        } onGracefulShutdown: {
            watcher.stop()
        }
        watcher.stop()
    }
}
