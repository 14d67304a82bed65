import Foundation
import Testing
@testable import Store

@Suite("Importing cards")
struct ImportTests {
    @Test("an import adds cards with codes, groups, grades and dependants")
    func addsCards() throws {
        try withTemporaryStore { store, _ in
            let summary = try store.importCards(
                sourced([fullCard("김철수", mobile: "01012345678"), sampleCard("박영희", group: "지인")]),
                onDuplicate: .skip, dryRun: false, progress: nil)
            #expect(summary.added == 2)
            #expect(summary.createdGroups == ["거래처", "지인"])
            #expect(summary.createdGrades == ["VIP"])
            let cards = try store.cards()
            #expect(cards.map(\.code) == ["C000001", "C000002"])
            var expected = fullCard("김철수", mobile: "01012345678")
            expected.id = cards[0].id
            expected.code = "C000001"
            #expect(cards[0] == expected)
            #expect(try store.cards(groups: ["지인"]).map(\.name) == ["박영희"])
            #expect(try store.cards(search: "1234-5678").map(\.name) == ["김철수"])
            #expect(try store.count(grades: ["VIP"]) == 1)
        }
    }

    @Test("a duplicate with the error policy fails the whole import and changes nothing")
    func errorPolicyIsAllOrNothing() throws {
        try withTemporaryStore { store, _ in
            _ = try store.importCards(sourced([sampleCard("김철수", mobile: "01012345678", code: "A1")]),
                                      onDuplicate: .skip, dryRun: false, progress: nil)
            let before = try store.contentDigest()
            let cards = [sampleCard("새사람", group: "새그룹"), sampleCard("홍길동", mobile: "01011112222"),
                         sampleCard("김철수", mobile: "01012345678")]
            #expect {
                try store.importCards(sourced(cards), onDuplicate: .error, dryRun: false, progress: nil)
            } throws: { error in
                (error as? StoreError)?.description.hasPrefix("customers.csv:4: 김철수 010-1234-5678 already exists") == true
            }
            #expect(try store.contentDigest() == before)
        }
    }

    @Test("skip keeps the stored customer; update replaces its fields and keeps its code")
    func skipAndUpdate() throws {
        try withTemporaryStore { store, _ in
            _ = try store.importCards(sourced([fullCard("김철수", mobile: "01012345678")]),
                                      onDuplicate: .skip, dryRun: false, progress: nil)
            var changed = sampleCard("김철수", mobile: "01012345678", group: "새그룹")
            changed.memo = "바뀜"
            let skipped = try store.importCards(sourced([changed]), onDuplicate: .skip, dryRun: false, progress: nil)
            #expect(skipped.skipped == 1 && skipped.added == 0)
            #expect(skipped.skippedDetails == ["customers.csv:2: 김철수 010-1234-5678 already exists (#1 김철수)"])
            #expect(try store.cards()[0].memo == "메모")

            let updated = try store.importCards(sourced([changed]), onDuplicate: .update, dryRun: false, progress: nil)
            #expect(updated.updated == 1 && updated.createdGroups == ["새그룹"])
            let card = try #require(try store.cards().first)
            #expect(card.code == "C000001" && card.memo == "바뀜" && card.group == "새그룹")
            // Lists and consent absent from the file stay.
            #expect(card.family.count == 1 && card.assets.count == 1)
            #expect(card.consent.adConsent?.date == "2026-01-02")
        }
    }

    @Test("cards match by code before name and mobile, also within one file")
    func matchesByCode() throws {
        try withTemporaryStore { store, _ in
            let cards = [sampleCard("가", code: "X1"), sampleCard("나", code: "X1"),
                         sampleCard("다", mobile: "01012345678"), sampleCard("다", mobile: "01012345678")]
            let summary = try store.importCards(sourced(cards), onDuplicate: .skip, dryRun: false, progress: nil)
            #expect(summary.added == 2 && summary.skipped == 2)
            #expect(try store.cards().map(\.code) == ["X1", "C000001"])
        }
    }

    @Test("a dry run reports but changes nothing")
    func dryRun() throws {
        try withTemporaryStore { store, _ in
            let before = try store.contentDigest()
            let summary = try store.importCards(sourced([fullCard("김철수", mobile: "01012345678")]),
                                                onDuplicate: .skip, dryRun: true, progress: nil)
            #expect(summary.added == 1 && summary.createdGroups == ["거래처"])
            #expect(try store.contentDigest() == before)
        }
    }

    @Test("a bad card names its row and changes nothing")
    func badCard() throws {
        try withTemporaryStore { store, _ in
            let before = try store.contentDigest()
            var bad = sampleCard("김철수")
            bad.birthday = AnniversaryDate(calendar: .solar, month: 2, day: 30)
            #expect(throws: StoreError.invalidField(customer: "customers.csv:3", field: "생일", value: "02-30",
                                                   reason: "is not a valid date (month 2 has no day 30)")) {
                try store.importCards(sourced([sampleCard("가"), bad]), onDuplicate: .skip, dryRun: false, progress: nil)
            }
            #expect(try store.contentDigest() == before)
        }
    }

    @Test("20,000 cards import in one transaction (the 100,000-card timing lives in Benchmarks/)")
    func largeImport() throws {
        try withTemporaryStore { store, _ in
            let cards = (0..<20_000).map { i in
                var c = sampleCard("고객\(i)", mobile: "010" + String(String(100_000_000 + i).dropFirst()), group: "그룹\(i % 10)", grade: "등급\(i % 3)")
                c.birthday = AnniversaryDate(calendar: .solar, year: 1970 + i % 40, month: 1 + i % 12, day: 1 + i % 28)
                c.work.address = "서울특별시 중구 세종대로 \(i)"
                return c
            }
            let start = ContinuousClock.now
            let summary = try store.importCards(sourced(cards), onDuplicate: .skip, dryRun: false, progress: nil)
            let elapsed = ContinuousClock.now - start
            print("imported 20000 cards in \(elapsed)")
            #expect(summary.added == 20_000)
            #expect(try store.count() == 20_000)
            #expect(try store.count(groups: ["그룹3"]) == 2_000)
            #expect(try store.cards(ids: [20_000]).first?.code == "C020000")
        }
    }

    @Test("cards repeated inside one file match the earlier card: named in the skip, updated in place")
    func repeatsInsideOneFile() throws {
        try withTemporaryStore { store, _ in
            _ = try store.importCards(sourced([sampleCard("기존", mobile: "01000000001")]),
                                      onDuplicate: .skip, dryRun: false, progress: nil)
            let cards = [
                sampleCard("김철수", mobile: "01012345678"), sampleCard("박영희", code: "P1"),
                sampleCard("김철수", mobile: "01012345678"), sampleCard("박영희2", code: "P1"),
            ]
            let skipped = try store.importCards(sourced(cards), onDuplicate: .skip, dryRun: true, progress: nil)
            #expect(skipped.added == 2 && skipped.skipped == 2)
            #expect(skipped.skippedDetails == [
                "customers.csv:4: 김철수 010-1234-5678 already exists (#2 김철수)",
                "customers.csv:5: 고객번호 P1 already exists (#3 박영희)",
            ])
            let updated = try store.importCards(sourced(cards), onDuplicate: .update, dryRun: false, progress: nil)
            #expect(updated.added == 2 && updated.updated == 2)
            #expect(try store.cards().map(\.name) == ["기존", "김철수", "박영희2"])
            #expect(try store.cards().map(\.code) == ["C000001", "C000002", "P1"])
        }
    }
}

@Suite("Anniversary dates")
struct AnniversaryDateTests {
    @Test("a lunar date with a year is checked against the lunar table")
    func lunarWithYear() {
        #expect(AnniversaryDate(calendar: .lunarLeap, year: 1987, month: 6, day: 10).isValid)
        #expect(!AnniversaryDate(calendar: .lunarLeap, year: 1988, month: 6, day: 10).isValid)
        #expect(!AnniversaryDate(calendar: .lunar, year: 1990, month: 1, day: 30).isValid)
        #expect(AnniversaryDate(calendar: .lunar, month: 1, day: 30).isValid, "without a year day 30 may exist")
        #expect(AnniversaryDate(calendar: .solar, year: 2024, month: 2, day: 29).isValid)
        #expect(AnniversaryDate(calendar: .solar, year: 2023, month: 2, day: 29).problem == "2023 is not a leap year")
    }
}
