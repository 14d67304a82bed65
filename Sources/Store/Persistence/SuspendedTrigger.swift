import GRDB

/// A trigger dropped while a bulk write runs and created again at its end, for writes that
/// cannot make it act (the caller states why, and checks it).
///
/// A row trigger, even one whose `WHEN` is false, costs SQLite a sub-program call per
/// inserted row. Both steps run inside the caller's transaction: rolling it back restores the
/// trigger.
struct SuspendedTrigger {
    let name: String
    private let sql: String?

    /// Drops trigger `name`; nothing happens when the schema has no such trigger.
    init(_ name: String, in db: Database) throws {
        self.name = name
        sql = try String.fetchOne(
            db, sql: "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?", arguments: [name])
        if sql != nil { try db.execute(sql: "DROP TRIGGER \(name.quotedDatabaseIdentifier)") }
    }

    /// Creates the trigger again.
    func restore(in db: Database) throws {
        if let sql { try db.execute(sql: sql) }
    }
}
