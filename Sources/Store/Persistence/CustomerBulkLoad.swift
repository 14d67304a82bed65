import GRDB

/// What a large import sets aside while it inserts customers, and restores and verifies before
/// its transaction commits:
/// - the customer table's plain indexes, built again once over all rows (``DeferredIndexes``);
/// - SQLite's per-row `CHECK` constraints on the tables an import writes, verified by one scan
///   of each table instead (``DeferredChecks``);
/// - the trigger that gives a code to a customer inserted without one (`customer_code_default`):
///   every customer an import inserts carries a code, and ``restore(in:)`` verifies that none
///   lacks one.
///
/// All of it runs inside the import's transaction; a rollback restores the schema.
struct CustomerBulkLoad {
    private let indexes: DeferredIndexes
    private let checks: DeferredChecks
    private let codeTrigger: SuspendedTrigger

    /// The tables an import writes to.
    static let tables = [
        "customer", "customer_group", "customer_grade", "consent_event", "family_member", "school", "asset",
        "customer_image",
    ]

    init(in db: Database) throws {
        indexes = try DeferredIndexes(dropping: "customer", in: db)
        codeTrigger = try SuspendedTrigger("customer_code_default", in: db)
        checks = try DeferredChecks(verifying: Self.tables, in: db)
    }

    /// Verifies the rows, then creates the trigger and the indexes again.
    ///
    /// - Throws: ``BulkInsertError`` naming the table and row that breaks a constraint or lacks
    ///   a code.
    func restore(in db: Database) throws {
        try checks.restore(in: db)
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM customer WHERE code IS NULL LIMIT 1") {
            throw BulkInsertError(
                table: "customer", tag: "row id \(id)",
                underlying: DatabaseError(message: "a customer was imported without a code"))
        }
        try codeTrigger.restore(in: db)
        try indexes.restore(in: db)
    }
}
