import Testing

@testable import Messaging

@Suite("SMS byte counting and character problems")
struct SMSBytesTests {
    @Test("ASCII is 1 byte, Hangul and KS X 1001 symbols 2")
    func basicCounts() {
        #expect(SMSBytes.count("") == 0)
        #expect(SMSBytes.count("abc 123") == 7)
        #expect(SMSBytes.count("홍길동") == 6)
        #expect(SMSBytes.count("★♥※①℃ㅋ·…“”￦") == 22)
    }

    @Test("every line break counts 2 bytes, whatever its form")
    func lineBreaks() {
        #expect(SMSBytes.count("A\nB") == 4)
        #expect(SMSBytes.count("A\r\nB") == 4)
        #expect(SMSBytes.count("A\rB") == 4)
        #expect(SMSText.normalize("A\r\nB\rC\u{2028}D") == "A\nB\nC\nD")
    }

    @Test("problems carry line, column, offset, code point and a suggestion")
    func problemPositions() {
        let problems = SMSBytes.problems(in: "가격 안내\n10,000₩ – 할인•특가\u{00A0}끝😀")
        #expect(problems.map(\.character) == ["₩", "–", "•", "\u{00A0}", "😀"])
        #expect(problems.map(\.line) == [2, 2, 2, 2, 2])
        #expect(problems.map(\.column) == [7, 9, 13, 16, 18])
        #expect(problems.map(\.offset) == [12, 14, 18, 21, 23])
        #expect(problems.map(\.codePoints) == ["U+20A9", "U+2013", "U+2022", "U+00A0", "U+1F600"])
        #expect(problems.map(\.suggestion) == ["￦", "-", "·", " ", nil])
        #expect(problems.map(\.kind) == [.other, .other, .other, .other, .emoji])
        #expect(problems[1].description == "2:9: '–' U+2013 cannot be sent in a text message; use '-'")
        #expect(problems[1].korean.hasPrefix("2행 9열"))
    }

    @Test("em dash, zero-width space, tab and emoji with a variation selector")
    func moreSuggestions() {
        let problems = SMSBytes.problems(in: "a—b\u{200B}c\td♥\u{FE0F}")
        #expect(problems.map(\.suggestion) == ["-", "", " ", "♥"])
        #expect(problems[1].kind == .control)
        #expect(problems[3].kind == .emoji)
    }

    @Test("curly quotes, middle dot, ellipsis and fullwidth won are sendable")
    func sendableLookalikes() {
        #expect(SMSBytes.problems(in: "“안녕” ‘하세요’ · … ￦ ～ ※").isEmpty)
    }

    @Test("every replacement in the suggestion table can itself be sent")
    func replacementsAreSendable() {
        for (value, replacement) in CharacterProblem.replacements {
            #expect(!KSX1001.contains(Unicode.Scalar(value)!), "U+\(String(value, radix: 16))")
            #expect(replacement.unicodeScalars.allSatisfy { SMSBytes.scalarBytes($0) != nil }, "\(replacement)")
        }
    }

    @Test("decomposed Hangul is not a problem: NFC composes it")
    func decomposedHangul() {
        let decomposed = "\u{1112}\u{1161}\u{11AB}"  // 한 as conjoining jamo
        #expect(SMSBytes.problems(in: decomposed).isEmpty)
        #expect(SMSText.normalize(decomposed) == "한")
        #expect(SMSBytes.count(SMSText.normalize(decomposed)) == 2)
    }
}
