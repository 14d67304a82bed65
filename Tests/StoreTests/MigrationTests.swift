import Foundation
import GRDB
import Testing
@testable import Store

@Suite("Migrations")
struct MigrationTests {
    @Test("a fresh store gets every migration, WAL and foreign keys")
    func freshStore() throws {
        try withTemporaryStore { store, _ in
            let (applied, journal, foreignKeys, tables) = try store.pool.read { db in
                (try StoreMigrations.migrator().appliedMigrations(db),
                 try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                 try Bool.fetchOne(db, sql: "PRAGMA foreign_keys"),
                 try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
            }
            #expect(applied == ["v1-customers", "v2-consent-events", "v3-lean-customer-indexes"])
            #expect(journal == "wal")
            #expect(foreignKeys == true)
            for table in ["customer", "customer_group", "customer_grade", "family_member", "school", "asset",
                          "customer_image", "consent_event"] {
                #expect(tables.contains(table), "missing table \(table)")
            }
        }
    }

    @Test("a v1 store with customers is brought up to date, keeping its rows")
    func olderStore() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kimbiseo-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("old.sqlite").path
        do {
            // The store as the first release wrote it: only v1, one customer with an ad consent.
            let pool = try DatabasePool(path: path)
            try StoreMigrations.migrator().migrate(pool, upTo: "v1-customers")
            try pool.write { db in
                try db.execute(sql: """
                    INSERT INTO customer (name, mobile, ad_consent_date, ad_consent_source)
                    VALUES ('옛고객', '01012345678', '2020-05-05', '매장')
                    """)
            }
            let applied = try pool.read { db in try StoreMigrations.migrator().appliedMigrations(db) }
            #expect(applied == ["v1-customers"])
        }
        let store = try KimbiseoStore.open(path: path)
        let applied = try store.pool.read { db in try StoreMigrations.migrator().appliedMigrations(db) }
        #expect(applied == StoreMigrations.identifiers)
        let card = try #require(try store.card(idOrCode: "C000001"))
        #expect(card.name == "옛고객")
        #expect(card.consent.adConsent == ConsentMark(date: "2020-05-05", source: "매장"))
        let history = try store.consentHistory(idOrCode: "C000001")
        #expect(history.map(\.kind) == [.ad] && history.first?.date == "2020-05-05")
    }

    @Test("the customer indexes after v3: no group or grade index, the wedding index serves its lookups")
    func leanIndexes() throws {
        try withTemporaryStore { store, _ in
            let (indexes, plan) = try store.pool.read { db in
                (try String.fetchAll(db, sql: """
                    SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customer' AND sql IS NOT NULL ORDER BY name
                    """),
                 try Row.fetchAll(db, sql: """
                    EXPLAIN QUERY PLAN SELECT id FROM customer
                    WHERE (wedding_month = ? AND wedding_day = ?) OR (wedding_month = ? AND wedding_day = ?)
                    """, arguments: [5, 17, 6, 1]).map { $0["detail"] as String })
            }
            #expect(indexes == ["customer_on_birthday", "customer_on_mobile", "customer_on_name", "customer_on_wedding"])
            #expect(plan.contains { $0.contains("customer_on_wedding") }, "\(plan)")
        }
    }

    @Test("opening twice is harmless and extra migrations run after the store's own")
    func additionalMigrations() throws {
        try withTemporaryStore { store, _ in
            let extra = StoreMigration("test-v1-notes") { db in
                try db.execute(sql: "CREATE TABLE test_note (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customer(id) ON DELETE CASCADE)")
            }
            let again = try KimbiseoStore.open(path: store.path, additionalMigrations: [extra])
            let applied = try again.pool.read { db in try StoreMigrations.migrator(additional: [extra]).appliedMigrations(db) }
            #expect(applied == StoreMigrations.identifiers + ["test-v1-notes"])
            // A program that does not know the extra migration still opens the store.
            _ = try KimbiseoStore.open(path: store.path)
        }
    }

    @Test("open creates missing parent directories")
    func createsDirectories() throws {
        try withTemporaryStore { _, dir in
            let path = dir.appendingPathComponent("a/b/c/kimbiseo.sqlite").path
            _ = try KimbiseoStore.open(path: path)
            #expect(FileManager.default.fileExists(atPath: path))
        }
    }
}
