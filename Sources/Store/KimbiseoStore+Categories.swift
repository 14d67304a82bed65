import Foundation
import GRDB

extension KimbiseoStore {
    /// Every group (or grade) in list order, with its member count.
    public func categories(_ kind: CustomerCategory) throws -> [CategoryEntry] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT k.id, k.name, (SELECT COUNT(*) FROM customer c WHERE c.\(kind.customerColumn) = k.id)
                FROM \(kind.table) k ORDER BY k.position, k.id
                """).map { CategoryEntry(id: $0[0], name: $0[1], memberCount: $0[2]) }
        }
    }

    /// Checks that every group and grade `filter` names exists, so that a mistyped name is an
    /// error rather than an empty selection.
    /// - Throws: ``StoreError/categoryNotFound(_:_:)`` naming the first unknown group or grade.
    public func requireKnownCategories(_ filter: CustomerFilter) throws {
        try pool.read { db in
            for (kind, names) in [(CustomerCategory.group, filter.groups), (.grade, filter.grades)] {
                for name in names {
                    if try Self.categoryID(db, kind, name) == nil { throw StoreError.categoryNotFound(kind, name) }
                }
            }
        }
    }

    /// 그룹 list with member counts.
    public func groups() throws -> [CategoryEntry] { try categories(.group) }
    /// 등급 list with member counts.
    public func grades() throws -> [CategoryEntry] { try categories(.grade) }

    /// Adds a group or grade at the end of its list.
    /// - Throws: ``StoreError/categoryExists(_:_:)``; ``StoreError/invalidField(customer:field:value:reason:)`` for an empty name.
    @discardableResult
    public func addCategory(_ kind: CustomerCategory, name: String) throws -> CategoryEntry {
        let name = try Self.categoryName(kind, name)
        return try pool.write { db in
            if try Self.categoryID(db, kind, name) != nil { throw StoreError.categoryExists(kind, name) }
            try db.execute(sql: """
                INSERT INTO \(kind.table) (name, position) VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM \(kind.table)))
                """, arguments: [name])
            return CategoryEntry(id: db.lastInsertedRowID, name: name, memberCount: 0)
        }
    }

    /// Renames a group or grade; its members follow.
    /// - Throws: ``StoreError/categoryNotFound(_:_:)``, ``StoreError/categoryExists(_:_:)``.
    public func renameCategory(_ kind: CustomerCategory, from old: String, to new: String) throws {
        let old = old.precomposedStringWithCanonicalMapping
        let new = try Self.categoryName(kind, new)
        try pool.write { db in
            guard let id = try Self.categoryID(db, kind, old) else { throw StoreError.categoryNotFound(kind, old) }
            if new == old { return }
            if try Self.categoryID(db, kind, new) != nil { throw StoreError.categoryExists(kind, new) }
            try db.execute(sql: "UPDATE \(kind.table) SET name = ? WHERE id = ?", arguments: [new, id])
        }
    }

    /// Deletes a group or grade. Members are refused, moved or cleared per `disposal`;
    /// returns how many customers were moved or cleared.
    /// - Throws: ``StoreError/categoryInUse(_:_:members:)`` with ``CategoryDeletion/refuseIfInUse``;
    ///   ``StoreError/categoryNotFound(_:_:)`` for the group/grade or the reassignment target.
    @discardableResult
    public func deleteCategory(_ kind: CustomerCategory, name: String, disposal: CategoryDeletion = .refuseIfInUse) throws -> Int {
        let name = name.precomposedStringWithCanonicalMapping
        return try pool.write { db in
            guard let id = try Self.categoryID(db, kind, name) else { throw StoreError.categoryNotFound(kind, name) }
            let members = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customer WHERE \(kind.customerColumn) = ?",
                                           arguments: [id]) ?? 0
            switch disposal {
            case .refuseIfInUse:
                if members > 0 { throw StoreError.categoryInUse(kind, name, members: members) }
            case .reassign(let target):
                let target = target.precomposedStringWithCanonicalMapping
                guard let targetID = try Self.categoryID(db, kind, target) else {
                    throw StoreError.categoryNotFound(kind, target)
                }
                if targetID == id { throw StoreError.categoryInUse(kind, name, members: members) }
                try db.execute(sql: "UPDATE customer SET \(kind.customerColumn) = ?, updated_at = ? WHERE \(kind.customerColumn) = ?",
                               arguments: [targetID, StoreClock.now(), id])
            case .clearMembers:
                try db.execute(sql: "UPDATE customer SET \(kind.customerColumn) = NULL, updated_at = ? WHERE \(kind.customerColumn) = ?",
                               arguments: [StoreClock.now(), id])
            }
            try db.execute(sql: "DELETE FROM \(kind.table) WHERE id = ?", arguments: [id])
            return members
        }
    }

    func requireCategory(_ kind: CustomerCategory, _ name: String) throws {
        let name = name.precomposedStringWithCanonicalMapping
        let found = try pool.read { db in try Self.categoryID(db, kind, name) }
        if found == nil { throw StoreError.categoryNotFound(kind, name) }
    }

    static func categoryID(_ db: Database, _ kind: CustomerCategory, _ name: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM \(kind.table) WHERE name = ?", arguments: [name])
    }

    static func categoryName(_ kind: CustomerCategory, _ name: String) throws -> String {
        let trimmed = name.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw StoreError.invalidField(customer: kind.rawValue, field: kind.korean, value: name, reason: "must not be empty")
        }
        return trimmed
    }
}
