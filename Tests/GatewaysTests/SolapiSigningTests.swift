import Foundation
import Gateways
import Messaging
import Testing
import Transport

@Suite("Solapi signing")
struct SolapiSigningTests {
    @Test("the fake verifies every request's HMAC signature; each request has its own salt")
    func signatureAccepted() async throws {
        let fake = try await GatewayFake.start(.solapi)
        
        let client = HTTPClient()
        let fixture = try CampaignFixture(count: 3, settings: fake.settings())
        let pipeline = try Pipeline(fake: fake, fixture: fixture, client: client)
        try await pipeline.settle()
        #expect(try fake.acceptedReceivers().sorted() == fixture.phones)
        // A second signed call (the list API, used by the reconciler) passes the replay check.
        let base = try GatewayFactory.makeClassifying(settings: fake.settings().gateway, client: client, environment: [:])
        let balance = try await (base as? any GatewayAccount)?.balance()
        #expect(balance?.won != nil)
    }

    @Test("a wrong secret is an account failure: the campaign pauses, nothing is sent")
    func wrongSecret() async throws {
        let fake = try await GatewayFake.start(.solapi)
        
        var settings = fake.settings()
        settings.gateway.apiSecret = "not-the-secret"
        let fixture = try CampaignFixture(count: 2, settings: settings)
        let pipeline = try Pipeline(fake: fake, fixture: fixture, client: HTTPClient(), settings: settings)
        _ = try await pipeline.dispatcher.runOnce()
        #expect(try fixture.campaignState() == "paused")
        #expect(try fixture.states().values.allSatisfy { $0 == "pending" })
        #expect(try fake.acceptedReceivers().isEmpty)
    }
}
