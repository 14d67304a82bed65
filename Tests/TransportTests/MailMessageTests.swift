import Foundation
import Testing
import Transport

@Suite("RFC 5322 rendering of MailMessage")
struct MailMessageTests {
    static let date = Date(timeIntervalSince1970: 1_795_909_552)  // 2026-11-29 08:45:52 KST

    static func render(_ message: MailMessage) throws -> String {
        String(decoding: try message.rendered(), as: UTF8.self)
    }

    static func header(_ name: String, in text: String) -> String? {
        let head = text.components(separatedBy: "\r\n\r\n")[0].replacingOccurrences(of: "\r\n ", with: " ")
        return head.components(separatedBy: "\r\n").first { $0.hasPrefix("\(name): ") }
            .map { String($0.dropFirst(name.count + 2)) }
    }

    /// Decodes a run of `=?UTF-8?B?…?=` words (separated by folding whitespace).
    static func decodeWords(_ value: String) -> String {
        let words = value.split(whereSeparator: { $0 == " " || $0 == "\r" || $0 == "\n" })
        var bytes = Data()
        for word in words {
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            let payload = word.dropFirst(10).dropLast(2)
            bytes.append(Data(base64Encoded: String(payload)) ?? Data())
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("Date is RFC 5322 in KST")
    func dateInKST() throws {
        var message = MailMessage(
            from: MailAddress("a@example.kr"), to: [MailAddress("b@example.kr")], subject: "x", text: "y",
            date: Self.date)
        #expect(Self.header("Date", in: try Self.render(message)) == "Sun, 29 Nov 2026 08:45:52 +0900")
        message.date = Date(timeIntervalSince1970: 1_767_193_200)  // 2025-12-31 15:00 UTC
        #expect(Self.header("Date", in: try Self.render(message)) == "Thu, 01 Jan 2026 00:00:00 +0900")
    }

    @Test("a long Hangul subject: encoded words ≤ 75 chars, lines ≤ 78, each word valid UTF-8")
    func longSubject() throws {
        let subject = "[김비서] 오늘의 기념일 안내: 홍길동 고객님 생신(음력 3월 15일) 외 12건 🎂🎉 — 잊지 마세요!"
        let text = try Self.render(
            MailMessage(
                from: MailAddress("a@example.kr"), to: [MailAddress("b@example.kr")], subject: subject, text: "본문",
                date: Self.date))
        let head = text.components(separatedBy: "\r\n\r\n")[0]
        let subjectLines = head.components(separatedBy: "\r\n").drop { !$0.hasPrefix("Subject:") }
            .prefix { $0.hasPrefix("Subject:") || $0.hasPrefix(" ") }
        #expect(subjectLines.count > 1)
        for line in subjectLines {
            #expect(line.count <= 78, "line too long: \(line)")
        }
        let value = Self.header("Subject", in: text)!
        for word in value.split(separator: " ") {
            #expect(word.count <= 75)
            let payload = Data(base64Encoded: String(word.dropFirst(10).dropLast(2)))!
            #expect(String(validating: payload, as: UTF8.self) != nil, "word splits a character: \(word)")
        }
        #expect(Self.decodeWords(value) == subject)
    }

    @Test("a plain ASCII subject stays readable")
    func asciiSubject() throws {
        let text = try Self.render(
            MailMessage(
                from: MailAddress("a@example.kr"), to: [MailAddress("b@example.kr")], subject: "Daily digest", text: "y"
            ))
        #expect(Self.header("Subject", in: text) == "Daily digest")
    }

    @Test("display names: Hangul as an encoded word, ASCII quoted")
    func displayNames() throws {
        var message = MailMessage(
            from: MailAddress("noreply@kimbiseo.kr", name: "김비서"),
            to: [MailAddress("staff@example.kr", name: "Hong \"GD\""), MailAddress("b@example.kr")],
            subject: "x", text: "y")
        message.cc = [MailAddress("c@example.kr", name: "박 과장")]
        let text = try Self.render(message)
        #expect(Self.header("From", in: text) == "=?UTF-8?B?6rmA67mE7ISc?= <noreply@kimbiseo.kr>")
        #expect(Self.header("To", in: text) == #""Hong \"GD\"" <staff@example.kr>, b@example.kr"#)
        #expect(Self.header("Cc", in: text)?.hasSuffix(" <c@example.kr>") == true)
        #expect(message.envelopeRecipients == ["staff@example.kr", "b@example.kr", "c@example.kr"])
    }

    @Test("multipart/alternative with base64 UTF-8 parts in 76-char CRLF lines")
    func multipartStructure() throws {
        let body = String(repeating: "안녕하세요, 홍길동님. 오늘은 고객 세 분의 생일입니다.\n", count: 10)
        var message = MailMessage(
            from: MailAddress("a@example.kr"), to: [MailAddress("b@example.kr")], subject: "x", text: body,
            html: "<p>\(body)</p>", date: Self.date, messageID: "digest-1@kimbiseo.kr")
        message.bcc = [MailAddress("audit@example.kr")]
        let data = try message.rendered()
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "bare LF")
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.count <= 78 })
        #expect(Self.header("Message-ID", in: text) == "<digest-1@kimbiseo.kr>")
        #expect(Self.header("MIME-Version", in: text) == "1.0")
        #expect(Self.header("Bcc", in: text) == nil)
        let contentType = try #require(Self.header("Content-Type", in: text))
        #expect(contentType.hasPrefix("multipart/alternative; boundary=\"=_kimbiseo_"))
        #expect(
            text.components(separatedBy: "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64")
                .count == 2)
        #expect(
            text.components(separatedBy: "Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64")
                .count == 2)
        #expect(text.hasSuffix("--\r\n"))
        // The text part decodes to the body with CRLF line breaks.
        let plainPart = text.components(
            separatedBy: "text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n")[1]
            .components(separatedBy: "\r\n--")[0]
        let lines = plainPart.components(separatedBy: "\r\n")
        #expect(lines.dropLast().allSatisfy { $0.count == 76 })
        let decoded = String(decoding: Data(base64Encoded: lines.joined())!, as: UTF8.self)
        #expect(decoded == body.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    @Test("decomposed Hangul (NFD) is sent composed (NFC)")
    func nfc() throws {
        let decomposed = "홍길동".decomposedStringWithCanonicalMapping
        #expect(decomposed.unicodeScalars.count == 9)
        let text = try Self.render(
            MailMessage(
                from: MailAddress("a@example.kr"), to: [MailAddress("b@example.kr")], subject: decomposed, text: "y"))
        let subject = Self.decodeWords(Self.header("Subject", in: text)!)
        #expect(subject.unicodeScalars.count == 3)
    }

    @Test("invalid addresses and headers are refused with the field named")
    func invalidInput() throws {
        let good = MailAddress("a@example.kr")
        #expect(
            throws: MailError.invalidAddress(
                field: "To", value: "홍길동@example.kr", reason: "only printable ASCII without spaces is supported")
        ) {
            try MailMessage(from: good, to: [MailAddress("홍길동@example.kr")], subject: "x", text: "y").rendered()
        }
        #expect(throws: MailError.noRecipients) {
            try MailMessage(from: good, to: [], subject: "x", text: "y").rendered()
        }
        var message = MailMessage(from: good, to: [good], subject: "x", text: "y")
        message.extraHeaders = [("Subject", "again")]
        #expect(throws: MailError.invalidHeader(name: "Subject")) { try message.rendered() }
        #expect(throws: MailError.self) {
            try MailMessage(from: MailAddress("no-at-sign"), to: [good], subject: "x", text: "y").rendered()
        }
    }
}
