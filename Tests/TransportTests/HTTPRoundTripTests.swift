import Foundation
import Testing
import Transport

@Suite("HTTP round trips against a loopback peer")
struct HTTPRoundTripTests {
    static func client() -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        configuration.proxy = .none
        configuration.timeout = .seconds(10)
        return HTTPClient(configuration: configuration)
    }

    @Test("POST with a Hangul JSON body comes back byte for byte")
    func hangulJSONRoundTrip() async throws {
        let peer = try await PeerProcess.start("http_peer.py", expecting: ["PORT"])
        let client = Self.client()
        let json = #"{"receiver":"01012345678","msg":"김비서입니다 🎂 생일 축하드립니다"}"#
        let response = try await client.send(
            HTTPRequest(
                method: .post, url: "http://127.0.0.1:\(peer.port())/echo",
                headers: ["Content-Type": "application/json; charset=UTF-8"], body: Data(json.utf8)))
        #expect(response.status == 200)
        #expect(response.text == json)
        #expect(response.headers["x-method"] == "POST")
        #expect(response.headers["X-Content-Type"] == "application/json; charset=UTF-8")
        #expect(response.timing.total > .zero)
    }

    @Test("a 1 MB body streams through the read callback intact, both ways")
    func largeBody() async throws {
        let peer = try await PeerProcess.start("http_peer.py", expecting: ["PORT"])
        let body = Data(String(repeating: "김비서 대량 문자 본문 0123456789\n", count: 25_000).utf8)
        #expect(body.count > 1_000_000)
        let response = try await Self.client().send(
            HTTPRequest(method: .post, url: "http://127.0.0.1:\(peer.port())/echo", body: body))
        #expect(response.body == body)
    }

    @Test("a second request reuses the keep-alive connection")
    func keepAliveReuse() async throws {
        let peer = try await PeerProcess.start("http_peer.py", expecting: ["PORT"])
        let client = Self.client()
        let url = "http://127.0.0.1:\(peer.port())/echo"
        let first = try await client.send(HTTPRequest(method: .post, url: url, body: Data("하나".utf8)))
        let second = try await client.send(HTTPRequest(method: .post, url: url, body: Data("둘".utf8)))
        #expect(first.newConnections == 1)
        #expect(second.newConnections == 0)
        #expect(first.headers["X-Client-Port"] == second.headers["X-Client-Port"])
        #expect(first.localPort == second.localPort)
        #expect(second.text == "둘")
    }

    @Test("GET, PUT, DELETE and HEAD use the right method")
    func methods() async throws {
        let peer = try await PeerProcess.start("http_peer.py", expecting: ["PORT"])
        let client = Self.client()
        let url = "http://127.0.0.1:\(peer.port())/echo"
        for method in [HTTPMethod.get, .put, .delete, .patch] {
            let body: Data? = method == .get ? nil : Data("x".utf8)
            let response = try await client.send(HTTPRequest(method: method, url: url, body: body))
            #expect(response.headers["X-Method"] == method.rawValue)
            #expect(response.text == (body == nil ? "" : "x"))
        }
        let head = try await client.send(HTTPRequest(method: .head, url: url))
        #expect(head.headers["X-Method"] == "HEAD")
        #expect(head.body.isEmpty)
    }

    @Test("a status with Retry-After is a response, not an error")
    func statusWithRetryAfter() async throws {
        let peer = try await PeerProcess.start("http_peer.py", expecting: ["PORT"])
        let client = Self.client()
        let response = try await client.send(
            HTTPRequest(
                url: "http://127.0.0.1:\(peer.port())/status?code=429&retry_after=7"))
        #expect(response.status == 429)
        #expect(response.retryAfter() == .seconds(7))
        let unavailable = try await client.send(
            HTTPRequest(
                method: .post, url: "http://127.0.0.1:\(peer.port())/status?code=503", body: Data()))
        #expect(unavailable.status == 503)
        #expect(unavailable.retryAfter() == nil)
    }

    @Test("form fields with Hangul arrive percent-encoded as UTF-8")
    func formBody() async throws {
        let peer = try await PeerProcess.start("http_peer.py", expecting: ["PORT"])
        let client = Self.client()
        let fields = [("receiver", "01012345678,01098765432"), ("msg", "홍길동님 생일 축하 & 감사 = 100%")]
        let response = try await client.send(
            HTTPRequest(
                method: .post, url: "http://127.0.0.1:\(peer.port())/echo",
                headers: ["Content-Type": FormURLEncoding.contentType], body: FormURLEncoding.encode(fields)))
        #expect(response.text.contains("msg=%ED%99%8D%EA%B8%B8%EB%8F%99%EB%8B%98+"))
        let decoded = FormURLEncoding.decode(response.text)
        #expect(decoded.map(\.0) == ["receiver", "msg"])
        #expect(decoded.map(\.1) == fields.map(\.1))
    }

    @Test("an explicit proxy receives the absolute URL")
    func explicitProxy() async throws {
        let peer = try await PeerProcess.start("http_peer.py", expecting: ["PORT"])
        var configuration = HTTPClient.Configuration()
        configuration.proxy = .url("http://127.0.0.1:\(peer.port())")
        let client = HTTPClient(configuration: configuration)
        let response = try await client.send(
            HTTPRequest(
                method: .post, url: "http://gateway.invalid/echo?x=1", body: Data("via proxy".utf8)))
        #expect(response.headers["X-Target"] == "http://gateway.invalid/echo?x=1")
        #expect(response.text == "via proxy")
    }
}

@Suite("HTTPS verification")
struct HTTPSTests {
    @Test("a self-signed certificate is refused by default: tls error, never sent")
    func untrustedCertificate() async throws {
        let peer = try await PeerProcess.start(
            "http_peer.py", arguments: ["--tls"], expecting: ["TLS_PORT", "CA_FILE"])
        var configuration = HTTPClient.Configuration()
        configuration.proxy = .none
        let client = HTTPClient(configuration: configuration)
        do {
            _ = try await client.send(
                HTTPRequest(
                    method: .post, url: "https://127.0.0.1:\(peer.port("TLS_PORT"))/echo", body: Data("x".utf8)))
            Issue.record("an untrusted certificate was accepted")
        } catch {
            guard case .tls(let code, _) = error else {
                Issue.record("expected a TLS error, got \(error)")
                return
            }
            #expect(code == 60)  // CURLE_PEER_FAILED_VERIFICATION
            #expect(error.requestNeverSent)
        }
    }

    @Test("the same server is accepted when its CA is configured")
    func trustedCertificate() async throws {
        let peer = try await PeerProcess.start(
            "http_peer.py", arguments: ["--tls"], expecting: ["TLS_PORT", "CA_FILE"])
        var configuration = HTTPClient.Configuration()
        configuration.proxy = .none
        configuration.caBundlePath = peer.values["CA_FILE"]
        let client = HTTPClient(configuration: configuration)
        let url = "https://127.0.0.1:\(peer.port("TLS_PORT"))/echo"
        let first = try await client.send(HTTPRequest(method: .post, url: url, body: Data("보안 연결".utf8)))
        #expect(first.text == "보안 연결")
        #expect(first.timing.tlsHandshake > .zero)
        let second = try await client.send(HTTPRequest(method: .post, url: url, body: Data("재사용".utf8)))
        #expect(second.newConnections == 0)
    }
}
