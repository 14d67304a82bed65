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
        var run = try ImportRun(db, onDuplicate: onDuplicate, expecting: records.count)
        for (n, record) in records.enumerated() {
            try run.add(record)
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

/// The existing customers' codes and name + mobile keys, loaded once per import, and those of
/// the cards the import adds.
///
/// Cards the import adds get consecutive ids above every existing one (``CardWriter``); their
/// names and codes are kept in arrays by id, so recording one costs two dictionary inserts
/// (its code and its name + mobile), not four.
struct ExistingCustomers {
    private var byCode: [String: Int64] = [:]
    private var byNameMobile: [String: Int64] = [:]
    private var existingCodes: [Int64: String] = [:]
    private var existingNames: [Int64: String] = [:]
    /// The largest id in the store when loaded; added cards have larger ones.
    private let maxExistingID: Int64
    /// Id of `addedNames[0]`/`addedCodes[0]`.
    private var firstAddedID: Int64?
    private var addedNames: [String] = []
    private var addedCodes: [String] = []
    private var nextNumber: Int

    /// How many customers the store held when loaded plus those added since.
    var count: Int { existingNames.count + addedNames.count }

    /// - Parameter expecting: how many cards the import may add (dictionary capacity).
    init(_ db: Database, expecting: Int = 0) throws {
        let existing = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customer") ?? 0
        byCode.reserveCapacity(existing + expecting); byNameMobile.reserveCapacity(existing + expecting)
        existingCodes.reserveCapacity(existing); existingNames.reserveCapacity(existing)
        addedNames.reserveCapacity(expecting); addedCodes.reserveCapacity(expecting)
        let rows = try Row.fetchCursor(db, sql: "SELECT id, code, name, mobile FROM customer")
        var maxNumber = 0
        var maxID: Int64 = 0
        while let row = try rows.next() {
            let id: Int64 = row[0]
            let name: String = row[2]
            maxID = max(maxID, id)
            existingNames[id] = name
            if let code: String = row[1] {
                byCode[code] = id
                existingCodes[id] = code
                maxNumber = max(maxNumber, Self.number(in: code) ?? 0)
            }
            if let mobile: String = row[3] { byNameMobile[Self.key(name, mobile)] = id }
        }
        maxExistingID = maxID
        let lastRowID = try Int.fetchOne(db, sql: "SELECT MAX(seq) FROM sqlite_sequence WHERE name = 'customer'") ?? 0
        nextNumber = max(maxNumber, lastRowID) + 1
    }

    /// The matching customer's id and a sentence saying why it matches.
    func match(_ card: CustomerCard) -> (Int64, String)? {
        if let code = card.code {
            guard let id = byCode[code] else { return nil }
            return (id, "고객번호 \(code) already exists (\(describe(id)))")
        }
        if let mobile = card.mobile, let id = byNameMobile[Self.key(card.name, mobile)] {
            return (id, "\(card.name) \(PhoneNumber.display(mobile)) already exists (\(describe(id)))")
        }
        return nil
    }

    func code(of id: Int64) -> String {
        storedCode(of: id) ?? CustomerCode.make(Int(id))
    }

    private func storedCode(of id: Int64) -> String? {
        if let slot = addedSlot(id), slot < addedCodes.count { return addedCodes[slot] }
        return existingCodes[id]
    }

    private func name(of id: Int64) -> String? {
        if let slot = addedSlot(id), slot < addedNames.count { return addedNames[slot] }
        return existingNames[id]
    }

    /// The index of an added customer's id in the `added…` arrays.
    private func addedSlot(_ id: Int64) -> Int? {
        guard id > maxExistingID, let first = firstAddedID, id >= first else { return nil }
        return Int(id - first)
    }

    /// Notes a card written as customer `id` (added or updated).
    mutating func record(id: Int64, code: String, card: CustomerCard) {
        if let old = storedCode(of: id), old != code { byCode[old] = nil }
        byCode[code] = id
        if id > maxExistingID {
            if firstAddedID == nil { firstAddedID = id }
            if let slot = addedSlot(id), slot < addedNames.count {
                addedNames[slot] = card.name
                addedCodes[slot] = code
            } else {
                addedNames.append(card.name)
                addedCodes.append(code)
            }
        } else {
            existingCodes[id] = code
            existingNames[id] = card.name
        }
        if let mobile = card.mobile { byNameMobile[Self.key(card.name, mobile)] = id }
        if let n = Self.number(in: code) { nextNumber = max(nextNumber, n + 1) }
    }

    /// The next free `C000123` code.
    mutating func nextCode() -> String {
        while true {
            let code = CustomerCode.make(nextNumber)
            nextNumber += 1
            if byCode[code] == nil { return code }
        }
    }

    private func describe(_ id: Int64) -> String {
        "#\(id) \(name(of: id) ?? "")"
    }

    private static func key(_ name: String, _ mobile: String) -> String { name + "\u{1F}" + mobile }

    /// 123 for `C000123`; `nil` for codes of another shape.
    static func number(in code: String) -> Int? {
        guard code.first == "C", code.count > 1 else { return nil }
        return Int(code.dropFirst())
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
