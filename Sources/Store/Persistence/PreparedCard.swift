import Foundation

/// A card made ready for ``ImportRun``: checked, its match keys hashed and its new-customer
/// rows encoded.
///
/// Preparing is work either thread of an import can do: the reading thread does it while it
/// is ahead of the writing one, and ``ImportRun`` prepares what arrives unprepared (see
/// ``ChunkPipe/startProducer(name:whenAhead:_:)``). With a prepared card the writing thread
/// only matches, fills in what depends on the store (id, 고객번호 when the card has none,
/// group and grade ids) and binds.
struct PreparedCard: Sendable {
    let record: SourcedCard
    private(set) var isPrepared = false
    /// What ``CustomerCard/checkStorable(location:)`` found; thrown when the card's turn
    /// comes, so that problems surface in file order.
    private(set) var problem: (any Error)?
    private(set) var codeKey: MatchKey?
    private(set) var nameMobileKey: MatchKey?
    private(set) var groupKey: MatchKey?
    private(set) var gradeKey: MatchKey?
    /// The `customer` row of an insert (``CustomerColumns/inserted``), with the columns of
    /// ``CustomerColumns/Slot`` left for the writer (the code only when the card has none).
    var customerRow = BulkRow(capacity: 0, byteCapacity: 0)
    /// A new customer's `consent_event` rows, one per consent mark; the customer id is left
    /// for the writer (column 0).
    var consentRows: [BulkRow] = []

    /// A card still to be prepared.
    init(_ record: SourcedCard) {
        self.record = record
    }

    /// A prepared card; see ``prepare(now:)``.
    init(_ record: SourcedCard, now: String) {
        self.record = record
        prepare(now: now)
    }

    /// Checks the card, hashes its keys and encodes its rows (once).
    ///
    /// - Parameter now: the import's timestamp, written as `created_at`/`updated_at`/`recorded_at`.
    mutating func prepare(now: String) {
        guard !isPrepared else { return }
        isPrepared = true
        do {
            try record.card.checkStorable(location: record.location)
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
