/// How much of a request left this machine before a transfer failed.
///
/// Counted from what libcurl reports as written to the socket: `CURLINFO_REQUEST_SIZE`
/// (request line and headers) and `CURLINFO_SIZE_UPLOAD_T` (body bytes).
public enum RequestProgress: Sendable, Equatable, CustomStringConvertible {
    /// Not one byte of the request was written: the server cannot have received it.
    case notSent
    /// Some of the request (at least the request line) was written, but not the whole body.
    case partiallySent
    /// The request line, the headers and the whole body were written.
    case fullySent

    public var description: String {
        switch self {
        case .notSent: "not sent"
        case .partiallySent: "partially sent"
        case .fullySent: "fully sent"
        }
    }
}

/// Why an HTTP exchange produced no response.
///
/// An HTTP response of any status (including 4xx and 5xx) is not an error: it arrives as an
/// ``HTTPResponse``. A `TransportError` means no complete response was received.
///
/// ## The delivery contract
/// The cases fall into two classes, readable through ``requestNeverSent``:
///
/// - **Never sent** — the server provably never received the request, so sending it again
///   cannot duplicate anything: ``dnsFailure(host:message:)``,
///   ``couldNotConnect(url:message:)``, ``timedOutBeforeSending(phase:message:)``,
///   ``tls(code:message:)``, ``connectionLostBeforeSending(code:message:)``,
///   ``invalidRequest(_:)``, ``shutDown``, and ``cancelled(_:)`` / ``other(code:message:progress:)``
///   when their progress is ``RequestProgress/notSent``. In each of these, libcurl wrote no
///   byte of the request to a socket.
/// - **Unknown** — some or all of the request was written and no complete answer came back:
///   ``timedOutAfterSending(bodyComplete:message:)``,
///   ``connectionLostAfterSending(code:message:bodyComplete:)``, ``responseTooLarge(limit:)``,
///   and the progress-carrying cases with progress other than `.notSent`. The server may or
///   may not have acted on the request; the caller must find out (for SMS: the gateway's
///   list API) before sending again.
///
/// libcurl itself never resends a non-idempotent request body: ``HTTPClient`` streams such
/// bodies through a read callback without a seek callback, so when a reused keep-alive
/// connection dies after the body was written, libcurl's automatic retry fails with
/// `CURLE_SEND_FAIL_REWIND` and surfaces here as ``connectionLostAfterSending(code:message:bodyComplete:)``
/// instead of silently posting twice.
public enum TransportError: Error, Sendable, Equatable {
    /// The host name (or the proxy's) did not resolve (`CURLE_COULDNT_RESOLVE_HOST/PROXY`).
    /// Never sent.
    case dnsFailure(host: String, message: String)
    /// Connection refused or unreachable (`CURLE_COULDNT_CONNECT`). Never sent.
    case couldNotConnect(url: String, message: String)
    /// The connect timeout or the total timeout expired before any byte of the request was
    /// written (during name lookup, TCP connect or the TLS handshake). Never sent.
    case timedOutBeforeSending(phase: ConnectPhase, message: String)
    /// The total timeout expired after request bytes were written. Unknown outcome.
    case timedOutAfterSending(bodyComplete: Bool, message: String)
    /// TLS handshake or certificate verification failed (`CURLE_SSL_*`,
    /// `CURLE_PEER_FAILED_VERIFICATION`). The request is written only after the handshake,
    /// so: never sent.
    case tls(code: Int, message: String)
    /// The connection closed or reset before any request byte was written. Never sent.
    case connectionLostBeforeSending(code: Int, message: String)
    /// The connection closed, was reset, or answered garbage after request bytes were
    /// written (`CURLE_RECV_ERROR`, `CURLE_SEND_ERROR`, `CURLE_GOT_NOTHING`,
    /// `CURLE_SEND_FAIL_REWIND`, `CURLE_PARTIAL_FILE`, …). Unknown outcome.
    case connectionLostAfterSending(code: Int, message: String, bodyComplete: Bool)
    /// The response body exceeded the client's limit; the request was sent and answered.
    case responseTooLarge(limit: Int)
    /// The request could not be set up (bad URL, unsupported scheme, option refused).
    /// Never sent.
    case invalidRequest(String)
    /// The task was cancelled; `progress` says how much of the request had left.
    case cancelled(RequestProgress)
    /// The client was shut down before the request started. Never sent.
    case shutDown
    /// Any other libcurl failure, with its code, message and progress.
    case other(code: Int, message: String, progress: RequestProgress)

    /// The stage a connection had reached when a timeout expired before sending.
    public enum ConnectPhase: String, Sendable, Equatable {
        case nameLookup = "name lookup"
        /// TCP connect or, for `https`, the TLS handshake: libcurl 7.88 records the connect
        /// time only once both are done, so the two cannot be told apart after a timeout.
        case connecting = "connect/TLS handshake"
        /// Connected, but the request was not written yet.
        case beforeRequest = "before the request was written"
    }
}
