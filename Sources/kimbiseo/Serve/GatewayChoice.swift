import Messaging
import Settings

/// The SMS gateway `sms.gateway.kind` names.
enum GatewayChoice {
    static func make(_ settings: Settings) throws -> any SMSGateway {
        switch settings.sms.gateway.kind {
        case "spool":
            return SpoolGateway(directory: settings.sms.gateway.spoolDirectory)
        default:
            throw SettingsError(message: "setting 'sms.gateway.kind': '\(settings.sms.gateway.kind)' is not available in this build")
        }
    }
}
