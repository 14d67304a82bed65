import Foundation
import Testing

@testable import Transport

@Suite("Classifying libcurl failures as never sent or unknown")
struct TransportErrorClassificationTests {
    static func facts(
        code: Int, requestBytes: Int = 0, bodyBytesSent: Int = 0, bodyLength: Int = 10, connectDone: Bool = false
    ) -> CurlFailureFacts {
        CurlFailureFacts(
            code: code, message: "m", url: "https://api.example.kr:8443/send?x=1", requestBytes: requestBytes,
            bodyBytesSent: bodyBytesSent, bodyLength: bodyLength, connectDone: connectDone, tlsDone: false,
            nameResolved: true, isTLS: true, cancelled: false, responseTooLarge: false, responseTooLargeLimit: 0)
    }

    @Test(
        "failures before any byte was written are never-sent",
        arguments: [6, 7, 28, 35, 60, 52, 56])
    func neverSent(code: Int) {
        let error = Self.facts(code: code).classify()
        #expect(error.requestNeverSent, "\(error)")
    }

    @Test("the same failures after bytes were written are unknown", arguments: [28, 52, 55, 56, 65])
    func unknown(code: Int) {
        let partial = Self.facts(code: code, requestBytes: 180, bodyBytesSent: 4).classify()
        #expect(partial.progress == .partiallySent, "\(partial)")
        let full = Self.facts(code: code, requestBytes: 180, bodyBytesSent: 10).classify()
        #expect(full.progress == .fullySent, "\(full)")
    }

    @Test("specific cases")
    func cases() {
        #expect(Self.facts(code: 6).classify() == .dnsFailure(host: "api.example.kr", message: "m"))
        #expect(
            Self.facts(code: 28, connectDone: true).classify()
                == .timedOutBeforeSending(phase: .connecting, message: "m"))
        #expect(
            Self.facts(code: 28, requestBytes: 100, bodyBytesSent: 10).classify()
                == .timedOutAfterSending(bodyComplete: true, message: "m"))
        #expect(
            Self.facts(code: 56, requestBytes: 100, bodyBytesSent: 3).classify()
                == .connectionLostAfterSending(code: 56, message: "m", bodyComplete: false))
        // libcurl only rewinds after body bytes were written, whatever its counter says now.
        #expect(Self.facts(code: 65, requestBytes: 100).classify().progress == .partiallySent)
        #expect(Self.facts(code: 60).classify() == .tls(code: 60, message: "m"))
    }

    @Test("hosts are read from URLs for messages")
    func hosts() {
        #expect(CurlFailureFacts.host(of: "https://user:pw@apis.aligo.in:443/send/") == "apis.aligo.in")
        #expect(CurlFailureFacts.host(of: "http://[::1]:8080/x") == "::1")
        #expect(CurlFailureFacts.host(of: "http://127.0.0.1") == "127.0.0.1")
    }

    @Test("Retry-After: seconds or an HTTP date")
    func retryAfter() {
        let now = Date(timeIntervalSince1970: 784_111_777)  // Sun, 06 Nov 1994 08:49:37 GMT
        func response(_ value: String) -> HTTPResponse {
            HTTPResponse(
                status: 503, headers: ["Retry-After": value], body: Data(),
                timing: HTTPTiming(
                    nameLookup: .zero, connect: .zero, tlsHandshake: .zero, firstByte: .zero, total: .zero),
                newConnections: 0, localPort: 0)
        }
        #expect(response("120").retryAfter(now: now) == .seconds(120))
        #expect(response("Sun, 06 Nov 1994 08:50:07 GMT").retryAfter(now: now) == .seconds(30))
        #expect(response("soon").retryAfter(now: now) == nil)
    }
}
