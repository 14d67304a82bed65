import Foundation
import Testing
import Transport

@Suite("HTTP failures say whether the request was ever sent")
struct HTTPFailureTests {
    static func client(timeout: Duration = .seconds(10), connectTimeout: Duration = .seconds(5)) -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        configuration.proxy = .none
        configuration.timeout = timeout
        configuration.connectTimeout = connectTimeout
        return HTTPClient(configuration: configuration)
    }

    /// Sends and returns the error, failing the test if a response came back.
    static func failure(_ client: HTTPClient, _ request: HTTPRequest) async -> TransportError? {
        do {
            let response = try await client.send(request)
            Issue.record("expected a transport error, got status \(response.status)")
            return nil
        } catch {
            return error
        }
    }

    static func count(_ client: HTTPClient, port: Int, key: String) async throws -> String {
        try await client.send(HTTPRequest(url: "http://127.0.0.1:\(port)/count?key=\(key)")).text
    }

    @Test("connection refused: couldNotConnect, never sent")
    func connectionRefused() async throws {
        let peer = try await PeerProcess.start("http_peer.py", expecting: ["CLOSED_PORT"])
        let error = await Self.failure(
            Self.client(),
            HTTPRequest(
                method: .post, url: "http://127.0.0.1:\(peer.port("CLOSED_PORT"))/echo", body: Data("x".utf8)))
        guard case .couldNotConnect = error else {
            Issue.record("expected couldNotConnect, got \(String(describing: error))")
            return
        }
        #expect(error?.requestNeverSent == true)
        #expect(error?.progress == .notSent)
    }

    @Test("unresolvable host: dnsFailure, never sent")
    func dnsFailure() async throws {
        let error = await Self.failure(
            Self.client(),
            HTTPRequest(
                method: .post, url: "http://no-such-host.invalid/send", body: Data("x".utf8)))
        guard case .dnsFailure(let host, _) = error else {
            Issue.record("expected dnsFailure, got \(String(describing: error))")
            return
        }
        #expect(host == "no-such-host.invalid")
        #expect(error?.requestNeverSent == true)
    }

    @Test("a TLS handshake that never completes times out before sending")
    func timeoutBeforeSending() async throws {
        let peer = try await PeerProcess.start("http_peer.py", expecting: ["SILENT_PORT"])
        let client = Self.client(timeout: .milliseconds(800), connectTimeout: .milliseconds(600))
        let clock = ContinuousClock()
        let started = clock.now
        let error = await Self.failure(
            client,
            HTTPRequest(
                method: .post, url: "https://127.0.0.1:\(peer.port("SILENT_PORT"))/send", body: Data("x".utf8)))
        guard case .timedOutBeforeSending(let phase, _) = error else {
            Issue.record("expected timedOutBeforeSending, got \(String(describing: error))")
            return
        }
        #expect(phase == .connecting)
        #expect(error?.requestNeverSent == true)
        #expect(clock.now - started < .seconds(10))  // the silent peer never answers
    }

    @Test("a response slower than the timeout: timedOutAfterSending, outcome unknown")
    func timeoutAfterSending() async throws {
        let peer = try await PeerProcess.start("http_peer.py", expecting: ["PORT"])
        let client = Self.client(timeout: .milliseconds(500))
        let key = UUID().uuidString
        let error = await Self.failure(
            client,
            HTTPRequest(
                method: .post, url: "http://127.0.0.1:\(peer.port())/slow?ms=2000&key=\(key)",
                body: Data("{\"msg\":\"늦은 응답\"}".utf8)))
        guard case .timedOutAfterSending(let complete, _) = error else {
            Issue.record("expected timedOutAfterSending, got \(String(describing: error))")
            return
        }
        #expect(complete)
        #expect(error?.requestNeverSent == false)
        #expect(try await Self.count(client, port: peer.port(), key: key) == "1")
    }

    @Test("a reset after the body was read: connectionLostAfterSending, outcome unknown")
    func resetAfterBody() async throws {
        let peer = try await PeerProcess.start("http_peer.py", expecting: ["PORT"])
        let client = Self.client()
        let key = UUID().uuidString
        let error = await Self.failure(
            client,
            HTTPRequest(
                method: .post, url: "http://127.0.0.1:\(peer.port())/reset?key=\(key)", body: Data("문자".utf8)))
        guard case .connectionLostAfterSending(_, _, let complete) = error else {
            Issue.record("expected connectionLostAfterSending, got \(String(describing: error))")
            return
        }
        #expect(complete)
        #expect(error?.progress == .fullySent)
        #expect(try await Self.count(client, port: peer.port(), key: key) == "1")
    }

    @Test("a reset on a reused connection is reported, never silently posted twice")
    func resetOnReusedConnectionIsNotResent() async throws {
        let peer = try await PeerProcess.start("http_peer.py", expecting: ["PORT"])
        let client = Self.client()
        let base = "http://127.0.0.1:\(peer.port())"
        let warmup = try await client.send(HTTPRequest(method: .post, url: "\(base)/echo", body: Data("a".utf8)))
        #expect(warmup.newConnections == 1)
        let key = UUID().uuidString
        let error = await Self.failure(
            client,
            HTTPRequest(
                method: .post, url: "\(base)/reset?key=\(key)", body: Data("한 번만".utf8)))
        guard case .connectionLostAfterSending(let code, _, true) = error else {
            Issue.record("expected connectionLostAfterSending, got \(String(describing: error))")
            return
        }
        #expect(code == 65)  // CURLE_SEND_FAIL_REWIND: libcurl wanted to resend and could not
        #expect(try await Self.count(client, port: peer.port(), key: key) == "1")
    }

    @Test("control: a body marked resendable IS replayed by libcurl on a dead reused connection")
    func resendableBodyIsReplayed() async throws {
        // Shows that the test above exercises libcurl's retry: the same fault with
        // COPYPOSTFIELDS (allowsTransparentResend) reaches the server twice.
        let peer = try await PeerProcess.start("http_peer.py", expecting: ["PORT"])
        let client = Self.client()
        let base = "http://127.0.0.1:\(peer.port())"
        _ = try await client.send(HTTPRequest(method: .post, url: "\(base)/echo", body: Data("a".utf8)))
        let key = UUID().uuidString
        let error = await Self.failure(
            client,
            HTTPRequest(
                method: .post, url: "\(base)/reset?key=\(key)", body: Data("두 번".utf8),
                allowsTransparentResend: true))
        #expect(error?.requestNeverSent == false)
        #expect(try await Self.count(client, port: peer.port(), key: key) == "2")
    }

    @Test("cancelling the task ends the transfer and reports the progress")
    func cancellation() async throws {
        let peer = try await PeerProcess.start("http_peer.py", expecting: ["PORT"])
        let client = Self.client()
        let task = Task {
            try await client.send(
                HTTPRequest(
                    method: .post, url: "http://127.0.0.1:\(peer.port())/slow?ms=10000", body: Data("x".utf8)))
        }
        try await Task.sleep(for: .milliseconds(300))
        let clock = ContinuousClock()
        let started = clock.now
        task.cancel()
        let result = await task.result
        #expect(clock.now - started < .seconds(6))  // the response would take 10 s
        guard case .failure(let error as TransportError) = result, case .cancelled(let progress) = error else {
            Issue.record("expected cancelled, got \(result)")
            return
        }
        #expect(progress == .fullySent)
    }

    @Test("after shutdown, requests fail as never sent")
    func shutdown() async throws {
        let client = Self.client()
        client.shutdown()
        let error = await Self.failure(client, HTTPRequest(url: "http://127.0.0.1:1/"))
        #expect(error == .shutDown)
        #expect(error?.requestNeverSent == true)
    }

    @Test("an unsupported scheme is an invalid request, never sent")
    func unsupportedScheme() async throws {
        let error = await Self.failure(Self.client(), HTTPRequest(url: "ftp://127.0.0.1/file"))
        guard case .invalidRequest = error else {
            Issue.record("expected invalidRequest, got \(String(describing: error))")
            return
        }
    }

    @Test("a header with a line break is refused before anything is sent")
    func headerInjection() async throws {
        let error = await Self.failure(
            Self.client(),
            HTTPRequest(
                method: .post, url: "http://127.0.0.1:1/", headers: ["X-Note": "a\r\nX-Evil: 1"], body: Data()))
        guard case .invalidRequest = error else {
            Issue.record("expected invalidRequest, got \(String(describing: error))")
            return
        }
    }
}
