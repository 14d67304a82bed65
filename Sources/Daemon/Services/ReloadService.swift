import Logging
import ServiceLifecycle
import Settings
import UnixSignals

/// Re-reads the configuration file on SIGHUP.
///
/// A file that does not parse, or does not validate, keeps the old settings in force and logs
/// why in one line. Around the reload systemd is told `RELOADING=1` and then `READY=1`, so
/// `systemctl reload` waits for it. Listeners (``onReload``) run after a successful swap.
public struct ReloadService: Service {
    let path: String?
    let box: SettingsBox
    let notifier: SystemdNotifier
    let logger: Logger
    let onReload: @Sendable (Settings) async -> Void

    /// - Parameters:
    ///   - path: the configuration file; `nil` means the embedded defaults (a reload keeps them).
    ///   - onReload: called with the new settings after each successful reload.
    public init(
        path: String?, box: SettingsBox, notifier: SystemdNotifier, logger: Logger,
        onReload: @escaping @Sendable (Settings) async -> Void = { _ in }
    ) {
        self.path = path; self.box = box; self.notifier = notifier; self.logger = logger
        self.onReload = onReload
    }

    public func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals.cancelOnGracefulShutdown() {
            notifier.reloading()
            await reload()
            notifier.ready(status: "running")
        }
    }

    /// Reloads once; exposed for tests.
    public func reload() async {
        guard let path else {
            logger.notice("reload: no configuration file, embedded defaults stay in force")
            return
        }
        do {
            let settings = try Settings.load(path: path)
            try settings.validate()
            let generation = box.replace(with: settings)
            logger.notice("configuration reloaded", metadata: ["file": "\(path)", "generation": "\(generation)"])
            await onReload(settings)
        } catch {
            logger.error("configuration not reloaded, the previous one stays in force: \(error)", metadata: ["file": "\(path)"])
        }
    }
}
