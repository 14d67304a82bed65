import Store

extension CustomerColumn {
    /// The text a card holds in this column, as the exporters write it and the importers
    /// read it back: phones with dashes, dates `YYYY-MM-DD` (`MM-DD` without a year),
    /// calendars 양력/음력/윤달, VIP `Y`/`N`, consent columns the date given.
    public func text(of card: CustomerCard) -> String {
        switch self {
        case .code: card.code ?? ""
        case .name: card.name
        case .nickname: card.nickname ?? ""
        case .gender: card.gender?.rawValue ?? ""
        case .vip: card.isVIP ? "Y" : "N"
        case .mobile: phone(card.mobile)
        case .email: card.email ?? ""
        case .group: card.group ?? ""
        case .grade: card.grade ?? ""
        case .birthday: card.birthday?.formatted ?? ""
        case .birthdayCalendar: card.birthday?.calendar.korean ?? ""
        case .wedding: card.wedding?.formatted ?? ""
        case .weddingCalendar: card.wedding?.calendar.korean ?? ""
        case .company: card.work.company ?? ""
        case .department: card.work.department ?? ""
        case .position: card.work.position ?? ""
        case .rank: card.work.rank ?? ""
        case .workPhone: phone(card.work.phone)
        case .fax: phone(card.work.fax)
        case .workPostcode: card.work.postcode ?? ""
        case .workAddress: card.work.address ?? ""
        case .workAddressDetail: card.work.addressDetail ?? ""
        case .homePhone: phone(card.home.phone)
        case .homePostcode: card.home.postcode ?? ""
        case .homeAddress: card.home.address ?? ""
        case .homeAddressDetail: card.home.addressDetail ?? ""
        case .memo: card.memo ?? ""
        case .adConsent: card.consent.adConsent?.date ?? ""
        case .nightConsent: card.consent.nightConsent?.date ?? ""
        case .optedOut: card.consent.optedOut?.date ?? ""
        }
    }

    private func phone(_ digits: String?) -> String {
        digits.map(PhoneNumber.display) ?? ""
    }

    /// The canonical headers, in order.
    public static var headers: [String] { allCases.map(\.korean) }

    /// A card for templates and help: one fictional customer with every column filled.
    public static let exampleCard = CustomerCard(
        code: "C0001", name: "홍길동", nickname: "길동이", gender: .male, isVIP: true,
        mobile: "01055550101", email: "gildong@example.com", memo: "소개: 김영희 고객",
        group: "보험고객", grade: "골드",
        birthday: AnniversaryDate(calendar: .lunar, year: 1975, month: 3, day: 15),
        wedding: AnniversaryDate(calendar: .solar, year: 2003, month: 10, day: 11),
        work: WorkInfo(
            company: "한빛상사", department: "영업부", position: "팀장", rank: "과장",
            phone: "0255550100", fax: "0255550199", postcode: "06236",
            address: "서울특별시 강남구 테헤란로 123", addressDetail: "한빛빌딩 7층"),
        home: HomeInfo(
            phone: "0315550123", postcode: "13529", address: "경기도 성남시 분당구 판교역로 45",
            addressDetail: "101동 1203호"),
        consent: ConsentLedger(adConsent: ConsentMark(date: "2024-03-02", source: "import")))
}
