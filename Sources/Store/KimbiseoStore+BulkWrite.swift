import GRDB

extension KimbiseoStore {
    /// Runs `body` in one `BEGIN IMMEDIATE` write transaction with SQLite's page cache raised to
    /// `cacheKiB` KiB for it, and restored after; `CHECK` constraints are checked again after it
    /// however it ends (``DeferredChecks`` turns them off on the connection).
    ///
    /// A bulk write (an import, a campaign) dirties more pages than the default 2 MB cache
    /// holds; with it they would be spilled to the WAL again and again before the commit. The
    /// cache grows only as it is filled. `body` decides whether the transaction commits.
    public func writeInBulk(cacheKiB: Int, _ body: (Database) throws -> Database.TransactionCompletion) throws {
        try pool.writeWithoutTransaction { db in
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = \(-cacheKiB)")
            defer {
                try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)")
                try? db.execute(sql: "PRAGMA ignore_check_constraints = OFF")
            }
            try db.inTransaction(.immediate) { try body(db) }
        }
    }
}
