/// A small, fast pull scanner over XML bytes, enough for the parts of an XLSX file.
///
/// It reports start tags (with the byte range of their attributes), end tags and text
/// between tags; it skips the XML declaration, processing instructions, comments and
/// DOCTYPE, and reports CDATA content as text that needs no unescaping. Names keep their
/// namespace prefix; ``localName(_:)`` drops it. It does not check well-formedness: an
/// XLSX part is written by a program, and a broken one yields missing cells, not a crash.
///
/// Foundation's `XMLParser` was measured too slow for 100,000 rows × 30 columns (it
/// allocates a dictionary and strings per element); this scanner allocates only for the
/// text a caller asks for.
struct XMLScanner {
    enum Event {
        case start(name: Range<Int>, attributes: Range<Int>, selfClosing: Bool)
        case end(name: Range<Int>)
        case text(Range<Int>)
        case cdata(Range<Int>)
    }

    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var index: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) {
        self.bytes = bytes
        self.index = start
    }

    private static let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/")

    mutating func next() -> Event? {
        let count = bytes.count
        while index < count {
            if bytes[index] != Self.lt {
                let start = index
                while index < count && bytes[index] != Self.lt { index += 1 }
                return .text(start..<index)
            }
            // A markup construct at `index`.
            let start = index
            guard start + 1 < count else { index = count; return nil }
            switch bytes[start + 1] {
            case UInt8(ascii: "?"):
                index = find([UInt8(ascii: "?"), Self.gt], from: start + 2) ?? count
            case UInt8(ascii: "!"):
                if has("<![CDATA[", at: start) {
                    let contentStart = start + 9
                    let end = find(Array("]]>".utf8), from: contentStart) ?? count
                    index = min(count, end + 3)
                    return .cdata(contentStart..<min(end, count))
                }
                if has("<!--", at: start) {
                    index = (find(Array("-->".utf8), from: start + 4).map { $0 + 3 }) ?? count
                } else {
                    index = (find([Self.gt], from: start + 2).map { $0 + 1 }) ?? count
                }
                continue
            case Self.slash:
                let nameStart = start + 2
                var nameEnd = nameStart
                while nameEnd < count && !isNameEnd(bytes[nameEnd]) { nameEnd += 1 }
                index = (find([Self.gt], from: nameEnd).map { $0 + 1 }) ?? count
                return .end(name: nameStart..<nameEnd)
            default:
                let nameStart = start + 1
                var nameEnd = nameStart
                while nameEnd < count && !isNameEnd(bytes[nameEnd]) { nameEnd += 1 }
                // The tag ends at the first '>' outside quotes.
                var cursor = nameEnd
                var quote: UInt8 = 0
                while cursor < count {
                    let byte = bytes[cursor]
                    if quote != 0 {
                        if byte == quote { quote = 0 }
                    } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        quote = byte
                    } else if byte == Self.gt {
                        break
                    }
                    cursor += 1
                }
                let selfClosing = cursor > nameEnd && cursor < count && bytes[cursor - 1] == Self.slash
                index = min(count, cursor + 1)
                return .start(name: nameStart..<nameEnd, attributes: nameEnd..<(selfClosing ? cursor - 1 : cursor),
                              selfClosing: selfClosing || (cursor == nameEnd && bytes[nameEnd - 1] == Self.slash))
            }
            index = min(count, index + 2)
        }
        return nil
    }

    @inline(__always)
    private func isNameEnd(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == Self.gt || byte == Self.slash || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private func has(_ text: StaticString, at position: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        let pattern = UnsafeBufferPointer(start: text.utf8Start, count: count)
        for offset in 0..<count where bytes[position + offset] != pattern[offset] { return false }
        return true
    }

    private func find(_ pattern: [UInt8], from position: Int) -> Int? {
        var cursor = position
        let last = bytes.count - pattern.count
        while cursor <= last {
            if bytes[cursor] == pattern[0] {
                var offset = 1
                while offset < pattern.count && bytes[cursor + offset] == pattern[offset] { offset += 1 }
                if offset == pattern.count { return cursor }
            }
            cursor += 1
        }
        return nil
    }

    // MARK: Names, attributes, text

    /// Whether the name (prefix ignored) is `local`.
    func isName(_ range: Range<Int>, _ local: StaticString) -> Bool {
        let name = localName(range)
        let count = local.utf8CodeUnitCount
        guard name.count == count else { return false }
        let pattern = UnsafeBufferPointer(start: local.utf8Start, count: count)
        var offset = 0
        for position in name {
            if bytes[position] != pattern[offset] { return false }
            offset += 1
        }
        return true
    }

    /// The name without its namespace prefix.
    func localName(_ range: Range<Int>) -> Range<Int> {
        var cursor = range.upperBound
        while cursor > range.lowerBound {
            if bytes[cursor - 1] == UInt8(ascii: ":") { return cursor..<range.upperBound }
            cursor -= 1
        }
        return range
    }

    /// The raw (still escaped) value of the attribute whose local name is `local`.
    func attribute(_ local: StaticString, in range: Range<Int>) -> Range<Int>? {
        var cursor = range.lowerBound
        let end = range.upperBound
        while cursor < end {
            while cursor < end && (bytes[cursor] == 0x20 || bytes[cursor] == 0x0A || bytes[cursor] == 0x0D || bytes[cursor] == 0x09) {
                cursor += 1
            }
            let nameStart = cursor
            while cursor < end && bytes[cursor] != UInt8(ascii: "=") && bytes[cursor] != 0x20 { cursor += 1 }
            let nameEnd = cursor
            while cursor < end && bytes[cursor] != UInt8(ascii: "\"") && bytes[cursor] != UInt8(ascii: "'") { cursor += 1 }
            guard cursor < end else { return nil }
            let quote = bytes[cursor]
            let valueStart = cursor + 1
            cursor = valueStart
            while cursor < end && bytes[cursor] != quote { cursor += 1 }
            if nameEnd > nameStart && isName(nameStart..<nameEnd, local) { return valueStart..<cursor }
            cursor += 1
        }
        return nil
    }

    /// The attribute's unescaped value.
    func attributeText(_ local: StaticString, in range: Range<Int>) -> String? {
        attribute(local, in: range).map { text($0) }
    }

    /// The unescaped text of a byte range (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`,
    /// `&#N;`, `&#xH;`).
    func text(_ range: Range<Int>) -> String {
        XMLScanner.unescape(UnsafeBufferPointer(rebasing: bytes[range]))
    }

    func raw(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    static func unescape(_ source: UnsafeBufferPointer<UInt8>) -> String {
        guard source.contains(UInt8(ascii: "&")) else { return String(decoding: source, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(source.count)
        appendUnescaped(source, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the unescaped bytes of `source` to `out`.
    static func appendUnescaped(_ source: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var index = 0
        let count = source.count
        while index < count {
            let byte = source[index]
            guard byte == UInt8(ascii: "&"), let semicolon = source[index...].firstIndex(of: UInt8(ascii: ";")),
                  semicolon - index <= 10
            else {
                out.append(byte)
                index += 1
                continue
            }
            let entity = String(decoding: UnsafeBufferPointer(rebasing: source[(index + 1)..<semicolon]), as: UTF8.self)
            switch entity {
            case "amp": out.append(UInt8(ascii: "&"))
            case "lt": out.append(UInt8(ascii: "<"))
            case "gt": out.append(UInt8(ascii: ">"))
            case "quot": out.append(UInt8(ascii: "\""))
            case "apos": out.append(UInt8(ascii: "'"))
            default:
                let scalar: Unicode.Scalar?
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if entity.hasPrefix("#") {
                    scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init)
                } else {
                    scalar = nil
                }
                if let scalar {
                    out.append(contentsOf: String(Character(scalar)).utf8)
                } else {
                    out.append(contentsOf: source[index...semicolon])
                }
            }
            index = semicolon + 1
        }
    }
}
