import Store

/// The Messaging module's tables, as migrations that run after the store's own.
///
/// Pass them when opening the store, so the CLI and the daemon agree on the schema:
///
/// ```swift
/// let store = try KimbiseoStore.open(path: path, additionalMigrations: MessagingMigrations.all)
/// ```
///
/// The tables and their columns are documented for other programs in `docs/store-requests.md`.
/// Never edit a released migration; append a new one.
public enum MessagingMigrations {
    /// Every Messaging migration, in order.
    public static let all: [StoreMigration] = [v1Outbox]
}
