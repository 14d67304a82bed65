import Foundation
import Messaging
import Transport

extension SolapiGateway {
    public func deliver(_ batch: [OutgoingMessage]) async -> [GatewayOutcome] {
        var outcomes = [GatewayOutcome?](repeating: nil, count: batch.count)
        var sendable: [Int] = []
        for (index, message) in batch.enumerated() {
            if let problem = MessageChecks.numberProblem(message.to) { outcomes[index] = problem } else { sendable.append(index) }
        }
        for chunk in Self.requests(sendable, phones: batch.map(\.to), limit: maxBatchSize) {
            let results = await sendMany(chunk.map { batch[$0] })
            for (index, outcome) in zip(chunk, results) { outcomes[index] = outcome }
        }
        return outcomes.map { $0 ?? .unknown(reason: "솔라피: 결과 없음") }
    }

    /// Splits message indices into requests of at most `limit`, each phone at most once per
    /// request: Solapi refuses a repeated `to` within one request (1026) unless
    /// `allowDuplicates`, and two campaigns to one customer can share a batch.
    static func requests(_ indices: [Int], phones: [String], limit: Int) -> [[Int]] {
        var requests: [[Int]] = []
        var seen: [Set<String>] = []
        for index in indices {
            let phone = phones[index]
            if let slot = requests.indices.first(where: { requests[$0].count < limit && !seen[$0].contains(phone) }) {
                requests[slot].append(index)
                seen[slot].insert(phone)
            } else {
                requests.append([index])
                seen.append([phone])
            }
        }
        return requests
    }

    /// The `send-many/detail` body: our id in `customFields`, `showMessageList` on.
    func body(_ messages: [OutgoingMessage]) -> Data {
        let field = JSONText.quoted(configuration.idField)
        var out = "{\"showMessageList\":true,\"messages\":["
        // About 90 bytes of names and ids around each message's own text.
        out.reserveCapacity(messages.reduce(64) { $0 + $1.text.utf8.count + ($1.subject?.utf8.count ?? 0) + 120 })
        for (n, message) in messages.enumerated() {
            out += n > 0 ? ",{\"to\":" : "{\"to\":"
            JSONText.append(message.to, to: &out)
            out += ",\"from\":"
            JSONText.append(message.from, to: &out)
            out += ",\"type\":\"" + message.type.rawValue + "\",\"text\":"
            JSONText.append(message.text, to: &out)
            if message.type == .lms, let subject = message.subject, !subject.isEmpty {
                out += ",\"subject\":"
                JSONText.append(subject, to: &out)
            }
            out += ",\"customFields\":{" + field + ":\"" + String(message.id) + "\"}}"
        }
        out += "]}"
        return Data(out.utf8)
    }

    func sendMany(_ messages: [OutgoingMessage]) async -> [GatewayOutcome] {
        let payload = body(messages)
        let exchange = await http.exchange(
            "solapi send-many", makeRequest: { request(.post, "/messages/v4/send-many/detail", body: payload) },
            classify: SolapiAnswer.classify)
        if let unsettled = exchange.unsettled(count: messages.count, code: "solapi-retry", now: clock()) { return unsettled }
        guard case let .done(answer) = exchange else { return [] }
        switch answer {
        case let .ok(data):
            if let results = SolapiSendResults.scan(data, idField: configuration.idField) {
                return outcomes(messages, results)
            }
            guard let answer = SolapiAnswer.object(data) else {
                return messages.map { _ in .unknown(reason: "솔라피: 응답을 읽을 수 없음 (HTTP 200)") }
            }
            return outcomes(messages, SolapiSendResults(answer, idField: configuration.idField))
        case .unreadable:
            return messages.map { _ in .unknown(reason: "솔라피: 응답을 읽을 수 없음 (HTTP 200)") }
        case let .error(status, code, message):
            if let reason = SolapiCodes.accountReason(code) {
                return messages.map { _ in .accountFailure(code: code, reason: reason) }
            }
            if status == 400 {
                let reason = "솔라피 요청 거부 (\(code)): \(message)"
                return messages.map { _ in .rejected(code: code, reason: reason, optOut: false) }
            }
            return messages.map { _ in HTTPStatusOutcome.outcome(gateway: "솔라피", status: status) }
        }
    }

    /// Each message's outcome from `messageList` and `failedMessageList`, matched on our id.
    func outcomes(_ messages: [OutgoingMessage], _ results: SolapiSendResults) -> [GatewayOutcome] {
        messages.map { message in
            let key = String(message.id)
            if let id = results.accepted[key] { return .accepted(gatewayID: id) }
            if let (code, text) = results.failed[key] {
                if let reason = SolapiCodes.accountReason(code) { return .accountFailure(code: code, reason: reason) }
                return .rejected(code: code, reason: SolapiCodes.reason(code, message: text), optOut: SolapiCodes.isOptOut(code))
            }
            return .unknown(reason: "솔라피: 응답에 이 메시지의 결과가 없음")
        }
    }

    /// Our id from an item's `customFields`.
    func ourID(_ item: [String: Any]) -> String? {
        JSONFields.string((item["customFields"] as? [String: Any])?[configuration.idField])
    }
}
