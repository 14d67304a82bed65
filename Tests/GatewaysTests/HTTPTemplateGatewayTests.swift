import Foundation
import Messaging
import Settings
import Testing
import Transport
@testable import Gateways

@Suite("generic HTTP gateway")
struct HTTPTemplateGatewayTests {
    /// The worked example of docs/http-gateway.md: Aligo's `/send/` described as a generic
    /// form gateway, one request per message.
    static func aligoAsHTTP(_ fake: GatewayFake) -> SMSSettings {
        var sms = fake.settings()
        sms.gateway.kind = "http"
        sms.gateway.httpURL = fake.baseURL + "/send/"
        sms.gateway.httpFormat = "form"
        sms.gateway.httpBody = "key={{key}}&user_id={{user_id}}&sender={{from}}&receiver={{to}}&msg={{text}}&msg_type={{type}}"
        sms.gateway.httpSuccessPath = "result_code"
        sms.gateway.httpSuccessValues = ["1"]
        sms.gateway.httpIDPath = "msg_id"
        sms.gateway.httpCodePath = "result_code"
        sms.gateway.httpMessagePath = "message"
        sms.gateway.httpAccountCodes = ["-101", "-201", "-302"]
        return sms
    }

    @Test("form per message: accepted with the provider's id, refusals failed with its code")
    func formPerMessage() async throws {
        let fake = try await GatewayFake.start(.aligo)
        let client = HTTPClient()
        let settings = Self.aligoAsHTTP(fake)
        let fixture = try CampaignFixture(count: 3, text: "<<이름>>님 \"특가\" 안내\n& 100% 할인", settings: settings)
        try await fake.control(["config": ["reject": [fixture.phones[2]: "x"]]], client: client)
        let pipeline = try Pipeline(fake: fake, fixture: fixture, client: client, settings: settings, fastRetry: false)
        while try await pipeline.dispatcher.runOnce() > 0 {}

        let states = try fixture.states()
        #expect(states[fixture.phones[0]] == "accepted" && states[fixture.phones[1]] == "accepted")
        #expect(states[fixture.phones[2]] == "failed")
        #expect(try fixture.lastCode(fixture.phones[2]) == "-301")
        #expect(try fake.acceptedReceivers().sorted() == Array(fixture.phones.prefix(2)))
        let texts = try String(contentsOfFile: fake.stateDirectory + "/accepted.jsonl", encoding: .utf8)
        #expect(texts.contains("고객1님 \\\"특가\\\" 안내\\n& 100% 할인"))
        await fake.stop()
    }

    @Test("an account code pauses the campaign; an unreadable answer is unknown")
    func accountAndUnknown() async throws {
        let fake = try await GatewayFake.start(.aligo)
        let client = HTTPClient()
        let settings = Self.aligoAsHTTP(fake)
        let fixture = try CampaignFixture(count: 2, settings: settings)
        let pipeline = try Pipeline(fake: fake, fixture: fixture, client: client, settings: settings, fastRetry: false)
        try await fake.control(["fault": "bad_key", "count": 2], client: client)
        _ = try await pipeline.dispatcher.runOnce()
        #expect(try fixture.campaignState() == "paused")
        #expect(try fixture.states().values.allSatisfy { $0 == "pending" })

        try Outbox(store: fixture.store).resume(fixture.campaignID)
        try await fake.control(["fault": "malformed_json"], client: client)
        while try await pipeline.dispatcher.runOnce() > 0 {}
        let states = try fixture.states()
        #expect(states.values.sorted() == ["accepted", "unknown"])
        await fake.stop()
    }

    @Test("batch JSON: items joined into the outer body, values JSON-escaped")
    func batchJSONBody() throws {
        var settings = GatewaySettings()
        settings.kind = "http"
        settings.httpURL = "https://sms.example.com/v1/send?account={{user_id}}"
        settings.httpMode = "batch"
        settings.httpHeaders = ["Authorization": "Bearer {{api_key}}"]
        settings.httpBody = #"{"to":"{{to}}","text":"{{text}}","ref":"{{id}}"}"#
        settings.httpBatchBody = #"{"from":"{{from}}","messages":[{{messages}}]}"#
        let configuration = try HTTPTemplateGateway.Configuration(
            settings: settings, credentials: GatewayCredentials(userID: "김 비서", apiKey: "k-1"))
        let gateway = HTTPTemplateGateway(configuration: configuration, client: HTTPClient())
        let messages = [
            OutgoingMessage(id: 7, campaignID: 1, from: "0212345678", to: "01000000001", type: .sms, subject: nil, text: "따옴표 \" 줄\n바꿈"),
            OutgoingMessage(id: 8, campaignID: 1, from: "0212345678", to: "01000000002", type: .sms, subject: nil, text: "둘째"),
        ]
        let request = gateway.request(messages)
        #expect(request.url == "https://sms.example.com/v1/send?account=%EA%B9%80%20%EB%B9%84%EC%84%9C")
        #expect(request.headers["Authorization"] == "Bearer k-1")
        let body = String(decoding: request.body ?? Data(), as: UTF8.self)
        #expect(body == #"{"from":"0212345678","messages":[{"to":"01000000001","text":"따옴표 \" 줄\n바꿈","ref":"7"},{"to":"01000000002","text":"둘째","ref":"8"}]}"#)
        let parsed = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
        #expect((parsed?["messages"] as? [Any])?.count == 2)
    }

    @Test("an unknown placeholder is refused at start-up, naming it")
    func unknownPlaceholder() {
        var settings = GatewaySettings()
        settings.kind = "http"
        settings.httpURL = "https://sms.example.com/send"
        settings.httpBody = #"{"to":"{{receiver}}"}"#
        #expect(throws: GatewayError.self) {
            _ = try HTTPTemplateGateway.Configuration(settings: settings, credentials: GatewayCredentials())
        }
    }
}
