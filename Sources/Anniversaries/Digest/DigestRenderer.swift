import Foundation
import KoreanCalendar
import Messaging
import Store

/// Renders a ``Digest`` for one staff member with `digest.txt` (plain text, with the subject
/// line) and `digest.html` from `reminders.templates_dir`.
public struct DigestRenderer: Sendable {
    public let text: DigestTemplate
    public let html: DigestTemplate
    /// 상호 (`sms.shop_name`) for the templates' `{{상호}}`.
    public let shopName: String?

    /// - Throws: ``AnniversaryError/template(file:problem:)`` when a file is missing or invalid,
    ///   or `digest.txt` has no `제목:` line.
    public init(directory: String, shopName: String?) throws(AnniversaryError) {
        text = try DigestTemplate.load(path: (directory as NSString).appendingPathComponent("digest.txt"))
        html = try DigestTemplate.load(path: (directory as NSString).appendingPathComponent("digest.html"))
        guard text.subject != nil else { throw .template(file: text.file, problem: "line 1: no '제목:' subject line") }
        self.shopName = shopName
    }

    /// Subject, plain text and HTML for `staffName`.
    public func render(_ digest: Digest, staffName: String) -> (subject: String, text: String, html: String) {
        let values = Self.values(digest, staffName: staffName, shopName: shopName)
        return (text.renderSubject(values) ?? "", text.render(values), html.render(values))
    }

    /// The names a digest template can use (listed in `templates/email/README.md`).
    static func values(_ digest: Digest, staffName: String, shopName: String?) -> [String: TemplateValue] {
        [
            "직원": .text(staffName),
            "상호": .text(shopName ?? ""),
            "날짜": .text(digest.day.description),
            "오늘": .text(koreanDay(digest.day)),
            "기간": .text("\(digest.daysAhead)"),
            "오늘_건수": .text("\(digest.today.count)"),
            "다가오는_건수": .text("\(digest.upcoming.count)"),
            "문제_건수": .text("\(digest.problems.count)"),
            "오늘_기념일": .list(digest.today.map(entry)),
            "다가오는_기념일": .list(digest.upcoming.map(entry)),
            "발송_문제": .list(digest.problems.map { problem in
                [
                    "이름": .text(problem.name), "고객번호": .text(problem.code ?? ""),
                    "종류": .text(problem.kind.korean), "날짜": .text(koreanDay(problem.date)),
                    "사유": .text(problem.reason),
                ]
            }),
        ]
    }

    static func entry(_ e: Digest.Entry) -> [String: TemplateValue] {
        var years = ""
        if let n = e.years { years = e.kind == .birthday ? "\(n)세" : "결혼 \(n)주년" }
        return [
            "이름": .text(e.name), "고객번호": .text(e.code ?? ""), "종류": .text(e.kind.korean),
            "날짜": .text(koreanDay(e.date)), "음력": .text(e.isLunar ? e.origin : ""), "원래_날짜": .text(e.origin),
            "나이": .text(years), "전화": .text(e.phone.map(PhoneNumber.display) ?? ""),
            "그룹": .text(e.group ?? ""), "등급": .text(e.grade ?? ""), "문자": .text(e.text ?? ""),
            "발송_시각": .text(e.sendAt.map(OutboxTime.seoulMinute) ?? ""), "상태": .text(e.status),
        ]
    }

    /// `2026-11-29 (일)`.
    static func koreanDay(_ day: SolarDate) -> String {
        let names = ["일", "월", "화", "수", "목", "금", "토"]
        return "\(day) (\(names[((day.dayNumber % 7) + 7 + 4) % 7]))"
    }
}
