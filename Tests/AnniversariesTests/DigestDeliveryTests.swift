import Anniversaries
import Foundation
import GRDB
import Messaging
import Settings
import Store
import Testing

@Suite("The daily digest through a real SMTP server on loopback")
struct DigestDeliveryTests {
    static func smtpSettings(_ peer: SMTPPeer) -> Settings {
        testSettings {
            $0.mail.kind = "smtp"
            $0.mail.smtp.url = peer.url
            $0.mail.smtp.timeoutSeconds = 10
        }
    }

    @Test("at email_at each staff member gets one multipart Korean digest, once")
    func digest() async throws {
        let peer = try await SMTPPeer.start()
        let store = try makeStore()
        try addCustomer(store, name: "김영희", birthday: lunar(3, 15, year: 1970), group: "VIP", grade: "골드")
        try addCustomer(store, name: "이철수", mobile: "010-2222-3333", wedding: solar(5, 3, year: 2014))
        try addCustomer(store, name: "박무번", mobile: nil, birthday: solar(5, 2))
        let staff = StaffDirectory(store: store)
        try staff.add(name: "홍길동", email: "hong@example.kr", phone: "010-9999-8888")
        try staff.add(name: "퇴사자", email: "gone@example.kr")
        try staff.edit(2, StaffChange(active: false))
        try staff.add(name: "메일없음")
        let service = try AnniversaryService(store: store, settings: Self.smtpSettings(peer))

        await service.runDue(now: kst("2026-05-01 07:59"))
        #expect(peer.count == 0)
        await service.runDue(now: kst("2026-05-01 08:00"))
        await service.runDue(now: kst("2026-05-01 08:30"))
        #expect(peer.count == 1)

        let mail = try peer.parsed(1)
        #expect(mail["subject"] as? String == "[김비서] 2026-05-01 (금) 기념일 알림 - 오늘 1건, 다가오는 2건")
        #expect(mail["to"] as? [String] == ["hong@example.kr"])
        #expect(mail["from_display_name"] as? String == "김비서")
        #expect(mail["content_type"] as? String == "multipart/alternative")
        #expect(mail["message_id"] as? String == "<digest-2026-05-01-1@kimbiseo.kr>")
        let parts = try #require(mail["parts"] as? [[String: Any]])
        #expect(parts.map { $0["content_type"] as? String } == ["text/plain", "text/html"])
        let text = try #require(parts.first?["content"] as? String)
        let html = try #require(parts.last?["content"] as? String)
        #expect(text.contains("홍길동님, 안녕하세요."))
        #expect(text.contains("- 김영희 (C000001) 생일 · 56세 · 음력 3월 15일 → 2026-05-01"))
        #expect(text.contains("전화 010-1234-5678 · 그룹 VIP · 등급 골드"))
        #expect(text.contains("문자: 김영희님, 생일 축하드립니다!"))
        #expect(text.contains("2026-05-03 (일) 이철수 (C000002) 결혼기념일 · 결혼 12주년"))
        #expect(text.contains("■ 기념일 문자를 보내지 못한 고객"))
        #expect(text.contains("2026-05-02 (토) 박무번 (C000003) 생일: 휴대폰 번호 없음"))
        #expect(html.contains("<b>김영희</b>"))
        #expect(html.contains("음력 3월 15일 → 2026-05-01"))
        #expect(html.contains("<li>2026-05-02 (토) <b>박무번</b>"))

        // Another daemon, later the same day: no second digest.
        let again = try AnniversaryService(store: store, settings: Self.smtpSettings(peer))
        await again.runDue(now: kst("2026-05-01 12:00"))
        #expect(peer.count == 1)
        let states = try await store.pool.read { db in try String.fetchAll(db, sql: "SELECT state FROM email_message") }
        #expect(states == ["sent"])
    }

    @Test("nothing to say: no digest unless send_when_empty")
    func empty() async throws {
        let store = try makeStore()
        try StaffDirectory(store: store).add(name: "홍길동", email: "hong@example.kr")
        let quiet = try AnniversaryService(store: store, settings: testSettings())
        #expect(try quiet.enqueueDigests(day: day("2026-05-01"), now: kst("2026-05-01 08:00")) == 0)
        let settings = testSettings { $0.reminders.sendWhenEmpty = true }
        let chatty = try AnniversaryService(store: store, settings: settings)
        await chatty.runDue(now: kst("2026-05-01 08:00"))
        let files = try FileManager.default.contentsOfDirectory(atPath: settings.mail.spoolDirectory)
        #expect(files == ["digest-2026-05-01-1@kimbiseo.kr.eml"])
        let eml = try String(contentsOfFile: settings.mail.spoolDirectory + "/" + files[0], encoding: .utf8)
        #expect(eml.contains("Subject: =?UTF-8?B?"))
        #expect(eml.contains("multipart/alternative"))
    }
}
