import Foundation
import Testing
@testable import Store

@Suite("Adding and editing customers")
struct CustomerEditTests {
    @Test("add validates, normalizes and numbers the card")
    func add() throws {
        try withTemporaryStore { store, _ in
            var card = fullCard("  김철수 ", mobile: "010-1234-5678")
            card.name = "\u{1100}\u{1175}\u{11B7}철수"  // decomposed 김
            let added = try store.add(card, createMissingCategories: true)
            #expect(added.name == "김철수")
            #expect(added.mobile == "01012345678")
            #expect(added.code == "C000001" && added.id == 1)
            #expect(added.family == card.family && added.assets == card.assets)
            let second = try store.add(sampleCard("박영희", code: "C000010"))
            #expect(second.code == "C000010")
            #expect(try store.add(sampleCard("다음")).code == "C000011")
            #expect(throws: StoreError.duplicate(location: "중복", detail: "고객번호 C000010 already exists")) {
                try store.add(sampleCard("중복", code: "C000010"))
            }
        }
    }

    @Test("invalid fields name the customer and field", arguments: [
        ({ @Sendable (c: inout CustomerCard) in c.mobile = "010-12-345" }, "휴대폰"),
        ({ @Sendable (c: inout CustomerCard) in c.birthday = AnniversaryDate(calendar: .solar, month: 2, day: 30) }, "생일"),
        ({ @Sendable (c: inout CustomerCard) in c.wedding = AnniversaryDate(calendar: .lunar, month: 13, day: 1) }, "결혼기념일"),
        ({ @Sendable (c: inout CustomerCard) in c.name = "  " }, "성명"),
        ({ @Sendable (c: inout CustomerCard) in c.work.postcode = "1234" }, "직장우편번호"),
        ({ @Sendable (c: inout CustomerCard) in c.consent.optedOut = ConsentMark(date: "2026/01/01") }, "수신거부"),
    ] as [(@Sendable (inout CustomerCard) -> Void, String)])
    func invalidField(change: @Sendable (inout CustomerCard) -> Void, field: String) throws {
        var card = sampleCard("김철수")
        change(&card)
        #expect {
            try card.validated(location: "#7")
        } throws: { error in
            guard case let .invalidField(customer, f, _, _) = error as? StoreError else { return false }
            return customer == "#7" && f == field
        }
    }

    @Test("lunar day 30 and Feb 29 without a year are valid; Feb 29 of 2025 is not")
    func dates() {
        #expect(AnniversaryDate(calendar: .lunar, month: 2, day: 30).isValid)
        #expect(AnniversaryDate(calendar: .lunarLeap, year: 2023, month: 2, day: 29).isValid)
        // Leap month 2 of 2023 has 29 days: with the year given, day 30 never existed.
        #expect(!AnniversaryDate(calendar: .lunarLeap, year: 2023, month: 2, day: 30).isValid)
        #expect(AnniversaryDate(calendar: .solar, month: 2, day: 29).isValid)
        #expect(AnniversaryDate(calendar: .solar, year: 2024, month: 2, day: 29).isValid)
        #expect(!AnniversaryDate(calendar: .solar, year: 2025, month: 2, day: 29).isValid)
        #expect(!AnniversaryDate(calendar: .lunar, month: 1, day: 31).isValid)
    }

    @Test("update replaces fields and lists, keeps code and image, records consent changes")
    func update() throws {
        try withTemporaryStore { store, _ in
            var card = try store.add(fullCard("김철수", mobile: "01012345678"), createMissingCategories: true)
            try store.setImage(ImageTests.png, idOrCode: "1")
            card.code = nil
            card.image = nil
            card.memo = nil
            card.family = []
            card.schools.append(School(school: "대학원"))
            card.consent.optedOut = ConsentMark(date: "2026-04-01", source: "080")
            let updated = try store.update(card)
            #expect(updated.code == "C000001")
            #expect(updated.memo == nil && updated.family.isEmpty && updated.schools.count == 2)
            #expect(updated.image?.mediaType == "image/png")
            #expect(try store.consentHistory(idOrCode: "1").map(\.kind) == [.ad, .optOut])
            #expect(try rowCount(store, "family_member") == 0)
        }
    }

    @Test("update refuses a code that belongs to another customer")
    func updateCodeTaken() throws {
        try withTemporaryStore { store, _ in
            try store.add(sampleCard("가"))
            var second = try store.add(sampleCard("나"))
            let before = try store.contentDigest()
            second.code = "C000001"
            #expect(throws: StoreError.duplicate(location: "#2", detail: "고객번호 C000001 belongs to customer #1")) {
                try store.update(second)
            }
            #expect(try store.contentDigest() == before)
        }
    }

    @Test("search finds by name, code, company and phone digits; filters combine")
    func search() throws {
        try withTemporaryStore { store, _ in
            _ = try store.importCards(sourced([fullCard("김철수", mobile: "01012345678"),
                                               sampleCard("박영희", mobile: "01099990000", group: "지인"),
                                               sampleCard("100%고객", group: "지인", grade: "VIP")]),
                                      onDuplicate: .skip, dryRun: false, progress: nil)
            #expect(try store.cards(search: "철수").map(\.name) == ["김철수"])
            #expect(try store.cards(search: "C000002").map(\.name) == ["박영희"])
            #expect(try store.cards(search: "김비서상사").map(\.name) == ["김철수"])
            #expect(try store.cards(search: "010-9999").map(\.name) == ["박영희"])
            #expect(try store.cards(search: "100%").map(\.name) == ["100%고객"])
            #expect(try store.cards(groups: ["지인"], grades: ["VIP"]).map(\.name) == ["100%고객"])
            #expect(try store.cards(groups: ["지인", "거래처"]).count == 3)
            #expect(try store.cards(ids: [3, 1]).map(\.name) == ["김철수", "100%고객"])
            #expect(try store.count(groups: ["지인"]) == 2)
        }
    }
}
