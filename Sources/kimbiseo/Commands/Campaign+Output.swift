import Foundation
import Messaging
import Store

/// How campaign summaries and records are printed for people.
enum CampaignOutput {
    static func summary(_ s: CampaignSummary) -> String {
        var lines: [String] = []
        if let id = s.campaignID {
            lines.append("캠페인 \(id) '\(s.name)' \(s.state == .paused ? "일시 정지 상태로 " : "")생성됨")
        } else {
            lines.append("미리 보기 (--dry-run): 저장하지 않음")
        }
        lines.append("발송 예정: \(s.scheduledAt) KST\(s.isAd ? " · 광고" : "") · 대상: \(s.audience)")
        lines.append("수신자 \(s.recipients)명 (SMS \(s.sms), LMS \(s.lms)) / 선택된 고객 \(s.customers)명")
        if s.promotedToLMSByAd > 0 { lines.append("광고 표기로 SMS→LMS: \(s.promotedToLMSByAd)건") }
        if s.held > 0 { lines.append("야간 보류: \(s.held)명 → \(s.heldUntil ?? "") KST에 발송") }
        if s.excludedCount > 0 {
            lines.append("제외 \(s.excludedCount)명:")
            for exclusion in s.excluded {
                let names = exclusion.customers.prefix(5).map { "\($0.name)(\($0.id))" }.joined(separator: ", ")
                let more = exclusion.count > 5 ? " 외 \(exclusion.count - 5)명" : ""
                lines.append("  \(exclusion.reason): \(exclusion.count)명 — \(names)\(more)")
            }
        }
        if s.sharedPhoneCount > 0 {
            lines.append("같은 번호 \(s.sharedPhoneCount)명은 한 번만 보냄:")
            for shared in s.sharedPhones.prefix(5) {
                lines.append("  \(shared.phone): \(shared.keptName)(\(shared.keptID))에게 보냄, \(shared.skippedName)(\(shared.skippedID)) 제외")
            }
        }
        for preview in s.previews {
            lines.append("")
            lines.append("── \(preview.name)(\(preview.customerID)) \(preview.phone) · \(preview.type) \(preview.bytes)바이트\(preview.held ? " · 보류" : "")")
            if let subject = preview.subject { lines.append("제목: \(subject)") }
            lines.append(preview.text)
        }
        return lines.joined(separator: "\n")
    }

    static func record(_ r: CampaignRecord) -> String {
        var lines = [
            "캠페인 \(r.id) '\(r.name)' — \(r.state.korean) (\(r.state.rawValue))",
            "종류: \(r.kind.rawValue)\(r.isAd ? " · 광고" : "") · 대상: \(r.audience)",
            "발송 예정: \(seoul(r.scheduledAt)) KST · 생성: \(seoul(r.createdAt)) KST",
        ]
        if let template = r.templateName { lines.append("서식: \(template)") }
        lines.append("수신자 \(r.recipientCount)명 · 제외 \(r.excludedCount)명")
        let counts = MessageState.allCases.compactMap { state in
            r.counts[state.rawValue].map { "\(state.korean)(\(state.rawValue)) \($0)" }
        }
        lines.append("상태별: " + (counts.isEmpty ? "-" : counts.joined(separator: ", ")))
        if let summary = r.summary, summary.excludedCount > 0 {
            lines.append("제외 사유: " + summary.excluded.map { "\($0.reason) \($0.count)" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    /// A store instant as `YYYY-MM-DD HH:MM` in Asia/Seoul.
    static func seoul(_ stored: String) -> String {
        OutboxTime.parse(stored).map(OutboxTime.seoulMinute) ?? stored
    }
}
