import Store

/// The anniversary module's tables, as ``StoreMigration``s to pass to
/// `KimbiseoStore.open(path:additionalMigrations:)` after `MessagingMigrations.all`
/// (the tables refer to Messaging's `message` and `campaign` rows by id only, without foreign
/// keys, so the order between the two lists is free).
///
/// ```swift
/// let store = try KimbiseoStore.open(
///     path: path, additionalMigrations: MessagingMigrations.all + AnniversaryMigrations.all)
/// ```
public enum AnniversaryMigrations {
    /// Every migration of this module, in order. Never edit or reorder a released entry.
    public static let all: [StoreMigration] = [v1Tables]
}
