import Foundation
import Messaging
import Settings
import Transport
import Testing
@testable import Gateways

@Suite("gateway credentials")
struct CredentialsTests {
    func file(_ text: String, mode: mode_t) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kimbiseo-cred-\(UUID().uuidString).yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, mode)
        return path
    }

    @Test("environment first, then the credentials file, then the config")
    func precedence() throws {
        var settings = GatewaySettings()
        settings.apiKey = "from-config"
        settings.apiSecret = "config-secret"
        settings.userID = "config-user"
        settings.credentialsFile = try file("# secrets\napi_secret: \"file-secret\"\nkey: file-key\n", mode: 0o600)
        let resolved = try GatewayCredentials.resolve(settings, environment: ["KIMBISEO_SOLAPI_API_KEY": "from-env"])
        #expect(resolved == GatewayCredentials(userID: "config-user", key: "file-key", apiKey: "from-env", apiSecret: "file-secret"))
    }

    @Test("a credentials file readable by group or others is refused, without its contents in the error")
    func refusesOpenFile() throws {
        var settings = GatewaySettings()
        settings.credentialsFile = try file("api_secret: top-secret-value\n", mode: 0o640)
        do {
            _ = try GatewayCredentials.resolve(settings, environment: [:])
            Issue.record("expected a refusal")
        } catch let error as GatewayError {
            #expect("\(error)".contains("chmod 600"))
            #expect(!"\(error)".contains("top-secret-value"))
        }
    }

    @Test("a missing secret names the key and the environment variable")
    func missingSecret() throws {
        var settings = GatewaySettings()
        settings.kind = "solapi"
        settings.apiKey = "k"
        #expect(throws: GatewayError.setting(
            key: "sms.gateway.api_secret", problem: "required for solapi (or env KIMBISEO_SOLAPI_API_SECRET, or credentials_file)")
        ) {
            _ = try GatewayFactory.makeClassifying(settings: settings, environment: [:])
        }
    }

    @Test("Solapi signature: HMAC-SHA256 of date + salt with the secret, hex")
    func signature() {
        // Expected value from Python: hmac.new(b"test-solapi-secret", b"2026-11-29T00:00:00.000Z" + b"abcdef0123456789", hashlib.sha256).hexdigest()
        let header = SolapiAuthorization(apiKey: "NCSTESTKEY0000001", apiSecret: "test-solapi-secret")
            .header(date: Date(timeIntervalSince1970: 1_795_910_400), salt: "abcdef0123456789")
        #expect(header.hasPrefix("HMAC-SHA256 apiKey=NCSTESTKEY0000001, date=2026-11-29T00:00:00.000Z, salt=abcdef0123456789, signature="))
        #expect(header.hasSuffix("signature=d4e217c2de9ee623bc74c0a3fab63ecc4465ba00b040cd366a95db8b993e8e39"))
    }

    @Test("a secret in a URL never reaches the stored reason of a failed call")
    func secretScrubbed() async throws {
        var settings = GatewaySettings()
        settings.kind = "http"
        settings.httpURL = "http://127.0.0.1:1/send?key={{key}}"
        settings.httpBody = #"{"to":"{{to}}"}"#
        let configuration = try HTTPTemplateGateway.Configuration(
            settings: settings, credentials: GatewayCredentials(key: "s3cret-키"),
            retry: RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(10)))
        let gateway = HTTPTemplateGateway(configuration: configuration, client: HTTPClient())
        let outcomes = await gateway.deliver([
            OutgoingMessage(id: 1, campaignID: 1, from: "0212345678", to: "01012345678", type: .sms, subject: nil, text: "안녕")
        ])
        guard case let .deferred(_, reason, _)? = outcomes.first else {
            Issue.record("expected a deferral for a refused connection, got \(outcomes)")
            return
        }
        #expect(reason.contains("127.0.0.1"))
        #expect(!reason.contains("s3cret") && !reason.contains("%ED%82%A4"))
    }
}
