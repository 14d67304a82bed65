import CurlShim
import Foundation
import Synchronization

/// One SMTP delivery in flight (see ``HTTPTransfer`` for the threading rules, which are the
/// same: created by the caller, then touched only by the driver thread).
final class SMTPTransfer: CurlTransfer, CancellableTransfer, @unchecked Sendable {
    private let configuration: SMTPConfiguration
    private let sender: String
    private let recipients: [String]
    private let upload: CurlUploadBody
    private var continuation: CheckedContinuation<Result<SMTPReceipt, SMTPError>, Never>?
    private let cancelRequested = Atomic(false)
    private var recipientList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    private var replies = SMTPReplyLog()

    init(
        configuration: SMTPConfiguration, sender: String, recipients: [String], message: Data,
        continuation: CheckedContinuation<Result<SMTPReceipt, SMTPError>, Never>
    ) {
        self.configuration = configuration
        self.sender = sender
        self.recipients = recipients
        self.upload = CurlUploadBody([UInt8](message))
        self.continuation = continuation
        errorBuffer.initialize(to: 0)
    }

    deinit {
        curl_slist_free_all(recipientList)
        errorBuffer.deallocate()
    }

    var isCancelRequested: Bool { cancelRequested.load(ordering: .relaxed) }

    func requestCancel() { cancelRequested.store(true, ordering: .relaxed) }

    func start(on easy: CurlEasy) throws(CurlOptionError) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        try easy.set(CURLOPT_URL, configuration.url)
        try easy.set(CURLOPT_PROTOCOLS_STR, "smtp,smtps")
        try easy.set(CURLOPT_NOSIGNAL, true)
        try easy.set(CURLOPT_CONNECTTIMEOUT_MS, Int(configuration.connectTimeout.milliseconds))
        try easy.set(CURLOPT_TIMEOUT_MS, Int(configuration.timeout.milliseconds))
        // all_proxy would otherwise tunnel SMTP through an HTTP proxy.
        try easy.set(CURLOPT_PROXY, "")
        if configuration.starttls {
            try easy.set(CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue))
        }
        try easy.set(CURLOPT_SSL_VERIFYPEER, configuration.verifyTLS)
        try easy.set(CURLOPT_SSL_VERIFYHOST, configuration.verifyTLS ? 2 : 0)
        if let ca = configuration.caBundlePath { try easy.set(CURLOPT_CAINFO, ca) }
        if let username = configuration.username { try easy.set(CURLOPT_USERNAME, username) }
        if let password = configuration.password { try easy.set(CURLOPT_PASSWORD, password) }
        try easy.set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer))
        try easy.set(CURLOPT_MAIL_FROM, "<\(sender)>")
        var list: UnsafeMutablePointer<curl_slist>? = nil
        for recipient in recipients { list = curl_slist_append(list, "<\(recipient)>") }
        recipientList = list
        try easy.set(CURLOPT_MAIL_RCPT, list: list)
        // For SMTP, libcurl hands every server reply line to the header callback.
        try easy.set(CURLOPT_HEADERFUNCTION, write: smtpReplyLine)
        try easy.set(CURLOPT_HEADERDATA, pointer: context)
        try easy.set(CURLOPT_UPLOAD, true)
        try easy.set(CURLOPT_INFILESIZE_LARGE, offset: upload.bytes.count)
        try upload.attach(to: easy)
    }

    fileprivate func addReply(_ bytes: UnsafeRawBufferPointer) {
        replies.add(line: String(decoding: bytes, as: UTF8.self))
    }

    func finish(on easy: CurlEasy, code: CURLcode, cancelled: Bool) {
        if code == CURLE_OK && !cancelled {
            let accepted = replies.lastAccepted
            resume(
                .success(
                    SMTPReceipt(
                        replyCode: accepted?.code ?? easy.long(CURLINFO_RESPONSE_CODE),
                        replyText: accepted?.text ?? "",
                        recipients: recipients)))
            return
        }
        let detail = String(cString: errorBuffer)
        let message = cancelled ? "cancelled" : detail.isEmpty ? CurlError.message(code: Int(code.rawValue)) : detail
        let failure = replies.failure
        let lastCode = easy.long(CURLINFO_RESPONSE_CODE)
        let replyCode = failure?.code ?? (lastCode >= 400 ? lastCode : nil)
        resume(
            .failure(
                SMTPError(
                    isTemporary: cancelled || Self.isTemporary(code: code, replyCode: replyCode),
                    replyCode: replyCode,
                    replyText: failure?.text ?? "",
                    curlCode: Int(code.rawValue),
                    message: message,
                    messageMayHaveBeenAccepted: upload.isFullySent && replyCode == nil)))
    }

    func abandon(_ reason: CurlAbandonReason) {
        let (code, message): (CURLcode, String) =
            switch reason {
            case .setupFailed(let error): (CURLcode(UInt32(error.code)), error.description)
            case .shutDown: (CURLE_ABORTED_BY_CALLBACK, "SMTP client shut down")
            case .cancelled: (CURLE_ABORTED_BY_CALLBACK, "cancelled")
            }
        let permanent: Bool = if case .setupFailed = reason { true } else { false }
        resume(
            .failure(
                SMTPError(
                    isTemporary: !permanent, replyCode: nil, replyText: "", curlCode: Int(code.rawValue),
                    message: message, messageMayHaveBeenAccepted: false)))
    }

    /// The retry rule: the server's reply decides when there is one (4xx temporary, 5xx
    /// permanent); otherwise configuration errors are permanent and everything else
    /// (refused, DNS, timeout, connection lost, TLS handshake) temporary.
    static func isTemporary(code: CURLcode, replyCode: Int?) -> Bool {
        if let replyCode { return replyCode < 500 }
        switch code {
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT, CURLE_LOGIN_DENIED, CURLE_USE_SSL_FAILED,
            CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CERTPROBLEM,
            CURLE_NOT_BUILT_IN, CURLE_BAD_FUNCTION_ARGUMENT, CURLE_AUTH_ERROR:
            return false
        default:
            return true
        }
    }

    private func resume(_ result: Result<SMTPReceipt, SMTPError>) {
        continuation?.resume(returning: result)
        continuation = nil
    }
}

private let smtpReplyLine: cshim_write_cb = { data, size, count, context in
    let transfer = Unmanaged<SMTPTransfer>.fromOpaque(context!).takeUnretainedValue()
    transfer.addReply(UnsafeRawBufferPointer(start: data, count: size * count))
    return size * count
}
