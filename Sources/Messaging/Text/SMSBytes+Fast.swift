extension SMSBytes {
    /// The byte count of `text` when it is already in its sending form — printable ASCII, `\n`
    /// and NFC-stable KS X 1001 members only — else `nil` (it needs normalizing or has problems).
    ///
    /// This is the hot path of rendering a campaign: one pass over the UTF-8 bytes, two table
    /// loads per non-ASCII scalar. Such text is already NFC: every member is NFC-stable, a starter
    /// (combining class 0) and never composes with its neighbour.
    static func fastCount(_ text: String) -> Int? {
        if let result = text.utf8.withContiguousStorageIfAvailable({ fastCount(utf8: $0) }) {
            return result
        }
        var copy = text
        return copy.withUTF8 { fastCount(utf8: $0) }
    }

    static func fastCount(utf8: UnsafeBufferPointer<UInt8>) -> Int? {
        KSX1001.pageIndex.withUnsafeBufferPointer { index in
            KSX1001.stablePageWords.withUnsafeBufferPointer { words in
                var bytes = 0
                var i = 0
                let n = utf8.count
                while i < n {
                    let lead = utf8[i]
                    let value: UInt32
                    if lead < 0x80 {
                        if lead >= 0x20 && lead != 0x7F {
                            bytes &+= 1
                        } else if lead == 0x0A {
                            bytes &+= newlineBytes
                        } else {
                            return nil
                        }
                        i &+= 1
                        continue
                    } else if lead < 0xE0 {
                        value = UInt32(lead & 0x1F) << 6 | UInt32(utf8[i &+ 1] & 0x3F)
                        i &+= 2
                    } else if lead < 0xF0 {
                        value =
                            UInt32(lead & 0x0F) << 12 | UInt32(utf8[i &+ 1] & 0x3F) << 6
                            | UInt32(utf8[i &+ 2] & 0x3F)
                        i &+= 3
                    } else {
                        return nil
                    }
                    let page = Int(index[Int(value >> 8)])
                    guard page != 0 else { return nil }
                    let word = words[(page &- 1) &* 4 &+ Int((value >> 6) & 3)]
                    guard (word >> UInt64(value & 63)) & 1 == 1 else { return nil }
                    bytes &+= 2
                }
                return bytes
            }
        }
    }
}
