/// A fixed set of words a cell may hold (양력/음력, Y/N, 남/여 …), each standing for a value.
///
/// A cell is compared byte for byte, ignoring ASCII case: cells arrive NFC-normalized, and
/// `String`'s own comparison would normalize Korean text again for every cell of every row.
struct Keywords<Value>: Sendable where Value: Sendable {
    private let entries: [(word: [UInt8], value: Value)]

    /// - Parameter words: each word (ASCII letters in lowercase) and its value.
    init(_ words: KeyValuePairs<String, Value>) {
        entries = words.map { (Array($0.key.utf8), $0.value) }
    }

    /// The value of the word `text` is, or `nil`.
    func value(of text: String) -> Value? {
        let count = text.utf8.count
        for entry in entries where entry.word.count == count {
            if zip(entry.word, text.utf8).allSatisfy({ $0 == Self.lowercased($1) }) { return entry.value }
        }
        return nil
    }

    @inline(__always)
    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
