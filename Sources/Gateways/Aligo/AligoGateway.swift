import Foundation
import Logging
import Messaging
import Transport

/// Aligo (알리고): form POSTs with the key in form fields.
///
/// - Sending: `POST /send_mass/` with a text per recipient (`rec_n`/`msg_n`, at most 500 per
///   call, one `msg_type` and `title` per call — a batch mixing SMS and LMS becomes one call
///   per type). `testmode_yn=Y` when ``Configuration/testMode`` is set.
/// - Partial acceptance (`error_cnt` > 0): Aligo does not say which receivers failed, so the
///   batch's `/sms_list/` rows tell; a receiver missing there was refused.
/// - Status: `/sms_list/` by `mid`, or — for a send whose answer never arrived — every row
///   since the send's date, matched by receiver, text and time.
/// - Balance: `/remain/` (`SMS_CNT`, `LMS_CNT`, `MMS_CNT`).
///
/// Source: smartsms.aligo.in/admin/api/spec.html (field names and result codes).
public struct AligoGateway: ClassifyingGateway, GatewayStatusSource, GatewayAccount {
    public struct Configuration: Sendable {
        /// API root without the trailing slash, e.g. `https://apis.aligo.in`.
        public var baseURL: String
        public var userID: String
        public var key: String
        /// `testmode_yn=Y`: accepted and recorded, never delivered.
        public var testMode: Bool
        /// Total time per request.
        public var timeout: Duration
        public var retry: RetryPolicy

        public init(baseURL: String = "https://apis.aligo.in", userID: String, key: String, testMode: Bool = false,
                    timeout: Duration = .seconds(30), retry: RetryPolicy = RetryPolicy()) {
            self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
            self.userID = userID; self.key = key; self.testMode = testMode; self.timeout = timeout; self.retry = retry
        }
    }

    public let name = "aligo"
    /// `send_mass` takes at most 500 receivers.
    public let maxBatchSize = 500
    public let configuration: Configuration
    let http: GatewayHTTP
    let clock: @Sendable () -> Date

    public init(configuration: Configuration, client: HTTPClient, logger: Logger = Logger(label: "kimbiseo.gateway.aligo"),
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.configuration = configuration
        self.http = GatewayHTTP(client: client, retry: configuration.retry, logger: logger, secrets: [configuration.key])
        self.clock = clock
    }

    /// A form POST to `path` with the credentials first.
    func request(_ path: String, _ fields: [(String, String)]) -> HTTPRequest {
        let all = [("key", configuration.key), ("user_id", configuration.userID)] + fields
        return HTTPRequest(
            method: .post, url: configuration.baseURL + path,
            headers: ["Content-Type": FormURLEncoding.contentType, "Accept": "application/json"],
            body: FormURLEncoding.encode(all), timeout: configuration.timeout)
    }
}
