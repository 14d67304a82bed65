import Foundation
import Testing
@testable import Messaging

@Suite("Saved templates")
struct OutboxTemplateStoreTests {
    @Test("add, list, edit and delete; bad templates and duplicate names are refused")
    func lifecycle() throws {
        let templates = TemplateStore(store: try makeOutboxStore())
        try templates.add(name: "생일", text: "<<이름>>님 생일 축하드립니다", subject: "생일 축하")
        #expect(throws: MessagingError.templateExists("생일")) {
            try templates.add(name: "생일", text: "x", subject: nil)
        }
        #expect(throws: TemplateError.self) {
            try templates.add(name: "오류", text: "<<생년월일>>님 – 안녕", subject: nil)
        }
        #expect(try templates.list().map(\.name) == ["생일"])
        let edited = try templates.edit(name: "생일", text: "<<이름|고객>>님 축하드려요", subject: nil)
        #expect(edited.text == "<<이름|고객>>님 축하드려요" && edited.subject == "생일 축하")
        #expect(try templates.edit(name: "생일", text: nil, subject: "").subject == nil)
        try templates.delete(name: "생일")
        #expect(throws: MessagingError.templateNotFound("생일")) { try templates.get("생일") }
    }
}
