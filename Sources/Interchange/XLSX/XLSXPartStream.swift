import ZIPFoundation

/// Reads a ZIP entry in chunks and hands the scanner whole elements: each call to `body`
/// gets bytes that end just after a closing tag (`</row>`, `</si>`), so no element is split
/// and memory stays at one chunk plus one element, however large the part.
enum XLSXPartStream {
    static let chunkSize = 1 << 18

    static func read(
        _ archive: Archive, _ entry: Entry, splittingAfter local: StaticString,
        body: (UnsafeBufferPointer<UInt8>) -> Void
    ) throws {
        let tag = Array(UnsafeBufferPointer(start: local.utf8Start, count: local.utf8CodeUnitCount)) + [UInt8(ascii: ">")]
        var buffer: [UInt8] = []
        buffer.reserveCapacity(chunkSize * 2)
        _ = try archive.extract(entry, bufferSize: chunkSize, skipCRC32: true) { data in
            buffer.append(contentsOf: data)
            guard let cut = lastClosingTag(tag, in: buffer) else { return }
            buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[..<cut])) }
            buffer.removeSubrange(..<cut)
        }
        buffer.withUnsafeBufferPointer { body($0) }
    }

    /// The end of the last `</tag>` or `</prefix:tag>` in `buffer`.
    static func lastClosingTag(_ tag: [UInt8], in buffer: [UInt8]) -> Int? {
        var index = buffer.count - tag.count
        while index >= 2 {
            if buffer[index] == tag[0] && buffer[index..<(index + tag.count)].elementsEqual(tag) {
                var cursor = index - 1
                if buffer[cursor] == UInt8(ascii: ":") {
                    while cursor > 0 && buffer[cursor] != UInt8(ascii: "/") && buffer[cursor] != UInt8(ascii: "<") {
                        cursor -= 1
                    }
                }
                if buffer[cursor] == UInt8(ascii: "/") && cursor > 0 && buffer[cursor - 1] == UInt8(ascii: "<") {
                    return index + tag.count
                }
            }
            index -= 1
        }
        return nil
    }

    /// A small part read whole.
    static func readAll(_ archive: Archive, _ entry: Entry) throws -> [UInt8] {
        var bytes: [UInt8] = []
        _ = try archive.extract(entry, bufferSize: chunkSize, skipCRC32: true) { bytes.append(contentsOf: $0) }
        return bytes
    }
}
