import Testing
@testable import Interchange
import Store

@Suite("Cell keywords")
struct KeywordsTests {
    let calendars = Keywords<String>(["양력": "solar", "lunar-leap": "leap", "s": "solar"])

    @Test("a word matches byte for byte, ASCII letters in any case")
    func matches() {
        #expect(calendars.value(of: "양력") == "solar")
        #expect(calendars.value(of: "LUNAR-Leap") == "leap")
        #expect(calendars.value(of: "S") == "solar")
    }

    @Test("other words, prefixes and longer words do not match")
    func misses() {
        #expect(calendars.value(of: "양") == nil)
        #expect(calendars.value(of: "양력 ") == nil)
        #expect(calendars.value(of: "lunar") == nil)
        #expect(calendars.value(of: "") == nil)
    }

    @Test("the importer's words still read as before", arguments: [
        ("여성", Gender.female), ("M", .male), ("Male", .male), ("남", .male), ("F", .female),
    ])
    func genders(text: String, expected: Gender) throws {
        #expect(try FieldParser(today: "2026-11-29").gender(text) == expected)
    }

    @Test("yes/no answers", arguments: [("Y", true), ("동의", true), ("미동의", false), ("FALSE", false)])
    func answers(text: String, expected: Bool) {
        #expect(FieldParser.yesNo(text) == expected)
    }

    @Test("NFC stability is judged per scalar", arguments: [
        ("김비서 Kim", true), ("\u{1112}\u{1161}\u{11AB}", false), ("e\u{301}", false), ("café", true), ("😀", false),
    ])
    func nfcStable(text: String, stable: Bool) {
        #expect(TextNormalization.isNFCStable(text) == stable)
    }
}
