import Anniversaries
import Foundation
import GRDB
import KoreanCalendar
import Messaging
import Settings
import Store

/// The repository's folders, found from this file (symbolic links resolved).
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var smsTemplates: String { root.appendingPathComponent("templates/sms").path }
    static var emailTemplates: String { root.appendingPathComponent("templates/email").path }
    static var smtpPeer: String { root.appendingPathComponent("Tests/TransportTests/Peers/smtp_peer.py").path }
}

/// A fresh store with the Messaging and anniversary tables, in its own temporary directory
/// (removed when the test process exits).
func makeStore() throws -> KimbiseoStore {
    let store = try KimbiseoStore.openTemporary(additionalMigrations: MessagingMigrations.all + AnniversaryMigrations.all)
    TemporaryPaths.shared.add(URL(fileURLWithPath: store.path).deletingLastPathComponent().path)
    return store
}

/// Temporary directories the tests made, removed at exit (tests run in parallel, so not before).
final class TemporaryPaths: @unchecked Sendable {
    // @unchecked: `paths` is only touched under `lock`.
    static let shared: TemporaryPaths = {
        atexit { TemporaryPaths.shared.removeAll() }
        return TemporaryPaths()
    }()

    private let lock = NSLock()
    private var paths: [String] = []

    func add(_ path: String) { lock.withLock { paths.append(path) } }

    func removeAll() {
        for path in lock.withLock({ paths }) { try? FileManager.default.removeItem(atPath: path) }
    }
}

/// Settings for tests: the shipped templates, a sender number and 상호, mail to a spool folder.
func testSettings(_ configure: (inout Settings) -> Void = { _ in }) -> Settings {
    var settings = Settings()
    settings.sms.sender = "0212345678"
    settings.sms.shopName = "김비서상사"
    settings.anniversaries.templatesDirectory = Repository.smsTemplates
    settings.reminders.templatesDirectory = Repository.emailTemplates
    settings.mail.spoolDirectory = FileManager.default.temporaryDirectory
        .appendingPathComponent("kimbiseo-mail-\(UUID().uuidString)").path
    TemporaryPaths.shared.add(settings.mail.spoolDirectory)
    settings.mail.from = "김비서 <noreply@kimbiseo.kr>"
    configure(&settings)
    return settings
}

/// A KST instant: `kst("2026-05-01 09:00")`.
func kst(_ text: String) -> Date {
    guard let date = OutboxTime.parseSeoul(text) else { fatalError("bad test time \(text)") }
    return date
}

func day(_ text: String) -> SolarDate {
    guard let date = try? SolarDate(parsing: text) else { fatalError("bad test date \(text)") }
    return date
}

/// Inserts a customer and returns its id.
@discardableResult
func addCustomer(
    _ store: KimbiseoStore, name: String, mobile: String? = "010-1234-5678", birthday: AnniversaryDate? = nil,
    wedding: AnniversaryDate? = nil, group: String? = nil, grade: String? = nil, textsEnabled: Bool = true,
    optedOut: String? = nil
) throws -> Int64 {
    try store.pool.write { db in
        func category(_ table: String, _ name: String?) throws -> Int64? {
            guard let name else { return nil }
            try db.execute(sql: "INSERT OR IGNORE INTO \(table) (name) VALUES (?)", arguments: [name])
            return try Int64.fetchOne(db, sql: "SELECT id FROM \(table) WHERE name = ?", arguments: [name])
        }
        let digits = mobile.map { PhoneNumber.normalize($0) ?? $0 }
        try db.execute(
            sql: """
                INSERT INTO customer (name, mobile, group_id, grade_id, birthday_calendar, birthday_year, birthday_month,
                    birthday_day, wedding_calendar, wedding_year, wedding_month, wedding_day, anniversary_texts_enabled,
                    opted_out_date)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                name, digits, try category("customer_group", group), try category("customer_grade", grade),
                birthday?.calendar.rawValue, birthday?.year, birthday?.month, birthday?.day,
                wedding?.calendar.rawValue, wedding?.year, wedding?.month, wedding?.day, textsEnabled, optedOut,
            ])
        return db.lastInsertedRowID
    }
}

func lunar(_ month: Int, _ day: Int, year: Int? = nil) -> AnniversaryDate {
    AnniversaryDate(calendar: .lunar, year: year, month: month, day: day)
}

func leapLunar(_ month: Int, _ day: Int, year: Int? = nil) -> AnniversaryDate {
    AnniversaryDate(calendar: .lunarLeap, year: year, month: month, day: day)
}

func solar(_ month: Int, _ day: Int, year: Int? = nil) -> AnniversaryDate {
    AnniversaryDate(calendar: .solar, year: year, month: month, day: day)
}

/// Rows of the outbox for anniversary texts: (customer, phone, state, not_before).
func anniversaryMessages(_ store: KimbiseoStore) throws -> [(customer: Int64, state: String, notBefore: String, text: String)] {
    try store.pool.read { db in
        try Row.fetchAll(
            db,
            sql: """
                SELECT m.customer_id, m.state, m.not_before, m.text FROM message m
                JOIN campaign c ON c.id = m.campaign_id WHERE c.kind = 'anniversary' ORDER BY m.id
                """
        ).map { ($0[0], $0[1], $0[2], $0[3]) }
    }
}
