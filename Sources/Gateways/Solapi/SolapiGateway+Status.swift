import Foundation
import Messaging
import Transport

extension SolapiGateway {
    /// One page of `GET /messages/v4/list`.
    func listPage(_ query: [(String, String)]) async throws -> (messages: [[String: Any]], nextKey: String?) {
        let path = "/messages/v4/list?" + FormURLEncoding.encodeString(query)
        let exchange = await http.exchange(
            "solapi list", makeRequest: { request(.get, path) }, classify: SolapiAnswer.classify)
        let object = try Self.object(exchange, call: "/messages/v4/list")
        let list = object["messageList"]
        let messages: [[String: Any]]
        if let map = list as? [String: Any] {
            messages = map.values.compactMap { $0 as? [String: Any] }
        } else {
            messages = list as? [[String: Any]] ?? []
        }
        return (messages, JSONFields.string(object["nextKey"]).flatMap { $0.isEmpty ? nil : $0 })
    }

    /// Every page of a list query.
    func listAll(_ query: [(String, String)]) async throws -> [[String: Any]] {
        var all: [[String: Any]] = []
        var startKey: String? = nil
        for _ in 0..<10_000 {
            var page = query + [("limit", "500")]
            if let startKey { page.append(("startKey", startKey)) }
            let (messages, next) = try await listPage(page)
            all += messages
            guard let next, next != startKey else { return all }
            startKey = next
        }
        return all
    }

    static func object(_ exchange: GatewayHTTP.Exchange<SolapiAnswer>, call: String) throws -> [String: Any] {
        switch exchange {
        case let .done(.ok(data)):
            guard let object = SolapiAnswer.object(data) else {
                throw GatewayQueryError(gateway: "solapi", call: call, problem: "unreadable answer")
            }
            return object
        case .done(.unreadable): throw GatewayQueryError(gateway: "solapi", call: call, problem: "unreadable answer")
        case let .done(.error(status, code, message)):
            throw GatewayQueryError(
                gateway: "solapi", call: call, problem: "HTTP \(status) \(code) \(message)",
                isAccountProblem: SolapiCodes.accountReason(code) != nil)
        case let .notSent(reason, _), let .unknown(reason):
            throw GatewayQueryError(gateway: "solapi", call: call, problem: reason)
        }
    }

    public func status(of messages: [TrackedMessage]) async throws -> [Int64: RemoteStatus] {
        var answers: [Int64: RemoteStatus] = [:]
        let known = messages.filter { $0.gatewayMessageID != nil }
        for start in stride(from: 0, to: known.count, by: 200) {
            let chunk = known[start..<min(start + 200, known.count)]
            let ids = chunk.compactMap(\.gatewayMessageID).joined(separator: ",")
            let found = try await listAll([("messageIds", ids)])
            var byID: [String: [String: Any]] = [:]
            for item in found { if let id = JSONFields.string(item["messageId"]) { byID[id] = item } }
            for message in chunk {
                if let item = byID[message.gatewayMessageID ?? ""] { answers[message.id] = Self.remote(item) }
            }
        }
        let unknown = messages.filter { $0.gatewayMessageID == nil }
        guard let earliest = unknown.map(\.sentAt).min() else { return answers }
        // Everything since shortly before the earliest send, matched on our id.
        let found = try await listAll([
            ("startDate", OutboxTime.format(earliest.addingTimeInterval(-300))),
            ("endDate", OutboxTime.format(clock().addingTimeInterval(300))),
        ])
        var byOurs: [String: [String: Any]] = [:]
        for item in found { if let ours = ourID(item) { byOurs[ours] = item } }
        for message in unknown {
            answers[message.id] = byOurs[String(message.id)].map(Self.remote) ?? .notFound
        }
        return answers
    }

    /// 2000/3000 on their way, 4000 delivered, anything else failed.
    static func remote(_ item: [String: Any]) -> RemoteStatus {
        let id = JSONFields.string(item["messageId"]) ?? ""
        let code = JSONFields.string(item["statusCode"]) ?? ""
        switch code {
        case "4000": return .delivered(gatewayID: id)
        case "2000", "3000", "": return .inFlight(gatewayID: id)
        default:
            return .failed(
                gatewayID: id, code: code, reason: SolapiCodes.reason(code, message: JSONFields.string(item["statusMessage"])),
                optOut: SolapiCodes.isOptOut(code))
        }
    }

    public func balance() async throws -> GatewayBalance {
        let exchange = await http.exchange(
            "solapi balance", makeRequest: { request(.get, "/cash/v1/balance") }, classify: SolapiAnswer.classify)
        let object = try Self.object(exchange, call: "/cash/v1/balance")
        let won = (JSONFields.double(object["balance"]) ?? 0) + (JSONFields.double(object["point"]) ?? 0)
        return GatewayBalance(won: won)
    }
}
