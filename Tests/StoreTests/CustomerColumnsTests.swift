import Foundation
import Testing
@testable import Store

@Suite("Customer columns")
struct CustomerColumnsTests {
    static let now = "2026-11-29T08:00:00.000Z"

    @Test("a card's values follow the written columns, by name")
    func valuesByColumn() {
        let card = fullCard("김하나", mobile: "01012345678", code: "A1")
        let values = CustomerColumns.values(of: card, code: "A1", groupID: 7, gradeID: nil, now: Self.now)
        let byColumn = Dictionary(uniqueKeysWithValues: zip(CustomerColumns.written, values))
        #expect(values.count == CustomerColumns.written.count)
        #expect(byColumn["code"] == .text("A1"))
        #expect(byColumn["name"] == .text("김하나"))
        #expect(byColumn["gender"] == .text("여"))
        #expect(byColumn["vip"] == .integer(1))
        #expect(byColumn["group_id"] == .integer(7))
        #expect(byColumn["grade_id"] == .null)
        #expect(byColumn["birthday_calendar"] == .text("lunar"))
        #expect(byColumn["birthday_year"] == .integer(1980))
        #expect(byColumn["birthday_day"] == .integer(30))
        #expect(byColumn["wedding_year"] == .null)
        #expect(byColumn["work_company"] == .text("김비서상사"))
        #expect(byColumn["work_fax"] == .null)
        #expect(byColumn["home_address"] == .text("경기도 성남시 분당구 판교역로 1"))
        #expect(byColumn["anniversary_texts_enabled"] == .integer(1))
        #expect(byColumn["updated_at"] == .text(Self.now))
    }

    @Test("an insert row is the id, the written values, the consent marks and created_at")
    func insertRow() {
        var card = fullCard("김하나", mobile: "01012345678", code: "A1")
        card.consent.optedOut = ConsentMark(date: "2026-02-03", source: "080")
        let row = CustomerColumns.insertRow(of: card, now: Self.now)
        let written = CustomerColumns.values(of: card, code: "A1", groupID: nil, gradeID: nil, now: Self.now)
        let consent: [BulkValue] = [.text("2026-01-02"), .text("import"), .null, .null, .text("2026-02-03"), .text("080")]
        #expect(row.count == CustomerColumns.inserted.count)
        #expect(row.values == [.null] + written + consent + [.text(Self.now)])
    }
}
