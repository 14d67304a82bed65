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
        // Built as bytes, not a String, so the part is not copied again when it is zipped.
        var sheet = Data()
        sheet.reserveCapacity(256 + cards.count * 700)
        sheet.append(contentsOf: (#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#).utf8)
        func append(row: [String], number: Int) {
            sheet.append(contentsOf: #"<row r="\#(number)">"#.utf8)
            for (index, value) in row.enumerated() where !value.isEmpty {
                sheet.append(contentsOf: #"<c r="\#(columnName(index))\#(number)" t="s"><v>\#(strings.index(of: value))</v></c>"#.utf8)
            }
            sheet.append(contentsOf: "</row>".utf8)
        }
        append(row: CustomerColumn.headers, number: 1)
        for (offset, card) in cards.enumerated() {
            append(row: CustomerColumn.allCases.map { $0.text(of: card) }, number: offset + 2)
        }
        sheet.append(contentsOf: "</sheetData></worksheet>".utf8)

        let archive = try Archive(accessMode: .create)
        try add(archive, "[Content_Types].xml", Data(Self.contentTypes.utf8))
        try add(archive, "_rels/.rels", Data(Self.rootRelations.utf8))
        try add(archive, "xl/workbook.xml", Data(Self.workbook.utf8))
        try add(archive, "xl/_rels/workbook.xml.rels", Data(Self.workbookRelations.utf8))
        try add(archive, "xl/styles.xml", Data(Self.styles.utf8))
        try add(archive, "xl/worksheets/sheet1.xml", sheet)
        sheet = Data()
        try add(archive, "xl/sharedStrings.xml", strings.xml())
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

    private static func add(_ archive: Archive, _ path: String, _ data: Data) throws {
        try archive.addEntry(
            with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: Date(timeIntervalSince1970: 1_704_067_200),
            compressionMethod: .deflate
        ) { position, size in
            data.subdata(in: Int(position)..<(Int(position) + size))
        }
    }

    private struct StringTable {
        private var indexes: [String: Int] = [:]
        private var body = Data()
        private var references = 0

        mutating func index(of text: String) -> Int {
            references += 1
            if let index = indexes[text] { return index }
            let index = indexes.count
            indexes[text] = index
            body.append(contentsOf: #"<si><t xml:space="preserve">\#(XLSXWriter.escaped(text))</t></si>"#.utf8)
            return index
        }

        func xml() -> Data {
            var data = Data((#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
                + #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\#(references)" uniqueCount="\#(indexes.count)">"#).utf8)
            data.append(body)
            data.append(contentsOf: "</sst>".utf8)
            return data
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
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="맑은 고딕"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
        """#
}
