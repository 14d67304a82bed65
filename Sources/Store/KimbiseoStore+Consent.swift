import Foundation
import GRDB

extension KimbiseoStore {
    /// Sets (or, with `mark == nil`, clears) one consent mark of a customer and records the
    /// change in the consent history. Returns the customer's ledger after the change.
    ///
    /// - Throws: ``StoreError/customerNotFound(_:)``; ``StoreError/invalidField(customer:field:value:reason:)``
    ///   when the date is not `YYYY-MM-DD`.
    @discardableResult
    public func setConsent(_ kind: ConsentKind, _ mark: ConsentMark?, idOrCode key: String) throws -> ConsentLedger {
        let id = try requireCustomerID(idOrCode: key)
        if let mark, !mark.hasValidDate {
            throw StoreError.invalidField(customer: key, field: kind.korean, value: mark.date, reason: "is not a YYYY-MM-DD date")
        }
        let mark = mark.map {
            ConsentMark(date: $0.date, source: $0.source?.precomposedStringWithCanonicalMapping)
        }
        return try pool.write { db in
            let previous = try Self.ledger(db, id: id)
            var ledger = previous
            ledger[kind] = mark
            let writer = try CardWriter(db: db, createsMissingCategories: false)
            try writer.writeConsent(ledger, id: id, previous: previous)
            try writer.flush()
            try db.execute(sql: "UPDATE customer SET updated_at = ? WHERE id = ?", arguments: [StoreClock.now(), id])
            return ledger
        }
    }

    /// The customer's current consent marks.
    public func consent(idOrCode key: String) throws -> ConsentLedger {
        let id = try requireCustomerID(idOrCode: key)
        return try pool.read { db in try Self.ledger(db, id: id) }
    }

    /// The customer's consent history, oldest first.
    public func consentHistory(idOrCode key: String) throws -> [ConsentEvent] {
        let id = try requireCustomerID(idOrCode: key)
        return try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM consent_event WHERE customer_id = ? ORDER BY id", arguments: [id])
                .compactMap { r in
                    guard let kind = ConsentKind(rawValue: r["kind"]) else { return nil }
                    return ConsentEvent(kind: kind, action: r["action"], date: r["date"], source: r["source"],
                                        recordedAt: r["recorded_at"])
                }
        }
    }
}
