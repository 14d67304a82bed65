import Foundation
import Testing
@testable import Interchange
import Store

@Suite("Export then import gives back the same cards")
struct RoundTripTests {
    static let cards: [CustomerCard] = [
        CustomerColumn.exampleCard,
        CustomerCard(
            name: "이서연", gender: .female, mobile: "01055550202", memo: "줄바꿈\n\"따옴표\", 쉼표",
            group: "VIP고객", grade: "실버",
            birthday: AnniversaryDate(calendar: .lunarLeap, year: 2020, month: 4, day: 12),
            wedding: AnniversaryDate(calendar: .lunar, month: 12, day: 30),
            home: HomeInfo(postcode: "48058", address: "부산광역시 해운대구 센텀중앙로 79"),
            consent: ConsentLedger(optedOut: ConsentMark(date: "2024-11-30", source: "import"))),
        CustomerCard(name: "Kim Minsu", birthday: AnniversaryDate(calendar: .solar, month: 2, day: 29)),
    ]

    @Test("round trip", arguments: CustomerFileFormat.allCases)
    func roundTrip(format: CustomerFileFormat) throws {
        let dir = try TempDir()
        let path = dir.path("export.\(format.rawValue)")
        try CustomerFile.data(Self.cards, format: format).write(to: URL(fileURLWithPath: path))
        let back = try CustomerFile.read(path: path, options: fixedOptions).map(\.card)
        #expect(back.count == Self.cards.count)
        for (original, read) in zip(Self.cards, back) {
            #expect(read == original)
        }
    }

    @Test("cells a spreadsheet would run as formulas are exported as text and read back exactly",
          arguments: [CSVWriter.Encoding.utf8, .cp949])
    func formulaCellsNeutralised(encoding: CSVWriter.Encoding) throws {
        let hostile = [
            CustomerCard(name: "=HYPERLINK(\"http://x\",\"y\")", memo: "+cmd|calc"),
            CustomerCard(name: "@SUM(A1)", memo: "-2+3"),
            CustomerCard(name: "홍길동", memo: "'=이미 따옴표"),
        ]
        let data = try CSVWriter.data(hostile, encoding: encoding)
        let text = encoding == .utf8 ? String(decoding: data, as: UTF8.self) : String(decoding: try Iconv.convert(Array(data), from: "CP949", to: "UTF-8"), as: UTF8.self)
        for line in text.split(separator: "\r\n").dropFirst() {
            for cell in line.split(separator: ",", omittingEmptySubsequences: false) {
                let bare = cell.hasPrefix("\"") ? cell.dropFirst() : cell[...]
                #expect(!["=", "+", "-", "@"].contains(bare.first.map(String.init) ?? ""), "formula cell \(cell)")
            }
        }
        let back = try CSVReader.read(data, file: "x.csv", options: fixedOptions).map(\.card)
        #expect(back.map(\.name) == hostile.map(\.name))
        #expect(back.map(\.memo) == hostile.map(\.memo))
    }

    @Test("CP949 CSV export reads back; text CP949 cannot hold is refused")
    func cp949Export() throws {
        let data = try CustomerFile.data(Self.cards, format: .csv, csvEncoding: .cp949)
        #expect(String(data: data, encoding: .utf8) == nil)
        let back = try CSVReader.read(data, file: "x.csv", options: fixedOptions).map(\.card)
        #expect(back == Self.cards)
        #expect(throws: CSVWriter.EncodingError.self) {
            try CSVWriter.data([CustomerCard(name: "홍길동 😀")], encoding: .cp949)
        }
    }

    @Test("the template holds the canonical headers and one example row that imports")
    func template() throws {
        let data = try CustomerFile.template(format: .csv)
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix(canonicalHeader + "\r\n"))
        let cards = try CSVReader.read(data, file: "t.csv", options: fixedOptions)
        #expect(cards.map(\.card) == [CustomerColumn.exampleCard])
    }
}
