import Anniversaries
import Testing

@Suite("The digest template language")
struct DigestTemplateTests {
    static let rows: [String: TemplateValue] = [
        "직원": .text("홍길동"),
        "목록": .list([["이름": .text("김<영희>")], ["이름": .text("이철수"), "나이": .text("36세")]]),
        "빈": .list([]),
    ]

    @Test("values, lists, present and empty sections; section lines leave no blank lines")
    func sections() throws {
        let template = try DigestTemplate(source: """
            제목: {{직원}}님께 {{#목록}}.{{/목록}}

            안녕 {{직원}}
            {{?목록}}
            목록:
            {{/목록}}
            {{#목록}}
            - {{이름}}{{#나이}} ({{나이}}){{/나이}}
            {{/목록}}
            {{^빈}}
            없음
            {{/빈}}
            """, file: "t.txt", escapeHTML: false)
        #expect(template.renderSubject(Self.rows) == "홍길동님께 ..")
        #expect(template.render(Self.rows) == "안녕 홍길동\n목록:\n- 김<영희>\n- 이철수 (36세)\n없음\n")
    }

    @Test("HTML templates escape values")
    func escaping() throws {
        let template = try DigestTemplate(source: "{{#목록}}<b>{{이름}}</b>{{/목록}}", file: "t.html", escapeHTML: true)
        #expect(template.render(Self.rows) == "<b>김&lt;영희&gt;</b><b>이철수</b>")
    }

    @Test("an unclosed or mismatched section is an error with its line")
    func errors() {
        #expect(throws: AnniversaryError.template(file: "t.txt", problem: "line 2: '{{#목록}}' is never closed")) {
            try DigestTemplate(source: "a\n{{#목록}}\nb", file: "t.txt", escapeHTML: false)
        }
        #expect(throws: AnniversaryError.template(file: "t.txt", problem: "line 1: '{{/빈}}' does not close an open section")) {
            try DigestTemplate(source: "{{#목록}}{{/빈}}", file: "t.txt", escapeHTML: false)
        }
    }
}
