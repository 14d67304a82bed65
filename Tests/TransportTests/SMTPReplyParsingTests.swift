import Testing

@testable import Transport

@Suite("SMTP reply grouping")
struct SMTPReplyParsingTests {
    @Test("multi-line replies are grouped; the failure is the last reply before QUIT's 221")
    func grouping() {
        var log = SMTPReplyLog()
        for line in [
            "220 mail.example.kr ESMTP\r\n", "502 5.5.2 EHLO not supported\r\n", "250 mail.example.kr\r\n",
            "250 OK\r\n", "550-5.1.1 No such user\r\n", "550 5.1.1 Check the address\r\n", "221 Bye\r\n",
        ] {
            log.add(line: line)
        }
        #expect(log.replies.map(\.code) == [220, 502, 250, 250, 550, 221])
        #expect(log.failure?.code == 550)
        #expect(log.failure?.text == "550-5.1.1 No such user\n550 5.1.1 Check the address")
    }

    @Test("a refusal libcurl recovered from is not the failure")
    func recovered() {
        var log = SMTPReplyLog()
        for line in ["220 hi", "502 no EHLO", "250 hello", "250 OK", "354 go ahead"] { log.add(line: line) }
        #expect(log.failure == nil)
        #expect(log.lastAccepted?.text == "250 OK")
    }
}
