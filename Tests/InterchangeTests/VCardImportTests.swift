import Foundation
import Testing
@testable import Interchange
import Store

@Suite("vCard import")
struct VCardImportTests {
    @Test("a phone-book export with Korean names, typed phones, addresses and a photo")
    func phoneBook() throws {
        let photo = tinyPNG.base64EncodedString()
        let folded = stride(from: 0, to: photo.count, by: 60).map { offset -> String in
            let start = photo.index(photo.startIndex, offsetBy: offset)
            let end = photo.index(start, offsetBy: min(60, photo.count - offset))
            return " " + photo[start..<end]
        }.joined(separator: "\r\n")
        let vcf = """
            BEGIN:VCARD\r
            VERSION:3.0\r
            FN:김서연\r
            N:김;서연;;;\r
            TEL;TYPE=HOME,VOICE:02-555-0100\r
            TEL;TYPE=CELL:+82 10-5555-0201\r
            TEL;TYPE=WORK:031-555-0202\r
            EMAIL;TYPE=INTERNET:seoyeon@example.com\r
            ORG:한빛상사;기획팀\r
            TITLE:대리\r
            ADR;TYPE=HOME:;101동 1203호;판교역로 45;성남시 분당구;경기도;13529;대한민국\r
            ADR;TYPE=WORK:;7층;테헤란로 123;강남구;서울특별시;06236;\r
            BDAY:--0315\r
            NOTE:첫 줄\\n둘째 줄\\, 쉼표\r
            PHOTO;ENCODING=b;TYPE=PNG:\r
            \(folded)\r
            END:VCARD\r
            BEGIN:VCARD\r
            VERSION:4.0\r
            N:남궁;민;;;\r
            TEL;VALUE=uri;TYPE="voice,cell":tel:010-5555-0203\r
            BDAY:19900101\r
            PHOTO:data:image/png;base64,\(photo)\r
            END:VCARD\r
            BEGIN:VCARD\r
            VERSION:2.1\r
            N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=EC=9D=B4;=EC=A7=80=EC=9D=80;;;\r
            TEL;CELL:01055550204\r
            NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=EB=A9=94=EB=AA=A8 =\r
            =EC=9E=85=EB=8B=88=EB=8B=A4\r
            END:VCARD\r

            """
        let cards = try VCardReader.read(Data(vcf.utf8), file: "contacts.vcf", options: fixedOptions)
        #expect(cards.map(\.card.name) == ["김서연", "남궁민", "이지은"])
        #expect(cards.map(\.location) == ["contacts.vcf:1", "contacts.vcf:\(17 + folded.split(separator: "\r\n").count)", "contacts.vcf:\(24 + folded.split(separator: "\r\n").count)"])
        let first = cards[0].card
        #expect(first.mobile == "01055550201")
        #expect(first.home.phone == "025550100")
        #expect(first.work.phone == "0315550202")
        #expect(first.email == "seoyeon@example.com")
        #expect(first.work.company == "한빛상사")
        #expect(first.work.department == "기획팀")
        #expect(first.work.position == "대리")
        #expect(first.home == HomeInfo(phone: "025550100", postcode: "13529", address: "경기도 성남시 분당구 판교역로 45", addressDetail: "101동 1203호"))
        #expect(first.work.address == "서울특별시 강남구 테헤란로 123")
        #expect(first.work.postcode == "06236")
        #expect(first.birthday == AnniversaryDate(calendar: .solar, month: 3, day: 15))
        #expect(first.memo == "첫 줄\n둘째 줄, 쉼표")
        #expect(first.image == CustomerImage(mediaType: "image/png", data: tinyPNG))
        #expect(cards[1].card.mobile == "01055550203")
        #expect(cards[1].card.birthday == AnniversaryDate(calendar: .solar, year: 1990, month: 1, day: 1))
        #expect(cards[1].card.image?.data == tinyPNG)
        #expect(cards[2].card.mobile == "01055550204")
        #expect(cards[2].card.memo == "메모 입니다")
    }

    @Test("bad vCards: one line per problem, naming the line and the property")
    func problems() {
        let vcf = """
            BEGIN:VCARD
            VERSION:3.0
            FN:홍길동
            TEL;TYPE=CELL:010-12-345
            BDAY:1990-02-30
            END:VCARD
            BEGIN:VCARD
            VERSION:3.0
            EMAIL:nobody@example.com
            PHOTO;ENCODING=b;TYPE=JPEG:R0lGODlhAQABAAAAACw=
            END:VCARD
            """
        do {
            _ = try VCardReader.read(Data(vcf.utf8), file: "contacts.vcf", options: fixedOptions)
            Issue.record("bad vCards were accepted")
        } catch {
            #expect(error.problems.map(\.description) == [
                "contacts.vcf:4:TEL: '010-12-345' is not a phone number",
                "contacts.vcf:5:BDAY: '1990-02-30' is not a date in the solar calendar",
                "contacts.vcf:10:PHOTO: the photo is neither JPEG nor PNG",
                "contacts.vcf:7:FN: a card without FN or N (성명 is required)",
            ])
        }
    }
}
