import GRDB

/// A table's plain indexes, dropped during a bulk write and created again at its end.
///
/// Building an index once over all rows (a sort) is several times cheaper than inserting
/// tens of thousands of rows into it one by one; large imports use this. Unique indexes and
/// the ones behind `UNIQUE`/`PRIMARY KEY` constraints are kept, so constraints are checked
/// row by row as usual. Both steps run inside the caller's transaction: if the write fails,
/// rolling the transaction back restores the indexes.
struct DeferredIndexes {
    let table: String
    private let indexes: [(name: String, sql: String)]

    /// Drops `table`'s plain indexes, remembering their SQL.
    init(dropping table: String, in db: Database) throws {
        self.table = table
        indexes = try Row.fetchAll(
            db,
            sql: """
                SELECT name, sql FROM sqlite_master
                WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'
                ORDER BY name
                """,
            arguments: [table]
        ).map { (name: $0[0] as String, sql: $0[1] as String) }
        for index in indexes { try db.execute(sql: "DROP INDEX \(index.name.quotedDatabaseIdentifier)") }
    }

    /// Creates the dropped indexes again.
    ///
    /// SQLite sorts each index's entries. Under the store's `temp_store = MEMORY` its sorter
    /// allocates every entry on its own; under `FILE` it packs them into large blocks (and
    /// spills to a temporary file only past the page cache's size), which builds the customer
    /// indexes of a 100,000-card import about a fifth faster. The connection's setting is put
    /// back after.
    func restore(in db: Database) throws {
        let tempStore = try Int.fetchOne(db, sql: "PRAGMA temp_store") ?? 0
        // Inside a transaction SQLite refuses the change once the connection holds temporary
        // tables; the indexes are then built under the connection's own setting.
        let switched = (try? db.execute(sql: "PRAGMA temp_store = FILE")) != nil
        defer { if switched { try? db.execute(sql: "PRAGMA temp_store = \(tempStore)") } }
        for index in indexes { try db.execute(sql: index.sql) }
    }
}
