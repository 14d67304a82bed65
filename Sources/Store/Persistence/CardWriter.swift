import Foundation
import GRDB

/// Writes cards and their dependants inside one open transaction, with cached statements so
/// that importing many cards costs one bind-and-step per row.
struct CardWriter {
    let db: Database
    let now: String
    private var groupIDs: [String: Int64] = [:]
    private var gradeIDs: [String: Int64] = [:]
    /// When false, a group/grade name that does not exist is an error instead of being created.
    var createsMissingCategories: Bool
    private(set) var createdGroups: [String] = []
    private(set) var createdGrades: [String] = []

    init(db: Database, now: String = StoreClock.now(), createsMissingCategories: Bool) throws {
        self.db = db; self.now = now; self.createsMissingCategories = createsMissingCategories
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM customer_group") { groupIDs[row[1]] = row[0] }
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM customer_grade") { gradeIDs[row[1]] = row[0] }
    }

    /// The id of a group/grade by name, creating it when allowed.
    mutating func categoryID(_ kind: CustomerCategory, _ name: String?, customer: String) throws -> Int64? {
        guard let name, !name.isEmpty else { return nil }
        if let id = kind == .group ? groupIDs[name] : gradeIDs[name] { return id }
        guard createsMissingCategories else { throw StoreError.categoryNotFound(kind, name) }
        try db.cachedStatement(sql: """
            INSERT INTO \(kind.table) (name, position, created_at)
            VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM \(kind.table)), ?)
            """).execute(arguments: [name, now])
        let id = db.lastInsertedRowID
        switch kind {
        case .group: groupIDs[name] = id; createdGroups.append(name)
        case .grade: gradeIDs[name] = id; createdGrades.append(name)
        }
        return id
    }

    /// Inserts a new customer with code `code`; returns its id.
    mutating func insert(_ card: CustomerCard, code: String, location: String) throws -> Int64 {
        let groupID = try categoryID(.group, card.group, customer: location)
        let gradeID = try categoryID(.grade, card.grade, customer: location)
        var values = CustomerColumns.values(of: card, code: code, groupID: groupID, gradeID: gradeID, now: now)
        values += CustomerColumns.consentValues(card.consent)
        values.append(now)
        let statement = try db.cachedStatement(sql: CustomerColumns.insertSQL)
        statement.setUncheckedArguments(StatementArguments(values))
        try statement.execute()
        let id = db.lastInsertedRowID
        try writeDependants(of: card, id: id, replacing: false, replacingLists: true)
        try writeConsent(card.consent, id: id, previous: ConsentLedger(), columnsWritten: true)
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
        values.append(id)
        let statement = try db.cachedStatement(sql: CustomerColumns.updateSQL)
        statement.setUncheckedArguments(StatementArguments(values))
        try statement.execute()
        try writeDependants(of: card, id: id, replacing: true, replacingLists: replacingLists)
    }

    private func writeDependants(of card: CustomerCard, id: Int64, replacing: Bool, replacingLists: Bool) throws {
        if replacingLists || !card.family.isEmpty {
            if replacing { try db.cachedStatement(sql: "DELETE FROM family_member WHERE customer_id = ?").execute(arguments: [id]) }
            let s = try db.cachedStatement(sql: """
                INSERT INTO family_member (customer_id, position, relation, name, birthday_calendar,
                    birthday_year, birthday_month, birthday_day, phone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for (i, f) in card.family.enumerated() {
                try s.execute(arguments: [id, i + 1, f.relation, f.name, f.birthday?.calendar.rawValue,
                                          f.birthday?.year, f.birthday?.month, f.birthday?.day, f.phone])
            }
        }
        if replacingLists || !card.schools.isEmpty {
            if replacing { try db.cachedStatement(sql: "DELETE FROM school WHERE customer_id = ?").execute(arguments: [id]) }
            let s = try db.cachedStatement(sql: "INSERT INTO school (customer_id, position, school, major, year) VALUES (?, ?, ?, ?, ?)")
            for (i, x) in card.schools.enumerated() {
                try s.execute(arguments: [id, i + 1, x.school, x.major, x.year])
            }
        }
        if replacingLists || !card.assets.isEmpty {
            if replacing { try db.cachedStatement(sql: "DELETE FROM asset WHERE customer_id = ?").execute(arguments: [id]) }
            let s = try db.cachedStatement(sql: "INSERT INTO asset (customer_id, position, kind, description, amount) VALUES (?, ?, ?, ?, ?)")
            for (i, a) in card.assets.enumerated() {
                try s.execute(arguments: [id, i + 1, a.kind, a.description, a.amount])
            }
        }
        if let image = card.image {
            // The bytes were checked (checkStorable/validated); their magic decides the type.
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
    /// appends one `consent_event` per change.
    ///
    /// - Parameter columnsWritten: the customer row already holds `ledger` (a fresh insert);
    ///   only the events are appended.
    func writeConsent(_ ledger: ConsentLedger, id: Int64, previous: ConsentLedger, columnsWritten: Bool = false) throws {
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
            try db.cachedStatement(sql: """
                INSERT INTO consent_event (customer_id, kind, action, date, source, recorded_at) VALUES (?, ?, ?, ?, ?, ?)
                """).execute(arguments: [id, kind.rawValue, mark == nil ? "clear" : "set", mark?.date, mark?.source, now])
        }
    }
}
