import Foundation

/// One row for ``BulkInserter``, already encoded: its text and blob bytes in one buffer, its
/// values as plain cells that hold no references.
///
/// Encoding costs one copy of the row's text; a row can be encoded on another thread than the
/// one that writes it (an import encodes on its reading thread), and a writer can then fill in
/// the columns only it knows (an id, a foreign key) with ``set(_:_:)``.
public struct BulkRow: Sendable {
    /// A value: a number in place, or where its bytes lie in ``bytes``.
    enum Cell: Sendable {
        case null
        case integer(Int64)
        case real(Double)
        case text(start: Int32, count: Int32)
        case blob(start: Int32, count: Int32)
    }

    private(set) var bytes: [UInt8] = []
    private(set) var cells: [Cell] = []

    /// The row of `values`, in the inserter's column order.
    public init(_ values: [BulkValue]) {
        let byteCount = values.reduce(0) { total, value in
            switch value {
            case let .text(text): total + text.utf8.count
            case let .blob(data): total + data.count
            default: total
            }
        }
        self.init(capacity: values.count, byteCapacity: byteCount)
        for value in values { append(value) }
    }

    /// An empty row with room for `capacity` values and `byteCapacity` bytes of text and
    /// blobs; ``append(_:)`` adds the values in column order.
    public init(capacity: Int, byteCapacity: Int = 256) {
        cells.reserveCapacity(capacity)
        bytes.reserveCapacity(byteCapacity)
    }

    /// Adds the value of the next column.
    public mutating func append(_ value: BulkValue) {
        cells.append(encode(value))
    }

    /// How many values the row has.
    public var count: Int { cells.count }

    /// Replaces the value of column `column` (an index into the inserter's columns). Text
    /// replaced this way keeps its old bytes in the buffer until the row is dropped.
    public mutating func set(_ column: Int, _ value: BulkValue) {
        cells[column] = encode(value)
    }

    /// The row's values, decoded (for error messages).
    public var values: [BulkValue] {
        cells.map { cell in
            switch cell {
            case .null: .null
            case let .integer(number): .integer(number)
            case let .real(number): .real(number)
            case let .text(start, count):
                .text(String(decoding: bytes[Int(start)..<Int(start + count)], as: UTF8.self))
            case let .blob(start, count): .blob(Data(bytes[Int(start)..<Int(start + count)]))
            }
        }
    }

    /// Adds a text value of the next column without boxing it as a ``BulkValue``.
    mutating func appendEncodedText(_ text: String) {
        cells.append(encodeText(text))
    }

    private mutating func encodeText(_ text: String) -> Cell {
        let start = bytes.count
        // One copy of the UTF-8 (small strings included), not the generic sequence append.
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
        if copied == nil { bytes.append(contentsOf: text.utf8) }
        return .text(start: Int32(start), count: Int32(bytes.count - start))
    }

    private mutating func encode(_ value: BulkValue) -> Cell {
        switch value {
        case .null: return .null
        case let .integer(number): return .integer(number)
        case let .real(number): return .real(number)
        case let .text(text):
            return encodeText(text)
        case let .blob(data):
            let start = bytes.count
            bytes.append(contentsOf: data)
            return .blob(start: Int32(start), count: Int32(bytes.count - start))
        }
    }
}
