import Foundation
import Logging
import Messaging
import Transport

/// Solapi (솔라피, also CoolSMS): JSON with an HMAC-SHA256 `Authorization` header.
///
/// - Sending: `POST /messages/v4/send-many/detail` (at most 10,000 messages), each with our
///   message id in `customFields` (``Configuration/idField``) and `showMessageList: true`, so
///   every accepted message comes back with its `messageId`; per-message refusals arrive in
///   `failedMessageList` inside the HTTP 200 (1xxx codes; 1061 = 080 opt-out).
/// - Status: `GET /messages/v4/list` by `messageIds`, or — for a send whose answer never
///   arrived — every message of the time window, matched on our id in `customFields`. Status
///   codes walk 2000 (accepted) → 3000 (at the carrier) → 4000 (delivered) or 3xxx.
/// - Balance: `GET /cash/v1/balance`.
///
/// Sources: developers.solapi.com references (authentication, sendManyDetail, message status
/// codes), solapi/solapi-nodejs response models.
public struct SolapiGateway: ClassifyingGateway, GatewayStatusSource, GatewayAccount {
    public struct Configuration: Sendable {
        public var baseURL: String
        public var apiKey: String
        public var apiSecret: String
        /// The `customFields` key that carries our message id (≤ 30 characters).
        public var idField: String
        public var timeout: Duration
        public var retry: RetryPolicy

        public init(baseURL: String = "https://api.solapi.com", apiKey: String, apiSecret: String,
                    idField: String = "kimbiseo_id", timeout: Duration = .seconds(30), retry: RetryPolicy = RetryPolicy()) {
            self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
            self.apiKey = apiKey; self.apiSecret = apiSecret; self.idField = idField
            self.timeout = timeout; self.retry = retry
        }
    }

    public let name = "solapi"
    /// `send-many/detail` takes at most 10,000 messages.
    public let maxBatchSize = 10_000
    public let configuration: Configuration
    let http: GatewayHTTP
    let authorization: SolapiAuthorization
    let clock: @Sendable () -> Date

    public init(configuration: Configuration, client: HTTPClient, logger: Logger = Logger(label: "kimbiseo.gateway.solapi"),
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.configuration = configuration
        self.http = GatewayHTTP(client: client, retry: configuration.retry, logger: logger, secrets: [configuration.apiSecret])
        self.authorization = SolapiAuthorization(apiKey: configuration.apiKey, apiSecret: configuration.apiSecret)
        self.clock = clock
    }

    /// A signed request (fresh date and salt).
    func request(_ method: HTTPMethod, _ pathAndQuery: String, body: Data? = nil) -> HTTPRequest {
        var headers: HTTPHeaders = ["Authorization": authorization.header(date: Date()), "Accept": "application/json"]
        if body != nil { headers.set("Content-Type", "application/json; charset=utf-8") }
        return HTTPRequest(method: method, url: configuration.baseURL + pathAndQuery, headers: headers, body: body,
                           timeout: configuration.timeout)
    }
}
