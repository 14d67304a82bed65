import Foundation
import Testing
@testable import Interchange
import Store

@Suite("CSV read piece by piece")
struct PiecewiseCSVTests {
    static let text = "성명,메모,휴대폰\r\n김민수,\"첫 줄\n둘째 줄\",010-1234-5678\r\n"
        + "이영희,\"따옴표 \"\"인용\"\" 끝\",01022223333\n박철수,메모\"깨짐,01033334444\n"
        + "최지우,,\n\"정\"\"우성\",\"a,b\",010-5555-6666\n오하나,\"닫히지 않음,0107777"

    typealias Parsed = (records: [[String]], rows: [Int], problems: [String])

    static func whole(_ text: String) -> Parsed {
        var records: [[String]] = [], rows: [Int] = []
        var parser = CSVParser()
        let problems = Array(text.utf8).withUnsafeBufferPointer { bytes in
            parser.parse(bytes) { records.append($0); rows.append($1) }
        }
        return (records, rows, problems.map { "\($0.row):\($0.field): \($0.message)" })
    }

    static func pieces(_ text: String, size: Int) -> Parsed {
        var records: [[String]] = [], rows: [Int] = [], problems: [String] = []
        var parser = CSVParser()
        let bytes = Array(text.utf8)
        var buffer: [UInt8] = []
        var offset = 0
        while true {
            let next = bytes[offset..<min(offset + size, bytes.count)]
            offset += next.count
            let final = next.isEmpty
            buffer += next
            let (found, consumed) = buffer.withUnsafeBufferPointer { piece in
                parser.parse(piece, final: final) { records.append($0); rows.append($1) }
            }
            problems += found.map { "\($0.row):\($0.field): \($0.message)" }
            if final { break }
            buffer.removeFirst(consumed)
        }
        return (records, rows, problems)
    }

    @Test("every piece size gives the records, rows and problems of the whole text", arguments: [1, 2, 3, 5, 7, 16, 64, 1000])
    func sameAsWhole(size: Int) {
        let expected = Self.whole(Self.text)
        let got = Self.pieces(Self.text, size: size)
        #expect(got.records == expected.records)
        #expect(got.rows == expected.rows)
        #expect(got.problems == expected.problems)
        #expect(!expected.problems.isEmpty)
    }

    @Test("a UTF-8 sequence cut at the end of a piece is held back")
    func cutSequences() {
        let bytes = Array("가a".utf8)  // EA B0 80 61
        #expect(FilePieces.completeLength(Array(bytes[..<1])) == 0)
        #expect(FilePieces.completeLength(Array(bytes[..<2])) == 0)
        #expect(FilePieces.completeLength(Array(bytes[..<3])) == 3)
        #expect(FilePieces.completeLength(bytes) == 4)
        #expect(FilePieces.completeLength([]) == 0)
    }

    @Test("a file larger than a piece imports as its text does; CP949 and broken files are read whole")
    func files() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kimbiseo-pieces-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = "\u{FEFF}고객번호,성명,휴대폰,메모\n"
        for i in 1...12_000 {
            text += "P\(i),홍길동\(i),010\(String(format: "%08d", i)),\"여러 줄\n메모 \(i) — 가나다라마바사아자차카타파하\"\n"
        }
        let url = dir.appendingPathComponent("big.csv")
        try Data(text.utf8).write(to: url)
        #expect(try Data(contentsOf: url).count > FilePieces.pieceSize)
        var streamed: [SourcedCard] = []
        try CSVReader.read(contentsOf: url, file: "big.csv", options: ImportOptions(today: "2026-11-29")) { streamed.append($0) }
        var whole: [SourcedCard] = []
        try CSVReader.read(text: String(text.dropFirst()), file: "big.csv", options: ImportOptions(today: "2026-11-29")) { whole.append($0) }
        #expect(streamed.count == 12_000)
        #expect(streamed.map(\.location) == whole.map(\.location))
        #expect(streamed.map(\.card) == whole.map(\.card))

        let broken = dir.appendingPathComponent("broken.csv")
        try Data([0xEF, 0xBB, 0xBF] + Array("성명\n".utf8) + [0xFF, 0x0A]).write(to: broken)
        #expect(throws: ImportError.self) {
            try CSVReader.read(contentsOf: broken, file: "broken.csv") { _ in }
        }
    }
}
