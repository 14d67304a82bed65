import Foundation
import GRDB

extension KimbiseoStore {
    /// Imports cards in ONE transaction: either every card is applied or none is.
    ///
    /// A card matches an existing customer (or an earlier card of the same import) by
    /// 고객번호 when it has one, otherwise by 성명 + 휴대폰 (only when it has a mobile number).
    /// A match is skipped, updated or refused according to `onDuplicate`. Groups and grades
    /// named by the cards are created when missing. A card without a code gets the next free
    /// `C000123`-style code (codes of deleted customers are not reused).
    ///
    /// With ``DuplicatePolicy/update`` the customer's fields are replaced by the card's; its
    /// family, schools and assets are replaced only when the card has some, its image only when
    /// the card has one, and each consent mark only when the card has it (changes are recorded
    /// in the consent history). A card matched by name + mobile without a code keeps the
    /// existing code.
    ///
    /// Cards are expected to be validated and NFC-normalized by the importer
    /// (``CustomerCard/validated(location:)``); the store re-checks the cheap invariants.
    ///
    /// - Parameters:
    ///   - dryRun: do everything, then roll back; the summary says what would happen.
    ///   - progress: called with (cards done, total) every 1,000 cards and at the end, on the
    ///     calling thread.
    /// - Throws: ``StoreError/duplicate(location:detail:)`` naming the row with `.error`;
    ///   ``StoreError/invalidField(customer:field:value:reason:)`` naming the row. The store is
    ///   unchanged after any error.
    public func importCards(
        _ records: [SourcedCard], onDuplicate: DuplicatePolicy, dryRun: Bool,
        progress: (@Sendable (Int, Int) -> Void)?
    ) throws -> ImportSummary {
        var summary = ImportSummary()
        try writeInBulk(cacheKiB: Self.importCacheKiB) { db in
            summary = try Self.importCards(db, records, onDuplicate: onDuplicate, progress: progress)
            return dryRun ? .rollback : .commit
        }
        return summary
    }

    /// Page cache for imports: 96 MiB (an import dirties index pages all over the file).
    static let importCacheKiB = 96 * 1024

    static func importCards(
        _ db: Database, _ records: [SourcedCard], onDuplicate: DuplicatePolicy,
        progress: (@Sendable (Int, Int) -> Void)?
    ) throws -> ImportSummary {
        let now = StoreClock.now()
        var run = try ImportRun(db, onDuplicate: onDuplicate, now: now, expecting: records.count)
        for (n, record) in records.enumerated() {
            var prepared = PreparedCard(record, now: now)
            try run.add(&prepared)
            if let progress, (n + 1) % 1000 == 0 || n + 1 == records.count {
                progress(n + 1, records.count)
            }
        }
        return try run.finish()
    }

    /// Imports that bring at least this many new cards (and more than the store holds)
    /// rebuild the customer indexes at the end instead of maintaining them row by row.
    static let deferredIndexThreshold = 5_000

    static func ledger(_ db: Database, id: Int64) throws -> ConsentLedger {
        let statement = try db.cachedStatement(sql: """
            SELECT ad_consent_date, ad_consent_source, night_consent_date, night_consent_source,
                opted_out_date, opted_out_source FROM customer WHERE id = ?
            """)
        guard let row = try Row.fetchOne(statement, arguments: [id]) else {
            return ConsentLedger()
        }
        return ConsentLedger(
            adConsent: CustomerColumns.mark(row, "ad_consent"), nightConsent: CustomerColumns.mark(row, "night_consent"),
            optedOut: CustomerColumns.mark(row, "opted_out"))
    }
}

/// Generated 고객번호: `C` and at least six digits.
enum CustomerCode {
    /// `C000123` for 123 (String(format:) is needlessly slow for 100,000 codes).
    static func make(_ number: Int) -> String {
        let digits = String(number)
        return "C" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}
