import Testing
@testable import Interchange
import Store

@Suite("The phone fast path agrees with PhoneNumber.normalize")
struct PhoneDigitsTests {
    static let samples = [
        "010-1234-5678", "01012345678", "010 1234 5678", "(02) 123-4567", "02-1234-5678", "0212345678",
        "031-123-4567", "0311234567", "070-1234-5678", "1588-1234", "15881234", "011-123-4567",
        "016-1234-5678", "010-123-4567", "010-12-345", "02-12-345", "12345678", "1588-12345",
        "+82 10-1234-5678", "82-10-1234-5678", "8210 1234 5678", "010.1234.5678", "0501-1234-5678",
        "010-1234-567a", "", "0", "010", "99-1234-5678", "051-555-0100",
    ]

    @Test("same answer on common and odd inputs", arguments: samples)
    func agrees(text: String) {
        let fast = PhoneDigits.plainDigits(text)
        let slow = PhoneNumber.normalize(text)
        if let fast { #expect(fast == slow) }
        #expect((fast ?? slow) == slow)
    }
}
