import Foundation
import Messaging
import Transport

extension AligoGateway {
    public func deliver(_ batch: [OutgoingMessage]) async -> [GatewayOutcome] {
        var outcomes = [GatewayOutcome?](repeating: nil, count: batch.count)
        // One call per message type and subject: send_mass takes one msg_type and title.
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for (index, message) in batch.enumerated() {
            if let problem = MessageChecks.numberProblem(message.to) {
                outcomes[index] = problem
                continue
            }
            let key = message.type.rawValue + "\u{1}" + (message.subject ?? "")
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(index)
        }
        for key in order {
            let indices = groups[key] ?? []
            for chunk in stride(from: 0, to: indices.count, by: maxBatchSize).map({ Array(indices[$0..<min($0 + maxBatchSize, indices.count)]) }) {
                let results = await sendMass(chunk.map { batch[$0] })
                for (index, outcome) in zip(chunk, results) { outcomes[index] = outcome }
            }
        }
        return outcomes.map { $0 ?? .unknown(reason: "알리고: 결과 없음") }
    }

    /// One `/send_mass/` call for messages of one type and subject.
    func sendMass(_ messages: [OutgoingMessage]) async -> [GatewayOutcome] {
        guard let first = messages.first else { return [] }
        var fields: [(String, String)] = [("sender", first.from)]
        for (n, message) in messages.enumerated() {
            fields.append(("rec_\(n + 1)", message.to))
            fields.append(("msg_\(n + 1)", message.text))
        }
        fields.append(("cnt", String(messages.count)))
        fields.append(("msg_type", first.type.rawValue))
        if first.type == .lms, let subject = first.subject, !subject.isEmpty { fields.append(("title", subject)) }
        if configuration.testMode { fields.append(("testmode_yn", "Y")) }
        let exchange = await http.exchange(
            "aligo /send_mass/", makeRequest: { request("/send_mass/", fields) }, classify: AligoAnswer.classify)
        if let unsettled = exchange.unsettled(count: messages.count, code: "aligo-retry", now: clock()) { return unsettled }
        guard case let .done(answer) = exchange else { return [] }
        switch answer {
        case let .success(body):
            guard let mid = body.messageID, !mid.isEmpty else {
                return messages.map { _ in .unknown(reason: "알리고: 접수 응답에 msg_id가 없음") }
            }
            if body.errorCount == 0 && body.successCount == messages.count {
                return messages.map { _ in .accepted(gatewayID: mid) }
            }
            return await partial(messages, mid: mid)
        case let .failure(code, message):
            if let reason = AligoCodes.accountReason(code: code, message: message) {
                return messages.map { _ in .accountFailure(code: String(code), reason: reason) }
            }
            let reason = "알리고 접수 거부: " + (message.isEmpty ? "결과 코드 \(code)" : message)
            return messages.map { _ in .rejected(code: String(code), reason: reason, optOut: false) }
        case .unreadable:
            return messages.map { _ in .unknown(reason: "알리고: 응답을 읽을 수 없음 (HTTP 200)") }
        case let .http(status):
            return messages.map { _ in HTTPStatusOutcome.outcome(gateway: "알리고", status: status) }
        }
    }

    /// Partial acceptance: which receivers of batch `mid` the gateway kept, from `/sms_list/`.
    func partial(_ messages: [OutgoingMessage], mid: String) async -> [GatewayOutcome] {
        let rows: [AligoRow]
        do {
            rows = try await listRows(mid: mid, startDate: nil, days: nil)
        } catch {
            return messages.map { _ in .unknown(reason: "알리고: 일부 접수, 접수 목록 조회 실패 (\(error))") }
        }
        var available = rows
        return messages.map { message in
            if let index = available.firstIndex(where: { $0.receiver == message.to && MessageChecks.sameText($0.text, message.text) }) {
                available.remove(at: index)
                return .accepted(gatewayID: mid)
            }
            return .rejected(code: "error_cnt", reason: "알리고 접수 거부 (수신번호 오류, 수신 거부 또는 길이 초과)", optOut: false)
        }
    }
}

/// Checks made before a message leaves, and comparisons against gateway records.
enum MessageChecks {
    /// A Korean phone number: `0` and 8–10 more digits.
    static func numberProblem(_ digits: String) -> GatewayOutcome? {
        // On the UTF-8 bytes: ASCII digits are one byte and one character each.
        let bytes = digits.utf8
        let valid = (9...11).contains(bytes.count) && bytes.first == UInt8(ascii: "0")
            && bytes.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        return valid ? nil : .rejected(code: "invalid-number", reason: "수신번호 형식 오류", optOut: false)
    }

    /// Whether a gateway's copy of a text is ours (line endings and NFC aside).
    static func sameText(_ remote: String, _ ours: String) -> Bool {
        func normal(_ text: String) -> String {
            text.replacingOccurrences(of: "\r\n", with: "\n").precomposedStringWithCanonicalMapping
        }
        return remote == ours || normal(remote) == normal(ours)
    }
}

/// What a non-200 answer means before the gateway said anything else.
enum HTTPStatusOutcome {
    static func outcome(gateway: String, status: Int) -> GatewayOutcome {
        switch status {
        case 401, 403:
            .accountFailure(code: "http-\(status)", reason: "\(gateway): 인증 또는 권한 오류 (HTTP \(status))")
        case 400..<500:
            .accountFailure(code: "http-\(status)", reason: "\(gateway): 요청 거부 (HTTP \(status), base_url과 설정 확인)")
        default:
            .unknown(reason: "\(gateway): HTTP \(status) 응답, 접수 여부 불명")
        }
    }
}
