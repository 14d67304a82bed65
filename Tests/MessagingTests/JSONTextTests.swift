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
}
