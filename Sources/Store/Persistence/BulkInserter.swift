import Foundation
import GRDB
import GRDBSQLite

/// Inserts many rows into one table inside the caller's open transaction, with multi-row
/// `INSERT … VALUES (…), (…)` statements bound straight through SQLite's C API.
///
/// Rows are buffered and written `rowsPerStatement` at a time, so a bulk path (an import, a
/// campaign) pays one statement execution per chunk instead of one per row, and no per-value
/// allocation: the chunk's text is copied into one buffer that SQLite reads without copying.
///
/// Contract:
/// - Rows reach the table on ``flush()`` (called automatically when a chunk is full); call it
///   before reading the table or writing rows that must follow, and before the transaction
///   ends. Rows still buffered when the inserter is dropped are lost.
/// - When a chunk fails (a constraint, a full disk), its rows are retried one by one so that
///   the error names the row: ``BulkInsertError`` carries the `tag` given with that row, or
///   else what `describe` says of it. The rows before it in the chunk are then written; the
///   caller is expected to roll back.
public final class BulkInserter {
    let db: Database
    public let table: String
    public let columns: [String]
    public let rowsPerStatement: Int
    private let describe: ([BulkValue]) -> String
    private var rows: [BulkRow] = []
    private var tags: [String] = []
    /// Prepared statements by row count (a full chunk, and the shorter ones flushes leave).
    private var statements: [Int: OpaquePointer] = [:]
    /// Rows written so far.
    public private(set) var written = 0
    /// Inserters whose rows this table's rows refer to (foreign keys): flushed before this one.
    public var parents: [BulkInserter] = []

    /// - Parameters:
    ///   - rowsPerStatement: rows per `INSERT`; capped so that one statement binds at most
    ///     32,766 values (SQLite's limit).
    ///   - describe: names a refused row appended without a tag (called only on errors).
    public init(
        _ db: Database, table: String, columns: [String], rowsPerStatement: Int = 64,
        describe: @escaping ([BulkValue]) -> String = { _ in "" }
    ) {
        precondition(!columns.isEmpty, "a bulk insert needs columns")
        self.db = db
        self.describe = describe
        self.table = table
        self.columns = columns
        self.rowsPerStatement = max(1, min(rowsPerStatement, 32_766 / columns.count))
        rows.reserveCapacity(self.rowsPerStatement)
    }

    deinit {
        for statement in statements.values { sqlite3_finalize(statement) }
    }

    /// Buffers one row (its values in ``columns`` order); `tag` names it in errors.
    public func append(_ row: [BulkValue], tag: String = "") throws {
        try append(BulkRow(row), tag: tag)
    }

    /// Buffers one encoded row (its values in ``columns`` order); `tag` names it in errors.
    public func append(_ row: BulkRow, tag: String = "") throws {
        precondition(row.count == columns.count, "\(table): \(row.count) values for \(columns.count) columns")
        rows.append(row)
        tags.append(tag)
        if tags.count == rowsPerStatement { try flush() }
    }

    /// Writes the buffered rows, after the ``parents``' buffered rows.
    public func flush() throws {
        let count = tags.count
        guard count > 0 else { return }
        for parent in parents { try parent.flush() }
        defer { rows.removeAll(keepingCapacity: true); tags.removeAll(keepingCapacity: true) }
        do {
            let statement = try statements[count] ?? prepare(rows: count)
            statements[count] = statement
            try execute(statement, rows[...])
            written += count
        } catch {
            try retryOneByOne()
        }
    }

    /// After a failed chunk: the same rows one at a time, to name the one that fails.
    private func retryOneByOne() throws -> Never {
        let single = try statements[1] ?? prepare(rows: 1)
        statements[1] = single
        for (n, tag) in tags.enumerated() {
            do {
                try execute(single, rows[n...n])
                written += 1
            } catch let error as DatabaseError {
                throw BulkInsertError(table: table, tag: tag.isEmpty ? describe(rows[n].values) : tag, underlying: error)
            }
        }
        throw BulkInsertError(
            table: table, tag: tags.first ?? "",
            underlying: DatabaseError(message: "a chunk of \(tags.count) rows failed, but each row alone succeeded"))
    }

    private func prepare(rows: Int) throws -> OpaquePointer {
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
        let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
            + Array(repeating: tuple, count: rows).joined(separator: ",")
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(db.sqliteConnection, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: lastMessage, sql: sql)
        }
        return statement
    }

    private var lastMessage: String {
        sqlite3_errmsg(db.sqliteConnection).map { String(cString: $0) } ?? "unknown SQLite error"
    }

    /// Binds `chunk` (the rows' bytes copied into one buffer, bound without copying) and steps.
    private func execute(_ statement: OpaquePointer, _ chunk: ArraySlice<BulkRow>) throws {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(chunk.reduce(1) { $0 + $1.bytes.count })
        var offsets: [Int] = []
        offsets.reserveCapacity(chunk.count)
        for row in chunk {
            offsets.append(bytes.count)
            bytes.append(contentsOf: row.bytes)
        }
        bytes.append(0) // A valid base address even when every value is empty.
        let code: CInt = bytes.withUnsafeBufferPointer { buffer in
            let base = UnsafeRawPointer(buffer.baseAddress!)
            defer {
                sqlite3_reset(statement)
                sqlite3_clear_bindings(statement)
            }
            var index: CInt = 1
            for (row, offset) in zip(chunk, offsets) {
                for cell in row.cells {
                    let rc: CInt = switch cell {
                    // Unbound parameters are NULL: a new statement has none, and each use ends
                    // with `sqlite3_clear_bindings`.
                    case .null: SQLITE_OK
                    case let .integer(number): sqlite3_bind_int64(statement, index, number)
                    case let .real(number): sqlite3_bind_double(statement, index, number)
                    case let .text(start, count):
                        sqlite3_bind_text(
                            statement, index, (base + offset + Int(start)).assumingMemoryBound(to: CChar.self), count, nil)
                    case let .blob(start, count):
                        sqlite3_bind_blob(statement, index, base + offset + Int(start), count, nil)
                    }
                    guard rc == SQLITE_OK else { return rc }
                    index += 1
                }
            }
            return sqlite3_step(statement)
        }
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: lastMessage)
        }
    }
}

/// A bulk-inserted row that SQLite refused, named by the tag it was appended with.
public struct BulkInsertError: Error, CustomStringConvertible {
    public let table: String
    public let tag: String
    public let underlying: DatabaseError

    public var description: String {
        (tag.isEmpty ? "" : "\(tag): ") + "\(table): \(underlying.message ?? "\(underlying)")"
    }
}
