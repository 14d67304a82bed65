import Foundation
import GRDB
import Gateways
import Logging
import Messaging
import Settings
import Store
import Transport

/// One running Python fake (Tests/Fakes), on loopback, port 0, in its own state directory.
final class GatewayFake: @unchecked Sendable {
    enum Kind: String, Sendable, CaseIterable { case aligo, solapi }

    let kind: Kind
    let port: Int
    let stateDirectory: String
    private let process: Process

    /// Tests/Fakes, found from this file's path.
    static let fakesDirectory: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fakes").path
    }()

    /// Starts a fake and waits for its port line. The blocking work (reading the pipe, waiting
    /// for the process) runs on a Dispatch thread so that Swift's cooperative pool, which the
    /// other tests share, is never blocked.
    static func start(_ kind: Kind, extraArguments: [String] = []) async throws -> GatewayFake {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try GatewayFake(kind, extraArguments: extraArguments) })
            }
        }
    }

    private init(_ kind: Kind, extraArguments: [String]) throws {
        self.kind = kind
        stateDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("kimbiseo-fake-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "\(Self.fakesDirectory)/\(kind.rawValue)_fake.py", "--state-dir", stateDirectory] + extraArguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first stdout line is {"port": N}.
        var line = Data()
        while true {
            let byte = pipe.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        guard let object = try JSONSerialization.jsonObject(with: line) as? [String: Any], let port = object["port"] as? Int else {
            process.terminate()
            throw FakeError.noPort(String(decoding: line, as: UTF8.self))
        }
        self.port = port
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// SIGTERM, then SIGKILL when the fake still waits for a keep-alive connection after a
    /// second; returns once it exited (waiting on a Dispatch thread).
    func stop() async {
        let process = self.process
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                if process.isRunning {
                    process.terminate()
                    for _ in 0..<20 where process.isRunning { usleep(50_000) }
                    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                    process.waitUntilExit()
                }
                continuation.resume()
            }
        }
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    enum FakeError: Error { case noPort(String), control(String) }

    /// `POST /__control` with a JSON object.
    func control(_ object: [String: Any], client: HTTPClient) async throws {
        let body = try JSONSerialization.data(withJSONObject: object)
        let response = try await client.send(HTTPRequest(
            method: .post, url: baseURL + "/__control", headers: ["Content-Type": "application/json"], body: body))
        guard response.status == 200 else { throw FakeError.control(response.text) }
    }

    /// Receivers of every accepted record (`DIR/accepted.jsonl`), in order.
    func acceptedReceivers() throws -> [String] {
        let path = stateDirectory + "/accepted.jsonl"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["receiver"] as? String
        }
    }

    /// Settings pointing a gateway of this kind at the fake.
    func settings(timeout: Double = 2) -> SMSSettings {
        var sms = SMSSettings()
        sms.sender = "0212345678"
        sms.ratePerSecond = 0
        sms.gateway.kind = kind.rawValue
        sms.gateway.baseURL = baseURL
        sms.gateway.timeoutSeconds = timeout
        sms.gateway.connectTimeoutSeconds = 2
        switch kind {
        case .aligo: sms.gateway.userID = "kimbiseo"; sms.gateway.key = "test-aligo-key"
        case .solapi: sms.gateway.apiKey = "NCSTESTKEY0000001"; sms.gateway.apiSecret = "test-solapi-secret"
        }
        return sms
    }
}

/// A store with the Messaging tables, `count` customers (`010-0000-0001` …) and one campaign
/// to all of them.
struct CampaignFixture {
    let store: KimbiseoStore
    let campaignID: Int64
    let phones: [String]

    init(count: Int, text: String = "<<이름>>님 안녕하세요", settings: SMSSettings) throws {
        store = try KimbiseoStore.openTemporary(additionalMigrations: MessagingMigrations.all)
        phones = (1...count).map { String(format: "010%08d", $0) }
        try store.pool.write { [phones] db in
            for (n, phone) in phones.enumerated() {
                try db.execute(sql: "INSERT INTO customer (name, mobile) VALUES (?, ?)", arguments: ["고객\(n + 1)", phone])
            }
        }
        let planner = CampaignPlanner(store: store, settings: settings)
        let summary = try planner.create(CampaignDraft(template: try MessageTemplate(text: text), audience: .everyone))
        campaignID = summary.campaignID ?? 0
    }

    /// Message state per phone.
    func states() throws -> [String: String] {
        try store.pool.read { db in
            var out: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT phone, state FROM message WHERE campaign_id = ?", arguments: [campaignID]) {
                out[row[0]] = row[1]
            }
            return out
        }
    }

    func campaignState() throws -> String? {
        try store.pool.read { db in try String.fetchOne(db, sql: "SELECT state FROM campaign WHERE id = ?", arguments: [campaignID]) }
    }

    func lastCode(_ phone: String) throws -> String? {
        try store.pool.read { db in try String.fetchOne(db, sql: "SELECT last_code FROM message WHERE phone = ?", arguments: [phone]) }
    }

    /// Events recorded for one message, oldest first.
    func eventStates(_ phone: String) throws -> [String] {
        try store.pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT e.state FROM delivery_event e JOIN message m ON m.id = e.message_id WHERE m.phone = ? ORDER BY e.id
                """, arguments: [phone])
        }
    }
}

/// One gateway with a dispatcher and a reconciler on a fixture's store.
struct Pipeline {
    let dispatcher: Dispatcher
    let reconciler: Reconciler
    let client: HTTPClient

    init(fake: GatewayFake, fixture: CampaignFixture, client: HTTPClient, settings: SMSSettings? = nil, fastRetry: Bool = true) throws {
        let sms = settings ?? fake.settings()
        var quiet = Logger(label: "test")
        quiet.logLevel = .critical
        var base = try GatewayFactory.makeClassifying(settings: sms.gateway, client: client, environment: [:], logger: quiet)
        if fastRetry { base = Self.withFastRetry(base, sms: sms, client: client, logger: quiet) }
        let gateway = OutboxGateway(base: base, store: fixture.store, logger: quiet)
        dispatcher = Dispatcher(
            store: fixture.store, gateway: gateway, configuration: try Dispatcher.Configuration(settings: sms), logger: quiet)
        reconciler = Reconciler(
            store: fixture.store, source: base, configuration: .init(gatewayName: base.name, grace: 0), logger: quiet)
        self.client = client
    }

    /// The same gateway with short backoff, so retry tests stay quick.
    static func withFastRetry(
        _ base: any ClassifyingGateway & GatewayStatusSource, sms: SMSSettings, client: HTTPClient, logger: Logger
    ) -> any ClassifyingGateway & GatewayStatusSource {
        let retry = RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(50), maxDelay: .seconds(3), budget: .seconds(8))
        let timeout = Duration.milliseconds(Int64(sms.gateway.timeoutSeconds * 1000))
        switch base {
        case let aligo as AligoGateway:
            var c = aligo.configuration
            c.retry = retry; c.timeout = timeout
            return AligoGateway(configuration: c, client: client, logger: logger)
        case let solapi as SolapiGateway:
            var c = solapi.configuration
            c.retry = retry; c.timeout = timeout
            return SolapiGateway(configuration: c, client: client, logger: logger)
        default:
            return base
        }
    }

    /// Sends until nothing is due, reconciles, and repeats until nothing is `unknown` or
    /// `pending` any more (or `rounds` run out).
    func settle(rounds: Int = 6) async throws {
        for _ in 0..<rounds {
            while try await dispatcher.runOnce() > 0 {}
            _ = try await reconciler.runOnce()
            let open = try await dispatcher.store.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM message WHERE state IN ('unknown', 'pending', 'sending')") ?? 0
            }
            if open == 0 { return }
        }
    }
}
