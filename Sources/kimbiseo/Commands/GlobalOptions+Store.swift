import Foundation
import Settings
import Store

extension GlobalOptions {
    /// The settings in force and the store they name, opened and migrated (every module's
    /// migrations, so any command brings a new or older store up to date).
    ///
    /// - Throws: ``CLIError`` with the store's one-line reason when it cannot be opened.
    func openStore() throws -> (Settings, KimbiseoStore) {
        let settings = try loadSettings()
        let path = storePath(settings: settings)
        do {
            return (settings, try KimbiseoStore.open(path: path, additionalMigrations: StoreSchema.additionalMigrations))
        } catch let error as StoreError {
            throw CLIError(error.description)
        } catch {
            throw CLIError("\(path): cannot open the store: \(error)")
        }
    }
}

extension StoreError {
    /// The error as the CLI prints it.
    var cliError: CLIError { CLIError(description) }
}

/// Runs a store operation, turning a ``StoreError`` into a one-line ``CLIError``.
func storeCall<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StoreError {
        throw error.cliError
    }
}
