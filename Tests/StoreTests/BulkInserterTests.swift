import Foundation
import GRDB
import Testing
@testable import Store

@Suite("Bulk inserts")
struct BulkInserterTests {
    @Test("rows of every kind, NULLs among them, arrive in order across full and partial chunks", arguments: [1, 7, 64])
    func chunks(rowsPerStatement: Int) throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (n INTEGER, label TEXT, ratio REAL, bytes BLOB, absent TEXT)")
            let inserter = BulkInserter(
                db, table: "t", columns: ["n", "label", "ratio", "bytes", "absent"], rowsPerStatement: rowsPerStatement)
            for n in 0..<150 {
                try inserter.append([
                    .integer(Int64(n)), .text(n % 3 == 0 ? "" : "고객\(n)"), .real(Double(n) / 4),
                    .blob(Data([UInt8(n % 256), 0, 7])), BulkValue(n % 2 == 1 ? "있음\(n)" : nil),
                ])
            }
            try inserter.flush()
            #expect(inserter.written == 150)
            let rows = try Row.fetchAll(db, sql: "SELECT n, label, ratio, bytes, absent FROM t ORDER BY rowid")
            #expect(rows.count == 150)
            for (n, row) in rows.enumerated() {
                #expect(row[0] as Int == n)
                #expect(row[1] as String == (n % 3 == 0 ? "" : "고객\(n)"))
                #expect(row[2] as Double == Double(n) / 4)
                #expect(row[3] as Data == Data([UInt8(n % 256), 0, 7]))
                // A NULL is left unbound: no value bound by an earlier use of the statement remains.
                #expect((row[4] as String?) == (n % 2 == 1 ? "있음\(n)" : nil))
            }
        }
    }

    @Test("a refused row is named by its tag")
    func namesTheRow() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (n INTEGER NOT NULL CHECK (n < 40))")
            let inserter = BulkInserter(db, table: "t", columns: ["n"], rowsPerStatement: 16)
            #expect {
                for n in 0..<50 { try inserter.append([.integer(Int64(n))], tag: "customers.csv:\(n + 2)") }
                try inserter.flush()
            } throws: { error in
                let bulk = error as? BulkInsertError
                return bulk?.tag == "customers.csv:42" && bulk?.description.hasPrefix("customers.csv:42: t: ") == true
            }
        }
    }

    @Test("a child table's chunk writes its parents' buffered rows first")
    func parentsFirst() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE parent (id INTEGER PRIMARY KEY);
                CREATE TABLE child (parent_id INTEGER NOT NULL REFERENCES parent(id));
                """)
            let parents = BulkInserter(db, table: "parent", columns: ["id"], rowsPerStatement: 50)
            let children = BulkInserter(db, table: "child", columns: ["parent_id"], rowsPerStatement: 4)
            children.parents = [parents]
            for id in 1...10 {
                try parents.append([.integer(Int64(id))])
                for _ in 0..<3 { try children.append([.integer(Int64(id))]) }
            }
            try children.flush()
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM child") == 30)
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
        }
    }

    @Test("an encoded row's columns can be replaced before it is written, and decode back")
    func encodedRows() throws {
        var row = BulkRow([.null, .text("가나다"), .blob(Data([1, 2])), .real(0.5)])
        row.set(0, .integer(42))
        row.set(1, .text("김비서"))
        #expect(row.values == [.integer(42), .text("김비서"), .blob(Data([1, 2])), .real(0.5)])
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (n INTEGER, label TEXT, bytes BLOB, ratio REAL)")
            let inserter = BulkInserter(db, table: "t", columns: ["n", "label", "bytes", "ratio"])
            try inserter.append(row)
            try inserter.append([.integer(7), .text(""), .blob(Data()), .null])
            try inserter.flush()
            let rows = try Row.fetchAll(db, sql: "SELECT n, label, bytes, ratio FROM t ORDER BY rowid")
            #expect(rows.map { $0[1] as String } == ["김비서", ""])
            #expect(rows[0][0] as Int == 42 && rows[0][2] as Data == Data([1, 2]) && rows[0][3] as Double == 0.5)
        }
    }

    @Test("an untagged refused row is described from its decoded values")
    func describesUntagged() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (phone TEXT NOT NULL UNIQUE)")
            let inserter = BulkInserter(db, table: "t", columns: ["phone"], rowsPerStatement: 8) { row in
                if case let .text(phone) = row[0] { "phone \(phone)" } else { "?" }
            }
            #expect {
                for phone in ["01011112222", "01033334444", "01011112222"] { try inserter.append(BulkRow([.text(phone)])) }
                try inserter.flush()
            } throws: { error in
                (error as? BulkInsertError)?.tag == "phone 01011112222"
            }
        }
    }
}
