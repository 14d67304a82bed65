import GRDB

/// One identified, append-only schema change.
///
/// An applied migration is recorded in the store (table `grdb_migrations`) and never runs
/// again, so a migration must never be edited once released: change the schema with a new one.
public struct StoreMigration: Sendable {
    /// Unique, stable identifier, e.g. `v3-campaigns`.
    public let identifier: String
    /// Runs inside a transaction; throwing rolls the migration back and fails the open.
    public let migrate: @Sendable (Database) throws -> Void

    public init(_ identifier: String, migrate: @escaping @Sendable (Database) throws -> Void) {
        self.identifier = identifier; self.migrate = migrate
    }
}

/// The store's migrations, in order.
///
/// ## Adding a migration
/// - Customer tables (this module): append a `StoreMigration` to ``all`` in a new file
///   `Schema/StoreMigrations+V<n>.swift`; never edit or reorder an existing entry.
/// - Tables owned by another module (e.g. Messaging): declare that module's own
///   `[StoreMigration]` (identifiers prefixed with the module, `messaging-v1-outbox`) and pass
///   it to ``KimbiseoStore/open(path:additionalMigrations:)``. They run after the store's own.
///   A store that has migrations a program does not know (an older CLI opening a store the
///   daemon migrated) still opens: unknown applied migrations are ignored.
public enum StoreMigrations {
    /// The customer store's own migrations.
    public static let all: [StoreMigration] = [v1Customers, v2ConsentEvents, v3LeanCustomerIndexes]

    /// Identifiers of ``all``, in order.
    public static var identifiers: [String] { all.map(\.identifier) }

    /// A migrator with the store's migrations followed by `additional`.
    public static func migrator(additional: [StoreMigration] = []) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in all + additional {
            let run = migration.migrate
            migrator.registerMigration(migration.identifier, foreignKeyChecks: .immediate) { db in
                try run(db)
            }
        }
        return migrator
    }
}
