import Logging
import ServiceLifecycle

/// Tells systemd `STOPPING=1` as soon as a graceful shutdown begins, and logs it.
public struct LifecycleStatusService: Service {
    let notifier: SystemdNotifier
    let logger: Logger

    public init(notifier: SystemdNotifier, logger: Logger) {
        self.notifier = notifier; self.logger = logger
    }

    public func run() async throws {
        // Suspends until the group starts shutting down (or is cancelled).
        try? await gracefulShutdown()
        notifier.stopping()
        logger.notice("shutting down")
    }
}
