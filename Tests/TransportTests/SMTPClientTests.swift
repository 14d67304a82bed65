import Foundation
import Testing
import Transport

@Suite("SMTP delivery to a loopback aiosmtpd")
struct SMTPClientTests {
    /// A peer storing mail in its own temporary directory, removed with the peer.
    final class Peer: Sendable {
        let process: PeerProcess
        let maildir: URL

        init(process: PeerProcess, maildir: URL) {
            self.process = process
            self.maildir = maildir
        }

        deinit {
            try? FileManager.default.removeItem(at: maildir)
        }
        var url: String { "smtp://127.0.0.1:\(process.port())" }

        static func start(auth: String? = nil, starttls: Bool = false) async throws -> Peer {
            let maildir = try makeTemporaryDirectory()
            let arguments = [maildir.path] + (auth.map { ["--auth", $0] } ?? []) + (starttls ? ["--starttls"] : [])
            let process = try await PeerProcess.start(
                "smtp_peer.py", arguments: arguments, expecting: starttls ? ["PORT", "CA_FILE"] : ["PORT"])
            return Peer(process: process, maildir: maildir)
        }

        /// What the peer's `email` parser made of message `number`.
        func parsed(_ number: Int) throws -> [String: Any] {
            let data = try Data(contentsOf: maildir.appendingPathComponent("\(number).json"))
            return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        }

        var storedCount: Int {
            ((try? FileManager.default.contentsOfDirectory(atPath: maildir.path)) ?? [])
                .filter { $0.hasSuffix(".eml") }.count
        }
    }

    static func client(_ url: String, username: String? = nil, password: String? = nil) -> SMTPClient {
        var configuration = SMTPConfiguration(url: url, starttls: false, username: username, password: password)
        configuration.timeout = .seconds(10)
        return SMTPClient(configuration: configuration)
    }

    static func digest(to recipient: String = "staff@example.kr") -> MailMessage {
        MailMessage(
            from: MailAddress("noreply@kimbiseo.kr", name: "김비서"),
            to: [MailAddress(recipient, name: "홍길동")],
            subject: "[김비서] 오늘의 기념일 3건 — 홍길동 고객님 생신(음력 3월 15일) 외 2건 🎂",
            text: "안녕하세요, 홍길동님.\n오늘 생일인 고객: 김영희(010-****-5678)\n.\n점 하나뿐인 줄도 그대로.",
            html: "<p>안녕하세요, <b>홍길동</b>님.</p><ul><li>김영희 — 생일</li></ul>",
            date: Date(timeIntervalSince1970: 1_795_909_552), messageID: "digest-2026-11-29-1@kimbiseo.kr")
    }

    static func failure(_ client: SMTPClient, _ message: MailMessage) async -> SMTPError? {
        do {
            let receipt = try await client.send(message)
            Issue.record("expected an SMTP error, got \(receipt)")
            return nil
        } catch {
            return error
        }
    }

    @Test("a MIME digest arrives: decoded subject, names, both parts and the Korean body")
    func delivery() async throws {
        let peer = try await Peer.start()
        let mail = Self.digest()
        let receipt = try await Self.client(peer.url).send(mail)
        #expect(receipt.replyCode == 250)
        #expect(receipt.replyText.contains("queued as K1"))

        let parsed = try peer.parsed(1)
        #expect(parsed["subject"] as? String == mail.subject)
        #expect(parsed["from_display_name"] as? String == "김비서")
        #expect(parsed["from_address"] as? String == "noreply@kimbiseo.kr")
        #expect(parsed["to"] as? [String] == ["staff@example.kr"])
        #expect(parsed["mail_from"] as? String == "noreply@kimbiseo.kr")
        #expect(parsed["rcpt_tos"] as? [String] == ["staff@example.kr"])
        #expect(parsed["message_id"] as? String == "<digest-2026-11-29-1@kimbiseo.kr>")
        #expect(parsed["date_parsed"] as? String == "2026-11-29T08:45:52+09:00")
        #expect(parsed["content_type"] as? String == "multipart/alternative")
        #expect(parsed["bare_lf"] as? Bool == false)
        #expect((parsed["max_line_length"] as? Int ?? 999) <= 78)
        #expect((parsed["defects"] as? [String])?.isEmpty == true)
        let parts = try #require(parsed["parts"] as? [[String: Any]])
        #expect(parts.map { $0["content_type"] as? String } == ["text/plain", "text/html"])
        #expect(parts.allSatisfy { $0["charset"] as? String == "utf-8" })
        #expect(parts.allSatisfy { $0["transfer_encoding"] as? String == "base64" })
        let expectedText = mail.text.replacingOccurrences(of: "\n", with: "\r\n")
        // Python's email package turns CRLF into LF when decoding text parts.
        let plain = (parts[0]["content"] as? String)?.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(plain == expectedText.replacingOccurrences(of: "\r\n", with: "\n"))
        #expect((parts[1]["content"] as? String)?.contains("<b>홍길동</b>님") == true)
    }

    @Test("two messages in a row both arrive (connection reuse)")
    func twoMessages() async throws {
        let peer = try await Peer.start()
        let client = Self.client(peer.url)
        _ = try await client.send(Self.digest())
        let second = try await client.send(Self.digest(to: "other@example.kr"))
        #expect(second.replyText.contains("queued as K2"))
        #expect(try peer.parsed(2)["rcpt_tos"] as? [String] == ["other@example.kr"])
    }

    @Test("421 at RCPT: temporary, with the server's reply")
    func reply421() async throws {
        let peer = try await Peer.start()
        let error = await Self.failure(Self.client(peer.url), Self.digest(to: "close421@example.kr"))
        #expect(error?.isTemporary == true)
        #expect(error?.replyCode == 421)
        #expect(error?.replyText == "421 4.3.2 Service shutting down")
        #expect(error?.messageMayHaveBeenAccepted == false)
        #expect(peer.storedCount == 0)
    }

    @Test("451 after DATA: temporary, not accepted")
    func reply451() async throws {
        let peer = try await Peer.start()
        let error = await Self.failure(Self.client(peer.url), Self.digest(to: "busy451@example.kr"))
        #expect(error?.isTemporary == true)
        #expect(error?.replyCode == 451)
        #expect(error?.replyText == "451 4.3.0 Mailbox busy, try again later")
        #expect(error?.messageMayHaveBeenAccepted == false)
        #expect(peer.storedCount == 0)
    }

    @Test("no reply after the whole message was sent: temporary, and it may have been accepted")
    func timeoutAfterData() async throws {
        let peer = try await Peer.start()
        var configuration = SMTPConfiguration(url: peer.url, starttls: false)
        configuration.timeout = .milliseconds(2500)
        let error = await Self.failure(SMTPClient(configuration: configuration), Self.digest(to: "slowdata@example.kr"))
        #expect(error?.isTemporary == true)
        #expect(error?.curlCode == 28)  // CURLE_OPERATION_TIMEDOUT
        #expect(error?.messageMayHaveBeenAccepted == true)
        #expect(peer.storedCount == 1)
    }

    @Test("550 at RCPT: permanent, with the server's reply")
    func reply550() async throws {
        let peer = try await Peer.start()
        let error = await Self.failure(Self.client(peer.url), Self.digest(to: "reject550@example.kr"))
        #expect(error?.isPermanent == true)
        #expect(error?.replyCode == 550)
        #expect(error?.replyText == "550 5.1.1 No such user here")
        #expect(peer.storedCount == 0)
    }

    @Test("server down: temporary, nothing sent")
    func serverDown() async throws {
        let peer = try await PeerProcess.start("http_peer.py", expecting: ["CLOSED_PORT"])
        let error = await Self.failure(
            Self.client("smtp://127.0.0.1:\(peer.port("CLOSED_PORT"))"), Self.digest())
        #expect(error?.isTemporary == true)
        #expect(error?.replyCode == nil)
        #expect(error?.curlCode == 7)
        #expect(error?.messageMayHaveBeenAccepted == false)
    }

    @Test("AUTH: right password delivers, wrong one fails permanently with 535")
    func authentication() async throws {
        let peer = try await Peer.start(auth: "kimbiseo:비밀-pw")
        _ = try await Self.client(peer.url, username: "kimbiseo", password: "비밀-pw").send(Self.digest())
        #expect(peer.storedCount == 1)
        let error = await Self.failure(
            Self.client(peer.url, username: "kimbiseo", password: "wrong"), Self.digest())
        #expect(error?.isPermanent == true, "\(String(describing: error))")
        #expect(error?.replyCode == 535)
        #expect(peer.storedCount == 1)
    }

    @Test("STARTTLS required but not offered: permanent, nothing sent")
    func starttlsRequired() async throws {
        let peer = try await Peer.start()
        let client = SMTPClient(configuration: SMTPConfiguration(url: peer.url, starttls: true))
        let error = await Self.failure(client, Self.digest())
        #expect(error?.isPermanent == true)
        #expect(error?.curlCode == 64)  // CURLE_USE_SSL_FAILED
        #expect(peer.storedCount == 0)
    }

    @Test("STARTTLS with a trusted CA and AUTH delivers; an untrusted certificate fails permanently")
    func starttlsDelivery() async throws {
        let peer = try await Peer.start(auth: "kimbiseo:pw", starttls: true)
        var configuration = SMTPConfiguration(url: peer.url, starttls: true, username: "kimbiseo", password: "pw")
        configuration.caBundlePath = peer.process.values["CA_FILE"]
        _ = try await SMTPClient(configuration: configuration).send(Self.digest())
        #expect(try peer.parsed(1)["subject"] as? String == Self.digest().subject)

        configuration.caBundlePath = nil
        let error = await Self.failure(SMTPClient(configuration: configuration), Self.digest())
        #expect(error?.isPermanent == true)
        #expect(error?.curlCode == 60)  // CURLE_PEER_FAILED_VERIFICATION
        #expect(peer.storedCount == 1)
    }
}
