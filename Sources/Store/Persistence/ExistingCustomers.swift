import GRDB

/// The existing customers' codes and name + mobile keys, loaded once per import, and those of
/// the cards the import adds.
///
/// Cards the import adds get consecutive ids above every existing one (``CardWriter``); their
/// names and codes are kept in arrays by id, so recording one costs two dictionary inserts
/// (its code and its name + mobile), not four.
struct ExistingCustomers {
    private var byCode: [MatchKey: Int64] = [:]
    private var byNameMobile: [MatchKey: Int64] = [:]
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
                byCode[MatchKey(code)] = id
                existingCodes[id] = code
                maxNumber = max(maxNumber, Self.number(in: code) ?? 0)
            }
            if let mobile: String = row[3] { byNameMobile[MatchKey(name: name, mobile: mobile)] = id }
        }
        maxExistingID = maxID
        let lastRowID = try Int.fetchOne(db, sql: "SELECT MAX(seq) FROM sqlite_sequence WHERE name = 'customer'") ?? 0
        nextNumber = max(maxNumber, lastRowID) + 1
    }

    /// The matching customer's id and a sentence saying why it matches.
    func match(_ card: PreparedCard) -> (Int64, String)? {
        if let code = card.codeKey {
            guard let id = byCode[code] else { return nil }
            return (id, "고객번호 \(code.text) already exists (\(describe(id)))")
        }
        if let key = card.nameMobileKey, let id = byNameMobile[key] {
            let c = card.record.card
            return (id, "\(c.name) \(PhoneNumber.display(c.mobile ?? "")) already exists (\(describe(id)))")
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

    /// Notes a card written as customer `id` (added or updated) with code `code`.
    mutating func record(id: Int64, code: String, card: PreparedCard) {
        let codeKey = card.codeKey.flatMap { $0.text == code ? $0 : nil } ?? MatchKey(code)
        if let old = storedCode(of: id), old != code { byCode[MatchKey(old)] = nil }
        byCode[codeKey] = id
        if id > maxExistingID {
            if firstAddedID == nil { firstAddedID = id }
            if let slot = addedSlot(id), slot < addedNames.count {
                addedNames[slot] = card.record.card.name
                addedCodes[slot] = code
            } else {
                addedNames.append(card.record.card.name)
                addedCodes.append(code)
            }
        } else {
            existingCodes[id] = code
            existingNames[id] = card.record.card.name
        }
        if let key = card.nameMobileKey { byNameMobile[key] = id }
        if let n = Self.number(in: code) { nextNumber = max(nextNumber, n + 1) }
    }

    /// The next free `C000123` code.
    mutating func nextCode() -> String {
        while true {
            let code = CustomerCode.make(nextNumber)
            nextNumber += 1
            if byCode[MatchKey(code)] == nil { return code }
        }
    }

    private func describe(_ id: Int64) -> String {
        "#\(id) \(name(of: id) ?? "")"
    }

    /// 123 for `C000123`; `nil` for codes of another shape.
    static func number(in code: String) -> Int? {
        guard code.first == "C", code.count > 1 else { return nil }
        return Int(code.dropFirst())
    }
}

