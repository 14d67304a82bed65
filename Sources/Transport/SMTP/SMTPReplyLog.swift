/// The server's replies as libcurl passes them to the header callback, one line at a time.
///
/// Multi-line replies (`250-…` continued, `250 …` final) are grouped, so the log can name the
/// failing reply even when libcurl sends `QUIT` afterwards.
struct SMTPReplyLog {
    struct Reply: Equatable {
        var code: Int
        var lines: [String]
        var text: String { lines.joined(separator: "\n") }
    }

    private(set) var replies: [Reply] = []
    private var pending: [String] = []
    private let maxReplies = 64

    mutating func add(line raw: String) {
        let line = raw.trimmingCharactersInSet("\r\n")
        guard line.count >= 3, let code = Int(line.prefix(3)) else { return }
        pending.append(line)
        let separator = line.dropFirst(3).first
        guard separator != "-" else { return }
        replies.append(Reply(code: code, lines: pending))
        pending = []
        if replies.count > maxReplies { replies.removeFirst() }
    }

    /// The reply that ended the SMTP conversation when it is a 4xx or 5xx: the last reply, not
    /// counting the answer to libcurl's closing `QUIT` (221). An earlier refusal libcurl
    /// recovered from (`EHLO` → 502, then `HELO`) does not count.
    var failure: Reply? {
        guard let last = replies.last(where: { $0.code != 221 }), last.code >= 400 else { return nil }
        return last
    }

    /// The last 250 reply (the answer to the end of DATA after a successful transfer).
    var lastAccepted: Reply? { replies.last { $0.code == 250 } }
}
