import Foundation
import Store
import Testing

@testable import Messaging

@Suite("Message templates")
struct MessageTemplateTests {
    let context = RenderContext(shopName: "김비서상사", today: "11월 28일")

    @Test("<<이름>> and {{이름}} mean the same, spaces inside are ignored")
    func bothSyntaxes() throws {
        let angle = try MessageTemplate(text: "<<이름>>님 안녕하세요")
        let brace = try MessageTemplate(text: "{{이름}}님 안녕하세요")
        let spaced = try MessageTemplate(text: "{{ 이름 }}님 안녕하세요")
        let fields = RecipientFields(name: "홍길동")
        for template in [angle, brace, spaced] {
            #expect(template.render(fields, context: context) == .text("홍길동님 안녕하세요"))
            #expect(template.placeholders == [.name])
        }
    }

    @Test("every placeholder is filled from the fields and the context")
    func allPlaceholders() throws {
        let text = Placeholder.allCases.map(\.token).joined(separator: "/")
        let template = try MessageTemplate(text: text)
        #expect(template.placeholders == Placeholder.allCases)
        let fields = RecipientFields(
            name: "홍길동", nickname: "길동이", company: "활빈당", department: "영업부", position: "팀장",
            rank: "과장", group: "거래처", grade: "VIP", code: "C-001")
        #expect(
            template.render(fields, context: context)
                == .text("홍길동/길동이/활빈당/영업부/팀장/과장/거래처/VIP/C-001/김비서상사/11월 28일"))
    }

    @Test("a fallback replaces an empty or missing value; an empty fallback leaves it out")
    func fallbacks() throws {
        let template = try MessageTemplate(text: "<<별명|고객님>>, {{직책|}}안녕하세요")
        #expect(template.render(RecipientFields(name: "홍길동"), context: context) == .text("고객님, 안녕하세요"))
        #expect(template.render(RecipientFields(nickname: "  "), context: context) == .text("고객님, 안녕하세요"))
        #expect(
            template.render(RecipientFields(nickname: "길동이", position: "팀장 "), context: context)
                == .text("길동이, 팀장 안녕하세요"))
    }

    @Test("a missing value without a fallback is reported, never rendered with a hole")
    func missingValues() throws {
        let template = try MessageTemplate(text: "<<직장명>> <<부서>> <<직장명>> <<이름>>님")
        #expect(
            template.render(RecipientFields(name: "홍길동", company: ""), context: context)
                == .missing([.company, .department]))
        let noShop = RenderContext(shopName: nil, today: "1월 1일")
        #expect(try MessageTemplate(text: "<<상호>>").render(RecipientFields(), context: noShop) == .missing([.shopName]))
    }

    @Test("unknown, unclosed and empty placeholders are errors with line:column, all at once")
    func unknownPlaceholders() {
        let text = "안녕하세요 <<이름>>님\n<<생일>> 축하 {{나이}}세\n<<이름 닫힘 없음\n<<>> 끝"
        #expect(throws: TemplateError.self) { try MessageTemplate(text: text) }
        let issues = MessageTemplate.lint(text: text)
        #expect(
            issues == [
                .unknownPlaceholder(name: "생일", line: 2, column: 1),
                .unknownPlaceholder(name: "나이", line: 2, column: 11),
                .unclosedPlaceholder(opening: "<<", line: 3, column: 1),
                .emptyPlaceholder(line: 4, column: 1),
            ])
        #expect(issues[0].description.hasPrefix("2:1: unknown placeholder '생일'"))
        #expect(issues[1].korean.hasPrefix("2행 11열: 알 수 없는 치환 문구 '나이'"))
    }

    @Test("characters outside KS X 1001 in the template are errors with suggestions")
    func templateCharacters() {
        let issues = MessageTemplate.lint(text: "<<이름>>님 – 특가•세일 😀")
        #expect(issues.count == 3)
        guard case let .character(dash) = issues[0] else { Issue.record("\(issues)"); return }
        #expect(dash.line == 1 && dash.column == 9 && dash.suggestion == "-")
        guard case let .character(emoji) = issues[2] else { Issue.record("\(issues)"); return }
        #expect(emoji.suggestion == nil)
    }

    @Test("subject: 40 bytes is fine, 41 is an error, and so are line breaks and bad characters")
    func subjects() throws {
        let forty = String(repeating: "가", count: 20)
        #expect(try MessageTemplate(text: "본문", subject: forty).subject == forty)
        #expect(MessageTemplate.lint(text: "본문", subject: forty + "a") == [.subjectTooLong(bytes: 41)])
        #expect(MessageTemplate.lint(text: "본문", subject: "가\n나") == [.subjectHasLineBreak])
        #expect(MessageTemplate.lint(text: "본문", subject: "<<이름>>님께") == [.subjectHasPlaceholder])
        #expect(MessageTemplate.lint(text: "본문", subject: "세일–특가").count == 1)
        #expect(try MessageTemplate(text: "본문", subject: "").subject == nil)
    }

    @Test("empty text and text too long without placeholders are errors")
    func emptyAndTooLong() {
        #expect(MessageTemplate.lint(text: "") == [.emptyText])
        #expect(MessageTemplate.lint(text: String(repeating: "가", count: 1_001)) == [.textTooLong(bytes: 2_002)])
    }

    @Test("text is NFC-normalized and CRLF becomes LF")
    func normalization() throws {
        let template = try MessageTemplate(text: "\u{1112}\u{1161}\u{11AB}\r\n<<이름>>")
        #expect(template.text == "한\n<<이름>>")
        #expect(template.fixedBytes == 4)
    }

    @Test("loading a file: 제목 header, blank line, trailing newline, file line numbers in errors")
    func loadFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kimbiseo-tpl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = dir.appendingPathComponent("good.txt").path
        try "제목:  가을 인사 \n\n<<이름>>님,\n안녕하세요.\n\n".write(toFile: good, atomically: true, encoding: .utf8)
        let template = try MessageTemplate.load(path: good)
        #expect(template.subject == "가을 인사")
        #expect(template.text == "<<이름>>님,\n안녕하세요.")

        let plain = dir.appendingPathComponent("plain.txt").path
        try "<<이름>>님 안녕하세요\n".write(toFile: plain, atomically: true, encoding: .utf8)
        #expect(try MessageTemplate.load(path: plain).subject == nil)

        let bad = dir.appendingPathComponent("bad.txt").path
        try "제목: 인사\n\n첫 줄\n<<생일>> 축하".write(toFile: bad, atomically: true, encoding: .utf8)
        do {
            _ = try MessageTemplate.load(path: bad)
            Issue.record("loaded a template with an unknown placeholder")
        } catch {
            #expect(error.issues == [.unknownPlaceholder(name: "생일", line: 4, column: 1)])
            #expect(error.description.hasPrefix("\(bad):4:1: unknown placeholder '생일'"))
        }

        let missing = dir.appendingPathComponent("none.txt").path
        #expect(throws: TemplateError.self) { try MessageTemplate.load(path: missing) }
    }

    @Test("RecipientFields from a customer card")
    func fieldsFromCard() {
        // Built in the test so the mapping is checked field by field.
        let fields = RecipientFields(
            card: .init(
                code: "C-7", name: "홍길동", nickname: "길동", group: "거래처", grade: "VIP",
                work: .init(company: "활빈당", department: "영업부", position: "팀장", rank: "과장")))
        #expect(
            fields
                == RecipientFields(
                    name: "홍길동", nickname: "길동", company: "활빈당", department: "영업부", position: "팀장",
                    rank: "과장", group: "거래처", grade: "VIP", code: "C-7"))
    }
}
