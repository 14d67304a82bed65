import Testing
@testable import Store

@Suite("Phone numbers")
struct PhoneNumberTests {
    @Test("common Korean forms normalize to digits", arguments: [
        ("010-1234-5678", "01012345678"),
        ("01012345678", "01012345678"),
        ("+82 10-1234-5678", "01012345678"),
        ("+82-10-1234-5678", "01012345678"),
        ("02-123-4567", "021234567"),
        ("(031) 123-4567", "0311234567"),
        ("1588-1234", "15881234"),
    ])
    func normalizes(input: String, expected: String) {
        #expect(PhoneNumber.normalize(input) == expected)
    }

    @Test("malformed numbers are rejected", arguments: ["010-12-345", "abc", "", "010-1234-56789", "+1 555 1234"])
    func rejects(input: String) {
        #expect(PhoneNumber.normalize(input) == nil)
    }

    @Test("display and mask")
    func displayAndMask() {
        #expect(PhoneNumber.display("01012345678") == "010-1234-5678")
        #expect(PhoneNumber.masked("01012345678") == "010-****-5678")
        #expect(PhoneNumber.display("021234567") == "02-123-4567")
        #expect(PhoneNumber.masked("021234567") == "02-***-4567")
    }
}
