import Foundation
import GRDB

extension KimbiseoStore {
    /// Full cards (family, schools, assets, consent; the image when `includeImages`) of the
    /// customers that match, ordered by id.
    public func cards(
        groups: [String] = [], grades: [String] = [], search: String? = nil, ids: [Int64]? = nil,
        includeImages: Bool = false
    ) throws -> [CustomerCard] {
        var result: [CustomerCard] = []
        try forEachCard(CustomerFilter(groups: groups, grades: grades, search: search, ids: ids),
                        includeImages: includeImages) { result.append($0) }
        return result
    }

    /// Calls `body` with each matching full card in id order, reading them one at a time from
    /// a single consistent snapshot: memory stays flat however many customers there are.
    ///
    /// `body` runs inside a read transaction: do not write to the store from it.
    public func forEachCard(
        _ filter: CustomerFilter = .all, includeImages: Bool = false,
        body: (CustomerCard) throws -> Void
    ) throws {
        let where_ = FilterSQL(filter)
        try pool.read { db in
            let customers = try Row.fetchCursor(
                db, sql: "\(CustomerColumns.selectSQL) \(where_.clause) ORDER BY c.id", arguments: where_.arguments)
            var family = try ChildCursor(db, sql: "SELECT * FROM family_member ORDER BY customer_id, position")
            var schools = try ChildCursor(db, sql: "SELECT * FROM school ORDER BY customer_id, position")
            var assets = try ChildCursor(db, sql: "SELECT * FROM asset ORDER BY customer_id, position")
            var images = includeImages
                ? try ChildCursor(db, sql: "SELECT * FROM customer_image ORDER BY customer_id") : nil
            while let row = try customers.next() {
                var card = CustomerColumns.card(from: row)
                let id: Int64 = row["id"]
                card.family = try family.rows(for: id).map { r in
                    FamilyMember(relation: r["relation"], name: r["name"],
                                 birthday: CustomerColumns.anniversary(r, "birthday"), phone: r["phone"])
                }
                card.schools = try schools.rows(for: id).map { r in
                    School(school: r["school"], major: r["major"], year: r["year"])
                }
                card.assets = try assets.rows(for: id).map { r in
                    Asset(kind: r["kind"], description: r["description"], amount: r["amount"])
                }
                if let r = try images?.rows(for: id).first {
                    card.image = CustomerImage(mediaType: r["media_type"], data: r["bytes"])
                }
                try body(card)
            }
        }
    }

    /// The full card (with image) of the customer with this row id or 고객번호, or `nil`.
    ///
    /// A key of digits only is tried as a row id first, then as a code.
    public func card(idOrCode key: String) throws -> CustomerCard? {
        guard let id = try customerID(idOrCode: key) else { return nil }
        return try cards(ids: [id], includeImages: true).first
    }

    /// The row id of the customer with this row id or 고객번호, or `nil`.
    public func customerID(idOrCode key: String) throws -> Int64? {
        let key = key.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping
        return try pool.read { db in
            if let id = Int64(key),
               let found = try Int64.fetchOne(db, sql: "SELECT id FROM customer WHERE id = ?", arguments: [id]) {
                return found
            }
            return try Int64.fetchOne(db, sql: "SELECT id FROM customer WHERE code = ?", arguments: [key])
        }
    }

    /// Like ``customerID(idOrCode:)`` but throws ``StoreError/customerNotFound(_:)``.
    public func requireCustomerID(idOrCode key: String) throws -> Int64 {
        guard let id = try customerID(idOrCode: key) else { throw StoreError.customerNotFound(key) }
        return id
    }

    /// How many customers match.
    public func count(groups: [String] = [], grades: [String] = [], search: String? = nil) throws -> Int {
        try count(CustomerFilter(groups: groups, grades: grades, search: search))
    }

    /// How many customers match the filter.
    public func count(_ filter: CustomerFilter) throws -> Int {
        let where_ = FilterSQL(filter)
        return try pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customer c \(where_.clause)", arguments: where_.arguments) ?? 0
        }
    }
}

/// Rows of a dependent table ordered by `customer_id`, consumed in step with the customers.
struct ChildCursor {
    private let cursor: RowCursor
    private var pending: Row?

    init(_ db: Database, sql: String) throws {
        cursor = try Row.fetchCursor(db, sql: sql)
        pending = try cursor.next()?.copy()
    }

    /// The rows for `id`, skipping rows of customers before it (customers filtered out).
    mutating func rows(for id: Int64) throws -> [Row] {
        var result: [Row] = []
        while let row = pending {
            let owner: Int64 = row["customer_id"]
            if owner > id { break }
            if owner == id { result.append(row) }
            pending = try cursor.next()?.copy()
        }
        return result
    }
}
