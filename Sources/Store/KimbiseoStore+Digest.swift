import Foundation
import GRDB

extension KimbiseoStore {
    /// A fingerprint of every row of every table (schema included), so tests can assert that
    /// a failed operation changed nothing. Two stores with the same content give the same
    /// digest; any changed, added or removed row changes it.
    ///
    /// Not a cryptographic hash (two 64-bit FNV-1a lanes); 32 hex digits.
    public func contentDigest() throws -> String {
        try pool.read { db in
            var hash = ContentHash()
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
                """)
            for sql in try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name") {
                hash.add(sql)
            }
            for table in tables {
                hash.add("table \(table)")
                let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier) ORDER BY rowid")
                while let row = try rows.next() {
                    for value in row.databaseValues {
                        switch value.storage {
                        case .null: hash.add("∅")
                        case .int64(let v): hash.add("i\(v)")
                        case .double(let v): hash.add("d\(v)")
                        case .string(let v): hash.add("s\(v)")
                        case .blob(let v): hash.add(v)
                        }
                    }
                    hash.add("⏎")
                }
            }
            return hash.hex
        }
    }
}

/// Two independent FNV-1a 64-bit lanes over length-prefixed fields.
struct ContentHash {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x8422_2325_cbf2_9ce4

    mutating func add(_ text: String) { add(Data(text.utf8)) }

    mutating func add(_ data: Data) {
        mix(UInt8(truncatingIfNeeded: data.count))
        mix(UInt8(truncatingIfNeeded: data.count >> 8))
        for byte in data { mix(byte) }
    }

    private mutating func mix(_ byte: UInt8) {
        a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        b = (b ^ UInt64(byte ^ 0x5A)) &* 0x0000_0100_0000_01B3
    }

    var hex: String { String(format: "%016llx%016llx", a, b) }
}
