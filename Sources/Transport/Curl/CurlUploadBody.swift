import CurlShim

/// A request body libcurl pulls through `CURLOPT_READFUNCTION`, and the count of body bytes
/// libcurl reports written through `CURLOPT_XFERINFOFUNCTION`.
///
/// No `CURLOPT_SEEKFUNCTION` is installed on purpose: once body bytes have been written,
/// libcurl cannot rewind the body, so it can never send it a second time on its own (its
/// retry on a dead reused connection fails with `CURLE_SEND_FAIL_REWIND` instead).
///
/// `maxBytesSent` keeps the largest upload counter seen: libcurl restarts
/// `CURLINFO_SIZE_UPLOAD_T` when it retries internally, the maximum does not.
/// Used on the driver thread only.
final class CurlUploadBody {
    let bytes: [UInt8]
    private var offset = 0
    private(set) var maxBytesSent = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Whether libcurl has reported every body byte written.
    var isFullySent: Bool { maxBytesSent >= bytes.count }

    /// Installs the read and progress callbacks with this object as their context.
    /// The caller keeps the object alive for the whole transfer.
    func attach(to easy: CurlEasy) throws(CurlOptionError) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        try easy.set(CURLOPT_READFUNCTION, read: uploadRead)
        try easy.set(CURLOPT_READDATA, pointer: context)
        try easy.set(CURLOPT_NOPROGRESS, false)
        try easy.setProgress(uploadProgress, context: context)
    }

    /// Installs only the progress callback (for bodies libcurl copied itself).
    func attachProgress(to easy: CurlEasy) throws(CurlOptionError) {
        try easy.set(CURLOPT_NOPROGRESS, false)
        try easy.setProgress(uploadProgress, context: Unmanaged.passUnretained(self).toOpaque())
    }

    fileprivate func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        let count = min(capacity, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }

    fileprivate func noteSent(_ count: Int) {
        if count > maxBytesSent { maxBytesSent = count }
    }
}

private let uploadRead: cshim_read_cb = { buffer, size, count, context in
    Unmanaged<CurlUploadBody>.fromOpaque(context!).takeUnretainedValue().read(into: buffer, capacity: size * count)
}

private let uploadProgress: cshim_xferinfo_cb = { context, _, _, _, uploaded in
    Unmanaged<CurlUploadBody>.fromOpaque(context!).takeUnretainedValue().noteSent(Int(uploaded))
    return 0
}
