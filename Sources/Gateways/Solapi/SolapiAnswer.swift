import Foundation
import Transport

/// One Solapi answer.
enum SolapiAnswer: Sendable {
    /// HTTP 200 (UTF-8 bytes, parsed by the caller that knows the shape; not JSON → ``unreadable``
    /// there too).
    case ok(Data)
    /// HTTP 200 that is not JSON.
    case unreadable
    /// `{"errorCode","errorMessage"}` with a non-200 status.
    case error(status: Int, code: String, message: String)

    static func classify(_ response: HTTPResponse) -> GatewayHTTP.Verdict<SolapiAnswer> {
        if response.status == 429 || (response.status == 503 && response.retryAfter() != nil) {
            return .retry(after: response.retryAfter(), reason: "솔라피 HTTP \(response.status) (잠시 후 재시도)")
        }
        let contentType = response.headers["Content-Type"]
        guard response.status == 200 else {
            let object = ResponseText.jsonObject(response.body, contentType: contentType)
            let code = JSONFields.string(object?["errorCode"]) ?? "http-\(response.status)"
            // A reused signature was refused before anything was processed: safe to sign again.
            if code == "DuplicatedSignature" { return .retry(after: nil, reason: "솔라피 서명 재사용 거부") }
            return .done(.error(status: response.status, code: code, message: JSONFields.string(object?["errorMessage"]) ?? ""))
        }
        // Parsed once by the caller; here only made UTF-8 (an EUC-KR body is converted).
        guard let text = ResponseText.decode(response.body, contentType: contentType) else { return .done(.unreadable) }
        let data = Data(text.utf8)
        guard ResponseText.looksLikeJSONObject(data) else { return .done(.unreadable) }
        return .done(.ok(data))
    }

    /// The JSON object of an `.ok` answer, or `nil` when it is not one.
    static func object(_ data: Data) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }
}

/// Solapi's per-message status codes (solapi/documents `message-status-codes.md`).
enum SolapiCodes {
    /// Codes that mean the account, not the message, is at fault.
    static func accountReason(_ code: String) -> String? {
        switch code {
        case "1062", "2062": "솔라피: 발신번호 미등록 (발신번호 사전등록 확인)"
        case "1030", "2230": "솔라피: 잔액 부족 (충전 필요)"
        case "InvalidAPIKey": "솔라피: API 키가 유효하지 않음"
        case "SignatureDoesNotMatch": "솔라피: API 시크릿이 맞지 않음"
        case "RequestTimeTooSkewed": "솔라피: 서버 시계가 15분 이상 어긋남 (NTP 확인)"
        case "Forbidden": "솔라피: 허용되지 않은 IP 또는 권한 없음"
        case "Unauthorized": "솔라피: 인증 헤더 거부"
        default: nil
        }
    }

    /// 080 무료수신거부.
    static func isOptOut(_ code: String) -> Bool { code == "1061" || code == "2061" }

    /// A Korean reason for a per-message code.
    static func reason(_ code: String, message: String?) -> String {
        let known: [String: String] = [
            "1011": "수신번호 형식 오류", "1026": "중복 수신번호", "1029": "EUC-KR 밖의 문자 포함",
            "1031": "길이 초과", "1060": "차단된 수신번호", "1061": "080 수신거부한 번호", "2061": "080 수신거부한 번호",
            "1064": "KISA 신고로 차단된 번호", "2254": "스팸 차단", "3040": "전송 시간 초과", "3043": "단말기 전원 꺼짐",
            "3054": "스팸 차단", "3055": "스팸 차단 (nospam 등록 번호)", "3059": "변작된 발신번호",
        ]
        let base = known[code] ?? (message?.isEmpty == false ? message! : "결과 코드 \(code)")
        return "솔라피 \(code): \(base)"
    }
}

