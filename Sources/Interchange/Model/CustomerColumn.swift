/// The columns of a customer file, in canonical order.
///
/// The template, the importers and the exporters all use these headers. A file may name a
/// column by its Korean header (``korean``), its English alias (``english``, matched
/// ignoring case, spaces, `-` and `_`) or one of a few common Korean variants (``variants``).
public enum CustomerColumn: Int, CaseIterable, Sendable {
    case code, name, nickname, gender, vip, mobile, email, group, grade
    case birthday, birthdayCalendar, wedding, weddingCalendar
    case company, department, position, rank, workPhone, fax, workPostcode, workAddress, workAddressDetail
    case homePhone, homePostcode, homeAddress, homeAddressDetail
    case memo, adConsent, nightConsent, optedOut

    /// The canonical (Korean) header.
    public var korean: String {
        switch self {
        case .code: "고객번호"
        case .name: "성명"
        case .nickname: "별명"
        case .gender: "성별"
        case .vip: "VIP"
        case .mobile: "휴대폰"
        case .email: "이메일"
        case .group: "그룹"
        case .grade: "등급"
        case .birthday: "생일"
        case .birthdayCalendar: "생일구분"
        case .wedding: "결혼기념일"
        case .weddingCalendar: "결혼기념일구분"
        case .company: "직장명"
        case .department: "부서"
        case .position: "직책"
        case .rank: "직급"
        case .workPhone: "직장전화"
        case .fax: "팩스"
        case .workPostcode: "직장우편번호"
        case .workAddress: "직장주소"
        case .workAddressDetail: "직장상세주소"
        case .homePhone: "자택전화"
        case .homePostcode: "자택우편번호"
        case .homeAddress: "자택주소"
        case .homeAddressDetail: "자택상세주소"
        case .memo: "메모"
        case .adConsent: "광고수신동의"
        case .nightConsent: "야간광고수신동의"
        case .optedOut: "수신거부"
        }
    }

    /// The English alias.
    public var english: String {
        switch self {
        case .code: "code"
        case .name: "name"
        case .nickname: "nickname"
        case .gender: "gender"
        case .vip: "vip"
        case .mobile: "mobile"
        case .email: "email"
        case .group: "group"
        case .grade: "grade"
        case .birthday: "birthday"
        case .birthdayCalendar: "birthday_calendar"
        case .wedding: "wedding_anniversary"
        case .weddingCalendar: "wedding_calendar"
        case .company: "company"
        case .department: "department"
        case .position: "position"
        case .rank: "rank"
        case .workPhone: "work_phone"
        case .fax: "fax"
        case .workPostcode: "work_postcode"
        case .workAddress: "work_address"
        case .workAddressDetail: "work_address_detail"
        case .homePhone: "home_phone"
        case .homePostcode: "home_postcode"
        case .homeAddress: "home_address"
        case .homeAddressDetail: "home_address_detail"
        case .memo: "memo"
        case .adConsent: "ad_consent"
        case .nightConsent: "night_consent"
        case .optedOut: "opted_out"
        }
    }

    /// Other headers seen in Korean address books and spreadsheets.
    public var variants: [String] {
        switch self {
        case .name: ["이름", "고객명"]
        case .mobile: ["핸드폰", "휴대전화", "휴대폰번호", "핸드폰번호"]
        case .email: ["전자우편", "e-mail"]
        case .birthday: ["생년월일"]
        case .company: ["회사", "회사명", "직장"]
        case .memo: ["비고"]
        case .optedOut: ["수신거부일"]
        default: []
        }
    }

    /// Whether the column holds a date (a serial number in an XLSX cell is then a date).
    public var isDate: Bool {
        switch self {
        case .birthday, .wedding, .adConsent, .nightConsent, .optedOut: true
        default: false
        }
    }

    /// The column a header names, or `nil` when it names none.
    public static func matching(header: String) -> CustomerColumn? {
        byHeader[key(header)]
    }

    /// Headers compared ignoring case, spaces, `-` and `_`.
    static func key(_ header: String) -> String {
        String(header.lowercased().unicodeScalars.filter { !" _-\t".unicodeScalars.contains($0) }.map(Character.init))
    }

    private static let byHeader: [String: CustomerColumn] = {
        var table: [String: CustomerColumn] = [:]
        for column in allCases {
            for header in [column.korean, column.english] + column.variants {
                table[key(header)] = column
            }
        }
        return table
    }()
}
