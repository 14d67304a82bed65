import Foundation
import KoreanCalendar
import Logging
import Messaging
import Settings
import Store
import Transport

/// The daily schedule `kimbiseo serve` runs: anniversary texts at `anniversaries.send_at`,
/// digests at `reminders.email_at`, and the email outbox whenever something is due.
///
/// The clock is the caller's: ``runDue(now:)`` does what is due at `now` and
/// ``nextWake(after:)`` says when to call it next, so tests (and a wrapper `Service`) decide
/// what time it is. Every step is idempotent — texts are keyed by (customer, kind, occurrence
/// date), digests by (staff member, day) — so calling ``runDue(now:)`` again, from a restarted
/// or a second daemon, or after the clock was set back, sends nothing twice.
///
/// ```swift
/// let service = try AnniversaryService(store: store, settings: settings)
/// while !Task.isCancelled {
///     await service.runDue(now: Date())
///     try await Task.sleep(until: service.nextWake(after: Date()))   // (with a clock conversion)
/// }
/// ```
public final class AnniversaryService: Sendable {
    public let store: KimbiseoStore
    private let state: LockedState
    private let logger: Logger

    /// - Parameter sender: where email goes; default from `mail.kind` (spool or SMTP).
    /// - Throws: ``AnniversaryError/setting(key:problem:)`` for an unusable setting.
    public init(
        store: KimbiseoStore, settings: Settings, sender: (any MailSender)? = nil,
        logger: Logger = Logger(label: "kimbiseo.anniversaries")
    ) throws(AnniversaryError) {
        self.store = store
        self.logger = logger
        state = LockedState(try Configured(store: store, settings: settings, sender: sender, logger: logger))
    }

    /// Applies reloaded settings (SIGHUP). Keeps the current ones when the new ones are unusable.
    /// - Throws: ``AnniversaryError/setting(key:problem:)``.
    public func update(settings: Settings, sender: (any MailSender)? = nil) throws(AnniversaryError) {
        let configured = try Configured(store: store, settings: settings, sender: sender, logger: logger)
        state.set(configured)
    }

    /// Does everything due at `now`: plans and queues the texts of each send day from
    /// `today − catch_up_days` through today whose `send_at` has passed (never older days, and
    /// not when the quiet hours would push them past that window),
    /// queues today's digests once `email_at` has passed, and sends the due emails.
    /// Failures are logged, never thrown: the next call tries again.
    public func runDue(now: Date) async {
        let current = state.get()
        _ = planDueTexts(now: now, current)
        do {
            let today = SeoulTime.calendarDate(of: now)
            if current.emailAt.instant(on: today) <= now {
                try enqueueDigests(day: today, now: now, current)
            }
        } catch {
            logger.error("reminder digests not queued", metadata: ["error": "\(error)"])
        }
        do {
            _ = try await drainEmail(now: now)
        } catch {
            logger.error("email outbox", metadata: ["error": "\(error)"])
        }
    }

    /// When ``runDue(now:)`` has something to do next: the next `send_at` or `email_at`, or the
    /// next email retry — at least a second and at most an hour after `date` (so a changed
    /// clock or an edited card is noticed within the hour).
    public func nextWake(after date: Date) -> Date {
        let current = state.get()
        var wake = date.addingTimeInterval(3600)
        if current.settings.anniversaries.enabled { wake = min(wake, current.sendTime.next(after: date)) }
        wake = min(wake, current.emailAt.next(after: date))
        do {
            if let retry = try current.outbox.nextAttempt() { wake = min(wake, retry) }
        } catch {
            logger.warning("email outbox unreadable", metadata: ["error": "\(error)"])
        }
        return max(wake, date.addingTimeInterval(1))
    }

    /// Plans and queues the texts of every due send day; returns one report per day planned.
    @discardableResult
    public func planDueTexts(now: Date) -> [AnniversaryRunReport] {
        planDueTexts(now: now, state.get())
    }

    private func planDueTexts(now: Date, _ current: Configured) -> [AnniversaryRunReport] {
        guard current.settings.anniversaries.enabled else { return [] }
        let today = SeoulTime.calendarDate(of: now)
        var reports: [AnniversaryRunReport] = []
        let catchUp = max(0, current.settings.anniversaries.catchUpDays)
        for back in stride(from: catchUp, through: 0, by: -1) {
            let day = today.adding(days: -back)
            guard current.planner.sendTime.instant(on: day) <= now else { continue }
            // Late texts would wait for the end of the quiet hours: never past the catch-up window
            // (a greeting due today at 09:00 found at 22:00 is not sent tomorrow morning by default).
            let onTime = SeoulTime.calendarDate(of: current.planner.sendInstant(sendDay: day, now: .distantPast).at)
            let late = SeoulTime.calendarDate(of: current.planner.sendInstant(sendDay: day, now: now).at)
            guard late <= onTime.adding(days: catchUp) else {
                logger.notice("anniversary texts too late to send", metadata: [
                    "day": "\(day)", "would_send": "\(late)", "catch_up_days": "\(catchUp)",
                ])
                continue
            }
            do {
                reports.append(try current.planner.run(day: day, now: now))
            } catch {
                logger.error("anniversary texts not planned", metadata: ["day": "\(day)", "error": "\(error)"])
            }
        }
        return reports
    }

    /// Queues `day`'s digest for every active staff member with an email who has none yet;
    /// none when the digest is empty unless `reminders.send_when_empty`. Returns how many.
    @discardableResult
    public func enqueueDigests(day: SolarDate, now: Date) throws -> Int {
        try enqueueDigests(day: day, now: now, state.get())
    }

    @discardableResult
    private func enqueueDigests(day: SolarDate, now: Date, _ current: Configured) throws -> Int {
        let staff = try StaffDirectory(store: store).list(activeOnly: true).filter { $0.email != nil }
        let done = try store.pool.read { db in
            try Set(Int64.fetchAll(
                db, sql: "SELECT staff_id FROM email_message WHERE digest_date = ? AND staff_id IS NOT NULL",
                arguments: [day.description]))
        }
        let waiting = staff.filter { !done.contains($0.id) }
        guard !waiting.isEmpty else { return 0 }
        let digest = try DigestBuilder(planner: current.planner)
            .build(day: day, daysAhead: current.settings.reminders.daysAhead, now: now)
        guard !digest.isEmpty || current.settings.reminders.sendWhenEmpty else { return 0 }
        let renderer = try current.renderer()
        var queued = 0
        for member in waiting {
            let (subject, text, html) = renderer.render(digest, staffName: member.name)
            let draft = EmailOutbox.Draft(
                kind: "digest", staffID: member.id, digestDate: day.description,
                to: MailAddress(member.email!, name: member.name), subject: subject, text: text, html: html,
                messageID: "digest-\(day)-\(member.id)@\(current.from.domain)")
            if try current.outbox.enqueue(draft, now: now) != nil { queued += 1 }
        }
        logger.info("reminder digests queued", metadata: ["day": "\(day)", "count": "\(queued)"])
        return queued
    }

    /// Sends every due email through the configured sender.
    @discardableResult
    public func drainEmail(now: Date) async throws -> EmailOutbox.DrainReport {
        let current = state.get()
        return try await current.outbox.drain(sender: current.sender, from: current.from, now: now)
    }

    /// Queues a sample digest (today and the next `days_ahead` days, as a staff member would get
    /// it, even when empty) to `address` and sends it at once. Returns the email's final state
    /// (`sent`, `pending` for a retry, `failed`) and the server's reply.
    public func sendTestDigest(to address: String, now: Date) async throws -> (state: String, reply: String?) {
        let current = state.get()
        guard let email = try StaffDirectory.email(address) else {
            throw AnniversaryError.staffField(field: "email", value: address, problem: "is empty")
        }
        let day = SeoulTime.calendarDate(of: now)
        let digest = try DigestBuilder(planner: current.planner)
            .build(day: day, daysAhead: current.settings.reminders.daysAhead, now: now)
        let (subject, text, html) = try current.renderer().render(digest, staffName: "테스트")
        let id = try current.outbox.enqueue(
            EmailOutbox.Draft(
                kind: "test", staffID: nil, digestDate: nil, to: MailAddress(email), subject: "[테스트] " + subject,
                text: text, html: html, messageID: "test-\(UUID().uuidString.lowercased())@\(current.from.domain)"),
            now: now)
        _ = try await current.outbox.drain(sender: current.sender, from: current.from, now: now)
        let stored = try current.outbox.list(limit: 1000).first { $0.id == id }
        return (stored?.state ?? "unknown", stored?.lastReply)
    }

    /// Everything derived from one version of the settings.
    struct Configured: Sendable {
        let settings: Settings
        let planner: AnniversaryPlanner
        let sendTime: DailyTime
        let emailAt: DailyTime
        let outbox: EmailOutbox
        let sender: any MailSender
        let from: MailAddress

        init(store: KimbiseoStore, settings: Settings, sender: (any MailSender)?, logger: Logger) throws(AnniversaryError) {
            self.settings = settings
            planner = try AnniversaryPlanner(store: store, settings: settings, logger: logger)
            sendTime = planner.sendTime
            emailAt = try DailyTime(settings.reminders.emailAt, key: "reminders.email_at")
            outbox = EmailOutbox(store: store, maxAttempts: settings.mail.maxAttempts)
            if let sender { self.sender = sender } else { self.sender = try settings.mail.makeSender() }
            from = try Self.address(settings.mail.from)
        }

        func renderer() throws(AnniversaryError) -> DigestRenderer {
            try DigestRenderer(directory: settings.reminders.templatesDirectory, shopName: settings.sms.shopName)
        }

        /// `kimbiseo@example.kr` or `김비서 <kimbiseo@example.kr>`; a bare address is shown as 김비서.
        static func address(_ text: String) throws(AnniversaryError) -> MailAddress {
            let trimmed = text.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespaces)
            if let open = trimmed.lastIndex(of: "<"), trimmed.hasSuffix(">") {
                let address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
                let name = trimmed[..<open].trimmingCharacters(in: CharacterSet(charactersIn: " \""))
                guard address.contains("@") else { throw .setting(key: "mail.from", problem: "'\(text)' has no address") }
                return MailAddress(address, name: name.isEmpty ? nil : name)
            }
            guard trimmed.contains("@") else { throw .setting(key: "mail.from", problem: "'\(text)' is not an address") }
            return MailAddress(trimmed, name: "김비서")
        }
    }

    /// The current ``Configured``, swapped whole on reload.
    final class LockedState: @unchecked Sendable {
        // @unchecked: `value` is only read and written under `lock`.
        private let lock = NSLock()
        private var value: Configured

        init(_ value: Configured) { self.value = value }
        func get() -> Configured { lock.withLock { value } }
        func set(_ new: Configured) { lock.withLock { value = new } }
    }
}
