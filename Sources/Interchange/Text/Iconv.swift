#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte conversion between character sets through the C library's `iconv`.
///
/// Used for CP949 (Korean Excel's "ANSI" CSV; a superset of EUC-KR), which Foundation on
/// Linux does not name.
enum Iconv {
    struct Failure: Error {
        /// Byte offset in the input where conversion stopped.
        var offset: Int
        var reason: String
    }

    /// `bytes` in `source` encoding converted to `target`; fails at the first byte sequence
    /// that is invalid in `source` or has no equivalent in `target`.
    static func convert(_ bytes: [UInt8], from source: String, to target: String) throws(Failure) -> [UInt8] {
        guard let handle = iconv_open(target, source), handle != iconv_t(bitPattern: -1) else {
            throw Failure(offset: 0, reason: "the C library cannot convert \(source) to \(target)")
        }
        defer { iconv_close(handle) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        let result: (written: Int, failedAt: Int?, errno: Int32) = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                guard let inBase = inBuffer.baseAddress, let outBase = outBuffer.baseAddress else {
                    return (0, nil, 0)
                }
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBase)
                    .assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outLeft = outBuffer.count
                let status = iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft)
                let failed = status == -1 ? inBuffer.count - inLeft : nil
                return (outBuffer.count - outLeft, failed, status == -1 ? errno : 0)
            }
        }
        if let offset = result.failedAt {
            let reason = result.errno == EILSEQ
                ? "a byte sequence that is not \(source) or has no \(target) form"
                : "an incomplete character at the end"
            throw Failure(offset: offset, reason: reason)
        }
        output.removeSubrange(result.written...)
        return output
    }
}
