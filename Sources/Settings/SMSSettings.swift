/// `sms:` — text messages: sender, advertising law, quiet hours, the gateway.
public struct SMSSettings: Codable, Sendable, Equatable {
    /// `sms.sender`: the registered sender number (발신번호), digits. Required to start a campaign.
    public var sender: String?
    /// `sms.shop_name`: 상호, used in `(광고)` wrappers and the `<<상호>>` placeholder.
    public var shopName: String?
    /// `sms.optout_number`: the free opt-out number (`080…`) printed as `무료거부 080…`.
    public var optoutNumber: String?
    /// `sms.quiet_hours`: advertising is held between `start` and `end` (Asia/Seoul).
    public var quietHours: QuietHours = QuietHours()
    /// `sms.quiet_hours_for_all`: also hold non-advertising messages in quiet hours. Default false.
    public var quietHoursForAll: Bool = false
    /// `sms.ad_consent_valid_days`: ad consent older than this is expired. Default 730 (2 years).
    public var adConsentValidDays: Int = 730
    /// `sms.default_lms_subject`: the LMS subject when a template has none.
    public var defaultLMSSubject: String = "안내"
    /// `sms.rate_per_second`: messages per second per gateway account. Default 10.
    public var ratePerSecond: Double = 10
    /// `sms.gateway`: which gateway and its credentials.
    public var gateway: GatewaySettings = GatewaySettings()

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case sender
        case shopName = "shop_name"
        case optoutNumber = "optout_number"
        case quietHours = "quiet_hours"
        case quietHoursForAll = "quiet_hours_for_all"
        case adConsentValidDays = "ad_consent_valid_days"
        case defaultLMSSubject = "default_lms_subject"
        case ratePerSecond = "rate_per_second"
        case gateway
    }

    public init(from decoder: any Decoder) throws {
        try SettingsKeys.rejectUnknown(in: decoder, known: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        sender = try c.decodeIfPresent(String.self, forKey: .sender)
        shopName = try c.decodeIfPresent(String.self, forKey: .shopName)
        optoutNumber = try c.decodeIfPresent(String.self, forKey: .optoutNumber)
        quietHours = try c.decodeIfPresent(QuietHours.self, forKey: .quietHours) ?? quietHours
        quietHoursForAll = try c.decodeIfPresent(Bool.self, forKey: .quietHoursForAll) ?? quietHoursForAll
        adConsentValidDays = try c.decodeIfPresent(Int.self, forKey: .adConsentValidDays) ?? adConsentValidDays
        defaultLMSSubject = try c.decodeIfPresent(String.self, forKey: .defaultLMSSubject) ?? defaultLMSSubject
        ratePerSecond = try c.decodeIfPresent(Double.self, forKey: .ratePerSecond) ?? ratePerSecond
        gateway = try c.decodeIfPresent(GatewaySettings.self, forKey: .gateway) ?? gateway
    }
}

/// A daily window in Asia/Seoul, `HH:MM` to `HH:MM`; it may cross midnight.
public struct QuietHours: Codable, Sendable, Equatable {
    /// `start`: default `21:00`.
    public var start: String = "21:00"
    /// `end`: default `08:00`.
    public var end: String = "08:00"

    public init(start: String = "21:00", end: String = "08:00") {
        self.start = start; self.end = end
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case start, end }

    public init(from decoder: any Decoder) throws {
        try SettingsKeys.rejectUnknown(in: decoder, known: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        start = try c.decodeIfPresent(String.self, forKey: .start) ?? start
        end = try c.decodeIfPresent(String.self, forKey: .end) ?? end
    }
}

/// `sms.gateway:` — the SMS gateway. Secrets may come from the environment instead.
public struct GatewaySettings: Codable, Sendable, Equatable {
    /// `kind`: `spool` (default: writes JSON lines into `spool_dir`), `aligo`, `solapi`, `http`.
    public var kind: String = "spool"
    /// `spool_dir`: where the `spool` gateway writes. Default `./var/spool`.
    public var spoolDirectory: String = "./var/spool"
    /// `base_url`: the gateway's API root (tests and staging point it at loopback).
    public var baseURL: String?
    /// Aligo `user_id` (or env `KIMBISEO_ALIGO_USER_ID`).
    public var userID: String?
    /// Aligo `key` (or env `KIMBISEO_ALIGO_KEY`).
    public var key: String?
    /// Solapi `api_key` (or env `KIMBISEO_SOLAPI_API_KEY`).
    public var apiKey: String?
    /// Solapi `api_secret` (or env `KIMBISEO_SOLAPI_API_SECRET`).
    public var apiSecret: String?
    /// `credentials_file`: a YAML file (mode 0600) with any of the secret keys above.
    public var credentialsFile: String?
    /// Aligo `testmode`: send with `testmode_yn=Y`. Default false.
    public var testMode: Bool = false
    /// `timeout_seconds`: total time for one request. Default 30.
    public var timeoutSeconds: Double = 30
    /// `connect_timeout_seconds`: Default 10.
    public var connectTimeoutSeconds: Double = 10
    /// `reconcile_interval_seconds`: how often `unknown` and `accepted` messages are looked up
    /// in the gateway's list API. Default 30.
    public var reconcileIntervalSeconds: Double = 30
    /// `reconcile_grace_seconds`: an `unknown` message is looked up only this long after it
    /// was sent (longer than `timeout_seconds`). Default 60.
    public var reconcileGraceSeconds: Double = 60
    /// `price_sms`: won per SMS, for `gateway check` (balance against pending messages). Default 20.
    public var priceSMS: Double = 20
    /// `price_lms`: won per LMS. Default 50.
    public var priceLMS: Double = 50

    // The generic `http` gateway (see docs/http-gateway.md).

    /// `http_url`: where messages are sent; may hold placeholders (percent-encoded).
    public var httpURL: String?
    /// `http_method`: default `POST`.
    public var httpMethod: String = "POST"
    /// `http_headers`: extra request headers; values may hold placeholders (e.g. `{{api_key}}`).
    public var httpHeaders: [String: String] = [:]
    /// `http_mode`: `message` (one request per message, default) or `batch`.
    public var httpMode: String = "message"
    /// `http_format`: `json` (default) or `form`.
    public var httpFormat: String = "json"
    /// `http_body`: the body per message (`message` mode) or per batch item (`batch` mode).
    public var httpBody: String?
    /// `http_batch_body`: `batch` mode with `json`: the whole body, `{{messages}}` standing for
    /// the items joined by commas. Form batches repeat `http_body` with `{{n}}` in field names.
    public var httpBatchBody: String?
    /// `http_batch_size`: most messages per request in `batch` mode. Default 100.
    public var httpBatchSize: Int = 100
    /// `http_results_path`: `batch` mode: the array of per-message results, in request order.
    public var httpResultsPath: String?
    /// `http_success_path`: where success is read (per result item in batch mode).
    public var httpSuccessPath: String?
    /// `http_success_values`: values at `http_success_path` that mean accepted. Default `["0", "true", "success"]`.
    public var httpSuccessValues: [String] = ["0", "true", "success"]
    /// `http_id_path`: the provider's message id.
    public var httpIDPath: String?
    /// `http_code_path`: the provider's result code on failure.
    public var httpCodePath: String?
    /// `http_message_path`: the provider's failure text.
    public var httpMessagePath: String?
    /// `http_account_codes`: codes meaning the account cannot send (the campaign pauses).
    public var httpAccountCodes: [String] = []
    /// `http_optout_codes`: codes meaning the recipient opted out (080): the customer is marked.
    public var httpOptoutCodes: [String] = []

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case kind
        case spoolDirectory = "spool_dir"
        case baseURL = "base_url"
        case userID = "user_id"
        case key
        case apiKey = "api_key"
        case apiSecret = "api_secret"
        case credentialsFile = "credentials_file"
        case testMode = "testmode"
        case timeoutSeconds = "timeout_seconds"
        case connectTimeoutSeconds = "connect_timeout_seconds"
        case reconcileIntervalSeconds = "reconcile_interval_seconds"
        case reconcileGraceSeconds = "reconcile_grace_seconds"
        case priceSMS = "price_sms"
        case priceLMS = "price_lms"
        case httpURL = "http_url"
        case httpMethod = "http_method"
        case httpHeaders = "http_headers"
        case httpMode = "http_mode"
        case httpFormat = "http_format"
        case httpBody = "http_body"
        case httpBatchBody = "http_batch_body"
        case httpBatchSize = "http_batch_size"
        case httpResultsPath = "http_results_path"
        case httpSuccessPath = "http_success_path"
        case httpSuccessValues = "http_success_values"
        case httpIDPath = "http_id_path"
        case httpCodePath = "http_code_path"
        case httpMessagePath = "http_message_path"
        case httpAccountCodes = "http_account_codes"
        case httpOptoutCodes = "http_optout_codes"
    }

    public init(from decoder: any Decoder) throws {
        try SettingsKeys.rejectUnknown(in: decoder, known: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decodeIfPresent(String.self, forKey: .kind) ?? kind
        spoolDirectory = try c.decodeIfPresent(String.self, forKey: .spoolDirectory) ?? spoolDirectory
        baseURL = try c.decodeIfPresent(String.self, forKey: .baseURL)
        userID = try c.decodeIfPresent(String.self, forKey: .userID)
        key = try c.decodeIfPresent(String.self, forKey: .key)
        apiKey = try c.decodeIfPresent(String.self, forKey: .apiKey)
        apiSecret = try c.decodeIfPresent(String.self, forKey: .apiSecret)
        credentialsFile = try c.decodeIfPresent(String.self, forKey: .credentialsFile)
        testMode = try c.decodeIfPresent(Bool.self, forKey: .testMode) ?? testMode
        timeoutSeconds = try c.decodeIfPresent(Double.self, forKey: .timeoutSeconds) ?? timeoutSeconds
        connectTimeoutSeconds = try c.decodeIfPresent(Double.self, forKey: .connectTimeoutSeconds) ?? connectTimeoutSeconds
        reconcileIntervalSeconds = try c.decodeIfPresent(Double.self, forKey: .reconcileIntervalSeconds) ?? reconcileIntervalSeconds
        reconcileGraceSeconds = try c.decodeIfPresent(Double.self, forKey: .reconcileGraceSeconds) ?? reconcileGraceSeconds
        priceSMS = try c.decodeIfPresent(Double.self, forKey: .priceSMS) ?? priceSMS
        priceLMS = try c.decodeIfPresent(Double.self, forKey: .priceLMS) ?? priceLMS
        httpURL = try c.decodeIfPresent(String.self, forKey: .httpURL)
        httpMethod = try c.decodeIfPresent(String.self, forKey: .httpMethod) ?? httpMethod
        httpHeaders = try c.decodeIfPresent([String: String].self, forKey: .httpHeaders) ?? httpHeaders
        httpMode = try c.decodeIfPresent(String.self, forKey: .httpMode) ?? httpMode
        httpFormat = try c.decodeIfPresent(String.self, forKey: .httpFormat) ?? httpFormat
        httpBody = try c.decodeIfPresent(String.self, forKey: .httpBody)
        httpBatchBody = try c.decodeIfPresent(String.self, forKey: .httpBatchBody)
        httpBatchSize = try c.decodeIfPresent(Int.self, forKey: .httpBatchSize) ?? httpBatchSize
        httpResultsPath = try c.decodeIfPresent(String.self, forKey: .httpResultsPath)
        httpSuccessPath = try c.decodeIfPresent(String.self, forKey: .httpSuccessPath)
        httpSuccessValues = try c.decodeIfPresent([String].self, forKey: .httpSuccessValues) ?? httpSuccessValues
        httpIDPath = try c.decodeIfPresent(String.self, forKey: .httpIDPath)
        httpCodePath = try c.decodeIfPresent(String.self, forKey: .httpCodePath)
        httpMessagePath = try c.decodeIfPresent(String.self, forKey: .httpMessagePath)
        httpAccountCodes = try c.decodeIfPresent([String].self, forKey: .httpAccountCodes) ?? httpAccountCodes
        httpOptoutCodes = try c.decodeIfPresent([String].self, forKey: .httpOptoutCodes) ?? httpOptoutCodes
    }
}
