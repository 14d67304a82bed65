import Settings
import Synchronization

/// The settings in force, shared by the daemon's services and swapped whole on reload.
///
/// Readers take a snapshot (`current`) and use it for one unit of work, so a reload never
/// mixes old and new values inside one decision.
public final class SettingsBox: Sendable {
    private let state: Mutex<(settings: Settings, generation: Int)>

    public init(_ settings: Settings) {
        state = Mutex((settings, 0))
    }

    /// The settings in force now.
    public var current: Settings { state.withLock { $0.settings } }

    /// Increases by one on every successful reload.
    public var generation: Int { state.withLock { $0.generation } }

    /// Replaces the settings; returns the new generation.
    @discardableResult
    public func replace(with settings: Settings) -> Int {
        state.withLock {
            $0.settings = settings
            $0.generation += 1
            return $0.generation
        }
    }
}
