import Foundation
import Testing
@testable import Store

@Suite("Deleting customers")
struct BulkDeleteTests {
    static let dependentTables = ["family_member", "school", "asset", "customer_image", "consent_event"]

    /// A store with 3 full customers in 거래처/VIP, 2 plain ones in 지인/일반, an image each.
    static func populated(_ store: KimbiseoStore) throws {
        var cards = (1...3).map { fullCard("고객\($0)", mobile: "0101234567\($0)") }
        cards += [sampleCard("지인1", group: "지인", grade: "일반"), sampleCard("지인2", group: "지인", grade: "일반")]
        cards[3].family = [FamilyMember(relation: "자녀", name: "지인아이")]
        _ = try store.importCards(sourced(cards), onDuplicate: .error, dryRun: false, progress: nil)
        for id in 1...5 { try store.setImage(Data([0xFF, 0xD8, 0xFF, 0xE0, 1, 2]), idOrCode: String(id)) }
    }

    func orphans(_ store: KimbiseoStore) throws -> Int {
        try Self.dependentTables.reduce(0) { sum, table in
            sum + (try store.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE customer_id NOT IN (SELECT id FROM customer)") ?? 0
            })
        }
    }

    @Test("delete --all removes every customer and every dependent row")
    func deleteAll() throws {
        try withTemporaryStore { store, _ in
            try Self.populated(store)
            #expect(try rowCount(store, "family_member") == 4)
            #expect(try store.deleteAll() == 5)
            for table in ["customer"] + Self.dependentTables {
                #expect(try rowCount(store, table) == 0, "rows left in \(table)")
            }
            #expect(try store.groups().map(\.name) == ["거래처", "지인"])
        }
    }

    @Test("delete --group removes only that group's customers and their dependants")
    func deleteGroup() throws {
        try withTemporaryStore { store, _ in
            try Self.populated(store)
            #expect(try store.deleteCustomers(inGroup: "지인") == 2)
            #expect(try store.count() == 3)
            #expect(try rowCount(store, "family_member") == 3)
            #expect(try rowCount(store, "customer_image") == 3)
            #expect(try orphans(store) == 0)
            #expect(try store.deleteCustomers(inGrade: "VIP") == 3)
            #expect(try orphans(store) == 0)
            #expect(try rowCount(store, "customer") == 0)
            #expect(throws: StoreError.categoryNotFound(.group, "없는그룹")) { try store.deleteCustomers(inGroup: "없는그룹") }
        }
    }

    @Test("deleting one customer by code takes its dependants")
    func deleteOne() throws {
        try withTemporaryStore { store, _ in
            try Self.populated(store)
            let deleted = try store.delete(idOrCode: "C000002")
            #expect(deleted.name == "고객2")
            #expect(try store.card(idOrCode: "C000002") == nil)
            #expect(try orphans(store) == 0)
            #expect(try rowCount(store, "school") == 2)
            #expect(throws: StoreError.customerNotFound("C000002")) { try store.delete(idOrCode: "C000002") }
        }
    }

    @Test("codes of deleted customers are not handed out again")
    func codesNotReused() throws {
        try withTemporaryStore { store, _ in
            try store.add(sampleCard("가"))
            try store.add(sampleCard("나"))
            try store.deleteAll()
            #expect(try store.add(sampleCard("다")).code == "C000003")
            _ = try store.importCards(sourced([sampleCard("라")]), onDuplicate: .skip, dryRun: false, progress: nil)
            #expect(try store.cards().map(\.code) == ["C000003", "C000004"])
            try store.deleteAll()
            #expect(try StoreWatcherTests.sqlite3(store.path, "INSERT INTO customer (name) VALUES ('마');") == 0)
            #expect(try store.cards().map(\.code) == ["C000005"])
        }
    }
}
