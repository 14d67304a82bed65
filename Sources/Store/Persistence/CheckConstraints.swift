import Foundation
import GRDB

/// A table's `CHECK` constraints as its `CREATE TABLE` statement writes them, and one scan that
/// finds a row breaking any of them.
///
/// A bulk write that turns SQLite's per-row checks off (`PRAGMA ignore_check_constraints`, see
/// ``DeferredChecks``) runs ``firstViolation(in:)`` before it commits: one pass over the table
/// costs a fraction of evaluating every constraint inside every multi-row `INSERT`.
struct CheckConstraints {
    let table: String
    /// Each constraint's expression as written in the schema, without its outer parentheses.
    let expressions: [String]

    /// A row that breaks a constraint: its rowid and the expression it makes false.
    struct Violation: Equatable {
        let rowID: Int64
        let expression: String
    }

    /// The constraints of `table` in `db`'s schema.
    ///
    /// - Throws: `DatabaseError` when the table does not exist.
    init(table: String, in db: Database) throws {
        let sql = try String.fetchOne(
            db, sql: "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?", arguments: [table])
        guard let sql else { throw DatabaseError(message: "no table \(table) in the store's schema") }
        self.init(table: table, createSQL: sql)
    }

    init(table: String, createSQL: String) {
        self.table = table
        expressions = Self.expressions(in: createSQL)
    }

    /// The first row, in rowid order, for which a constraint evaluates to false.
    ///
    /// As in SQLite, a constraint that evaluates to `NULL` holds.
    func firstViolation(in db: Database) throws -> Violation? {
        guard !expressions.isEmpty else { return nil }
        let cases = expressions.indices.map { "WHEN NOT coalesce((\(expressions[$0])), 1) THEN \($0)" }
        let row = try Row.fetchOne(db, sql: """
            SELECT rowid, CASE \(cases.joined(separator: " ")) END AS broken
            FROM \(table.quotedDatabaseIdentifier) WHERE broken IS NOT NULL ORDER BY rowid LIMIT 1
            """)
        guard let row else { return nil }
        return Violation(rowID: row[0], expression: expressions[row[1] as Int])
    }

    /// The parenthesized expressions that follow the keyword `CHECK` in `sql`, outside quoted
    /// names, string literals and comments.
    static func expressions(in sql: String) -> [String] {
        var scanner = SQLScanner(Array(sql.utf8))
        var found: [String] = []
        while let token = scanner.nextToken() {
            guard case let .word(word) = token, word.uppercased() == "CHECK",
                  case .open = scanner.nextToken() else { continue }
            let start = scanner.position
            var depth = 1
            while depth > 0, let inner = scanner.nextToken() {
                if case .open = inner { depth += 1 } else if case .close = inner { depth -= 1 }
            }
            guard depth == 0 else { break }
            let end = scanner.position - 1 // The closing parenthesis.
            found.append(String(decoding: scanner.bytes[start..<end], as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return found
    }
}

/// Splits SQL into the few tokens ``CheckConstraints`` needs: words, parentheses and anything
/// else, skipping whitespace, comments, string literals and quoted names as single tokens.
private struct SQLScanner {
    enum Token {
        case word(String)
        case open
        case close
        case other
    }

    let bytes: [UInt8]
    private(set) var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func nextToken() -> Token? {
        skipSpaceAndComments()
        guard position < bytes.count else { return nil }
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "("): position += 1; return .open
        case UInt8(ascii: ")"): position += 1; return .close
        case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "`"):
            skipQuoted(until: byte)
            return .other
        case UInt8(ascii: "["):
            skipQuoted(until: UInt8(ascii: "]"))
            return .other
        default:
            guard Self.isWordByte(byte) else { position += 1; return .other }
            let start = position
            while position < bytes.count, Self.isWordByte(bytes[position]) { position += 1 }
            return .word(String(decoding: bytes[start..<position], as: UTF8.self))
        }
    }

    /// Letters, digits, `_`, `$` and every byte of a non-ASCII character.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$")
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z"))
    }

    /// Skips a quoted run starting at `position`; a doubled closing quote is part of it.
    private mutating func skipQuoted(until close: UInt8) {
        position += 1
        while position < bytes.count {
            if bytes[position] == close {
                if close != UInt8(ascii: "]"), position + 1 < bytes.count, bytes[position + 1] == close {
                    position += 2
                    continue
                }
                position += 1
                return
            }
            position += 1
        }
    }

    private mutating func skipSpaceAndComments() {
        while position < bytes.count {
            let byte = bytes[position]
            let next = position + 1 < bytes.count ? bytes[position + 1] : 0
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r") {
                position += 1
            } else if byte == UInt8(ascii: "-"), next == UInt8(ascii: "-") {
                while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
            } else if byte == UInt8(ascii: "/"), next == UInt8(ascii: "*") {
                position += 2
                while position < bytes.count,
                      !(bytes[position] == UInt8(ascii: "*") && position + 1 < bytes.count
                        && bytes[position + 1] == UInt8(ascii: "/")) {
                    position += 1
                }
                position = min(position + 2, bytes.count)
            } else {
                return
            }
        }
    }
}
