import Foundation
import GRDB

extension KimbiseoStore {
    /// Adds one customer and returns the stored card (with its id and code).
    ///
    /// The card is validated and normalized first (``CustomerCard/validated(location:)``).
    ///
    /// - Parameter createMissingCategories: create a group/grade the card names that does not
    ///   exist yet; when false (the default) that is ``StoreError/categoryNotFound(_:_:)``.
    /// - Throws: ``StoreError/duplicate(location:detail:)`` when the code is taken; validation errors.
    @discardableResult
    public func add(_ card: CustomerCard, createMissingCategories: Bool = false) throws -> CustomerCard {
        let card = try card.validated()
        let id: Int64 = try pool.write { db in
            var writer = try CardWriter(db: db, createsMissingCategories: createMissingCategories)
            let code: String
            if let given = card.code {
                if try Self.codeOwner(db, given) != nil {
                    throw StoreError.duplicate(location: card.name, detail: "고객번호 \(given) already exists")
                }
                code = given
            } else {
                code = try Self.nextCode(db)
            }
            let id = try writer.insert(card, code: code, location: card.name)
            try writer.flush()
            return id
        }
        return try requireCard(id)
    }

    /// Replaces the stored customer `card.id` with `card`: every field, family, schools,
    /// assets and consent marks (consent changes go to the history). The image is left alone
    /// unless the card has one (use ``clearImage(idOrCode:)`` to remove it). A card without a
    /// code keeps the stored code.
    ///
    /// - Throws: ``StoreError/customerNotFound(_:)`` when `card.id` is `nil` or unknown;
    ///   ``StoreError/duplicate(location:detail:)`` when the new code belongs to someone else.
    @discardableResult
    public func update(_ card: CustomerCard, createMissingCategories: Bool = false) throws -> CustomerCard {
        guard let id = card.id else { throw StoreError.customerNotFound("(card without id)") }
        let card = try card.validated(location: "#\(id)")
        try pool.write { db in
            guard let stored = try Row.fetchOne(db, sql: "SELECT * FROM customer WHERE id = ?", arguments: [id]) else {
                throw StoreError.customerNotFound(String(id))
            }
            let previous = CustomerColumns.card(from: stored)
            let code = card.code ?? previous.code ?? CustomerCode.make(Int(id))
            if let owner = try Self.codeOwner(db, code), owner != id {
                throw StoreError.duplicate(location: "#\(id)", detail: "고객번호 \(code) belongs to customer #\(owner)")
            }
            var writer = try CardWriter(db: db, createsMissingCategories: createMissingCategories)
            try writer.update(id: id, with: card, code: code, location: "#\(id)", replacingLists: true)
            try writer.writeConsent(card.consent, id: id, previous: previous.consent)
            try writer.flush()
        }
        return try requireCard(id)
    }

    /// Deletes one customer with everything that depends on it; returns the deleted card.
    @discardableResult
    public func delete(idOrCode key: String) throws -> CustomerCard {
        let id = try requireCustomerID(idOrCode: key)
        let card = try requireCard(id)
        try pool.write { db in
            try db.execute(sql: "DELETE FROM customer WHERE id = ?", arguments: [id])
        }
        return card
    }

    /// 고객일괄삭제: deletes every customer (groups and grades stay); returns how many.
    @discardableResult
    public func deleteAll() throws -> Int {
        try deleteCustomers(CustomerFilter.all)
    }

    /// Deletes every customer of a group; returns how many.
    /// - Throws: ``StoreError/categoryNotFound(_:_:)`` for an unknown group.
    @discardableResult
    public func deleteCustomers(inGroup name: String) throws -> Int {
        try requireCategory(.group, name)
        return try deleteCustomers(CustomerFilter(groups: [name]))
    }

    /// Deletes every customer of a grade; returns how many.
    /// - Throws: ``StoreError/categoryNotFound(_:_:)`` for an unknown grade.
    @discardableResult
    public func deleteCustomers(inGrade name: String) throws -> Int {
        try requireCategory(.grade, name)
        return try deleteCustomers(CustomerFilter(grades: [name]))
    }

    /// Deletes the matching customers in one transaction; dependants go with them
    /// (`ON DELETE CASCADE`). Returns how many customers were deleted.
    @discardableResult
    public func deleteCustomers(_ filter: CustomerFilter) throws -> Int {
        let where_ = FilterSQL(filter)
        return try pool.write { db in
            try db.execute(sql: "DELETE FROM customer AS c \(where_.clause)", arguments: where_.arguments)
            return db.changesCount
        }
    }

    func requireCard(_ id: Int64) throws -> CustomerCard {
        guard let card = try cards(ids: [id], includeImages: true).first else {
            throw StoreError.customerNotFound(String(id))
        }
        return card
    }

    static func codeOwner(_ db: Database, _ code: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM customer WHERE code = ?", arguments: [code])
    }

    /// The next free `C000123` code: one past the highest such code and past the highest row
    /// id ever used, so that a deleted customer's code is not given to someone else.
    static func nextCode(_ db: Database) throws -> String {
        var n = try Int.fetchOne(db, sql: """
            SELECT MAX(
                (SELECT COALESCE(MAX(CAST(substr(code, 2) AS INTEGER)), 0) FROM customer WHERE code GLOB 'C[0-9]*'),
                (SELECT COALESCE(MAX(seq), 0) FROM sqlite_sequence WHERE name = 'customer')) + 1
            """) ?? 1
        while true {
            let code = CustomerCode.make(n)
            if try codeOwner(db, code) == nil { return code }
            n += 1
        }
    }
}
