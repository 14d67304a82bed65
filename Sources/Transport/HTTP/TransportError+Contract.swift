extension TransportError {
    /// How much of the request was written before the failure.
    public var progress: RequestProgress {
        switch self {
        case .dnsFailure, .couldNotConnect, .timedOutBeforeSending, .tls,
            .connectionLostBeforeSending, .invalidRequest, .shutDown:
            .notSent
        case .timedOutAfterSending(let complete, _), .connectionLostAfterSending(_, _, let complete):
            complete ? .fullySent : .partiallySent
        case .responseTooLarge:
            .fullySent
        case .cancelled(let progress), .other(_, _, let progress):
            progress
        }
    }

    /// `true` exactly when the server cannot have received the request, so resending it is
    /// safe. `false` means the outcome is unknown and must be established another way.
    public var requestNeverSent: Bool { progress == .notSent }
}

extension TransportError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .dnsFailure(let host, let message):
            "DNS lookup failed for \(host): \(message) (never sent)"
        case .couldNotConnect(let url, let message):
            "could not connect to \(url): \(message) (never sent)"
        case .timedOutBeforeSending(let phase, let message):
            "timed out during \(phase.rawValue): \(message) (never sent)"
        case .timedOutAfterSending(let complete, let message):
            "timed out after the request was \(complete ? "fully" : "partially") sent: \(message) (outcome unknown)"
        case .tls(let code, let message):
            "TLS failure (curl \(code)): \(message) (never sent)"
        case .connectionLostBeforeSending(let code, let message):
            "connection lost before sending (curl \(code)): \(message) (never sent)"
        case .connectionLostAfterSending(let code, let message, let complete):
            "connection lost after the request was \(complete ? "fully" : "partially") sent (curl \(code)): \(message) (outcome unknown)"
        case .responseTooLarge(let limit):
            "response larger than \(limit) bytes (request was sent)"
        case .invalidRequest(let message):
            "invalid request: \(message) (never sent)"
        case .cancelled(let progress):
            "cancelled; request \(progress)"
        case .shutDown:
            "HTTP client shut down (never sent)"
        case .other(let code, let message, let progress):
            "curl error \(code): \(message); request \(progress)"
        }
    }
}
