import ArgumentParser
import Daemon
import Foundation
import Logging
import ServiceLifecycle
import Settings
import Store

/// `kimbiseo serve` — the service daemon.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the daemon: watch the store, send what is due, re-read the configuration on SIGHUP.",
        discussion: """
            Opens (and migrates) the store, then tells systemd READY=1 when NOTIFY_SOCKET is set.
            Logs one JSON object per line on standard output; phone numbers are masked.
            SIGHUP re-reads the configuration (a bad file keeps the old one and logs why);
            SIGTERM or SIGINT stop gracefully. One daemon per store: a second `serve` on the
            same store refuses to start and names the process that runs (lock <store>.daemon.lock).

            Example:
              kimbiseo serve --config /etc/kimbiseo/kimbiseo.yaml --store /var/lib/kimbiseo/kimbiseo.sqlite
            """)

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let settings = try global.loadSettings()
        do { try settings.validate() } catch let error as SettingsError {
            throw CLIError("\(global.configPath ?? "configuration"): \(error.message)")
        }
        DaemonLogging.bootstrap(level: settings.log.level)
        let logger = Logger(label: "kimbiseo")
        let storePath = global.storePath(settings: settings)
        let lock: DaemonLock
        do { lock = try DaemonLock(storePath: storePath) } catch {
            logger.critical("\(error.description)", metadata: ["store": "\(storePath)"])
            throw CLIError(error.description)
        }
        let store: KimbiseoStore
        do {
            store = try KimbiseoStore.open(path: storePath, additionalMigrations: StoreSchema.additionalMigrations)
        } catch {
            logger.critical("cannot open the store: \(error)", metadata: ["store": "\(storePath)"])
            throw CLIError("\(storePath): \(error)")
        }
        let runtime = ServeRuntime(
            settings: SettingsBox(settings), configPath: global.configPath, store: store,
            notifier: SystemdNotifier(), logger: logger)
        try await runtime.run()
        withExtendedLifetime(lock) {}  // held until the daemon has stopped
    }
}
