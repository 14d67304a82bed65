import Foundation
import GRDB
import Messaging
import Settings
import Store
import Transport

/// `kimbiseo gateway check`: the pre-flight a campaign needs before it starts.
///
/// | Item | How |
/// |---|---|
/// | `reachable` | the balance call got an HTTP answer (not a refused connection, DNS or TLS failure) |
/// | `credentials` | the gateway did not refuse the key (Aligo -101, Solapi 401/403) |
/// | `sender` | `sms.sender` is set, and no message of this gateway is held back by a "sender not registered" answer (Aligo -302, Solapi 1062) — neither API lists registered numbers |
/// | `balance` | the balance covers the pending messages at `price_sms`/`price_lms` (Aligo: the `/remain/` counts) |
///
/// The spool gateway always passes (its directory must be creatable).
public struct GatewayCheck: Sendable {
    /// One line of the check.
    public struct Item: Sendable, Hashable, Codable {
        public var name: String
        public var ok: Bool
        public var detail: String
    }

    /// The whole check.
    public struct Report: Sendable, Hashable, Codable {
        public var gateway: String
        public var ok: Bool
        public var items: [Item]
        public var pendingSMS: Int
        public var pendingLMS: Int
        /// Won, at the configured prices.
        public var pendingCost: Double
        public var balance: GatewayBalance?
    }

    public let settings: SMSSettings
    public let store: KimbiseoStore?
    public let client: HTTPClient?
    let environment: [String: String]

    public init(settings: SMSSettings, store: KimbiseoStore?, client: HTTPClient? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.settings = settings; self.store = store; self.client = client; self.environment = environment
    }

    /// Runs every item; never throws (a failure is an item that is not ok).
    public func run() async -> Report {
        let kind = settings.gateway.kind
        let (sms, lms) = (try? pendingCounts()) ?? (0, 0)
        let cost = Double(sms) * settings.gateway.priceSMS + Double(lms) * settings.gateway.priceLMS
        var report = Report(gateway: kind, ok: true, items: [], pendingSMS: sms, pendingLMS: lms, pendingCost: cost)
        func add(_ name: String, _ ok: Bool, _ detail: String) {
            report.items.append(Item(name: name, ok: ok, detail: detail))
            if !ok { report.ok = false }
        }
        if kind == "spool" {
            let directory = settings.gateway.spoolDirectory
            let ok = (try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)) != nil
            add("spool", ok, ok ? "\(directory)에 기록 (실제 발송 없음)" : "\(directory)를 만들 수 없음")
            return report
        }
        let gateway: any ClassifyingGateway & GatewayStatusSource
        do {
            gateway = try GatewayFactory.makeClassifying(settings: settings.gateway, client: client, environment: environment)
        } catch {
            add("credentials", false, "\(error)")
            return report
        }
        guard let account = gateway as? any GatewayAccount else {
            add("reachable", true, "이 게이트웨이는 잔액 API가 없어 확인하지 않음")
            checkSender(add)
            return report
        }
        do {
            let balance = try await account.balance()
            report.balance = balance
            add("reachable", true, "\(settings.gateway.baseURL ?? kind) 응답 확인")
            add("credentials", true, "인증 성공")
            checkSender(add)
            if let won = balance.won {
                add("balance", won >= cost, String(format: "잔액 %.0f원, 대기 중 SMS %d건 + LMS %d건 예상 비용 %.0f원", won, sms, lms, cost))
            } else {
                let smsLeft = balance.messages["SMS"] ?? 0
                let lmsLeft = balance.messages["LMS"] ?? 0
                let share = (smsLeft > 0 ? Double(sms) / Double(smsLeft) : (sms > 0 ? 2 : 0))
                    + (lmsLeft > 0 ? Double(lms) / Double(lmsLeft) : (lms > 0 ? 2 : 0))
                add("balance", share <= 1, "발송 가능 SMS \(smsLeft)건 / LMS \(lmsLeft)건, 대기 중 SMS \(sms)건 + LMS \(lms)건")
            }
        } catch let error as GatewayQueryError {
            add("reachable", error.isAccountProblem, error.isAccountProblem ? "응답 있음" : "연결 실패: \(error.problem)")
            add("credentials", false, error.isAccountProblem ? "인증 거부: \(error.problem)" : "확인 못 함")
        } catch {
            add("reachable", false, "\(error)")
        }
        return report
    }

    func checkSender(_ add: (String, Bool, String) -> Void) {
        guard let sender = settings.sender, !sender.isEmpty else {
            add("sender", false, "sms.sender가 설정되지 않음")
            return
        }
        let refused = (try? store?.pool.read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM message WHERE gateway = ? AND state = 'pending' AND last_code IN ('-302', '1062', '2062')
                """, arguments: [settings.gateway.kind])
        }) ?? 0
        if refused > 0 {
            add("sender", false, "발신번호 \(sender)가 게이트웨이에서 미등록으로 거부됨 (대기 \(refused)건)")
        } else {
            add("sender", true, "발신번호 \(sender) (거부 기록 없음)")
        }
    }

    /// Pending and held messages by type.
    func pendingCounts() throws -> (sms: Int, lms: Int) {
        guard let store else { return (0, 0) }
        return try store.pool.read { db in
            var sms = 0, lms = 0
            for row in try Row.fetchAll(db, sql: "SELECT type, COUNT(*) FROM message WHERE state IN ('pending', 'held') GROUP BY type") {
                let type: String = row[0]
                if type == "SMS" { sms = row[1] } else { lms += row[1] as Int }
            }
            return (sms, lms)
        }
    }
}
