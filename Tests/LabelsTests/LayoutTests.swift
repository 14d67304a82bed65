import Testing
@testable import Labels

@Suite("Label layout", .enabled(if: TestFont.available, TestFont.missingMessage))
struct LayoutTests {
    let font: LabelFont
    let sheet = LabelSheet.find("LS-3108")!

    init() throws { font = try TestFont.load() }

    func layout(_ configure: (inout LabelLayoutOptions) -> Void = { _ in }) throws -> LabelLayout {
        var options = LabelLayoutOptions()
        configure(&options)
        return try LabelLayout(font: font, sheet: sheet, options: options)
    }

    func home(address: String = "서울특별시 강남구 테헤란로 152", detail: String? = "21층 (역삼동, 강남파이낸스센터)") -> LabelRecipient {
        LabelRecipient(key: "C1", name: "홍길동", postcode: "06236", address: address, addressDetail: detail, keyLine: "C1 VIP")
    }

    @Test("a typical home address: Korea Post order, 11 pt, postcode right-aligned, key bottom-left")
    func typical() throws {
        let layout = try layout()
        let label = try layout.layOut(home()).get()
        #expect(label.lines.map(\.role) == [.address, .detail, .name, .postcode, .key])
        #expect(label.texts == ["서울특별시 강남구 테헤란로 152", "21층 (역삼동, 강남파이낸스센터)", "홍길동 님", "06236", "C1 VIP"])
        for line in label.lines where line.role != .key { #expect(line.fontSize == 11) }
        let postcode = try #require(label.lines.first { $0.role == .postcode })
        #expect(abs(postcode.x + postcode.width - (layout.labelWidth - layout.boxX)) < 0.01, "right-aligned")
        let key = try #require(label.lines.first { $0.role == .key })
        #expect(key.baseline == postcode.baseline && key.x == layout.boxX && key.fontSize < 9)
        // Lines go down the label, inside it, at least 1.5 mm apart.
        let rows = label.lines.filter { $0.role != .key }
        for (a, b) in zip(rows, rows.dropFirst()) {
            #expect(b.baseline - a.baseline >= b.fontSize + 1.5 * 72 / 25.4 - 0.01)
        }
        #expect(label.lines.allSatisfy { $0.x >= 0 && $0.x + $0.width <= layout.labelWidth && $0.baseline < layout.labelHeight })
        #expect(label.warnings.isEmpty)
    }

    @Test("a slightly long line shrinks on its own; the others keep 11 pt")
    func shrinksOneLine() throws {
        let layout = try layout()
        let long = "경기도 성남시 분당구 판교역로 235 에이치스퀘어 엔동 7층 701호"  // ~32 characters
        let label = try layout.layOut(home(detail: long)).get()
        let detail = try #require(label.lines.first { $0.role == .detail })
        #expect(label.lines.filter { $0.role == .detail }.count == 1)
        #expect(detail.fontSize < 11 && detail.fontSize >= 9)
        #expect(detail.width <= layout.boxWidth + 0.01)
        #expect(label.lines.first { $0.role == .address }?.fontSize == 11)
        #expect(label.lines.first { $0.role == .name }?.fontSize == 11)
    }

    @Test("a line too long for 9 pt wraps, preferably before the parenthesis")
    func wrapsBeforeParenthesis() throws {
        let layout = try layout()
        let detail = "101동 1203호 (반포동, 래미안퍼스티지아파트 리버뷰 단지 관리사무소 옆 상가동)"
        let label = try layout.layOut(home(detail: detail)).get()
        let pieces = label.lines.filter { $0.role == .detail }.map(\.text)
        #expect(pieces.count == 2)
        #expect(pieces.first == "101동 1203호")
        #expect(pieces.last?.hasPrefix("(반포동") == true)
        #expect(label.lines.allSatisfy { $0.fontSize >= 9 || $0.role == .key })
    }

    @Test("wrapping never splits a road name from its building number when another space works")
    func keepsRoadAndNumber() throws {
        let layout = try layout()
        let address = "경상북도 포항시 남구 대잠동 효자동길 포스코국제관 앞 도로 지곡로 80"
        let label = try layout.layOut(home(address: address + " 포항공과대학교 생활관 제12동 관리동", detail: nil)).get()
        let lines = label.lines.filter { $0.role == .address }.map(\.text)
        #expect(lines.count >= 2)
        #expect(!lines.contains { $0.hasSuffix("지곡로") })
        #expect(lines.joined(separator: " ") == address + " 포항공과대학교 생활관 제12동 관리동")
    }

    @Test("a line that fits nowhere is reported, not clipped")
    func overflowReported() throws {
        let layout = try layout()
        let unbreakable = String(repeating: "가", count: 40)  // no space to wrap at
        let result = layout.layOut(home(detail: unbreakable))
        guard case .failure(let error) = result else { Issue.record("expected a failure"); return }
        #expect(error.issue.isError)
        guard case .lineTooLong(let field, _) = error.issue.kind else { Issue.record("\(error.issue)"); return }
        #expect(field == "address detail")
        #expect(error.issue.key == "C1")
    }

    @Test("too many lines for the label height is reported")
    func tooTall() throws {
        let layout = try layout { $0.maxLinesPerField = 6 }
        let words = (1...30).map { "상세주소\($0)" }.joined(separator: " ")
        let result = layout.layOut(home(address: words, detail: words))
        guard case .failure(let error) = result, case .tooManyLines = error.issue.kind else {
            Issue.record("expected tooManyLines, got \(result)"); return
        }
    }

    @Test("a crowded label steps the common size down, never below the minimum")
    func stepsDown() throws {
        let small = try LabelLayout(font: font, sheet: LabelSheet.find("LS-3109")!, options: LabelLayoutOptions())
        // LS-3109 is 29.9 mm high: five rows at 11 pt with 1.5 mm gaps need 25.4 mm, the box has 24.9.
        var r = home(detail: "101동 1203호 (반포동)")
        r.company = "(주)한빛소프트"; r.department = "영업2팀"
        let label = try small.layOut(r).get()
        #expect(label.lines.count == 6)
        #expect(label.lines.filter { $0.role == .name }.first!.fontSize == 10.5)
        #expect(label.lines.allSatisfy { $0.fontSize >= 9 || $0.role == .key })
        var raised = LabelLayoutOptions(); raised.minFontSize = 11
        let strict = try LabelLayout(font: font, sheet: LabelSheet.find("LS-3109")!, options: raised)
        #expect((try? strict.layOut(r).get()) == nil)
    }

    @Test("work address: company and department on their own line above the name")
    func workAddress() throws {
        var r = home(detail: "5층")
        r.company = "(주)한빛소프트"; r.department = "영업2팀"
        let label = try layout().layOut(r).get()
        #expect(label.lines.map(\.role) == [.address, .detail, .organisation, .name, .postcode, .key])
        #expect(label.lines[2].text == "(주)한빛소프트 영업2팀")
        #expect(label.lines[3].text == "홍길동 님")
    }

    @Test("NFD input prints as precomposed syllables; white space collapses")
    func normalizes() throws {
        let nfd = "서울특별시  강남구\n테헤란로 152".decomposedStringWithCanonicalMapping
        let label = try layout().layOut(home(address: nfd)).get()
        #expect(label.lines[0].text == "서울특별시 강남구 테헤란로 152")
        #expect(label.lines[0].text.unicodeScalars.count == "서울특별시 강남구 테헤란로 152".unicodeScalars.count)
    }

    @Test("characters the font lacks are left out and reported with the customer")
    func missingGlyph() throws {
        let label = try layout().layOut(home(detail: "21층 ✉ 🏠 우편함")).get()
        #expect(label.lines[1].text == "21층 우편함")
        let warning = try #require(label.warnings.first)
        #expect(warning.key == "C1" && !warning.isError)
        guard case .missingGlyphs(let field, let characters) = warning.kind else { Issue.record("\(warning)"); return }
        #expect(field == "address detail" && characters == "✉🏠")
        #expect(warning.description.contains("U+2709"))
    }

    @Test("postcode problems are warnings; a missing address is an error")
    func postcodes() throws {
        var r = home(); r.postcode = "135-080"
        #expect(try layout().layOut(r).get().warnings.map(\.kind) == [.unusualPostcode("135-080")])
        r.postcode = nil
        let label = try layout().layOut(r).get()
        #expect(label.warnings.map(\.kind) == [.noPostcode])
        #expect(!label.lines.contains { $0.role == .postcode })
        r.address = "  "
        guard case .failure(let e) = try layout().layOut(r) else { Issue.record("expected failure"); return }
        #expect(e.issue.kind == .noAddress)
    }

    @Test("contradictory options are rejected")
    func badOptions() {
        var options = LabelLayoutOptions(); options.minFontSize = 12
        #expect(throws: LabelsError.self) { try LabelLayout(font: font, sheet: sheet, options: options) }
    }
}
