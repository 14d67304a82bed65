extension HTTPClient {
    /// Settings shared by every request of one client. Defaults suit an SMS gateway.
    public struct Configuration: Sendable {
        /// Limit for name lookup + TCP connect + TLS handshake (`CURLOPT_CONNECTTIMEOUT_MS`).
        public var connectTimeout: Duration = .seconds(10)
        /// Limit for the whole exchange (`CURLOPT_TIMEOUT_MS`); a request may override it.
        public var timeout: Duration = .seconds(30)
        /// Verify the server certificate and host name (on by default; turning it off is for
        /// local test setups only).
        public var verifyTLS: Bool = true
        /// A CA bundle file replacing the system store (`CURLOPT_CAINFO`), e.g. for a test CA.
        public var caBundlePath: String? = nil
        /// Which proxy to use.
        public var proxy: Proxy = .environment
        /// Connections kept open in the cache (`CURLMOPT_MAXCONNECTS`).
        public var maxConnections: Int = 32
        /// Idle keep-alive connections older than this are not reused (`CURLOPT_MAXAGE_CONN`):
        /// kept below common server idle limits (nginx closes after 75 s) so a request rarely
        /// meets a connection the server is closing.
        public var maxConnectionAge: Duration = .seconds(50)
        /// Reset easy handles kept for reuse.
        public var maxIdleHandles: Int = 16
        /// A response body larger than this fails with ``TransportError/responseTooLarge(limit:)``.
        public var maxResponseBytes: Int = 16 << 20
        /// Sent as `User-Agent` unless a request sets its own.
        public var userAgent: String = "kimbiseo (libcurl/\(CurlVersion.current.version))"

        public init() {}
    }

    /// Proxy selection.
    public enum Proxy: Sendable, Equatable {
        /// libcurl's default: `http_proxy` (lower case only, for CGI safety), `https_proxy` /
        /// `HTTPS_PROXY`, `all_proxy` / `ALL_PROXY`, and `no_proxy` / `NO_PROXY` from the
        /// process environment, read when each transfer starts.
        case environment
        /// Never use a proxy, whatever the environment says (`CURLOPT_PROXY` = "").
        case none
        /// Always use this proxy URL, e.g. `http://proxy.local:3128`.
        case url(String)
    }
}
