import Gateways
import Logging
import Messaging
import Settings
import Store
import Transport

/// The SMS gateway `sms.gateway.kind` names, and for real gateways the reconciler that
/// resolves `unknown` messages and follows delivery reports through the gateway's list API.
struct GatewayChoice: Sendable {
    var gateway: any SMSGateway
    var reconciler: Reconciler?

    static func make(_ settings: Settings, store: KimbiseoStore) throws -> GatewayChoice {
        let sms = settings.sms
        guard sms.gateway.kind != "spool" else {
            return GatewayChoice(gateway: try GatewayFactory.make(settings: sms), reconciler: nil)
        }
        let client = HTTPClient(configuration: GatewayFactory.clientConfiguration(sms.gateway))
        let logger = Logger(label: "kimbiseo.gateway")
        let classifying = try GatewayFactory.makeClassifying(settings: sms.gateway, client: client, logger: logger)
        let gateway = OutboxGateway(base: classifying, store: store, logger: logger)
        let reconciler = Reconciler(
            store: store, source: classifying,
            configuration: Reconciler.configuration(settings: sms.gateway, gatewayName: gateway.name))
        return GatewayChoice(gateway: gateway, reconciler: reconciler)
    }
}
