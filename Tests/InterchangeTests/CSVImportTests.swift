import Foundation
import Testing
@testable import Interchange
import Store

@Suite("CSV import")
struct CSVImportTests {
    @Test("every canonical column is read into the card")
    func canonicalColumns() throws {
        let csv = canonicalHeader + "\n"
            + "C0042,김민준,민준이,남,Y,010-5555-0142,minjun@example.com,보험고객,골드,1985.03.07,양력,2012-05-19,양력,"
            + "한빛상사,영업부,팀장,과장,02-555-0100,02-555-0199,06236,서울특별시 강남구 테헤란로 123,7층,"
            + "031-555-0123,13529,경기도 성남시 분당구 판교역로 45,101동 1203호,\"소개: 김영희, 2024년\",Y,2024-03-02,\n"
        let cards = try CSVReader.read(Data(csv.utf8), file: "customers.csv", options: fixedOptions)
        #expect(cards.count == 1)
        let card = try #require(cards.first).card
        #expect(cards.first?.location == "customers.csv:2")
        #expect(card.code == "C0042")
        #expect(card.name == "김민준")
        #expect(card.nickname == "민준이")
        #expect(card.gender == .male)
        #expect(card.isVIP)
        #expect(card.mobile == "01055550142")
        #expect(card.email == "minjun@example.com")
        #expect(card.group == "보험고객")
        #expect(card.grade == "골드")
        #expect(card.birthday == AnniversaryDate(calendar: .solar, year: 1985, month: 3, day: 7))
        #expect(card.wedding == AnniversaryDate(calendar: .solar, year: 2012, month: 5, day: 19))
        #expect(card.work == WorkInfo(
            company: "한빛상사", department: "영업부", position: "팀장", rank: "과장", phone: "025550100",
            fax: "025550199", postcode: "06236", address: "서울특별시 강남구 테헤란로 123", addressDetail: "7층"))
        #expect(card.home == HomeInfo(
            phone: "0315550123", postcode: "13529", address: "경기도 성남시 분당구 판교역로 45", addressDetail: "101동 1203호"))
        #expect(card.memo == "소개: 김영희, 2024년")
        #expect(card.consent.adConsent == ConsentMark(date: "2025-01-15", source: "import"))
        #expect(card.consent.nightConsent == ConsentMark(date: "2024-03-02", source: "import"))
        #expect(card.consent.optedOut == nil)
    }

    @Test("English headers in any order, with only some columns")
    func englishHeadersAnyOrder() throws {
        let csv = "Mobile,NAME,birthday_calendar,Birthday,vip,gender\r\n01055550001,이서연,윤달,2020-04-10,0,F\r\n"
        let card = try #require(try CSVReader.read(Data(csv.utf8), file: "a.csv", options: fixedOptions).first).card
        #expect(card.name == "이서연")
        #expect(card.mobile == "01055550001")
        #expect(card.birthday == AnniversaryDate(calendar: .lunarLeap, year: 2020, month: 4, day: 10))
        #expect(!card.isVIP)
        #expect(card.gender == .female)
    }

    @Test("date forms: dashes, dots, slashes, 8 digits, and month-day without a year")
    func dateForms() throws {
        let csv = "성명,생일,생일구분,결혼기념일\n가,1990/12/31,,19991231\n나,02-29,,\n다,12-30,음력,2000.1.5.\n"
        let cards = try CSVReader.read(Data(csv.utf8), file: "d.csv", options: fixedOptions).map(\.card)
        #expect(cards.map(\.birthday) == [
            AnniversaryDate(calendar: .solar, year: 1990, month: 12, day: 31),
            AnniversaryDate(calendar: .solar, month: 2, day: 29),
            AnniversaryDate(calendar: .lunar, month: 12, day: 30),
        ])
        #expect(cards[0].wedding == AnniversaryDate(calendar: .solar, year: 1999, month: 12, day: 31))
        #expect(cards[2].wedding == AnniversaryDate(calendar: .solar, year: 2000, month: 1, day: 5))
    }

    @Test("RFC 4180 quoting: commas, doubled quotes and line breaks inside quotes; rows count records")
    func quoting() throws {
        let csv = "성명,메모,휴대폰\r\n\"박, 지훈\",\"첫 줄\r\n둘째 줄 \"\"인용\"\"\",010-5555-0003\r\n최유진,,\r\n"
        let cards = try CSVReader.read(Data(csv.utf8), file: "q.csv", options: fixedOptions)
        #expect(cards.map(\.card.name) == ["박, 지훈", "최유진"])
        #expect(cards[0].card.memo == "첫 줄\r\n둘째 줄 \"인용\"")
        #expect(cards.map(\.location) == ["q.csv:2", "q.csv:3"])
    }

    @Test("a UTF-8 byte-order mark, blank lines and surrounding spaces are ignored")
    func bomAndBlankLines() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("성명 , 그룹\n\n  정하늘  , VIP고객 \n,\n".utf8)
        let cards = try CSVReader.read(data, file: "b.csv", options: fixedOptions)
        #expect(cards.map(\.card.name) == ["정하늘"])
        #expect(cards.first?.card.group == "VIP고객")
        #expect(cards.first?.location == "b.csv:3")
    }

    @Test("decomposed Hangul is stored NFC")
    func nfc() throws {
        let decomposed = "\u{1100}\u{1161}\u{11A8}"  // 각 as conjoining jamo
        let cards = try CSVReader.read(Data("성명\n\(decomposed)\n".utf8), file: "n.csv", options: fixedOptions)
        #expect(cards.first?.card.name == "각")
        #expect(cards.first?.card.name.unicodeScalars.count == 1)
    }

    @Test("CP949 (Korean Excel's CSV) is detected and decoded", arguments: ["cp949", "euc-kr"])
    func cp949(codec: String) throws {
        let dir = try TempDir()
        let path = dir.path("excel.csv")
        let script = """
            import sys
            text = "성명,그룹,주소\\r\\n홍길동,거래처,\\"서울특별시 중구 세종대로 110\\"\\r\\n김영희,지인,부산광역시 해운대구 센텀중앙로 79\\r\\n"
            open(sys.argv[1], "wb").write(text.replace("주소", "자택주소").encode(sys.argv[2]))
            """
        let result = try runPython(script, arguments: [path, codec])
        #expect(result.status == 0, "\(result.stderr)")
        let raw = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(String(data: raw, encoding: .utf8) == nil)  // really not UTF-8
        let cards = try CustomerFile.read(path: path, options: fixedOptions).map(\.card)
        #expect(cards.map(\.name) == ["홍길동", "김영희"])
        #expect(cards.map(\.group) == ["거래처", "지인"])
        #expect(cards[0].home.address == "서울특별시 중구 세종대로 110")
    }

    @Test("a CP949-only character (똠) survives")
    func cp949Extended() throws {
        let bytes = try Iconv.convert(Array("성명\n똠방각하\n".utf8), from: "UTF-8", to: "CP949")
        let cards = try CSVReader.read(Data(bytes), file: "x.csv", options: fixedOptions)
        #expect(cards.first?.card.name == "똠방각하")
    }

    @Test("unknown columns are skipped with ignoreUnknown")
    func ignoreUnknown() throws {
        let csv = "성명,주민번호,휴대폰\n홍길동,800101-1******,010-5555-0001\n"
        let options = ImportOptions(ignoreUnknown: true, today: "2025-01-15")
        let cards = try CSVReader.read(Data(csv.utf8), file: "u.csv", options: options)
        #expect(cards.first?.card.mobile == "01055550001")
    }

    @Test("tab-separated text (Excel's Unicode text) is read")
    func tabSeparated() throws {
        let cards = try CSVReader.read(Data("성명\t휴대폰\n윤서준\t010 5555 0009\n".utf8), file: "t.txt", options: fixedOptions)
        #expect(cards.first?.card.mobile == "01055550009")
    }
}
