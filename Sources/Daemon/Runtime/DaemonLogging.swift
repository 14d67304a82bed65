import Logging
import Synchronization

/// Process-wide logging set-up for the daemon: JSON lines on stdout (see ``JSONLogHandler``).
public enum DaemonLogging {
    private static let bootstrapped = Atomic<Bool>(false)

    /// Installs ``JSONLogHandler`` as the process's log handler, once; later calls do nothing.
    public static func bootstrap(level: String) {
        guard !bootstrapped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        let parsed = Logger.Level(rawValue: level) ?? .info
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: parsed) }
    }
}
