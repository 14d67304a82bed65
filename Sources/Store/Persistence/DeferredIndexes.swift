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
    func restore(in db: Database) throws {
        for index in indexes { try db.execute(sql: index.sql) }
    }
}
