import CurlShim

#if canImport(Glibc)
    import Glibc
#endif

/// Process-wide libcurl setup, done exactly once before the first handle exists.
///
/// `curl_global_init` is not thread-safe on libcurl older than 7.84, so it runs inside a
/// Swift `static let` initializer, which the runtime guarantees to execute once even when
/// several threads touch it at the same time. The same initializer ignores `SIGPIPE`:
/// every handle sets `CURLOPT_NOSIGNAL`, and with that option libcurl no longer shields the
/// process from `SIGPIPE` when a peer closes a TLS connection mid-write.
enum CurlGlobal {
    /// The `CURLcode` of `curl_global_init`; non-zero means libcurl is unusable.
    static let initResult: CURLcode = {
        _ = signal(SIGPIPE, SIG_IGN)
        return curl_global_init(Int(CURL_GLOBAL_ALL))
    }()

    /// Runs the one-time setup (cheap after the first call) and reports whether it worked.
    @discardableResult
    static func ensureInitialized() -> Bool {
        initResult == CURLE_OK
    }
}
