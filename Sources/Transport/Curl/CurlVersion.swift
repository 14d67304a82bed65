import CurlShim

/// What the linked libcurl says about itself (`curl_version_info`).
public struct CurlVersion: Sendable, CustomStringConvertible {
    /// Version string such as `7.88.1`.
    public let version: String
    /// TLS library and version, e.g. `OpenSSL/3.0.15`; empty when built without TLS.
    public let tls: String
    /// Protocols compiled in (`http`, `https`, `smtp`, `smtps`, …).
    public let protocols: [String]
    /// Whether the libcurl API is thread-safe (`CURL_VERSION_THREADSAFE`, libcurl ≥ 7.84).
    public let isThreadSafe: Bool
    /// Whether name resolution runs asynchronously, so timeouts work with `CURLOPT_NOSIGNAL`.
    public let hasAsynchronousDNS: Bool

    /// The libcurl this process is linked against.
    public static let current: CurlVersion = {
        CurlGlobal.ensureInitialized()
        let info = cshim_version_info().pointee
        var protocols: [String] = []
        if var cursor = info.protocols {
            while let name = cursor.pointee {
                protocols.append(String(cString: name))
                cursor += 1
            }
        }
        let features = info.features
        return CurlVersion(
            version: info.version.map { String(cString: $0) } ?? "?",
            tls: info.ssl_version.map { String(cString: $0) } ?? "",
            protocols: protocols,
            isThreadSafe: features & Int32(CURL_VERSION_THREADSAFE) != 0,
            hasAsynchronousDNS: features & Int32(CURL_VERSION_ASYNCHDNS) != 0)
    }()

    public var description: String { "libcurl/\(version) \(tls)" }
}
