import Foundation

/// A card made ready for ``ImportRun`` on the thread that reads the file: checked, its match
/// keys hashed and its new-customer rows encoded.
///
/// The writing thread is an import's bottleneck; with a prepared card it only matches, fills
/// in what depends on the store (id, 고객번호 when the card has none, group and grade ids)
/// and binds.
struct PreparedCard: Sendable {
    let record: SourcedCard
    /// What ``CustomerCard/checkStorable(location:)`` found; thrown when the card's turn
    /// comes, so that problems surface in file order.
    let problem: (any Error)?
    let codeKey: MatchKey?
    let nameMobileKey: MatchKey?
    let groupKey: MatchKey?
    let gradeKey: MatchKey?
    /// The `customer` row of an insert (``CustomerColumns/inserted``), with the columns of
    /// ``CustomerColumns/Slot`` left for the writer (the code only when the card has none).
    var customerRow: BulkRow
    /// A new customer's `consent_event` rows, one per consent mark; the customer id is left
    /// for the writer (column 0).
    var consentRows: [BulkRow]

    /// - Parameter now: the import's timestamp, written as `created_at`/`updated_at`/`recorded_at`.
    init(_ record: SourcedCard, now: String) {
        self.record = record
        do {
            try record.card.checkStorable(location: record.location)
            problem = nil
        } catch {
            problem = error
        }
        codeKey = record.card.code.map(MatchKey.init)
        nameMobileKey = record.card.mobile.map { MatchKey(name: record.card.name, mobile: $0) }
        groupKey = record.card.group.map(MatchKey.init)
        gradeKey = record.card.grade.map(MatchKey.init)
        customerRow = CustomerColumns.insertRow(of: record.card, now: now)
        consentRows = CustomerColumns.consentEventRows(of: record.card.consent, now: now)
    }
}
