import Foundation
import Logging
import Messaging
import Settings
import Store
import Transport

/// Builds the gateway `sms.gateway.kind` names.
///
/// ```swift
/// let client = HTTPClient(configuration: GatewayFactory.clientConfiguration(settings.sms.gateway))
/// let gateway = try GatewayFactory.make(settings: settings.sms, store: store, client: client)
/// let dispatcher = Dispatcher(store: store, gateway: gateway, configuration: try .init(settings: settings.sms))
/// ```
public enum GatewayFactory {
    /// The HTTP client settings for a gateway: its connect timeout and total timeout.
    public static func clientConfiguration(_ settings: GatewaySettings) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration()
        configuration.connectTimeout = .milliseconds(Int64(settings.connectTimeoutSeconds * 1000))
        configuration.timeout = .milliseconds(Int64(settings.timeoutSeconds * 1000))
        return configuration
    }

    /// The gateway for `settings`, ready for a dispatcher: `spool` (the default) writes files;
    /// `aligo`, `solapi` and `http` send through `client`, wrapped in an ``OutboxGateway`` when a
    /// `store` is given (account failures pause campaigns, gateway opt-outs mark customers).
    ///
    /// - Throws: ``GatewayError`` for an unknown kind, a missing credential or base URL, an
    ///   unusable credentials file or `http` template.
    public static func make(
        settings: SMSSettings, store: KimbiseoStore? = nil, client: HTTPClient? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        logger: Logger = Logger(label: "kimbiseo.gateway")
    ) throws -> any SMSGateway {
        let gateway = settings.gateway
        if gateway.kind == "spool" { return SpoolGateway(directory: gateway.spoolDirectory) }
        let classifying = try makeClassifying(settings: gateway, client: client, environment: environment, logger: logger)
        guard let store else { return classifying }
        return OutboxGateway(base: classifying, store: store, logger: logger)
    }

    /// The HTTP gateway itself (no store), also a status source for the ``Reconciler``.
    public static func makeClassifying(
        settings: GatewaySettings, client: HTTPClient? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        logger: Logger = Logger(label: "kimbiseo.gateway")
    ) throws -> any ClassifyingGateway & GatewayStatusSource {
        let client = client ?? HTTPClient(configuration: clientConfiguration(settings))
        let credentials = try GatewayCredentials.resolve(settings, environment: environment)
        let timeout = Duration.milliseconds(Int64(settings.timeoutSeconds * 1000))
        func required(_ value: String?, _ key: String, _ env: String) throws -> String {
            guard let value, !value.isEmpty else {
                throw GatewayError.setting(
                    key: "sms.gateway.\(key)", problem: "required for \(settings.kind) (or env \(env), or credentials_file)")
            }
            return value
        }
        switch settings.kind {
        case "aligo":
            return AligoGateway(
                configuration: .init(
                    baseURL: settings.baseURL ?? "https://apis.aligo.in",
                    userID: try required(credentials.userID, "user_id", "KIMBISEO_ALIGO_USER_ID"),
                    key: try required(credentials.key, "key", "KIMBISEO_ALIGO_KEY"),
                    testMode: settings.testMode, timeout: timeout),
                client: client, logger: logger)
        case "solapi":
            return SolapiGateway(
                configuration: .init(
                    baseURL: settings.baseURL ?? "https://api.solapi.com",
                    apiKey: try required(credentials.apiKey, "api_key", "KIMBISEO_SOLAPI_API_KEY"),
                    apiSecret: try required(credentials.apiSecret, "api_secret", "KIMBISEO_SOLAPI_API_SECRET"),
                    timeout: timeout),
                client: client, logger: logger)
        case "http":
            return HTTPTemplateGateway(
                configuration: try HTTPTemplateGateway.Configuration(settings: settings, credentials: credentials),
                client: client, logger: logger)
        default:
            throw GatewayError.unknownKind(settings.kind)
        }
    }
}
