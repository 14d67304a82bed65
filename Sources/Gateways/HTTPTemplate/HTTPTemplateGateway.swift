import Foundation
import Logging
import Messaging
import Settings
import Transport

/// A gateway for any HTTP SMS provider, described in `sms.gateway.http_*` settings: the URL,
/// method and headers, a body template per message or per batch (JSON or form), and rules
/// that read success, the provider's message id and its failure code from a JSON answer.
/// docs/http-gateway.md has a worked example.
///
/// Classification follows the other gateways: a refused connection, 429 or 503 with
/// `Retry-After` is retried; 401/403/other 4xx and `http_account_codes` pause the campaign;
/// a failure code is a per-message rejection (`http_optout_codes` also mark the customer
/// opted out); a timeout after sending, a 5xx or an unreadable 200 is `unknown`. The generic
/// gateway has no status API, so its `unknown` messages wait for the operator.
public struct HTTPTemplateGateway: ClassifyingGateway, GatewayStatusSource {
    public struct Configuration: Sendable {
        public enum Mode: String, Sendable { case message, batch }
        public enum Format: String, Sendable { case json, form }

        var url: HTTPTemplate
        var method: HTTPMethod
        var headers: [(name: String, value: HTTPTemplate)]
        var mode: Mode
        var format: Format
        var body: HTTPTemplate
        var batchBody: HTTPTemplate?
        var batchSize: Int
        var resultsPath: String?
        var successPath: String?
        var successValues: Set<String>
        var idPath: String?
        var codePath: String?
        var messagePath: String?
        var accountCodes: Set<String>
        var optoutCodes: Set<String>
        var credentials: GatewayCredentials
        var timeout: Duration
        var retry: RetryPolicy

        /// From `sms.gateway.http_*`.
        /// - Throws: ``GatewayError/setting(key:problem:)`` naming the bad key.
        public init(settings: GatewaySettings, credentials: GatewayCredentials, retry: RetryPolicy = RetryPolicy()) throws {
            func fail(_ key: String, _ problem: String) -> GatewayError { .setting(key: "sms.gateway.\(key)", problem: problem) }
            guard let url = settings.httpURL, url.hasPrefix("http://") || url.hasPrefix("https://") else {
                throw fail("http_url", "required for kind http: an http:// or https:// URL")
            }
            guard let mode = Mode(rawValue: settings.httpMode) else { throw fail("http_mode", "must be message or batch") }
            guard let format = Format(rawValue: settings.httpFormat) else { throw fail("http_format", "must be json or form") }
            guard let body = settings.httpBody, !body.isEmpty else { throw fail("http_body", "required for kind http") }
            self.url = HTTPTemplate(source: url)
            method = HTTPMethod(rawValue: settings.httpMethod)
            headers = settings.httpHeaders.sorted { $0.key < $1.key }.map { ($0.key, HTTPTemplate(source: $0.value)) }
            self.mode = mode
            self.format = format
            self.body = HTTPTemplate(source: body)
            batchBody = settings.httpBatchBody.map { HTTPTemplate(source: $0) }
            if mode == .batch, format == .json, batchBody?.placeholders.contains("messages") != true {
                throw fail("http_batch_body", "batch mode with json needs a body containing {{messages}}")
            }
            batchSize = mode == .batch ? max(1, settings.httpBatchSize) : 1
            resultsPath = settings.httpResultsPath
            successPath = settings.httpSuccessPath
            successValues = Set(settings.httpSuccessValues.map { $0.lowercased() })
            idPath = settings.httpIDPath
            codePath = settings.httpCodePath
            messagePath = settings.httpMessagePath
            accountCodes = Set(settings.httpAccountCodes)
            optoutCodes = Set(settings.httpOptoutCodes)
            self.credentials = credentials
            timeout = .milliseconds(Int64(settings.timeoutSeconds * 1000))
            self.retry = retry
            for template in [self.url, self.body] + [batchBody].compactMap({ $0 }) + headers.map(\.value) {
                for name in template.placeholders where !HTTPTemplate.names.contains(name) {
                    throw fail("http_*", "unknown placeholder {{\(name)}} (known: \(HTTPTemplate.names.sorted().joined(separator: ", ")))")
                }
            }
        }
    }

    public let name = "http"
    /// `batch` mode: `http_batch_size`. `message` mode: 50 per dispatcher batch, sent as
    /// ``concurrentRequests`` requests at a time.
    public var maxBatchSize: Int { configuration.mode == .batch ? configuration.batchSize : 50 }
    /// In `message` mode, how many requests are in flight at once (libcurl runs them in
    /// parallel on the client's thread, each on its own keep-alive connection).
    public static let concurrentRequests = 8
    let configuration: Configuration
    let http: GatewayHTTP
    let clock: @Sendable () -> Date

    public init(configuration: Configuration, client: HTTPClient, logger: Logger = Logger(label: "kimbiseo.gateway.http"),
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.configuration = configuration
        let c = configuration.credentials
        self.http = GatewayHTTP(
            client: client, retry: configuration.retry, logger: logger,
            secrets: [c.userID, c.key, c.apiKey, c.apiSecret].compactMap { $0 })
        self.clock = clock
    }

    /// The generic gateway cannot look messages up: nothing is answered, `unknown` stays.
    public func status(of messages: [TrackedMessage]) async throws -> [Int64: RemoteStatus] { [:] }
}
