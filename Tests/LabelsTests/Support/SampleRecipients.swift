import Labels

/// Deterministic, realistic recipients: varied names, road-name addresses of typical and
/// long length, 5-digit postcodes.
enum SampleRecipients {
    static let surnames = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황"]
    static let given = ["민준", "서연", "도윤", "하은", "시우", "지우", "예준", "수아", "주원", "지호", "서윤", "건우", "채원", "우진", "다은", "현우", "지민"]
    static let cities = [
        "서울특별시 강남구 테헤란로", "부산광역시 해운대구 센텀중앙로", "경기도 성남시 분당구 판교역로",
        "대구광역시 수성구 달구벌대로", "인천광역시 연수구 컨벤시아대로", "광주광역시 서구 상무중앙로",
        "충청북도 청주시 흥덕구 2순환로", "제주특별자치도 제주시 노형로", "전라남도 여수시 좌수영로",
    ]
    static let buildings = ["래미안아파트", "푸르지오", "현대오피스텔", "한빛빌딩", "자이아파트", "SK뷰", "더샵센트럴시티"]

    /// The `i`-th recipient (0-based); `i` also makes name and postcode unique per run.
    static func recipient(_ i: Int) -> LabelRecipient {
        let name = surnames[i % surnames.count] + given[(i / surnames.count) % given.count] + (i >= 272 ? String(i) : "")
        let road = cities[i % cities.count]
        let detail = "\(101 + i % 12)동 \(1 + i % 25)0\(1 + i % 4)호 (\(["역삼동", "우동", "삼평동", "범어동"][i % 4]), \(buildings[i % buildings.count]))"
        return LabelRecipient(
            key: "C\(String(format: "%05d", i))", name: name, postcode: String(format: "%05d", 10000 + (i * 7919) % 89999),
            address: "\(road) \(1 + i % 400)", addressDetail: detail, keyLine: "C\(String(format: "%05d", i)) VIP/골드")
    }

    static func make(_ count: Int) -> [LabelRecipient] { (0..<count).map(recipient) }
}
