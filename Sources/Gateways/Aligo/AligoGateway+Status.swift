import Foundation
import Messaging

extension AligoGateway {
    /// Walks `/sms_list/` pages: one batch (`mid`), or every row since `startDate` (KST
    /// `YYYYMMDD`) for `days` days.
    func listRows(mid: String?, startDate: String?, days: Int?) async throws -> [AligoRow] {
        var rows: [AligoRow] = []
        var page = 1
        while page <= 2000 {
            var fields: [(String, String)] = [("page", String(page)), ("page_size", "500")]
            if let mid { fields.append(("mid", mid)) }
            if let startDate { fields.append(("start_date", startDate)) }
            if let days { fields.append(("limit_day", String(days))) }
            let frozen = fields
            let exchange = await http.exchange(
                "aligo /sms_list/", makeRequest: { request("/sms_list/", frozen) }, classify: AligoAnswer.classify)
            let body = try Self.body(exchange, call: "/sms_list/")
            rows += body.rows
            guard body.hasNextPage, !body.rows.isEmpty else { return rows }
            page += 1
        }
        return rows
    }

    static func body(_ exchange: GatewayHTTP.Exchange<AligoAnswer>, call: String) throws -> AligoBody {
        switch exchange {
        case let .done(.success(body)): return body
        case let .done(.failure(code, message)):
            throw GatewayQueryError(
                gateway: "aligo", call: call, problem: "result_code \(code) \(message)",
                isAccountProblem: AligoCodes.accountReason(code: code, message: message) != nil)
        case .done(.unreadable): throw GatewayQueryError(gateway: "aligo", call: call, problem: "unreadable answer")
        case let .done(.http(status)):
            throw GatewayQueryError(gateway: "aligo", call: call, problem: "HTTP \(status)", isAccountProblem: status == 401 || status == 403)
        case let .notSent(reason, _), let .unknown(reason):
            throw GatewayQueryError(gateway: "aligo", call: call, problem: reason)
        }
    }

    public func status(of messages: [TrackedMessage]) async throws -> [Int64: RemoteStatus] {
        var answers: [Int64: RemoteStatus] = [:]
        let withBatch = Dictionary(grouping: messages.filter { $0.gatewayMessageID != nil }, by: { $0.gatewayMessageID ?? "" })
        for (mid, group) in withBatch {
            var rows = try await listRows(mid: mid, startDate: nil, days: nil)
            for message in group {
                guard let index = rows.firstIndex(where: { $0.receiver == message.phone && MessageChecks.sameText($0.text, message.text) })
                else { continue }
                answers[message.id] = Self.remote(rows.remove(at: index))
            }
        }
        let without = messages.filter { $0.gatewayMessageID == nil }
        guard let earliest = without.map(\.sentAt).min() else { return answers }
        // A day earlier than the earliest send covers clock differences around midnight.
        let start = earliest.addingTimeInterval(-86_400)
        let days = Int(clock().timeIntervalSince(start) / 86_400) + 2
        var rows = try await listRows(mid: nil, startDate: Self.kstDay(start), days: days)
        for message in without.sorted(by: { $0.sentAt < $1.sentAt }) {
            let earliestRow = Self.kstSecond(message.sentAt.addingTimeInterval(-300))
            if let index = rows.firstIndex(where: {
                $0.receiver == message.phone && MessageChecks.sameText($0.text, message.text) && $0.registered >= earliestRow
            }) {
                answers[message.id] = Self.remote(rows.remove(at: index))
            } else {
                answers[message.id] = .notFound
            }
        }
        return answers
    }

    /// `발송완료` is delivered; `전송중`/`대기` are on their way; any other text is a failure.
    static func remote(_ row: AligoRow) -> RemoteStatus {
        switch row.state {
        case "발송완료", "전송완료", "성공": .delivered(gatewayID: row.mid)
        case "", "전송중", "대기", "발송중", "예약": .inFlight(gatewayID: row.mid)
        default: .failed(gatewayID: row.mid, code: "aligo-state", reason: "알리고: \(row.state)", optOut: row.state.contains("수신거부"))
        }
    }

    public func balance() async throws -> GatewayBalance {
        let exchange = await http.exchange("aligo /remain/", makeRequest: { request("/remain/", []) }, classify: AligoAnswer.classify)
        return GatewayBalance(messages: try Self.body(exchange, call: "/remain/").remaining)
    }

    static func kstDay(_ date: Date) -> String {
        let (y, m, d) = OutboxTime.seoulDate(date)
        return String(format: "%04d%02d%02d", y, m, d)
    }

    /// `YYYY-MM-DD HH:MM:SS` in Asia/Seoul, comparable as text with Aligo's `reg_date`.
    static func kstSecond(_ date: Date) -> String { OutboxTime.seoulSecond(date) }
}
