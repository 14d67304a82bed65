import Foundation
import Messaging
import Transport

extension HTTPTemplateGateway {
    public func deliver(_ batch: [OutgoingMessage]) async -> [GatewayOutcome] {
        if configuration.mode == .batch {
            var outcomes: [GatewayOutcome] = []
            for start in stride(from: 0, to: batch.count, by: maxBatchSize) {
                outcomes += await sendChunk(Array(batch[start..<min(start + maxBatchSize, batch.count)]))
            }
            return outcomes
        }
        // One request per message, a few in flight at once; outcomes keep the batch's order.
        var outcomes = [GatewayOutcome?](repeating: nil, count: batch.count)
        await withTaskGroup(of: (Int, GatewayOutcome).self) { group in
            var next = 0
            func launch() {
                guard next < batch.count else { return }
                let index = next
                next += 1
                group.addTask { (index, await sendChunk([batch[index]]).first ?? .unknown(reason: "HTTP 게이트웨이: 결과 없음")) }
            }
            for _ in 0..<Self.concurrentRequests { launch() }
            while let (index, outcome) = await group.next() {
                outcomes[index] = outcome
                launch()
            }
        }
        return outcomes.map { $0 ?? .unknown(reason: "HTTP 게이트웨이: 결과 없음") }
    }

    /// The request for one message or one batch.
    func request(_ messages: [OutgoingMessage]) -> HTTPRequest {
        let c = configuration
        let values = messages.enumerated().map { HTTPTemplate.values($1, position: $0 + 1, credentials: c.credentials) }
        let first = values.first ?? [:]
        var headers = HTTPHeaders()
        for (name, value) in c.headers { headers.add(name, value.render(first, escaping: .none)) }
        let body: String
        switch (c.mode, c.format) {
        case (.message, .json):
            body = c.body.render(first, escaping: .json)
        case (.message, .form), (.batch, .form):
            body = values.map { c.body.render($0, escaping: .form) }.joined(separator: "&")
        case (.batch, .json):
            let items = values.map { c.body.render($0, escaping: .json) }.joined(separator: ",")
            var outer = first
            outer["messages"] = items
            body = (c.batchBody ?? HTTPTemplate(source: "{{messages}}")).render(outer, escaping: .json)
        }
        if headers["Content-Type"] == nil {
            headers.add("Content-Type", c.format == .json ? "application/json; charset=utf-8" : FormURLEncoding.contentType)
        }
        return HTTPRequest(method: c.method, url: c.url.render(first, escaping: .url), headers: headers,
                           body: Data(body.utf8), timeout: c.timeout)
    }

    func sendChunk(_ messages: [OutgoingMessage]) async -> [GatewayOutcome] {
        let prepared = request(messages)
        let exchange = await http.exchange("http gateway", makeRequest: { prepared }) { response -> GatewayHTTP.Verdict<HTTPTemplateAnswer> in
            if response.status == 429 || (response.status == 503 && response.retryAfter() != nil) {
                return .retry(after: response.retryAfter(), reason: "HTTP \(response.status) (잠시 후 재시도)")
            }
            guard (200..<300).contains(response.status) else { return .done(.http(status: response.status)) }
            guard let text = ResponseText.decode(response.body, contentType: response.headers["Content-Type"]),
                  let json = try? JSONSerialization.jsonObject(with: Data(text.utf8)),
                  let data = try? JSONSerialization.data(withJSONObject: json)
            else { return .done(.unreadable) }
            return .done(.json(data))
        }
        if let unsettled = exchange.unsettled(count: messages.count, code: "http-retry", now: clock()) { return unsettled }
        guard case let .done(answer) = exchange else { return [] }
        switch answer {
        case .unreadable:
            return messages.map { _ in .unknown(reason: "HTTP 게이트웨이: 응답을 읽을 수 없음") }
        case let .http(status):
            return messages.map { _ in HTTPStatusOutcome.outcome(gateway: "HTTP 게이트웨이", status: status) }
        case let .json(data):
            let root = try? JSONSerialization.jsonObject(with: data)
            if configuration.mode == .batch, let path = configuration.resultsPath {
                guard let items = JSONFields.value(at: path, in: root) as? [Any], items.count == messages.count else {
                    return messages.map { _ in .unknown(reason: "HTTP 게이트웨이: 결과 목록(\(path))이 없거나 개수가 다름") }
                }
                return items.map { outcome(for: $0, fallbackID: nil) }
            }
            let single = outcome(for: root, fallbackID: nil)
            return messages.map { _ in single }
        }
    }

    /// One result object read with the success, id, code and message rules.
    func outcome(for object: Any?, fallbackID: String?) -> GatewayOutcome {
        let c = configuration
        let success: Bool
        if let path = c.successPath {
            let value = JSONFields.string(JSONFields.value(at: path, in: object)) ?? (JSONFields.value(at: path, in: object) as? Bool).map { $0 ? "true" : "false" }
            guard let value else { return .unknown(reason: "HTTP 게이트웨이: 응답에 \(path) 없음") }
            success = c.successValues.contains(value.lowercased())
        } else {
            success = true
        }
        let code = c.codePath.flatMap { JSONFields.string(JSONFields.value(at: $0, in: object)) }
        let text = c.messagePath.flatMap { JSONFields.string(JSONFields.value(at: $0, in: object)) }
        if success {
            let id = c.idPath.flatMap { JSONFields.string(JSONFields.value(at: $0, in: object)) } ?? fallbackID
            return .accepted(gatewayID: id ?? "")
        }
        let failure = code ?? "failed"
        let reason = "HTTP 게이트웨이 거부 (\(failure))" + (text.map { ": " + $0 } ?? "")
        if c.accountCodes.contains(failure) { return .accountFailure(code: failure, reason: reason) }
        return .rejected(code: failure, reason: reason, optOut: c.optoutCodes.contains(failure))
    }
}

/// One answer of a generic HTTP gateway.
enum HTTPTemplateAnswer: Sendable {
    case json(Data)
    case unreadable
    case http(status: Int)
}
