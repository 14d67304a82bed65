import CurlShim

/// An HTTP/1.1 client on libcurl: one `curl_multi` handle driven by one dedicated thread.
///
/// ```swift
/// let client = HTTPClient()
/// let response = try await client.send(HTTPRequest(
///     method: .post, url: "https://apis.aligo.in/send/",
///     headers: ["Content-Type": FormURLEncoding.contentType],
///     body: FormURLEncoding.encode([("receiver", "01012345678"), ("msg", "안녕하세요")])))
/// ```
///
/// - Concurrency: any number of tasks may call ``send(_:)`` at once; the transfers run in
///   parallel on the client's thread, never on Swift's cooperative pool. Keep one client per
///   process (or per gateway) so keep-alive connections are shared.
/// - Every request: `CURLOPT_NOSIGNAL`, connect and total timeouts, TLS verification unless
///   configured off, the proxy from ``Configuration/proxy``, `Expect:` suppressed, HTTP/1.1,
///   no redirects followed, only `http` and `https`.
/// - Failures: a response with any status is returned; no response throws a
///   ``TransportError`` whose ``TransportError/requestNeverSent`` says whether resending
///   is safe.
/// - Lifetime: the thread stops when ``shutdown()`` is called or the client is released;
///   requests still running then fail with ``TransportError/cancelled(_:)``.
public final class HTTPClient: Sendable {
    public let configuration: Configuration
    private let driver: CurlDriver

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        self.driver = CurlDriver(
            name: "kimbiseo-http", maxConnections: configuration.maxConnections,
            maxIdleHandles: configuration.maxIdleHandles)
    }

    /// Sends one request and returns the complete response.
    ///
    /// Cancelling the calling task aborts the transfer; the error then says how much of the
    /// request had been sent.
    public func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        for (name, value) in request.headers where (name + value).contains(where: \.isNewline) || name.isEmpty {
            throw TransportError.invalidRequest("header \"\(name)\" is empty or contains a line break")
        }
        return try await driver.perform { continuation in
            HTTPTransfer(request: request, configuration: configuration, continuation: continuation)
        }.get()
    }

    /// Stops the client's thread; later requests fail with ``TransportError/shutDown``.
    public func shutdown() {
        driver.shutdown()
    }
}
