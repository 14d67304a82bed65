/// The customer values a template can insert, as plain strings (NFC, as stored).
///
/// `nil` and empty strings both count as "no value": the placeholder's fallback is used, or
/// the message is reported as missing that value.
public struct RecipientFields: Sendable, Hashable {
    /// 이름
    public var name: String?
    /// 별명
    public var nickname: String?
    /// 직장명
    public var company: String?
    /// 부서
    public var department: String?
    /// 직책
    public var position: String?
    /// 직급
    public var rank: String?
    /// 그룹
    public var group: String?
    /// 등급
    public var grade: String?
    /// 고객번호
    public var code: String?

    public init(
        name: String? = nil, nickname: String? = nil, company: String? = nil,
        department: String? = nil, position: String? = nil, rank: String? = nil,
        group: String? = nil, grade: String? = nil, code: String? = nil
    ) {
        self.name = name; self.nickname = nickname; self.company = company
        self.department = department; self.position = position; self.rank = rank
        self.group = group; self.grade = grade; self.code = code
    }
}
