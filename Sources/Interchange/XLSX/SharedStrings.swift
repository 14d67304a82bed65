/// An XLSX shared-string table, kept as one byte block plus offsets: a sheet of 100,000
/// customers may hold millions of strings, and a `String` is only made for a cell read.
struct SharedStrings {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    var count: Int { ends.count }

    subscript(index: Int) -> String? {
        guard index >= 0 && index < ends.count else { return nil }
        let start = index == 0 ? 0 : ends[index - 1]
        return bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[start..<ends[index]]), as: UTF8.self)
        }
    }

    /// Reads `<si>` items: plain `<t>` text and rich-text runs (`<r><t>`), without
    /// phonetic runs (`<rPh>`).
    mutating func parse(_ chunk: UnsafeBufferPointer<UInt8>) {
        var scanner = XMLScanner(chunk)
        var inItem = false, inText = false, phonetic = 0
        while let event = scanner.next() {
            switch event {
            case let .start(name, _, selfClosing):
                if scanner.isName(name, "si") {
                    if selfClosing { ends.append(bytes.count) } else { inItem = true }
                } else if scanner.isName(name, "t") {
                    inText = inItem && phonetic == 0 && !selfClosing
                } else if scanner.isName(name, "rPh") {
                    if !selfClosing { phonetic += 1 }
                }
            case let .end(name):
                if scanner.isName(name, "si") {
                    inItem = false
                    ends.append(bytes.count)
                } else if scanner.isName(name, "t") {
                    inText = false
                } else if scanner.isName(name, "rPh") {
                    phonetic -= 1
                }
            case let .text(range):
                if inText { XMLScanner.appendUnescaped(UnsafeBufferPointer(rebasing: chunk[range]), to: &bytes) }
            case let .cdata(range):
                if inText { bytes.append(contentsOf: chunk[range]) }
            }
        }
    }
}
