import Foundation
import Messaging
import Store

/// One delivery event as a log line, for people or as JSON.
struct LogFormat {
    var json: Bool
    var unmask: Bool

    struct Line: Encodable {
        var at: String
        var campaign: Int64?
        var message: Int64?
        var phone: String?
        var type: String?
        var state: String
        var code: String?
        var reason: String?
    }

    func line(_ event: DeliveryEvent) throws -> String {
        let phone = event.phone.map { unmask ? PhoneNumber.display($0) : PhoneNumber.masked($0) }
        if json {
            return try messagingJSON(Line(
                at: event.at, campaign: event.campaignID, message: event.messageID, phone: phone, type: event.type,
                state: event.state, code: event.code, reason: event.reason))
        }
        let time = OutboxTime.parse(event.at).map(OutboxTime.seoulSecond) ?? event.at
        let state = MessageState(rawValue: event.state)?.korean ?? CampaignState(rawValue: event.state)?.korean ?? event.state
        return [
            time,
            "캠페인 \(event.campaignID.map(String.init) ?? "-")",
            event.messageID.map { "#\($0)" } ?? "-",
            phone ?? "-",
            event.type ?? "-",
            "\(state)(\(event.state))",
            event.code ?? "-",
            event.reason ?? "",
        ].joined(separator: "  ")
    }
}
