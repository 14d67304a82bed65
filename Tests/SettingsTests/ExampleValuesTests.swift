import Foundation
import Testing
@testable import Settings

/// The shipped configuration works on the spool gateway and never with a real one.
@Suite("Shipped example values")
struct ExampleValuesTests {
    /// `config/kimbiseo.yaml` of this repository.
    static var shippedConfig: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("config/kimbiseo.yaml").path
    }

    @Test("the shipped config carries the example sender, shop name and 080 number, and validates on spool")
    func shippedConfigValidates() throws {
        let settings = try Settings.load(path: Self.shippedConfig)
        #expect(settings.sms.gateway.kind == "spool")
        #expect(settings.sms.sender == SMSSettings.exampleSender)
        #expect(settings.sms.shopName == SMSSettings.exampleShopName)
        #expect(settings.sms.optoutNumber == SMSSettings.exampleOptoutNumber)
        try settings.validate()
    }

    @Test("a real gateway refuses each example value, naming the setting", arguments: ["aligo", "solapi", "http"])
    func realGatewayRefusesExamples(kind: String) throws {
        var settings = try Settings.load(path: Self.shippedConfig)
        settings.sms.gateway.kind = kind
        #expect { try settings.validate() } throws: { "\($0)".contains("sms.sender") && "\($0)".contains(kind) }
        settings.sms.sender = "0298765432"
        #expect { try settings.validate() } throws: { "\($0)".contains("sms.shop_name") }
        settings.sms.shopName = "행복보험 강남지점"
        #expect { try settings.validate() } throws: { "\($0)".contains("sms.optout_number") }
        settings.sms.optoutNumber = "0807654321"
        #expect(throws: Never.self) { try settings.sms.refuseExamplesForRealGateways() }
    }
}
