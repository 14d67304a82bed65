import ServiceLifecycle

/// Sends `WATCHDOG=1` at half the interval systemd asked for (`WATCHDOG_USEC`).
///
/// The ping comes from a task on the cooperative pool, so a daemon whose executor is wedged
/// stops pinging and systemd restarts it. Returns at once when the watchdog is off.
public struct WatchdogService: Service {
    let notifier: SystemdNotifier

    public init(notifier: SystemdNotifier) { self.notifier = notifier }

    public func run() async throws {
        guard let interval = notifier.watchdogInterval else {
            try? await gracefulShutdown()
            return
        }
        let period = interval / 2
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            notifier.watchdog()
            try? await Task.sleep(for: period)
        }
    }
}
