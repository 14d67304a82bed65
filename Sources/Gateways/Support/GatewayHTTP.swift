import Foundation
import Logging
import Transport

/// One gateway call with the retry rules every gateway shares.
///
/// - A ``Transport/TransportError`` whose request was never sent is retried.
/// - An answer the gateway's `classify` calls ``Verdict/retry(after:reason:)`` (429, 503 with
///   `Retry-After`, a refused signature) is retried, waiting at least `Retry-After`.
/// - Any other transport failure is ``Exchange/unknown(_:)``: the request may have reached the
///   gateway, so it is never sent again here.
///
/// The request is rebuilt for every attempt (`makeRequest`), so signed headers get a fresh
/// date and salt.
struct GatewayHTTP: Sendable {
    let client: HTTPClient
    let retry: RetryPolicy
    let logger: Logger
    /// Credentials that must never reach a log line or a stored reason (a URL template may
    /// carry one, and transport errors quote the URL).
    var secrets: [String] = []

    /// `text` with every secret (plain or percent-encoded) replaced by `***`.
    func scrub(_ text: String) -> String {
        var out = text
        for secret in secrets where secret.count >= 4 {
            out = out.replacingOccurrences(of: secret, with: "***")
            if let encoded = secret.addingPercentEncoding(withAllowedCharacters: HTTPTemplate.unreserved), encoded != secret {
                out = out.replacingOccurrences(of: encoded, with: "***")
            }
        }
        return out
    }

    /// What the gateway-specific code makes of one HTTP response.
    enum Verdict<Value: Sendable>: Sendable {
        case done(Value)
        /// The gateway refused before processing anything; safe to send again.
        case retry(after: Duration?, reason: String)
    }

    /// How the call ended.
    enum Exchange<Value: Sendable>: Sendable {
        case done(Value)
        /// Never reached the gateway, retries used up: the messages may be sent again later.
        case notSent(reason: String, retryAfter: Duration?)
        /// May have reached the gateway.
        case unknown(String)
    }

    func exchange<Value: Sendable>(
        _ label: String, makeRequest: () throws -> HTTPRequest, classify: (HTTPResponse) -> Verdict<Value>
    ) async -> Exchange<Value> {
        var waited: Duration = .zero
        var attempt = 0
        while true {
            attempt += 1
            let request: HTTPRequest
            do {
                request = try makeRequest()
            } catch {
                return .notSent(reason: "요청을 만들 수 없음: \(error)", retryAfter: nil)
            }
            let reason: String
            var retryAfter: Duration? = nil
            do {
                let response = try await client.send(request)
                switch classify(response) {
                case let .done(value): return .done(value)
                case let .retry(after, why):
                    reason = why
                    retryAfter = after ?? response.retryAfter()
                }
            } catch {
                guard error.requestNeverSent else {
                    return .unknown(scrub("전달 여부 불명: \(error)"))
                }
                if case .cancelled = error { return .notSent(reason: "취소됨", retryAfter: nil) }
                reason = scrub("전송되지 않음: \(error)")
            }
            let wait = retry.delay(afterAttempt: attempt, retryAfter: retryAfter)
            guard attempt < retry.maxAttempts, waited + wait <= retry.budget, !Task.isCancelled else {
                return .notSent(reason: reason, retryAfter: retryAfter)
            }
            logger.notice("gateway call retried", metadata: [
                "call": "\(label)", "attempt": "\(attempt)", "wait": "\(wait)", "reason": "\(reason)",
            ])
            waited += wait
            do { try await Task.sleep(for: wait) } catch { return .notSent(reason: "취소됨", retryAfter: nil) }
        }
    }
}

extension GatewayHTTP.Exchange {
    /// One outcome for every message of a batch the call did not settle.
    func unsettled(count: Int, code: String, now: Date) -> [GatewayOutcome]? {
        switch self {
        case .done: return nil
        case let .notSent(reason, retryAfter):
            let delay = retryAfter.map { Double($0.components.seconds) } ?? 30
            return Array(repeating: .deferred(code: code, reason: reason, until: now.addingTimeInterval(max(1, delay))), count: count)
        case let .unknown(reason):
            return Array(repeating: .unknown(reason: reason), count: count)
        }
    }
}
