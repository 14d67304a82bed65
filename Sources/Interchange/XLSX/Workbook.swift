/// `xl/workbook.xml`: the sheets in order and the date system.
struct Workbook {
    struct Sheet {
        var name: String
        /// The relationship id (`rId1`) that names the sheet's part.
        var relation: String
    }

    var sheets: [Sheet] = []
    /// `<workbookPr date1904="1"/>`: serials count from 1904-01-01.
    var date1904 = false

    init(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = XMLScanner(buffer)
            while let event = scanner.next() {
                guard case let .start(name, attributes, _) = event else { continue }
                if scanner.isName(name, "sheet") {
                    sheets.append(Sheet(
                        name: scanner.attributeText("name", in: attributes) ?? "",
                        relation: scanner.attributeText("id", in: attributes) ?? ""))
                } else if scanner.isName(name, "workbookPr") {
                    let value = scanner.attributeText("date1904", in: attributes)
                    date1904 = value == "1" || value == "true"
                }
            }
        }
    }
}

/// `xl/_rels/workbook.xml.rels`: where each part of the workbook is.
struct Relations {
    var targets: [String: String] = [:]
    var sharedStrings: String?

    init() {}

    init(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = XMLScanner(buffer)
            while let event = scanner.next() {
                guard case let .start(name, attributes, _) = event, scanner.isName(name, "Relationship"),
                      let id = scanner.attributeText("Id", in: attributes),
                      let target = scanner.attributeText("Target", in: attributes)
                else { continue }
                targets[id] = target
                if scanner.attributeText("Type", in: attributes)?.hasSuffix("/sharedStrings") == true {
                    sharedStrings = target
                }
            }
        }
    }

    /// The archive path of a target given relative to `xl/` (or absolute from the root).
    static func partPath(_ target: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = ["xl"]
        for component in target.split(separator: "/") {
            if component == ".." { if !parts.isEmpty { parts.removeLast() } } else if component != "." { parts.append(String(component)) }
        }
        return parts.joined(separator: "/")
    }
}
