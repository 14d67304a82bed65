import Logging
import ServiceLifecycle
import Store

/// Runs the ``StoreWatcher`` for the daemon's lifetime and logs each write made to the store
/// by another program. Services that act on such writes subscribe with `watcher.changes()`.
struct StoreWatchService: Service {
    let watcher: StoreWatcher
    let logger: Logger

    func run() async throws {
        try watcher.start()
        let changes = watcher.changes()
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
