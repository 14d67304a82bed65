import Foundation

/// An HTTP method.
public struct HTTPMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue.uppercased() }

    public static let get = HTTPMethod(rawValue: "GET")
    public static let head = HTTPMethod(rawValue: "HEAD")
    public static let post = HTTPMethod(rawValue: "POST")
    public static let put = HTTPMethod(rawValue: "PUT")
    public static let patch = HTTPMethod(rawValue: "PATCH")
    public static let delete = HTTPMethod(rawValue: "DELETE")

    /// RFC 9110 §9.2.2: repeating the request has the same effect as sending it once.
    public var isIdempotent: Bool {
        ["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"].contains(rawValue)
    }

    public var description: String { rawValue }
}

/// One HTTP request for ``HTTPClient``.
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    /// Absolute `http://` or `https://` URL, already percent-encoded.
    public var url: String
    public var headers: HTTPHeaders
    /// The body, sent as is with `Content-Length`; nil sends none. POST, PUT and PATCH
    /// always send one (empty: `Content-Length: 0`). Set `Content-Type`: without it libcurl
    /// labels a body `application/x-www-form-urlencoded`.
    public var body: Data?
    /// Overrides the client's total timeout for this request.
    public var timeout: Duration?
    /// Whether libcurl may transparently resend the request when a reused keep-alive
    /// connection turns out dead after the request was written. Defaults to the method's
    /// idempotency: `false` for POST and PATCH, which are then streamed in a way libcurl
    /// cannot replay (see ``TransportError``).
    public var allowsTransparentResend: Bool

    public init(
        method: HTTPMethod = .get, url: String, headers: HTTPHeaders = [:], body: Data? = nil,
        timeout: Duration? = nil, allowsTransparentResend: Bool? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.allowsTransparentResend = allowsTransparentResend ?? method.isIdempotent
    }
}
