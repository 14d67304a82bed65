import CurlShim
import Foundation
import Synchronization

/// One HTTP exchange in flight: the request, the buffers the callbacks fill, and the
/// continuation to resume.
///
/// `@unchecked Sendable`: created by the caller, then touched only by the driver thread
/// (callbacks run inside `curl_multi_perform` there), except `cancelRequested`, an atomic.
final class HTTPTransfer: CurlTransfer, CancellableTransfer, @unchecked Sendable {
    private let request: HTTPRequest
    private let configuration: HTTPClient.Configuration
    private let upload: CurlUploadBody
    private var body: [UInt8] { upload.bytes }
    private var continuation: CheckedContinuation<Result<HTTPResponse, TransportError>, Never>?
    private let cancelRequested = Atomic(false)

    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    private var responseBody = Data()
    private var responseHeaders = HTTPHeaders()
    private var tooLarge = false

    init(
        request: HTTPRequest, configuration: HTTPClient.Configuration,
        continuation: CheckedContinuation<Result<HTTPResponse, TransportError>, Never>
    ) {
        self.request = request
        self.configuration = configuration
        self.upload = CurlUploadBody(request.body.map { [UInt8]($0) } ?? [])
        self.continuation = continuation
        errorBuffer.initialize(to: 0)
    }

    deinit {
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    var isCancelRequested: Bool { cancelRequested.load(ordering: .relaxed) }

    func requestCancel() { cancelRequested.store(true, ordering: .relaxed) }

    // MARK: Setup (driver thread)

    func start(on easy: CurlEasy) throws(CurlOptionError) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        try easy.set(CURLOPT_URL, request.url)
        try easy.set(CURLOPT_PROTOCOLS_STR, "http,https")
        try easy.set(CURLOPT_NOSIGNAL, true)
        try easy.set(CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_1_1)
        try easy.set(CURLOPT_CONNECTTIMEOUT_MS, Int(configuration.connectTimeout.milliseconds))
        try easy.set(CURLOPT_TIMEOUT_MS, Int((request.timeout ?? configuration.timeout).milliseconds))
        try easy.set(CURLOPT_MAXAGE_CONN, Int(max(1, configuration.maxConnectionAge.milliseconds / 1000)))
        try easy.set(CURLOPT_SSL_VERIFYPEER, configuration.verifyTLS)
        try easy.set(CURLOPT_SSL_VERIFYHOST, configuration.verifyTLS ? 2 : 0)
        if let ca = configuration.caBundlePath { try easy.set(CURLOPT_CAINFO, ca) }
        switch configuration.proxy {
        case .environment: break
        case .none: try easy.set(CURLOPT_PROXY, "")
        case .url(let url): try easy.set(CURLOPT_PROXY, url)
        }
        try easy.set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer))
        try easy.set(CURLOPT_WRITEFUNCTION, write: httpWriteBody)
        try easy.set(CURLOPT_WRITEDATA, pointer: context)
        try easy.set(CURLOPT_HEADERFUNCTION, write: httpWriteHeader)
        try easy.set(CURLOPT_HEADERDATA, pointer: context)

        try setMethodAndBody(on: easy)

        var list: UnsafeMutablePointer<curl_slist>? = nil
        for (name, value) in request.headers {
            list = curl_slist_append(list, "\(name): \(value)")
        }
        if request.headers["User-Agent"] == nil {
            list = curl_slist_append(list, "User-Agent: \(configuration.userAgent)")
        }
        // An empty `Expect:` stops libcurl from waiting for `100 Continue` on bodies > 1 KiB.
        list = curl_slist_append(list, "Expect:")
        headerList = list
        try easy.set(CURLOPT_HTTPHEADER, list: list)
    }

    private func setMethodAndBody(on easy: CurlEasy) throws(CurlOptionError) {
        let method = request.method
        let sendsBody = !body.isEmpty || [.post, .put, .patch].contains(method)
        if method == .head {
            try easy.set(CURLOPT_NOBODY, true)
            return
        }
        if !sendsBody {
            // GET, DELETE, … without a body: no Content-Length or Content-Type.
            try easy.set(CURLOPT_HTTPGET, true)
            if method != .get { try easy.set(CURLOPT_CUSTOMREQUEST, method.rawValue) }
            return
        }
        try easy.set(CURLOPT_POST, true)
        try easy.set(CURLOPT_POSTFIELDSIZE_LARGE, offset: body.count)
        if request.allowsTransparentResend {
            // libcurl keeps its own copy and may replay it on a dead reused connection.
            let copied =
                body.isEmpty
                ? cshim_easy_setopt_string(easy.raw, CURLOPT_COPYPOSTFIELDS, "")
                : body.withUnsafeBufferPointer { buffer in
                    cshim_easy_setopt_ptr(
                        easy.raw, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: buffer.baseAddress))
                }
            if copied != CURLE_OK {
                throw CurlOptionError(option: Int(CURLOPT_COPYPOSTFIELDS.rawValue), code: Int(copied.rawValue))
            }
            try upload.attachProgress(to: easy)
        } else {
            // Streamed through a read callback: libcurl can never post this body twice.
            try upload.attach(to: easy)
        }
        if method != .post {
            try easy.set(CURLOPT_CUSTOMREQUEST, method.rawValue)
        }
    }

    // MARK: Callbacks (driver thread)

    fileprivate func appendBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if responseBody.count + bytes.count > configuration.maxResponseBytes {
            tooLarge = true
            return false
        }
        responseBody.append(contentsOf: bytes)
        return true
    }

    /// One raw header line from libcurl (`Name: value\r\n`), parsed on bytes: this runs
    /// for every header of every response.
    fileprivate func appendHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        let line = Self.trimmed(bytes, 0..<bytes.count)
        if bytes[line].starts(with: "HTTP/".utf8) {
            // A new status line (after 100 Continue or a proxy's CONNECT): start over.
            responseHeaders = HTTPHeaders()
            return
        }
        guard let colon = bytes[line].firstIndex(of: UInt8(ascii: ":")) else { return }
        let name = Self.trimmed(bytes, line.lowerBound..<colon)
        let value = Self.trimmed(bytes, (colon + 1)..<line.upperBound)
        responseHeaders.add(
            String(decoding: UnsafeRawBufferPointer(rebasing: bytes[name]), as: UTF8.self),
            String(decoding: UnsafeRawBufferPointer(rebasing: bytes[value]), as: UTF8.self))
    }

    private static func trimmed(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Range<Int> {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    // MARK: Completion (driver thread)

    func finish(on easy: CurlEasy, code: CURLcode, cancelled: Bool) {
        let result: Result<HTTPResponse, TransportError>
        if code == CURLE_OK && !cancelled {
            result = .success(
                HTTPResponse(
                    status: easy.long(CURLINFO_RESPONSE_CODE),
                    headers: responseHeaders,
                    body: responseBody,
                    timing: HTTPTiming(
                        nameLookup: easy.duration(CURLINFO_NAMELOOKUP_TIME_T),
                        connect: easy.duration(CURLINFO_CONNECT_TIME_T),
                        tlsHandshake: easy.duration(CURLINFO_APPCONNECT_TIME_T),
                        firstByte: easy.duration(CURLINFO_STARTTRANSFER_TIME_T),
                        total: easy.duration(CURLINFO_TOTAL_TIME_T)),
                    newConnections: easy.long(CURLINFO_NUM_CONNECTS),
                    localPort: easy.long(CURLINFO_LOCAL_PORT)))
        } else {
            let facts = CurlFailureFacts(
                code: Int(code.rawValue),
                message: failureMessage(code: code),
                url: request.url,
                requestBytes: easy.long(CURLINFO_REQUEST_SIZE),
                bodyBytesSent: max(easy.offset(CURLINFO_SIZE_UPLOAD_T), upload.maxBytesSent),
                bodyLength: body.count,
                connectDone: easy.offset(CURLINFO_CONNECT_TIME_T) > 0,
                tlsDone: easy.offset(CURLINFO_APPCONNECT_TIME_T) > 0,
                nameResolved: easy.offset(CURLINFO_NAMELOOKUP_TIME_T) > 0,
                isTLS: request.url.lowercased().hasPrefix("https:"),
                cancelled: cancelled,
                responseTooLarge: tooLarge,
                responseTooLargeLimit: configuration.maxResponseBytes)
            result = .failure(facts.classify())
        }
        curl_slist_free_all(headerList)
        headerList = nil
        resume(result)
    }

    func abandon(_ reason: CurlAbandonReason) {
        switch reason {
        case .setupFailed(let error): resume(.failure(.invalidRequest("\(error) for \(request.url)")))
        case .shutDown: resume(.failure(.shutDown))
        case .cancelled: resume(.failure(.cancelled(.notSent)))
        }
    }

    private func resume(_ result: Result<HTTPResponse, TransportError>) {
        continuation?.resume(returning: result)
        continuation = nil
    }

    private func failureMessage(code: CURLcode) -> String {
        let detail = String(cString: errorBuffer)
        return detail.isEmpty ? CurlError.message(code: Int(code.rawValue)) : detail
    }
}

// C callbacks: no captures; the transfer arrives as the user-data pointer.

private let httpWriteBody: cshim_write_cb = { data, size, count, context in
    let transfer = Unmanaged<HTTPTransfer>.fromOpaque(context!).takeUnretainedValue()
    let length = size * count
    return transfer.appendBody(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
}

private let httpWriteHeader: cshim_write_cb = { data, size, count, context in
    let transfer = Unmanaged<HTTPTransfer>.fromOpaque(context!).takeUnretainedValue()
    let length = size * count
    transfer.appendHeaderLine(UnsafeRawBufferPointer(start: data, count: length))
    return length
}

extension Duration {
    /// Whole milliseconds, rounded down.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
