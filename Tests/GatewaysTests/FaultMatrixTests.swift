import Foundation
import Gateways
import Messaging
import Testing
import Transport

/// Every fault of the fakes against each gateway: final states right, nothing lost, nobody
/// twice in the fake's record of accepted messages.
@Suite("fault matrix")
struct FaultMatrixTests {
    enum Expect: Sendable { case allAccepted, firstRejected, accountPause }

    struct Case: Sendable, CustomTestStringConvertible {
        var kind: GatewayFake.Kind
        var name: String
        var fault: [String: any Sendable]
        var expect: Expect
        /// Whether the fault leaves messages `unknown` first (resolved by the reconciler), or is
        /// settled in the send itself.
        var unknownFirst = false
        var testDescription: String { "\(kind.rawValue) \(name)" }
    }

    static let phones = (1...5).map { String(format: "010%08d", $0) }

    static let cases: [Case] = GatewayFake.Kind.allCases.flatMap { kind -> [Case] in
        let rejectCode: any Sendable = kind == .solapi ? 1060 : -1
        return [
            Case(kind: kind, name: "5xx before recording", fault: ["fault": "http500"], expect: .allAccepted, unknownFirst: true),
            Case(kind: kind, name: "5xx after recording", fault: ["fault": "http500_after"], expect: .allAccepted, unknownFirst: true),
            Case(kind: kind, name: "429 with Retry-After", fault: ["fault": "http429", "retry_after": 1], expect: .allAccepted),
            Case(kind: kind, name: "503 with Retry-After", fault: ["fault": "http500", "status": 503, "retry_after": 1], expect: .allAccepted),
            Case(kind: kind, name: "slow beyond the timeout", fault: ["fault": "slow", "delay": 2.5], expect: .allAccepted, unknownFirst: true),
            Case(kind: kind, name: "reset after reading the body", fault: ["fault": "reset"], expect: .allAccepted, unknownFirst: true),
            Case(kind: kind, name: "reset after recording", fault: ["fault": "reset_after"], expect: .allAccepted, unknownFirst: true),
            Case(kind: kind, name: "malformed JSON", fault: ["fault": "malformed_json"], expect: .allAccepted, unknownFirst: true),
            Case(kind: kind, name: "EUC-KR body, declared", fault: ["fault": "euckr_body"], expect: .allAccepted),
            Case(kind: kind, name: "EUC-KR body, undeclared", fault: ["fault": "euckr_body", "declare": false], expect: .allAccepted),
            Case(kind: kind, name: "per-message rejection", fault: ["fault": "reject", "receivers": [phones[0]: rejectCode]], expect: .firstRejected),
            Case(kind: kind, name: "bad key", fault: ["fault": "bad_key"], expect: .accountPause),
            Case(kind: kind, name: "IP not allowed", fault: ["fault": "ip_not_allowed"], expect: .accountPause),
            Case(kind: kind, name: "sender not registered", fault: ["fault": "sender_not_registered"], expect: .accountPause),
            Case(kind: kind, name: "balance exhausted", fault: ["fault": "balance_exhausted"], expect: .accountPause),
        ]
    }

    @Test("fault against gateway", arguments: cases)
    func fault(_ test: Case) async throws {
        let fake = try await GatewayFake.start(test.kind)
        
        let client = HTTPClient()
        let settings = fake.settings(timeout: 1.5)
        let fixture = try CampaignFixture(count: Self.phones.count, settings: settings)
        let pipeline = try Pipeline(fake: fake, fixture: fixture, client: client, settings: settings)
        try await fake.control(test.fault.mapValues { $0 as Any }, client: client)

        try await pipeline.settle()
        let states = try fixture.states()
        let recorded = try fake.acceptedReceivers()
        switch test.expect {
        case .allAccepted:
            for phone in Self.phones { #expect(["accepted", "delivered"].contains(states[phone]), "\(phone): \(states[phone] ?? "-")") }
            #expect(recorded.sorted() == Self.phones)
            let wentUnknown = try Self.phones.contains { try fixture.eventStates($0).contains("unknown") }
            #expect(wentUnknown == test.unknownFirst)
        case .firstRejected:
            #expect(states[Self.phones[0]] == "failed")
            #expect(try fixture.lastCode(Self.phones[0]) == (test.kind == .solapi ? "1060" : "error_cnt"))
            for phone in Self.phones.dropFirst() { #expect(["accepted", "delivered"].contains(states[phone])) }
            #expect(recorded.sorted() == Array(Self.phones.dropFirst()))
        case .accountPause:
            #expect(try fixture.campaignState() == "paused")
            #expect(states.values.allSatisfy { $0 == "pending" }, "\(states)")
            #expect(recorded.isEmpty)
            // The operator fixes the account and resumes: everyone exactly once.
            try await fake.control(["clear": true], client: client)
            try Outbox(store: fixture.store).resume(fixture.campaignID)
            try await pipeline.settle()
            let after = try fixture.states()
            for phone in Self.phones { #expect(["accepted", "delivered"].contains(after[phone])) }
            #expect(try fake.acceptedReceivers().sorted() == Self.phones)
        }
    }
}
