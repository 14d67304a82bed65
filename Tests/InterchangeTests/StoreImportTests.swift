import Foundation
import Testing
@testable import Interchange
import Store

@Suite("Importing files into the store")
struct StoreImportTests {
    @Test("the example file imports into a new store; a second import skips every card")
    func importExample() throws {
        let store = try KimbiseoStore.openTemporary()
        let summary = try store.importFile(path: examplePath, options: fixedOptions)
        #expect(summary.added == 40)
        #expect(Set(summary.createdGroups) == ["보험고객", "VIP고객", "지인", "거래처"])
        let again = try store.importFile(path: examplePath, options: fixedOptions)
        #expect(again.added == 0 && again.skipped == 40)
        let stored = try store.cards()
        #expect(stored.count == 40)
        let expected = try CustomerFile.read(path: examplePath, options: fixedOptions).map(\.card)
        #expect(stored.map(\.name) == expected.map(\.name))
        #expect(stored.map(\.birthday) == expected.map(\.birthday))
    }

    @Test("a bad file of any kind leaves the store exactly as it was", arguments: [
        ("bad.csv", "성명,휴대폰\n홍길동,010-5555-0001\n김영희,010-12-345\n"),
        ("bad.csv", "성명,주민번호\n홍길동,x\n"),
        ("bad.csv", "성명,생일\n홍길동,02-30\n"),
        ("bad.csv", "성명,메모\n홍길동,\"never closed\n"),
        ("bad.vcf", "BEGIN:VCARD\nFN:홍길동\nTEL;TYPE=CELL:12\nEND:VCARD\n"),
        ("bad.xlsx", "not a zip"),
    ])
    func badFileChangesNothing(name: String, content: String) throws {
        let store = try KimbiseoStore.openTemporary()
        _ = try store.importFile(path: examplePath, options: fixedOptions)
        let before = try store.contentDigest()
        let dir = try TempDir()
        let path = try dir.write(name, content)
        #expect(throws: ImportError.self) {
            try store.importFile(path: path, options: fixedOptions)
        }
        #expect(try store.contentDigest() == before)
    }

    @Test("the expected card count comes from a CSV's or workbook's size, not a vCard's")
    func expectedCards() throws {
        let dir = try TempDir()
        let bytes = Data(repeating: UInt8(ascii: "a"), count: 4_000)
        let csv = try dir.write("big.csv", bytes: bytes)
        #expect(KimbiseoStore.expectedCards(path: csv, format: nil) == 20)
        #expect(KimbiseoStore.expectedCards(path: try dir.write("big.xlsx", bytes: bytes), format: nil) == 20)
        #expect(KimbiseoStore.expectedCards(path: try dir.write("big.vcf", bytes: bytes), format: nil) == 0)
        #expect(KimbiseoStore.expectedCards(path: csv, format: .vcf) == 0)
        #expect(KimbiseoStore.expectedCards(path: dir.path("missing.csv"), format: nil) == 0)
    }

    @Test("a duplicate refused by the store leaves it unchanged, naming the row")
    func duplicateRefused() throws {
        let store = try KimbiseoStore.openTemporary()
        _ = try store.importFile(path: examplePath, options: fixedOptions)
        let before = try store.contentDigest()
        let dir = try TempDir()
        let path = try dir.write("dup.csv", "고객번호,성명\nC9999,새고객\nC0003,박도윤\n")
        do {
            _ = try store.importFile(path: path, onDuplicate: .error, options: fixedOptions)
            Issue.record("a duplicate code was accepted")
        } catch {
            #expect("\(error)".contains("\(path):3"))
        }
        #expect(try store.contentDigest() == before)
    }

    @Test("export from the store, import into another: the same cards", arguments: CustomerFileFormat.allCases)
    func storeRoundTrip(format: CustomerFileFormat) throws {
        let first = try KimbiseoStore.openTemporary()
        _ = try first.importFile(path: examplePath, options: fixedOptions)
        let dir = try TempDir()
        let path = dir.path("export.\(format.rawValue)")
        try CustomerFile.data(try first.cards(), format: format).write(to: URL(fileURLWithPath: path))
        let second = try KimbiseoStore.openTemporary()
        let summary = try second.importFile(path: path, options: fixedOptions)
        #expect(summary.added == 40)
        func comparable(_ cards: [CustomerCard]) -> [CustomerCard] {
            cards.map { card in
                var card = card
                card.id = nil
                for keyPath in [\ConsentLedger.adConsent, \.nightConsent, \.optedOut] {
                    card.consent[keyPath: keyPath]?.source = nil
                }
                return card
            }
        }
        #expect(comparable(try second.cards()) == comparable(try first.cards()))
    }
}
