import Testing
@testable import Daemon

@Suite("Phone masking in log lines")
struct PhoneMaskerTests {
    @Test("phone numbers are masked, other numbers are not", arguments: [
        ("to 01012345678 ok", "to 010-****-5678 ok"),
        ("to 010-1234-5678", "to 010-****-5678"),
        ("02-123-4567", "02-***-4567"),
        ("message 123456 campaign 7", "message 123456 campaign 7"),
        ("at 2026-11-28 09:00", "at 2026-11-28 09:00"),
        ("+82 10-1234-5678", "+82 10-****-5678"),
        ("", ""),
    ])
    func masks(input: String, expected: String) {
        #expect(PhoneMasker.mask(input) == expected)
    }
}
