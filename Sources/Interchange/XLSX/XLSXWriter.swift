import Foundation
import Store
import ZIPFoundation

/// Writes customer cards as a minimal Excel workbook: one sheet named 고객, the canonical
/// header row, every value a shared string. Dates are written as text in the canonical
/// forms (`YYYY-MM-DD`, `MM-DD`) and phones with dashes, so the file reads back exactly.
public enum XLSXWriter {
    /// The workbook's bytes.
    public static func data(_ cards: [CustomerCard]) throws -> Data {
        var strings = StringTable()
        var sheet = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        func append(row: [String], number: Int) {
            sheet += #"<row r="\#(number)">"#
            for (index, value) in row.enumerated() where !value.isEmpty {
                sheet += #"<c r="\#(columnName(index))\#(number)" t="s"><v>\#(strings.index(of: value))</v></c>"#
            }
            sheet += "</row>"
        }
        append(row: CustomerColumn.headers, number: 1)
        for (offset, card) in cards.enumerated() {
            append(row: CustomerColumn.allCases.map { $0.text(of: card) }, number: offset + 2)
        }
        sheet += "</sheetData></worksheet>"

        let archive = try Archive(accessMode: .create)
        try add(archive, "[Content_Types].xml", Self.contentTypes)
        try add(archive, "_rels/.rels", Self.rootRelations)
        try add(archive, "xl/workbook.xml", Self.workbook)
        try add(archive, "xl/_rels/workbook.xml.rels", Self.workbookRelations)
        try add(archive, "xl/styles.xml", Self.styles)
        try add(archive, "xl/worksheets/sheet1.xml", sheet)
        try add(archive, "xl/sharedStrings.xml", strings.xml)
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    /// `A`, `B`, … `Z`, `AA`, … for a 0-based column.
    static func columnName(_ index: Int) -> String {
        var index = index + 1
        var name = ""
        while index > 0 {
            let remainder = (index - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            index = (index - 1) / 26
        }
        return name
    }

    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\r": out += "&#13;"
            default:
                // Control characters other than tab and line feed are not allowed in XML 1.0.
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func add(_ archive: Archive, _ path: String, _ text: String) throws {
        let data = Data(text.utf8)
        try archive.addEntry(
            with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: Date(timeIntervalSince1970: 1_704_067_200),
            compressionMethod: .deflate
        ) { position, size in
            data.subdata(in: Int(position)..<(Int(position) + size))
        }
    }

    private struct StringTable {
        private var indexes: [String: Int] = [:]
        private var body = ""
        private var references = 0

        mutating func index(of text: String) -> Int {
            references += 1
            if let index = indexes[text] { return index }
            let index = indexes.count
            indexes[text] = index
            body += #"<si><t xml:space="preserve">\#(XLSXWriter.escaped(text))</t></si>"#
            return index
        }

        var xml: String {
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
                + #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\#(references)" uniqueCount="\#(indexes.count)">"#
                + body + "</sst>"
        }
    }

    private static let contentTypes = #"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
        """#

    private static let rootRelations = #"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """#

    private static let workbook = #"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="고객" sheetId="1" r:id="rId1"/></sheets></workbook>
        """#

    private static let workbookRelations = #"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
        """#

    private static let styles = #"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="맑은 고딕"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>
        """#
}
