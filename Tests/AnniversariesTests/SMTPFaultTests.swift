import Anniversaries
import Foundation
import GRDB
import Messaging
import Settings
import Store
import Testing

@Suite("SMTP faults: temporary ones retried with backoff, permanent ones recorded, nothing twice")
struct SMTPFaultTests {
    static func service(_ store: KimbiseoStore, url: String, maxAttempts: Int = 8) throws -> AnniversaryService {
        try AnniversaryService(store: store, settings: testSettings {
            $0.mail.kind = "smtp"
            $0.mail.smtp.url = url
            $0.mail.smtp.timeoutSeconds = 10
            $0.mail.maxAttempts = maxAttempts
            $0.reminders.sendWhenEmpty = true
        })
    }

    static func email(_ store: KimbiseoStore) throws -> (state: String, attempts: Int, next: String, reply: String?) {
        try store.pool.read { db in
            let row = try #require(try Row.fetchOne(
                db, sql: "SELECT state, attempts, next_attempt_at, last_reply FROM email_message"))
            return (row[0], row[1], row[2], row[3])
        }
    }

    static func events(_ store: KimbiseoStore) throws -> [String] {
        try EmailLog.events(store, .init()).map { $0.state + ($0.code.map { " \($0)" } ?? "") }
    }

    @Test("server down: retried with backoff until it is up, then sent once")
    func serverDown() async throws {
        let store = try makeStore()
        try StaffDirectory(store: store).add(name: "홍길동", email: "hong@example.kr")
        let down = try Self.service(store, url: "smtp://127.0.0.1:\(closedPort())")
        let start = kst("2026-05-01 08:00")
        await down.runDue(now: start)
        var email = try Self.email(store)
        #expect(email.state == "pending")
        #expect(email.attempts == 1)
        #expect(email.next == OutboxTime.format(start.addingTimeInterval(60)))
        #expect(down.nextWake(after: start) == start.addingTimeInterval(60))
        // Not due yet: no attempt.
        await down.runDue(now: start.addingTimeInterval(30))
        #expect(try Self.email(store).attempts == 1)
        await down.runDue(now: start.addingTimeInterval(60))
        email = try Self.email(store)
        #expect(email.attempts == 2)
        #expect(email.next == OutboxTime.format(start.addingTimeInterval(180)))

        let peer = try await SMTPPeer.start()
        let up = try Self.service(store, url: peer.url)
        await up.runDue(now: start.addingTimeInterval(180))
        await up.runDue(now: start.addingTimeInterval(600))
        #expect(peer.count == 1)
        #expect(try Self.email(store).state == "sent")
        #expect(try Self.events(store) == ["queued", "sending", "retry temporary", "sending", "retry temporary", "sending", "sent 250"])
        let log = try EmailLog.events(store, .init(newest: true)).last
        #expect(log?.line.contains("hong@example.kr  sent  250") == true)
    }

    @Test("421 and 451 are temporary: retried, and given up after max_attempts")
    func temporaryReplies() async throws {
        let peer = try await SMTPPeer.start()
        for (address, code) in [("close421@example.kr", "421"), ("busy451@example.kr", "451")] {
            let store = try makeStore()
            try StaffDirectory(store: store).add(name: "홍길동", email: address)
            let service = try Self.service(store, url: peer.url, maxAttempts: 2)
            let start = kst("2026-05-01 08:00")
            await service.runDue(now: start)
            var email = try Self.email(store)
            #expect(email.state == "pending")
            #expect(email.reply?.hasPrefix(code) == true)
            await service.runDue(now: start.addingTimeInterval(60))
            email = try Self.email(store)
            #expect(email.state == "failed")
            #expect(email.attempts == 2)
            #expect(try Self.events(store) == ["queued", "sending", "retry \(code)", "sending", "failed \(code)"])
            await service.runDue(now: start.addingTimeInterval(7200))
            #expect(try Self.email(store).attempts == 2)
        }
        #expect(peer.count == 0)
    }

    @Test("550 is permanent: failed at once with the server's reply, never retried")
    func permanent() async throws {
        let peer = try await SMTPPeer.start()
        let store = try makeStore()
        try StaffDirectory(store: store).add(name: "홍길동", email: "reject550@example.kr")
        let service = try Self.service(store, url: peer.url)
        let start = kst("2026-05-01 08:00")
        await service.runDue(now: start)
        let email = try Self.email(store)
        #expect(email.state == "failed")
        #expect(email.attempts == 1)
        #expect(email.reply == "550 5.1.1 No such user here")
        await service.runDue(now: start.addingTimeInterval(3600))
        #expect(try Self.events(store) == ["queued", "sending", "failed 550"])
        #expect(peer.count == 0)
    }

    @Test("no reply after the whole message went out: failed as unknown, never sent again")
    func mayHaveBeenAccepted() async throws {
        let peer = try await SMTPPeer.start()
        let store = try makeStore()
        try StaffDirectory(store: store).add(name: "홍길동", email: "slowdata@example.kr")
        let service = try AnniversaryService(store: store, settings: testSettings {
            $0.mail.kind = "smtp"
            $0.mail.smtp.url = peer.url
            $0.mail.smtp.timeoutSeconds = 2
            $0.reminders.sendWhenEmpty = true
        })
        let start = kst("2026-05-01 08:00")
        await service.runDue(now: start)
        #expect(try Self.email(store).state == "failed")
        #expect(try Self.events(store) == ["queued", "sending", "failed unknown"])
        await service.runDue(now: start.addingTimeInterval(7200))
        #expect(try Self.email(store).attempts == 1)
        #expect(peer.count == 1)
    }

    @Test("an email left sending by a daemon that died is attempted again once its lease runs out")
    func expiredLease() async throws {
        let peer = try await SMTPPeer.start()
        let store = try makeStore()
        try StaffDirectory(store: store).add(name: "홍길동", email: "hong@example.kr")
        let service = try Self.service(store, url: peer.url)
        let start = kst("2026-05-01 08:00")
        #expect(try service.enqueueDigests(day: day("2026-05-01"), now: start) == 1)
        try await store.pool.write { db in
            try db.execute(
                sql: "UPDATE email_message SET state = 'sending', attempts = 1, lease_until = ?",
                arguments: [OutboxTime.format(start.addingTimeInterval(EmailOutbox.leaseSeconds))])
        }
        await service.runDue(now: start.addingTimeInterval(60))
        #expect(peer.count == 0)
        await service.runDue(now: start.addingTimeInterval(EmailOutbox.leaseSeconds))
        #expect(peer.count == 1)
        #expect(try Self.email(store).state == "sent")
        #expect(try Self.email(store).attempts == 2)
    }

    @Test("backoff doubles from a minute up to an hour")
    func backoff() {
        #expect((1...8).map { EmailOutbox.backoff(afterAttempts: $0) } == [60, 120, 240, 480, 960, 1920, 3600, 3600])
    }
}
