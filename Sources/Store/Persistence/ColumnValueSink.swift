/// Where a row's values go, in column order, one typed value at a time: ``BulkRow`` encodes
/// them straight into its buffer (an import encodes 40 values per card), an array collects
/// them as ``BulkValue``s for single-row statements.
protocol ColumnValueSink {
    /// Appends a text value; `nil` is `NULL`.
    mutating func appendText(_ text: String?)
    /// Appends an integer value; `nil` is `NULL`.
    mutating func appendInteger(_ number: Int64?)
}

extension ColumnValueSink {
    mutating func appendInteger(_ number: Int?) { appendInteger(number.map(Int64.init)) }
    /// Appends 1 or 0.
    mutating func appendFlag(_ flag: Bool) { appendInteger(flag ? 1 : 0 as Int64) }
}

extension Array: ColumnValueSink where Element == BulkValue {
    mutating func appendText(_ text: String?) { append(BulkValue(text)) }
    mutating func appendInteger(_ number: Int64?) { append(BulkValue(number)) }
}

extension BulkRow: ColumnValueSink {
    mutating func appendText(_ text: String?) {
        guard let text else { return append(.null) }
        appendEncodedText(text)
    }

    mutating func appendInteger(_ number: Int64?) {
        append(number.map(BulkValue.integer) ?? .null)
    }
}
