import Testing

@testable import Messaging

@Suite("Advertising wrapper (정보통신망법 제50조)")
struct AdWrapperTests {
    let context = RenderContext(shopName: "김비서상사", today: "11월 28일")

    @Test("(광고) and the shop name start the text, 무료거부 ends it")
    func wraps() throws {
        let ad = try AdWrapper(shopName: " 김비서상사 ", optOutNumber: "080-123-4567")
        #expect(ad.wrap("가을 신상품 입고") == "(광고)김비서상사\n가을 신상품 입고\n무료거부 080-123-4567")
        #expect(ad.overheadBytes == 6 + 10 + 2 + 2 + 9 + 12)
        let template = try MessageTemplate(text: "<<이름>>님, 신상품 입고")
        let wrapped = try ad.wrap(template)
        #expect(
            wrapped.render(RecipientFields(name: "홍길동"), context: context)
                == .text("(광고)김비서상사\n홍길동님, 신상품 입고\n무료거부 080-123-4567"))
        #expect(wrapped.placeholders == [.name])
        #expect(wrapped.fixedBytes == template.fixedBytes + ad.overheadBytes)
    }

    @Test("the wrapper can turn an SMS into an LMS, and says so")
    func promotesToLMS() throws {
        let ad = try AdWrapper(shopName: "김비서상사", optOutNumber: "0801234567")
        let template = try MessageTemplate(text: "<<이름>>님, " + String(repeating: "가", count: 30))
        let plain = try MessageComposer(template: template, context: context, defaultSubject: "안내")
        let advertised = try MessageComposer(template: template, context: context, ad: ad, defaultSubject: "안내")
        let fields = RecipientFields(name: "홍길동")
        #expect(plain.compose(fields).classification.kind == .sms)
        let message = advertised.compose(fields)
        #expect(message.classification.kind == .lms)
        #expect(message.promotedToLMSByAd)
        let short = try MessageComposer(
            template: MessageTemplate(text: "세일"), context: context, ad: ad, defaultSubject: "안내"
        ).compose(fields)
        #expect(short.classification.kind == .sms)
        #expect(!short.promotedToLMSByAd)
        let long = try MessageComposer(
            template: MessageTemplate(text: String(repeating: "가", count: 60)), context: context, ad: ad,
            defaultSubject: "안내"
        ).compose(fields)
        #expect(long.classification.kind == .lms)
        #expect(!long.promotedToLMSByAd)
    }

    @Test("templates that already carry a mark or a forbidden variant are refused")
    func existingMarks() throws {
        let ad = try AdWrapper(shopName: "김비서상사", optOutNumber: "080-123-4567")
        for text in ["(광고) 세일", "[광고] 세일", "(광 고) 세일", "(광/고)세일", "(대출광고) 안내", "세일 무료거부 0801234567"] {
            #expect(throws: AdWrapperError.self, "\(text)") { try ad.wrap(MessageTemplate(text: text)) }
        }
        #expect(AdWrapper.existingMarks(in: "[광고] 세일") == ["[광고]"])
        #expect(AdWrapper.existingMarks(in: "<<이름>>님 (광고 아님) 안내").count == 1)
        #expect(AdWrapper.existingMarks(in: "<<이름>>님, 광고 모델이 되어 주세요").isEmpty)
    }

    @Test("shop name and 080 opt-out number are required and checked")
    func settingsChecked() {
        #expect(throws: AdWrapperError.missingShopName) { try AdWrapper(shopName: " ", optOutNumber: "0801234567") }
        #expect(throws: AdWrapperError.missingOptOutNumber) { try AdWrapper(shopName: "가게", optOutNumber: "") }
        #expect(throws: AdWrapperError.invalidOptOutNumber("010-1234-5678")) {
            try AdWrapper(shopName: "가게", optOutNumber: "010-1234-5678")
        }
        #expect(throws: AdWrapperError.invalidOptOutNumber("080-12")) {
            try AdWrapper(shopName: "가게", optOutNumber: "080-12")
        }
        #expect(throws: AdWrapperError.self) { try AdWrapper(shopName: "가게•1호점", optOutNumber: "0801234567") }
    }
}
