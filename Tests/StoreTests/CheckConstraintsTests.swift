import Foundation
import GRDB
import Testing
@testable import Store

@Suite("CHECK constraints verified by one scan")
struct CheckConstraintsTests {
    @Test("every CHECK of the customer table is read from the schema")
    func customerSchema() throws {
        try withTemporaryStore { store, _ in
            let checks = try store.pool.read { db in try CheckConstraints(table: "customer", in: db) }
            #expect(checks.expressions.count == 9)
            #expect(checks.expressions.contains("gender IN ('남', '여')"))
            #expect(checks.expressions.contains("birthday_calendar IN ('solar', 'lunar', 'lunar-leap')"))
            #expect(checks.expressions.contains("name <> ''"))
        }
    }

    @Test("quotes, quoted names and comments do not hide or fake a CHECK")
    func tricky() {
        let sql = """
            CREATE TABLE t (
                a TEXT CHECK (a <> ')' AND a <> 'it''s (odd'),  -- CHECK (not this)
                "check" INTEGER, [CHECK (no)] INTEGER, `x` INTEGER /* CHECK (nor this) */,
                b INTEGER check(b > (0)),
                CONSTRAINT pair CHECK (a IS NOT NULL OR b IS NOT NULL)
            )
            """
        #expect(CheckConstraints.expressions(in: sql) == [
            "a <> ')' AND a <> 'it''s (odd'", "b > (0)", "a IS NOT NULL OR b IS NOT NULL",
        ])
    }

    @Test("the scan finds the first row a constraint is false for, and NULL holds")
    func violation() throws {
        try withTemporaryStore { store, _ in
            try store.pool.write { db in
                try db.execute(sql: "INSERT INTO customer (code, name, gender) VALUES ('A1', '가', NULL), ('A2', '나', '여')")
                let checks = try CheckConstraints(table: "customer", in: db)
                #expect(try checks.firstViolation(in: db) == nil)
                try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
                defer { try? db.execute(sql: "PRAGMA ignore_check_constraints = OFF") }
                try db.execute(sql: "INSERT INTO customer (id, code, name, birthday_month) VALUES (7, 'A3', '다', 13)")
                try db.execute(sql: "INSERT INTO customer (id, code, name, gender) VALUES (9, 'A4', '라', 'x')")
                #expect(try checks.firstViolation(in: db)
                    == CheckConstraints.Violation(rowID: 7, expression: "birthday_month BETWEEN 1 AND 12"))
            }
        }
    }

    @Test("deferred checks name the row that breaks one, and check again after")
    func deferred() throws {
        try withTemporaryStore { store, _ in
            let digest = try store.contentDigest()
            #expect {
                try store.writeInBulk(cacheKiB: 1024) { db in
                    let checks = try DeferredChecks(verifying: ["customer", "consent_event"], in: db)
                    try db.execute(sql: "INSERT INTO customer (id, code, name) VALUES (3, 'A1', '가')")
                    try db.execute(sql: """
                        INSERT INTO consent_event (customer_id, kind, action, recorded_at) VALUES (3, 'ad', 'maybe', 'now')
                        """)
                    try checks.restore(in: db)
                    return .commit
                }
            } throws: { error in
                let bulk = error as? BulkInsertError
                return bulk?.table == "consent_event" && bulk?.tag.hasPrefix("row id ") == true
                    && "\(error)".contains("action IN ('set', 'clear')")
            }
            #expect(try store.contentDigest() == digest)
            // The connection checks constraints again even though the write failed.
            #expect(throws: DatabaseError.self) {
                try store.pool.write { db in try db.execute(sql: "INSERT INTO customer (code, name) VALUES ('A2', '')") }
            }
        }
    }
}
