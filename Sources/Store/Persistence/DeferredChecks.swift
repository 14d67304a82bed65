import GRDB

/// SQLite's `CHECK` constraints left unchecked while a bulk write inserts rows, and verified by
/// one scan per table at its end.
///
/// Inside a multi-row `INSERT`, SQLite evaluates every constraint of every row; for 100,000
/// customers that costs several times what one pass over the finished table does. The rows a
/// bulk write brings were already validated by the importer (``CustomerCard/checkStorable(location:)``);
/// the scan keeps the schema's guarantee should they not be.
///
/// The setting belongs to the connection: ``KimbiseoStore/writeInBulk(cacheKiB:_:)`` turns it
/// back off however the transaction ends.
struct DeferredChecks {
    private let constraints: [CheckConstraints]

    /// Stops checking constraints on this connection; `tables` are those the write touches.
    init(verifying tables: [String], in db: Database) throws {
        constraints = try tables.map { try CheckConstraints(table: $0, in: db) }
        try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
    }

    /// Checks constraints again and verifies every row of the tables.
    ///
    /// - Throws: ``BulkInsertError`` naming the table, the row and the constraint it breaks.
    func restore(in db: Database) throws {
        try db.execute(sql: "PRAGMA ignore_check_constraints = OFF")
        for table in constraints {
            guard let violation = try table.firstViolation(in: db) else { continue }
            throw BulkInsertError(
                table: table.table, tag: "row id \(violation.rowID)",
                underlying: DatabaseError(
                    resultCode: .SQLITE_CONSTRAINT_CHECK, message: "CHECK constraint failed: \(violation.expression)"))
        }
    }
}
