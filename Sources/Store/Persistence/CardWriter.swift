import Foundation
import GRDB

/// Writes cards and their dependants inside one open transaction.
///
/// New customers, their family, schools, assets and consent events go through
/// ``BulkInserter``s with ids assigned here, so an import of many cards costs one statement
/// per chunk of rows; call ``flush()`` before anything reads what was inserted (an update of
/// the same customer, the end of the transaction). Updates are written row by row at once.
struct CardWriter {
    let db: Database
    let now: String
    private var groupIDs: [MatchKey: Int64] = [:]
    private var gradeIDs: [MatchKey: Int64] = [:]
    /// When false, a group/grade name that does not exist is an error instead of being created.
    var createsMissingCategories: Bool
    private(set) var createdGroups: [String] = []
    private(set) var createdGrades: [String] = []
    /// The id the next inserted customer gets (after both `MAX(id)` and the AUTOINCREMENT
    /// sequence, so ids of deleted customers are not reused); read on the first insert.
    private var nextID: Int64?
    private let customers: BulkInserter
    private let consentEvents: BulkInserter
    private let family: BulkInserter
    private let schools: BulkInserter
    private let assets: BulkInserter

    init(db: Database, now: String = StoreClock.now(), createsMissingCategories: Bool) throws {
        self.db = db; self.now = now; self.createsMissingCategories = createsMissingCategories
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM customer_group") { groupIDs[MatchKey(row[1])] = row[0] }
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM customer_grade") { gradeIDs[MatchKey(row[1])] = row[0] }
        customers = BulkInserter(db, table: "customer", columns: CustomerColumns.inserted, rowsPerStatement: 32)
        consentEvents = BulkInserter(
            db, table: "consent_event", columns: ["customer_id", "kind", "action", "date", "source", "recorded_at"])
        family = BulkInserter(
            db, table: "family_member",
            columns: ["customer_id", "position", "relation", "name", "birthday_calendar", "birthday_year",
                      "birthday_month", "birthday_day", "phone"])
        schools = BulkInserter(db, table: "school", columns: ["customer_id", "position", "school", "major", "year"])
        assets = BulkInserter(db, table: "asset", columns: ["customer_id", "position", "kind", "description", "amount"])
        for child in [consentEvents, family, schools, assets] { child.parents = [customers] }
    }

    /// Writes every buffered insert.
    func flush() throws {
        for inserter in [customers, family, schools, assets, consentEvents] { try inserter.flush() }
    }

    /// The id of a group/grade by name, creating it when allowed.
    mutating func categoryID(_ kind: CustomerCategory, _ name: String?, customer: String) throws -> Int64? {
        try categoryID(kind, name.map(MatchKey.init), customer: customer)
    }

    /// The id of a group/grade by the key of its name, creating it when allowed.
    mutating func categoryID(_ kind: CustomerCategory, _ key: MatchKey?, customer: String) throws -> Int64? {
        guard let key, !key.text.isEmpty else { return nil }
        if let id = kind == .group ? groupIDs[key] : gradeIDs[key] { return id }
        let name = key.text
        guard createsMissingCategories else { throw StoreError.categoryNotFound(kind, name) }
        try db.cachedStatement(sql: """
            INSERT INTO \(kind.table) (name, position, created_at)
            VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM \(kind.table)), ?)
            """).execute(arguments: [name, now])
        let id = db.lastInsertedRowID
        switch kind {
        case .group: groupIDs[key] = id; createdGroups.append(name)
        case .grade: gradeIDs[key] = id; createdGrades.append(name)
        }
        return id
    }

    /// Buffers a new customer with code `code`, its dependants and consent events; returns the
    /// id it will have. Nothing is in the table before ``flush()``.
    mutating func insert(_ card: CustomerCard, code: String, location: String) throws -> Int64 {
        var prepared = PreparedCard(SourcedCard(location: location, card: card), now: now)
        return try insert(&prepared, code: code)
    }

    /// Buffers a prepared new customer with code `code` (its rows made with this writer's
    /// `now`), its dependants and consent events; returns the id it will have. Nothing is in the
    /// table before ``flush()``. Does not throw the card's ``PreparedCard/problem``. The
    /// prepared rows are completed in place (no copies on the writing thread).
    mutating func insert(_ prepared: inout PreparedCard, code: String) throws -> Int64 {
        let location = prepared.record.location
        let groupID = try categoryID(.group, prepared.groupKey, customer: location)
        let gradeID = try categoryID(.grade, prepared.gradeKey, customer: location)
        let id = try nextID ?? Int64.fetchOne(
            db,
            sql: """
                SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'customer'), 0),
                           COALESCE((SELECT MAX(id) FROM customer), 0)) + 1
                """) ?? 1
        nextID = id + 1
        prepared.customerRow.set(CustomerColumns.Slot.id, .integer(id))
        if prepared.record.card.code != code { prepared.customerRow.set(CustomerColumns.Slot.code, .text(code)) }
        prepared.customerRow.set(CustomerColumns.Slot.groupID, BulkValue(groupID))
        prepared.customerRow.set(CustomerColumns.Slot.gradeID, BulkValue(gradeID))
        try customers.append(prepared.customerRow, tag: location)
        for n in prepared.consentRows.indices {
            prepared.consentRows[n].set(0, .integer(id))
            try consentEvents.append(prepared.consentRows[n], tag: location)
        }
        try writeDependants(of: prepared.record.card, id: id, replacing: false, replacingLists: true, location: location)
        return id
    }

    /// Replaces an existing customer's fields with the card's.
    ///
    /// - Parameter replacingLists: when false, family/schools/assets are replaced only when
    ///   the card has some (an import file without those columns keeps them).
    mutating func update(
        id: Int64, with card: CustomerCard, code: String, location: String, replacingLists: Bool
    ) throws {
        let groupID = try categoryID(.group, card.group, customer: location)
        let gradeID = try categoryID(.grade, card.grade, customer: location)
        var values = CustomerColumns.values(of: card, code: code, groupID: groupID, gradeID: gradeID, now: now)
        values.append(.integer(id))
        try flush()
        let statement = try db.cachedStatement(sql: CustomerColumns.updateSQL)
        statement.setUncheckedArguments(StatementArguments(values))
        try statement.execute()
        try writeDependants(of: card, id: id, replacing: true, replacingLists: replacingLists, location: location)
        try flush()
    }

    private func writeDependants(
        of card: CustomerCard, id: Int64, replacing: Bool, replacingLists: Bool, location: String
    ) throws {
        if replacingLists || !card.family.isEmpty {
            if replacing { try db.cachedStatement(sql: "DELETE FROM family_member WHERE customer_id = ?").execute(arguments: [id]) }
            for (i, f) in card.family.enumerated() {
                try family.append([
                    .integer(id), BulkValue(i + 1), .text(f.relation), .text(f.name),
                    BulkValue(f.birthday?.calendar.rawValue), BulkValue(f.birthday?.year),
                    BulkValue(f.birthday?.month), BulkValue(f.birthday?.day), BulkValue(f.phone),
                ], tag: location)
            }
        }
        if replacingLists || !card.schools.isEmpty {
            if replacing { try db.cachedStatement(sql: "DELETE FROM school WHERE customer_id = ?").execute(arguments: [id]) }
            for (i, x) in card.schools.enumerated() {
                try schools.append([.integer(id), BulkValue(i + 1), .text(x.school), BulkValue(x.major), BulkValue(x.year)],
                                   tag: location)
            }
        }
        if replacingLists || !card.assets.isEmpty {
            if replacing { try db.cachedStatement(sql: "DELETE FROM asset WHERE customer_id = ?").execute(arguments: [id]) }
            for (i, a) in card.assets.enumerated() {
                try assets.append([.integer(id), BulkValue(i + 1), .text(a.kind), BulkValue(a.description), BulkValue(a.amount)],
                                  tag: location)
            }
        }
        if let image = card.image {
            // The bytes were checked (checkStorable/validated); their magic decides the type.
            // The image row refers to the customer: write the buffered rows first.
            try flush()
            let type = CustomerImage.detectMediaType(image.data) ?? image.mediaType
            try writeImage(CustomerImage(mediaType: type, data: image.data), id: id)
        }
    }

    func writeImage(_ image: CustomerImage, id: Int64) throws {
        try db.cachedStatement(sql: """
            INSERT INTO customer_image (customer_id, media_type, bytes, byte_count, updated_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (customer_id) DO UPDATE SET media_type = excluded.media_type, bytes = excluded.bytes,
                byte_count = excluded.byte_count, updated_at = excluded.updated_at
            """).execute(arguments: [id, image.mediaType, image.data, image.data.count, now])
    }

    /// Writes the consent marks that differ from `previous` to the customer's columns and
    /// appends one `consent_event` per change (buffered: see ``flush()``).
    ///
    /// - Parameter columnsWritten: the customer row already holds `ledger` (a fresh insert);
    ///   only the events are appended.
    func writeConsent(
        _ ledger: ConsentLedger, id: Int64, previous: ConsentLedger, columnsWritten: Bool = false, location: String = ""
    ) throws {
        let kinds: [(ConsentKind, ConsentMark?, ConsentMark?)] = [
            (.ad, ledger.adConsent, previous.adConsent),
            (.night, ledger.nightConsent, previous.nightConsent),
            (.optOut, ledger.optedOut, previous.optedOut),
        ]
        for (kind, mark, old) in kinds where mark != old {
            if !columnsWritten {
                try db.cachedStatement(sql: "UPDATE customer SET \(kind.column)_date = ?, \(kind.column)_source = ? WHERE id = ?")
                    .execute(arguments: [mark?.date, mark?.source, id])
            }
            try consentEvents.append([
                .integer(id), .text(kind.rawValue), .text(mark == nil ? "clear" : "set"), BulkValue(mark?.date),
                BulkValue(mark?.source), .text(now),
            ], tag: location)
        }
    }
}
