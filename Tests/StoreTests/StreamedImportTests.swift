import Foundation
import GRDB
import Testing
@testable import Store

@Suite("Importing cards while they are read")
struct StreamedImportTests {
    struct ReadFailure: Error, Equatable { var row: Int }

    /// `count` distinct cards with mobiles and consent, as a reader hands them over.
    static func cards(_ count: Int, from start: Int = 1) -> [SourcedCard] {
        (start..<(start + count)).map { n in
            var card = sampleCard("고객\(n)", mobile: "010\(String(format: "%08d", n))", group: "그룹\(n % 3)")
            card.birthday = AnniversaryDate(calendar: .lunar, month: n % 12 + 1, day: n % 28 + 1)
            if n % 2 == 0 { card.consent.adConsent = ConsentMark(date: "2026-01-02", source: "import") }
            return SourcedCard(location: "customers.csv:\(n + 1)", card: card)
        }
    }

    @Test("a large import is applied whole, with the customer indexes and trigger created again")
    func largeImport() throws {
        try withTemporaryStore { store, _ in
            let indexes = { try store.pool.read { db in
                try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name = 'customer' AND sql IS NOT NULL ORDER BY name")
            } }
            let before = try indexes()
            let input = Self.cards(12_000)
            let seen = Counter()
            let summary = try store.importCards(
                reading: { emit in input.forEach(emit) }, onDuplicate: .skip, dryRun: false,
                progress: { seen.set($0) })
            #expect(summary.added == 12_000)
            #expect(seen.value == 12_000)
            #expect(try indexes() == before)
            #expect(try rowCount(store, "customer") == 12_000)
            #expect(try rowCount(store, "consent_event") == 6_000)
            #expect(try store.cards(search: "고객11999").map(\.code) == ["C011999"])
            let (integrity, orphans) = try store.pool.read { db in
                (try String.fetchOne(db, sql: "PRAGMA integrity_check"), try Row.fetchAll(db, sql: "PRAGMA foreign_key_check"))
            }
            #expect(integrity == "ok")
            #expect(orphans.isEmpty)
            // CHECK constraints are enforced again on the writing connection.
            #expect(try store.pool.write { db in try Int.fetchOne(db, sql: "PRAGMA ignore_check_constraints") } == 0)
            // Statement journals stay in memory (the index rebuild sorts under `temp_store = FILE`).
            #expect(try store.pool.write { db in try Int.fetchOne(db, sql: "PRAGMA temp_store") } == 2)
            // The code trigger works again for other writers.
            try store.pool.write { db in try db.execute(sql: "INSERT INTO customer (name) VALUES ('코드없음')") }
            #expect(try store.cards(search: "코드없음").map(\.code) == ["C012001"])
            // A second import of the same cards matches every one of them.
            let again = try store.importCards(
                reading: { emit in input.forEach(emit) }, onDuplicate: .skip, dryRun: false, progress: nil)
            #expect(again.skipped == 12_000 && again.added == 0)
        }
    }

    @Test("a reader that fails after thousands of cards leaves the store as it was")
    func readerFailure() throws {
        try withTemporaryStore { store, _ in
            _ = try store.importCards(Self.cards(10), onDuplicate: .skip, dryRun: false, progress: nil)
            let digest = try store.contentDigest()
            let input = Self.cards(9_000, from: 100)
            #expect(throws: ReadFailure(row: 9_001)) {
                try store.importCards(
                    reading: { emit in
                        input.forEach(emit)
                        throw ReadFailure(row: 9_001)
                    },
                    onDuplicate: .skip, dryRun: false, progress: nil)
            }
            #expect(try store.contentDigest() == digest)
            #expect(try store.pool.write { db in try Int.fetchOne(db, sql: "PRAGMA ignore_check_constraints") } == 0)
        }
    }

    @Test("the reader's problems win over a store error found first")
    func readerProblemsWin() throws {
        try withTemporaryStore { store, _ in
            _ = try store.importCards(Self.cards(5), onDuplicate: .skip, dryRun: false, progress: nil)
            let digest = try store.contentDigest()
            let input = Self.cards(5) + Self.cards(20_000, from: 10)
            #expect(throws: ReadFailure(row: 20_020)) {
                try store.importCards(
                    reading: { emit in
                        input.forEach(emit)
                        throw ReadFailure(row: 20_020)
                    },
                    onDuplicate: .error, dryRun: false, progress: nil)
            }
            #expect(try store.contentDigest() == digest)
        }
    }

    @Test("a dry run reports what would happen and changes nothing")
    func dryRun() throws {
        try withTemporaryStore { store, _ in
            let digest = try store.contentDigest()
            let input = Self.cards(6_000)
            let summary = try store.importCards(
                reading: { emit in input.forEach(emit) }, onDuplicate: .skip, dryRun: true, progress: nil)
            #expect(summary.added == 6_000)
            #expect(try store.contentDigest() == digest)
            #expect(try rowCount(store, "customer") == 0)
        }
    }
}

/// The last value a progress callback reported.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = 0
    var value: Int { lock.withLock { stored } }
    func set(_ value: Int) { lock.withLock { stored = value } }
}
