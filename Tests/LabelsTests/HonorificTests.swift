import Testing
import Labels

@Suite("Honorifics")
struct HonorificTests {
    func person(_ name: String) -> LabelRecipient { LabelRecipient(key: "k", name: name, postcode: "06236", address: "x") }
    func organisation(_ name: String) -> LabelRecipient {
        LabelRecipient(key: "k", name: name, isOrganisation: true, postcode: "06236", address: "x")
    }

    @Test("each choice appends exactly one honorific to a person")
    func choices() {
        #expect(LabelLayout.nameLine(for: person("홍길동"), honorific: .nim) == "홍길동 님")
        #expect(LabelLayout.nameLine(for: person("홍길동"), honorific: .gwiha) == "홍길동 귀하")
        #expect(LabelLayout.nameLine(for: person("홍길동"), honorific: .gogaeknim) == "홍길동 고객님")
        #expect(LabelLayout.nameLine(for: person("홍길동"), honorific: .none) == "홍길동")
    }

    @Test("organisations get 귀중 whatever the personal choice, except none")
    func organisations() {
        for h in [Honorific.nim, .gwiha, .gogaeknim] {
            #expect(LabelLayout.nameLine(for: organisation("(주)한빛"), honorific: h) == "(주)한빛 귀중")
        }
        #expect(LabelLayout.nameLine(for: organisation("(주)한빛"), honorific: .none) == "(주)한빛")
    }

    @Test("a name that already ends in an honorific gets no second one", arguments: [
        "홍길동 님", "홍길동님", "홍길동 귀하", "김철수 고객님", "박영희 선생님", "이순신 씨", "(주)한빛 귀중",
    ])
    func noDoubling(name: String) {
        #expect(LabelLayout.nameLine(for: person(name), honorific: .gwiha) == name)
        #expect(LabelLayout.nameLine(for: person(name), honorific: .nim) == name)
    }

    @Test("an organisation addressed as itself carries its department on the 귀중 line")
    func organisationLine() {
        var r = organisation("(주)한빛"); r.company = "(주)한빛"; r.department = "총무팀"
        #expect(LabelLayout.organisationLine(for: r) == nil)
        #expect(LabelLayout.nameLine(for: r, honorific: .gwiha) == "(주)한빛 총무팀 귀중")
        r.company = "한빛그룹"
        #expect(LabelLayout.organisationLine(for: r) == "한빛그룹 총무팀")
        #expect(LabelLayout.nameLine(for: r, honorific: .gwiha) == "(주)한빛 귀중")
        r = person("홍길동"); r.company = "(주)한빛"
        #expect(LabelLayout.organisationLine(for: r) == "(주)한빛")
        r.company = nil
        #expect(LabelLayout.organisationLine(for: r) == nil)
    }
}
