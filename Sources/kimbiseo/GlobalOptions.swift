import ArgumentParser
import Foundation
import Settings

/// Options every command takes: where the store and the configuration are.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The customer store (SQLite file).",
        discussion: "Default: $KIMBISEO_STORE, then store.path from the configuration (./var/kimbiseo.sqlite).",
        valueName: "PATH"))
    var store: String?

    @Option(name: .long, help: ArgumentHelp(
        "The configuration file.",
        discussion: "Default: $KIMBISEO_CONFIG, then config/kimbiseo.yaml when it exists, else the embedded defaults.",
        valueName: "PATH"))
    var config: String?

    /// The configuration file to read, or `nil` for the embedded defaults.
    var configPath: String? {
        if let config { return config }
        if let env = ProcessInfo.processInfo.environment["KIMBISEO_CONFIG"], !env.isEmpty { return env }
        let fallback = "config/kimbiseo.yaml"
        return FileManager.default.fileExists(atPath: fallback) ? fallback : nil
    }

    /// The settings in force: the file's, or the embedded defaults.
    func loadSettings() throws -> Settings {
        guard let path = configPath else { return Settings() }
        do {
            return try Settings.load(path: path)
        } catch let error as SettingsError {
            throw CLIError(error.message)
        }
    }

    /// The store path in force.
    func storePath(settings: Settings) -> String {
        if let store { return store }
        if let env = ProcessInfo.processInfo.environment["KIMBISEO_STORE"], !env.isEmpty { return env }
        return settings.store.path
    }
}

/// A failure the CLI reports as one line on standard error, exiting non-zero.
struct CLIError: Error, CustomStringConvertible {
    var message: String
    var exitCode: Int32
    init(_ message: String, exitCode: Int32 = 1) {
        self.message = message; self.exitCode = exitCode
    }
    var description: String { message }
}
