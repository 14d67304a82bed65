/// A field that a template can insert: `<<이름>>` or `{{이름}}`.
public enum Placeholder: String, CaseIterable, Sendable, Hashable {
    /// 이름: the customer's name.
    case name = "이름"
    /// 별명: nickname.
    case nickname = "별명"
    /// 직장명: company.
    case company = "직장명"
    /// 부서: department.
    case department = "부서"
    /// 직책: position (팀장).
    case position = "직책"
    /// 직급: rank (과장).
    case rank = "직급"
    /// 그룹: the customer's group.
    case group = "그룹"
    /// 등급: the customer's grade.
    case grade = "등급"
    /// 고객번호: customer code.
    case code = "고객번호"
    /// 상호: the shop name from the configuration (`sms.shop_name`).
    case shopName = "상호"
    /// 오늘: today in Asia/Seoul, written `11월 28일` (see ``RenderContext``).
    case today = "오늘"

    /// The placeholder as written in templates: `<<이름>>`.
    public var token: String { "<<\(rawValue)>>" }
}
