import Foundation
import Transport

/// One Aligo answer, read leniently (`result_code` as number or string, EUC-KR bodies).
enum AligoAnswer: Sendable {
    /// `result_code` ≥ 1.
    case success(AligoBody)
    /// `result_code` < 1 with Aligo's message.
    case failure(code: Int, message: String)
    /// HTTP 200 whose body is not the JSON Aligo documents.
    case unreadable
    /// Another HTTP status.
    case http(status: Int)

    static func classify(_ response: HTTPResponse) -> GatewayHTTP.Verdict<AligoAnswer> {
        if response.status == 429 || (response.status == 503 && response.retryAfter() != nil) {
            return .retry(after: response.retryAfter(), reason: "알리고 HTTP \(response.status) (잠시 후 재시도)")
        }
        guard response.status == 200 else { return .done(.http(status: response.status)) }
        guard let object = ResponseText.jsonObject(response.body, contentType: response.headers["Content-Type"]),
              let code = JSONFields.int(object["result_code"])
        else { return .done(.unreadable) }
        if code >= 1 { return .done(.success(AligoBody(object))) }
        return .done(.failure(code: code, message: JSONFields.string(object["message"]) ?? ""))
    }
}

/// The fields of a successful Aligo answer that Kimbiseo reads.
struct AligoBody: Sendable {
    /// `msg_id` of a send (Aligo's `mid` elsewhere).
    var messageID: String?
    var successCount: Int
    var errorCount: Int
    /// `/sms_list/` rows.
    var rows: [AligoRow]
    /// `next_yn == "Y"`.
    var hasNextPage: Bool
    /// `/remain/`: `SMS_CNT`, `LMS_CNT`, `MMS_CNT` by type.
    var remaining: [String: Int]

    init(_ object: [String: Any]) {
        messageID = JSONFields.string(object["msg_id"])
        successCount = JSONFields.int(object["success_cnt"]) ?? 0
        errorCount = JSONFields.int(object["error_cnt"]) ?? 0
        rows = (object["list"] as? [[String: Any]] ?? []).map(AligoRow.init)
        hasNextPage = (JSONFields.string(object["next_yn"]) ?? "N").uppercased() == "Y"
        remaining = [:]
        for type in ["SMS", "LMS", "MMS"] {
            if let count = JSONFields.int(object["\(type)_CNT"]) { remaining[type] = count }
        }
    }
}

/// One `/sms_list/` row: one receiver of one batch.
struct AligoRow: Sendable, Hashable {
    var mid: String
    var mdid: String
    var receiver: String
    var text: String
    /// Korean free text: `전송중`, `발송완료`, `발/착신 번호 에러` …
    var state: String
    /// `YYYY-MM-DD HH:MM:SS` in Asia/Seoul.
    var registered: String

    init(_ object: [String: Any]) {
        mid = JSONFields.string(object["mid"]) ?? ""
        mdid = JSONFields.string(object["mdid"]) ?? ""
        receiver = (JSONFields.string(object["receiver"]) ?? "").filter(\.isNumber)
        text = JSONFields.string(object["msg"]) ?? ""
        state = JSONFields.string(object["sms_state"]) ?? ""
        registered = JSONFields.string(object["reg_date"]) ?? ""
    }
}

/// Aligo's documented negative result codes and what they mean for us.
enum AligoCodes {
    /// -101 (auth, also the IP allow-list), -201 (balance), -302 (sender not registered):
    /// the account cannot send.
    static func accountReason(code: Int, message: String) -> String? {
        switch code {
        case -101:
            message.contains("IP")
                ? "알리고: 허용되지 않은 IP에서 요청함 (알리고 관리 화면의 발송 IP 등록 확인)"
                : "알리고: 인증 오류 (user_id 또는 key 확인)"
        case -201: "알리고: 잔액 부족 (충전 필요)"
        case -302: "알리고: 등록되지 않은 발신번호 (발신번호 사전등록 확인)"
        default: nil
        }
    }
}
