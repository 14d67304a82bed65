/// Who one label is for, as plain values (the store maps its customer cards to this).
///
/// Text may arrive in any normalization form; layout NFC-normalizes it and collapses
/// runs of white space.
public struct LabelRecipient: Sendable, Hashable {
    /// Identifies the customer in reports (customer code or row id).
    public var key: String
    /// 성명 or, for an organisation, its name (e.g. `(주)한빛`).
    public var name: String
    /// An organisation gets 귀중 instead of a personal honorific.
    public var isOrganisation: Bool
    /// 직장명: printed on its own line for a work address.
    public var company: String?
    /// 부서: printed after the company.
    public var department: String?
    /// 5-digit 우편번호 (국가기초구역번호).
    public var postcode: String?
    /// Road-name address: 시·도 시·군·구 도로명 건물번호.
    public var address: String
    /// 상세주소: 동·층·호 and 참고항목 `(법정동, 건물명)`.
    public var addressDetail: String?
    /// Optional small line for returns, e.g. `C00123 VIP/골드`.
    public var keyLine: String?

    public init(
        key: String, name: String, isOrganisation: Bool = false, company: String? = nil,
        department: String? = nil, postcode: String?, address: String, addressDetail: String? = nil,
        keyLine: String? = nil
    ) {
        self.key = key; self.name = name; self.isOrganisation = isOrganisation
        self.company = company; self.department = department; self.postcode = postcode
        self.address = address; self.addressDetail = addressDetail; self.keyLine = keyLine
    }
}
