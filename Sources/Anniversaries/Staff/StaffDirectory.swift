import Foundation
import GRDB
import Store

/// The staff table: add, list, edit and delete the people who get reminder digests.
///
/// Input is NFC-normalized and trimmed; an email must look like `local@domain`, a phone is
/// stored as digits. Every method is one transaction.
public struct StaffDirectory: Sendable {
    public let store: KimbiseoStore

    public init(store: KimbiseoStore) {
        self.store = store
    }

    /// Adds a staff member (active) and returns them with their id.
    /// - Throws: ``AnniversaryError/staffField(field:value:problem:)`` for an empty name, an
    ///   address without `@` and a domain, or a phone that is not a phone number.
    @discardableResult
    public func add(name: String, email: String? = nil, phone: String? = nil) throws -> StaffMember {
        let name = try Self.name(name)
        let email = try email.flatMap(Self.email)
        let phone = try phone.flatMap(Self.phone)
        return try store.pool.write { db in
            try db.execute(
                sql: "INSERT INTO staff (name, email, phone, active) VALUES (?, ?, ?, 1)", arguments: [name, email, phone])
            return StaffMember(id: db.lastInsertedRowID, name: name, email: email, phone: phone, active: true)
        }
    }

    /// Every staff member in id order (inactive ones too unless `activeOnly`).
    public func list(activeOnly: Bool = false) throws -> [StaffMember] {
        try store.pool.read { db in try Self.list(db, activeOnly: activeOnly) }
    }

    static func list(_ db: Database, activeOnly: Bool) throws -> [StaffMember] {
        try Row.fetchAll(
            db, sql: "SELECT id, name, email, phone, active FROM staff \(activeOnly ? "WHERE active = 1" : "") ORDER BY id"
        ).map { StaffMember(id: $0[0], name: $0[1], email: $0[2], phone: $0[3], active: $0[4]) }
    }

    /// One staff member.
    /// - Throws: ``AnniversaryError/staffNotFound(_:)``.
    public func member(_ id: Int64) throws -> StaffMember {
        guard let found = try list().first(where: { $0.id == id }) else { throw AnniversaryError.staffNotFound(id) }
        return found
    }

    /// Applies `change` and returns the member as stored.
    /// - Throws: ``AnniversaryError/staffNotFound(_:)`` or a field error as for ``add(name:email:phone:)``.
    @discardableResult
    public func edit(_ id: Int64, _ change: StaffChange) throws -> StaffMember {
        var member = try member(id)
        if let name = change.name { member.name = try Self.name(name) }
        if let email = change.email { member.email = try email.flatMap(Self.email) }
        if let phone = change.phone { member.phone = try phone.flatMap(Self.phone) }
        if let active = change.active { member.active = active }
        try store.pool.write { db in
            try db.execute(
                sql: """
                    UPDATE staff SET name = ?, email = ?, phone = ?, active = ?,
                        updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?
                    """,
                arguments: [member.name, member.email, member.phone, member.active, id])
            if db.changesCount == 0 { throw AnniversaryError.staffNotFound(id) }
        }
        return member
    }

    /// Deletes a staff member; digests already sent stay in the email log.
    /// - Throws: ``AnniversaryError/staffNotFound(_:)``.
    public func delete(_ id: Int64) throws {
        try store.pool.write { db in
            try db.execute(sql: "DELETE FROM staff WHERE id = ?", arguments: [id])
            if db.changesCount == 0 { throw AnniversaryError.staffNotFound(id) }
        }
    }

    static func name(_ text: String) throws(AnniversaryError) -> String {
        let name = text.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw .staffField(field: "name", value: text, problem: "must not be empty") }
        return name
    }

    static func email(_ text: String) throws(AnniversaryError) -> String? {
        let email = text.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        if email.isEmpty { return nil }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
              !parts[1].hasSuffix("."), !email.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" })
        else { throw .staffField(field: "email", value: text, problem: "is not an address like name@example.kr") }
        return email
    }

    static func phone(_ text: String) throws(AnniversaryError) -> String? {
        if text.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
        guard let digits = PhoneNumber.normalize(text) else {
            throw .staffField(field: "phone", value: text, problem: "is not a phone number")
        }
        return digits
    }
}
