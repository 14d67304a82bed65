import Foundation
import Testing
import Transport

@Suite("Form and multipart bodies")
struct FormURLEncodingTests {
    @Test("Hangul is UTF-8 percent-encoded, space becomes +, unreserved stay")
    func escape() {
        #expect(FormURLEncoding.escape("안녕 하세요") == "%EC%95%88%EB%85%95+%ED%95%98%EC%84%B8%EC%9A%94")
        #expect(FormURLEncoding.escape("a-b_c.d*e~f") == "a-b_c.d*e%7Ef")
        #expect(FormURLEncoding.escape("&=+%") == "%26%3D%2B%25")
        #expect(FormURLEncoding.escape("홍".decomposedStringWithCanonicalMapping) == "%ED%99%8D")
    }

    @Test("encode then decode gives the fields back")
    func roundTrip() {
        let fields = [("msg", "생일 축하합니다! 100% & =)"), ("receiver", "01012345678"), ("msg", "둘째")]
        let body = String(decoding: FormURLEncoding.encode(fields), as: UTF8.self)
        #expect(body.hasPrefix("msg=%EC%83%9D%EC%9D%BC+"))
        let decoded = FormURLEncoding.decode(body)
        #expect(decoded.map(\.0) == fields.map(\.0))
        #expect(decoded.map(\.1) == fields.map(\.1))
    }

    @Test("multipart/form-data layout")
    func multipart() {
        var form = MultipartFormData(boundary: "XyZ")
        form.addField("subject", "안내")
        form.addFile("image", filename: "카드.jpg", contentType: "image/jpeg", data: Data([0xFF, 0xD8]))
        #expect(form.contentType == "multipart/form-data; boundary=XyZ")
        let text = String(decoding: form.body, as: UTF8.self)
        #expect(text.hasPrefix("--XyZ\r\nContent-Disposition: form-data; name=\"subject\"\r\n\r\n안내\r\n--XyZ\r\n"))
        #expect(
            text.contains(
                "filename=\"카드.jpg\"; filename*=UTF-8''%EC%B9%B4%EB%93%9C.jpg\r\nContent-Type: image/jpeg\r\n\r\n"))
        #expect(text.hasSuffix("\r\n--XyZ--\r\n"))
    }
}
