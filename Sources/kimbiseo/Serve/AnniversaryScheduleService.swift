import Anniversaries
import Daemon
import Foundation
import Logging
import ServiceLifecycle
import Store

/// Runs the daily anniversary texts, the staff digests and the email outbox on the wall clock.
///
/// It wakes when ``AnniversaryService/nextWake(after:)`` says something is due, and at least
/// every 30 seconds to pick up a reloaded configuration (applied with
/// ``AnniversaryService/update(settings:sender:)``; an unusable one keeps the old and is logged).
struct AnniversaryScheduleService: Service {
    let store: KimbiseoStore
    let settings: SettingsBox
    let logger: Logger

    func run() async throws {
        let service: AnniversaryService
        do {
            service = try AnniversaryService(store: store, settings: settings.current)
        } catch {
            logger.error("anniversary texts and reminders are off: \(error)")
            try? await gracefulShutdown()
            return
        }
        var generation = settings.generation
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            if settings.generation != generation {
                generation = settings.generation
                do {
                    try service.update(settings: settings.current)
                } catch {
                    logger.error("anniversary settings not applied, the previous ones stay in force: \(error)")
                }
            }
            await service.runDue(now: Date())
            let wait = min(max(service.nextWake(after: Date()).timeIntervalSinceNow, 1), 30)
            try? await cancelWhenGracefulShutdown {
                try await Task.sleep(for: .seconds(wait))
            }
        }
    }
}
