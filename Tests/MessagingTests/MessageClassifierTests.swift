import Testing

@testable import Messaging

@Suite("SMS/LMS classification per rendered message")
struct MessageClassifierTests {
    func classify(_ text: String, subject: String? = nil, defaultSubject: String = "안내") -> Classification {
        MessageClassifier.classify(text, subject: subject, defaultSubject: defaultSubject)
    }

    @Test("90 bytes is an SMS, 91 an LMS with the default subject")
    func smsBoundary() {
        let ninety = String(repeating: "가", count: 45)
        #expect(classify(ninety) == .sms(text: ninety, bytes: 90))
        #expect(classify(ninety + "a") == .lms(subject: "안내", text: ninety + "a", bytes: 91))
        #expect(classify(ninety + "a", subject: "공지") == .lms(subject: "공지", text: ninety + "a", bytes: 91))
        let a88 = String(repeating: "a", count: 88)
        #expect(classify(a88 + "\n") == .sms(text: a88 + "\n", bytes: 90))
        #expect(classify(a88 + "a\n") == .lms(subject: "안내", text: a88 + "a\n", bytes: 91))
    }

    @Test("2,000 bytes is an LMS, 2,001 is refused with the reason")
    func lmsBoundary() {
        let limit = String(repeating: "가", count: 1_000)
        #expect(classify(limit).kind == .lms)
        #expect(classify(limit).bytes == 2_000)
        let over = classify(limit + "a")
        #expect(over == .blocked(.tooLong(bytes: 2_001)))
        if case let .blocked(reason) = over {
            #expect(reason.code == "too_long")
            #expect(reason.korean == "2001바이트로 LMS 한도 2000바이트를 넘습니다")
            #expect(reason.english == "2001 bytes, over the LMS limit of 2000")
        }
    }

    @Test("subject of 40 bytes is used, 41 blocks the LMS; an SMS ignores the subject")
    func subjectBoundary() {
        let body = String(repeating: "나", count: 50)
        let forty = String(repeating: "제", count: 20)
        #expect(classify(body, subject: forty) == .lms(subject: forty, text: body, bytes: 100))
        #expect(classify(body, subject: forty + "!") == .blocked(.subject([.subjectTooLong(bytes: 41)])))
        #expect(classify(body, defaultSubject: forty + "!") == .blocked(.subject([.subjectTooLong(bytes: 41)])))
        #expect(classify(body, subject: "세일\n특가").kind == nil)
        #expect(classify("짧은 문자", subject: forty + "!") == .sms(text: "짧은 문자", bytes: 9))
    }

    @Test("a long name pushes one customer into LMS while another stays SMS")
    func perMessageNotPerTemplate() throws {
        let template = try MessageTemplate(text: "<<이름>>님, " + String(repeating: "가", count: 40))
        let context = RenderContext(shopName: nil, today: "")
        let composer = try MessageComposer(template: template, context: context, defaultSubject: "안내")
        #expect(composer.compose(RecipientFields(name: "홍길동")).classification.kind == .sms)
        #expect(composer.compose(RecipientFields(name: "남궁길동")).classification.kind == .lms)
    }

    @Test("characters outside KS X 1001 in customer data block that message with the reason")
    func customerDataCharacters() throws {
        let template = try MessageTemplate(text: "<<이름>>님 안녕하세요")
        let composer = try MessageComposer(
            template: template, context: RenderContext(shopName: nil, today: ""), defaultSubject: "안내")
        let blocked = composer.compose(RecipientFields(name: "김똠😀")).classification
        guard case let .blocked(reason) = blocked, case let .characters(problems) = reason else {
            Issue.record("\(blocked)")
            return
        }
        #expect(problems.map(\.character) == ["똠", "😀"])
        #expect(reason.code == "charset")
        #expect(reason.korean == "보낼 수 없는 글자: '똠' U+B620, '😀' U+1F600")
        #expect(reason.english == "characters outside KS X 1001: '똠' U+B620, '😀' U+1F600")
        #expect(composer.compose(RecipientFields()).classification == .blocked(.missingValue([.name])))
    }

    @Test("text is NFC-normalized and line breaks unified before it is measured")
    func normalizesBeforeMeasuring() {
        #expect(classify("\u{1112}\u{1161}\u{11AB}\r\n글") == .sms(text: "한\n글", bytes: 6))
        #expect(classify("\u{F900}") == .sms(text: "\u{8C48}", bytes: 2))
        #expect(classify("") == .blocked(.empty))
    }

    @Test("the composer's incremental measurement agrees with measuring the whole text")
    func incrementalAgreesWithWhole() throws {
        let template = try MessageTemplate(text: "(<<별명|고객님>>) <<이름>>님\n<<직장명|>> <<오늘>> ★ 안내", subject: "제목")
        let context = RenderContext(shopName: "상점", today: "1월 2일")
        let composer = try MessageComposer(template: template, context: context, defaultSubject: "안내")
        let names = [
            "홍길동", "Kim", "\u{1112}\u{1161}\u{11AB}", "\u{F900}", "A\r\nB", String(repeating: "가", count: 50),
            String(repeating: "가", count: 1_000), "똠", "", " ",
        ]
        for name in names {
            for company in [nil, "활빈당", "e\u{301}"] {
                let fields = RecipientFields(name: name, nickname: company, company: company)
                let composed = composer.compose(fields).classification
                guard case let .text(text) = template.render(fields, context: context) else {
                    #expect(composed == .blocked(.missingValue([.name])))
                    continue
                }
                #expect(composed == classify(text, subject: "제목"), "\(name) \(company ?? "-")")
            }
        }
    }
}
