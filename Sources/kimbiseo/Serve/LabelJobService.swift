import Foundation
import Logging
import ServiceLifecycle
import Daemon
import Store

/// Renders label jobs requested through the store (`label_job` rows), as soon as the store
/// watcher reports another program's write, and once at start.
struct LabelJobService: Service {
    let store: KimbiseoStore
    let settings: SettingsBox
    let watcher: StoreWatcher
    let logger: Logger

    func run() async throws {
        let changes = watcher.changes()
        do {
            let recovered = try LabelJobProcessor(store: store, settings: settings.current).recover()
            if recovered > 0 { logger.notice("label jobs interrupted by a stop will be rendered again", metadata: ["jobs": "\(recovered)"]) }
        } catch {
            logger.error("label jobs: cannot read the store: \(error)")
        }
        await drainOffPool()
        for await _ in changes.cancelOnGracefulShutdown() {
            await drainOffPool()
        }
    }

    /// Rendering blocks for as long as a big PDF takes: keep it off Swift's cooperative pool.
    private func drainOffPool() async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let thread = Thread {
                drain()
                done.resume()
            }
            thread.name = "kimbiseo-label-jobs"
            thread.start()
        }
    }

    /// Renders every new job.
    private func drain() {
        let processor = LabelJobProcessor(store: store, settings: settings.current)
        while true {
            do {
                guard let result = try processor.processNext() else { return }
                if result.state == "done" {
                    logger.notice("label job done", metadata: [
                        "job": "\(result.id)", "labels": "\(result.labels)", "pdf": "\(result.outputPath ?? "")",
                    ])
                } else {
                    logger.warning("label job failed: \(result.error ?? "")", metadata: ["job": "\(result.id)"])
                }
            } catch {
                logger.error("label jobs: \(error)")
                return
            }
        }
    }
}
