import Foundation
import Testing

@testable import Messaging

@Suite("Default templates in templates/sms")
struct DefaultTemplatesTests {
    static let directory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("templates/sms")

    let context = RenderContext(shopName: "김비서상사", today: "9월 25일")

    func compose(_ file: String, name: String) throws -> ComposedMessage {
        let template = try MessageTemplate.load(path: Self.directory.appendingPathComponent(file).path)
        return try MessageComposer(template: template, context: context, defaultSubject: "안내")
            .compose(RecipientFields(name: name))
    }

    @Test("birthday and wedding texts are SMS for a four-syllable name", arguments: ["birthday.txt", "wedding.txt"])
    func smsTemplates(file: String) throws {
        let message = try compose(file, name: "남궁민수")
        #expect(message.classification.kind == .sms)
        #expect((message.classification.bytes ?? 0) <= 90)
    }

    @Test("the seasonal greeting is an LMS with its own subject")
    func seasonal() throws {
        let message = try compose("seasonal.txt", name: "홍길동")
        guard case let .lms(subject, text, _) = message.classification else {
            Issue.record("\(message)")
            return
        }
        #expect(subject == "풍성한 한가위 보내세요")
        #expect(text.hasPrefix("홍길동님, 안녕하세요. 김비서상사입니다."))
        #expect(text.hasSuffix("김비서상사 올림"))
    }
}
