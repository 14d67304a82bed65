import Foundation
import GRDB

/// The customer store: one SQLite file in WAL mode, reached through a GRDB `DatabasePool`.
///
/// Every method is synchronous and thread-safe (the pool serializes writes and runs reads
/// concurrently). Opening a store migrates it, so a new file and a file written by an older
/// version of Kimbiseo both come out with the current schema.
///
/// ```swift
/// let store = try KimbiseoStore.open(path: "./var/kimbiseo.sqlite")
/// let summary = try store.importCards(cards, onDuplicate: .skip, dryRun: false, progress: nil)
/// let vips = try store.cards(grades: ["VIP"])
/// ```
///
/// Other modules add their own tables with their own ``StoreMigration``s (see
/// ``StoreMigrations``) and query them through ``pool``.
public final class KimbiseoStore: Sendable {
    /// The GRDB pool: one writer, concurrent readers. Use it for tables and queries that live
    /// in other modules; customer tables are better reached through this type's methods.
    public let pool: DatabasePool
    /// The store file's path.
    public let path: String

    init(pool: DatabasePool, path: String) {
        self.pool = pool; self.path = path
    }

    /// How long a statement waits for a lock held by another connection or process.
    public static let busyTimeout: TimeInterval = 5

    /// Opens (creating if needed) the store at `path` and applies every migration that is
    /// not applied yet: the store's own (``StoreMigrations/all``) then `additionalMigrations`.
    ///
    /// Missing parent directories are created. The database runs in WAL mode with foreign
    /// keys enforced, a 5 s busy timeout and in-memory temporary storage.
    ///
    /// - Throws: ``StoreError/cannotOpen(path:reason:)`` when the file or its directory cannot
    ///   be created or is not a SQLite database; a GRDB `DatabaseError` when a migration fails
    ///   (the failed migration is rolled back).
    public static func open(path: String, additionalMigrations: [StoreMigration] = []) throws -> KimbiseoStore {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "cannot create directory \(directory): \(error.localizedDescription)")
        }
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        config.label = "kimbiseo"
        config.prepareDatabase { db in
            // Statement journals (one per INSERT that fires a trigger or checks a foreign
            // key) go to memory instead of a temp file: a 100,000-card import otherwise makes
            // two million small writes.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: config)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
        try StoreMigrations.migrator(additional: additionalMigrations).migrate(pool)
        return KimbiseoStore(pool: pool, path: path)
    }

    /// A fresh, migrated store in a new temporary directory, for tests and dry experiments.
    ///
    /// A `DatabasePool` needs a file (WAL does not work in memory), so this is a real file
    /// under the system temporary directory; the directory is not removed automatically.
    public static func openTemporary(additionalMigrations: [StoreMigration] = []) throws -> KimbiseoStore {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("kimbiseo-store-\(UUID().uuidString)")
        return try open(path: dir.appendingPathComponent("kimbiseo.sqlite").path,
                        additionalMigrations: additionalMigrations)
    }

    /// Same as ``openTemporary(additionalMigrations:)``; kept for readability in tests.
    public static func openInMemoryForTests() throws -> KimbiseoStore {
        try openTemporary()
    }
}
