import GRDB

extension Dispatcher {
    /// SQLite's automatic checkpoint threshold, in WAL pages (4 KiB each), while a claim or a
    /// batch's results are written: about 40 MB instead of SQLite's 1,000 pages.
    ///
    /// One 10,000-message claim or result write fills more than 1,000 pages, so with the
    /// default every one of them ended with a checkpoint and its two `fdatasync`s on the
    /// dispatcher's thread (10–40 ms each on the development VM). With the larger threshold
    /// a checkpoint comes every few batches and copies each page once for all of them.
    static let checkpointPages = 10_000

    /// Runs `body` in one write transaction (as `pool.write` does) with the automatic
    /// checkpoint threshold raised to ``checkpointPages``, and restored after for every other
    /// writer on the connection.
    func writeBatch<T>(_ body: (Database) throws -> T) throws -> T {
        try store.pool.writeWithoutTransaction { db in
            let threshold = try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") ?? 1000
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Self.checkpointPages)")
            defer { try? db.execute(sql: "PRAGMA wal_autocheckpoint = \(threshold)") }
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            guard let result else { preconditionFailure("a committed transaction ran its body") }
            return result
        }
    }
}
