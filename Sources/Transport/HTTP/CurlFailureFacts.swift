import CurlShim

/// What libcurl reported about a failed HTTP transfer, and the rule that turns it into a
/// ``TransportError``.
///
/// The rule rests on two counters libcurl increments only after a successful socket write:
/// `CURLINFO_REQUEST_SIZE` (request line and headers, cumulative over libcurl's internal
/// retries) and `CURLINFO_SIZE_UPLOAD_T` (body bytes). When both are zero, no byte of the
/// request left this machine, whatever the error code says.
struct CurlFailureFacts {
    var code: Int
    var message: String
    var url: String
    var requestBytes: Int
    var bodyBytesSent: Int
    var bodyLength: Int
    var connectDone: Bool
    var tlsDone: Bool
    var nameResolved: Bool
    var isTLS: Bool
    var cancelled: Bool
    var responseTooLarge: Bool
    var responseTooLargeLimit: Int

    var progress: RequestProgress {
        if requestBytes == 0 && bodyBytesSent == 0 { return .notSent }
        // libcurl asks to rewind only after body bytes were written.
        if code == Int(CURLE_SEND_FAIL_REWIND.rawValue) && bodyBytesSent == 0 { return .partiallySent }
        return bodyBytesSent >= bodyLength ? .fullySent : .partiallySent
    }

    func classify() -> TransportError {
        let progress = progress
        if cancelled { return .cancelled(progress) }
        if responseTooLarge { return .responseTooLarge(limit: responseTooLargeLimit) }
        let curl = CURLcode(UInt32(truncatingIfNeeded: code))

        guard progress == .notSent else {
            let complete = progress == .fullySent
            switch curl {
            case CURLE_OPERATION_TIMEDOUT:
                return .timedOutAfterSending(bodyComplete: complete, message: message)
            case CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING, CURLE_SEND_FAIL_REWIND,
                CURLE_PARTIAL_FILE, CURLE_WEIRD_SERVER_REPLY, CURLE_HTTP2, CURLE_HTTP2_STREAM,
                CURLE_SSL_SHUTDOWN_FAILED:
                return .connectionLostAfterSending(code: code, message: message, bodyComplete: complete)
            default:
                return .other(code: code, message: message, progress: progress)
            }
        }

        switch curl {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return .dnsFailure(host: Self.host(of: url), message: message)
        case CURLE_COULDNT_CONNECT:
            return .couldNotConnect(url: url, message: message)
        case CURLE_OPERATION_TIMEDOUT:
            let phase: TransportError.ConnectPhase =
                !nameResolved
                ? .nameLookup
                : !connectDone || (isTLS && !tlsDone)
                    ? .connecting
                    : .beforeRequest
            return .timedOutBeforeSending(phase: phase, message: message)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
            CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR,
            CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT,
            CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_CRL_BADFILE:
            return .tls(code: code, message: message)
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT, CURLE_BAD_FUNCTION_ARGUMENT:
            return .invalidRequest("\(message): \(url)")
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING, CURLE_WEIRD_SERVER_REPLY:
            return .connectionLostBeforeSending(code: code, message: message)
        default:
            return .other(code: code, message: message, progress: .notSent)
        }
    }

    /// The host part of an absolute URL, for messages.
    static func host(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        if let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<slash] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            return String(rest[rest.index(after: rest.startIndex)..<close])
        }
        if let colon = rest.lastIndex(of: ":") { rest = rest[..<colon] }
        return String(rest)
    }
}
