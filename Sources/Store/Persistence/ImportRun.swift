import Foundation
import GRDB

/// One import inside an open write transaction: cards are matched, inserted, updated or
/// skipped one after the other by ``add(_:)``; ``finish()`` writes what is buffered.
///
/// Once an import has brought at least ``KimbiseoStore/deferredIndexThreshold`` new cards and
/// more than the store held, the customer indexes, the per-row `CHECK` constraints and the
/// code trigger are set aside, and ``finish()`` restores and verifies them (see
/// ``CustomerBulkLoad``).
struct ImportRun {
    let db: Database
    let onDuplicate: DuplicatePolicy
    let now: String
    private(set) var summary = ImportSummary()
    private(set) var cardsSeen = 0
    private var writer: CardWriter
    private var index: ExistingCustomers
    private let existing: Int
    private var bulkLoad: CustomerBulkLoad?

    /// - Parameters:
    ///   - now: the timestamp cards are prepared with (``PreparedCard/prepare(now:)``).
    ///   - expecting: how many cards are coming, when known (capacity only).
    init(_ db: Database, onDuplicate: DuplicatePolicy, now: String, expecting: Int = 0) throws {
        self.db = db
        self.onDuplicate = onDuplicate
        self.now = now
        writer = try CardWriter(db: db, now: now, createsMissingCategories: true)
        index = try ExistingCustomers(db, expecting: expecting)
        existing = index.count
    }

    /// Applies one card.
    ///
    /// - Throws: ``StoreError/duplicate(location:detail:)`` with `.error`;
    ///   ``StoreError/invalidField(customer:field:value:reason:)``; ``BulkInsertError``; all
    ///   naming the card's location.
    mutating func add(_ prepared: inout PreparedCard) throws {
        prepared.prepare(now: now)
        if let problem = prepared.problem { throw problem }
        cardsSeen += 1
        if let (id, reason) = index.match(prepared) {
            switch onDuplicate {
            case .error:
                throw StoreError.duplicate(location: prepared.record.location, detail: reason)
            case .skip:
                summary.skipped += 1
                summary.skippedDetails.append("\(prepared.record.location): \(reason)")
            case .update:
                let record = prepared.record
                let card = record.card
                let code = card.code ?? index.code(of: id)
                try writer.flush()
                let previous = try KimbiseoStore.ledger(db, id: id)
                try writer.update(id: id, with: card, code: code, location: record.location, replacingLists: false)
                var ledger = previous
                for kind in ConsentKind.allCases where card.consent[kind] != nil {
                    ledger[kind] = card.consent[kind]
                }
                try writer.writeConsent(ledger, id: id, previous: previous, location: record.location)
                index.record(id: id, code: code, card: prepared)
                summary.updated += 1
            }
        } else {
            let code = prepared.record.card.code ?? index.nextCode()
            let id = try writer.insert(&prepared, code: code)
            index.record(id: id, code: code, card: prepared)
            summary.added += 1
            if bulkLoad == nil, summary.added >= KimbiseoStore.deferredIndexThreshold, summary.added >= existing {
                try writer.flush()
                bulkLoad = try CustomerBulkLoad(in: db)
            }
        }
    }

    /// Writes the buffered rows, restores what a large import set aside and returns the summary.
    ///
    /// - Throws: ``BulkInsertError`` when a written row breaks a constraint of the schema.
    mutating func finish() throws -> ImportSummary {
        try writer.flush()
        try bulkLoad?.restore(in: db)
        bulkLoad = nil
        summary.createdGroups = writer.createdGroups
        summary.createdGrades = writer.createdGrades
        return summary
    }
}
