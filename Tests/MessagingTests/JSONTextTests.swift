import Foundation
import Testing
@testable import Messaging

@Suite("JSON string literals")
struct JSONTextTests {
    @Test("quotes, backslashes and control characters are escaped; Hangul stays as is")
    func escaping() throws {
        let text = "김비서 \"VIP\"\\ 안내\n\t\r\u{01}\u{1F}끝"
        let quoted = JSONText.quoted(text)
        #expect(quoted == #""김비서 \"VIP\"\\ 안내\n\t\r\u0001\u001f끝""#)
        let decoded = try JSONSerialization.jsonObject(with: Data(quoted.utf8), options: .fragmentsAllowed) as? String
        #expect(decoded == text)
    }

    @Test("append writes the same literal after what is already there, with or without escapes")
    func append() {
        var out = "{\"a\":"
        JSONText.append("홍길동", to: &out)
        out += ",\"b\":"
        JSONText.append("줄\n바꿈 \"인용\"", to: &out)
        #expect(out == #"{"a":"홍길동","b":"줄\n바꿈 \"인용\"""#)
        #expect(JSONText.quoted("") == "\"\"")
    }
}
