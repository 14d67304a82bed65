import CurlShim

/// One transfer run by a ``CurlDriver``.
///
/// Ownership: the caller creates the transfer and hands it to ``CurlDriver/submit(_:)``;
/// from then on only the driver thread calls `start`, `finish` and `abandon`, exactly one of
/// `finish`/`abandon` exactly once. Implementations resume their continuation there.
protocol CurlTransfer: AnyObject, Sendable {
    /// Sets the options on a fresh (or freshly reset) easy handle. Throwing means the
    /// transfer never starts: the driver calls ``abandon(_:)`` with the error's text.
    func start(on easy: CurlEasy) throws(CurlOptionError)

    /// The transfer ended with `code` (`CURLE_OK` or an error); the handle's info is still
    /// readable. Free per-transfer resources (header lists) here.
    func finish(on easy: CurlEasy, code: CURLcode, cancelled: Bool)

    /// The transfer never reached libcurl: setup failed, or the driver is shutting down.
    func abandon(_ reason: CurlAbandonReason)

    /// Set from any thread to ask the driver to stop this transfer at its next turn.
    var isCancelRequested: Bool { get }
}

/// Why a transfer never reached libcurl.
enum CurlAbandonReason {
    case setupFailed(CurlOptionError)
    case shutDown
    case cancelled
}
