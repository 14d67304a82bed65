import CurlShim

/// A libcurl easy handle (`CURL *`), seen from the driver thread only.
///
/// Thin typed access to the shim: each setter names the option's C type. A setter that
/// libcurl refuses (an option or protocol not compiled in, an out-of-range value) throws
/// ``CurlOptionError`` so the transfer fails before anything is sent.
struct CurlEasy {
    let raw: UnsafeMutableRawPointer

    func set(_ option: CURLoption, _ value: Int) throws(CurlOptionError) {
        try check(cshim_easy_setopt_long(raw, option, value), option)
    }

    func set(_ option: CURLoption, _ value: Bool) throws(CurlOptionError) {
        try set(option, value ? 1 : 0)
    }

    func set(_ option: CURLoption, offset value: Int) throws(CurlOptionError) {
        try check(cshim_easy_setopt_off_t(raw, option, value), option)
    }

    /// libcurl copies the string, so a temporary Swift string is fine.
    func set(_ option: CURLoption, _ value: String?) throws(CurlOptionError) {
        let code: CURLcode
        if let value {
            code = cshim_easy_setopt_string(raw, option, value)
        } else {
            code = cshim_easy_setopt_string(raw, option, nil)
        }
        try check(code, option)
    }

    func set(_ option: CURLoption, pointer value: UnsafeMutableRawPointer?) throws(CurlOptionError) {
        try check(cshim_easy_setopt_ptr(raw, option, value), option)
    }

    /// The list is borrowed: it must outlive the transfer.
    func set(_ option: CURLoption, list value: UnsafeMutablePointer<curl_slist>?) throws(CurlOptionError) {
        try check(cshim_easy_setopt_slist(raw, option, value), option)
    }

    func set(_ option: CURLoption, write callback: cshim_write_cb?) throws(CurlOptionError) {
        try check(cshim_easy_setopt_write_cb(raw, option, callback), option)
    }

    func set(_ option: CURLoption, read callback: cshim_read_cb?) throws(CurlOptionError) {
        try check(cshim_easy_setopt_read_cb(raw, option, callback), option)
    }

    /// `CURLOPT_XFERINFOFUNCTION` + `CURLOPT_XFERINFODATA` (also needs `CURLOPT_NOPROGRESS` 0).
    func setProgress(_ callback: cshim_xferinfo_cb?, context: UnsafeMutableRawPointer?) throws(CurlOptionError) {
        try check(cshim_easy_setopt_xferinfo_cb(raw, callback), CURLOPT_XFERINFOFUNCTION)
        try set(CURLOPT_XFERINFODATA, pointer: context)
    }

    func long(_ info: CURLINFO) -> Int {
        var value = 0
        return cshim_easy_getinfo_long(raw, info, &value) == CURLE_OK ? value : 0
    }

    func offset(_ info: CURLINFO) -> Int {
        var value: curl_off_t = 0
        return cshim_easy_getinfo_off_t(raw, info, &value) == CURLE_OK ? value : 0
    }

    func string(_ info: CURLINFO) -> String? {
        var value: UnsafePointer<CChar>?
        guard cshim_easy_getinfo_string(raw, info, &value) == CURLE_OK, let value else { return nil }
        return String(cString: value)
    }

    /// A libcurl timing value (`CURLINFO_*_TIME_T`, microseconds) as a `Duration`.
    func duration(_ info: CURLINFO) -> Duration {
        .microseconds(Int64(offset(info)))
    }

    private func check(_ code: CURLcode, _ option: CURLoption) throws(CurlOptionError) {
        if code != CURLE_OK { throw CurlOptionError(option: Int(option.rawValue), code: Int(code.rawValue)) }
    }
}

/// libcurl refused an option while a transfer was being set up; nothing was sent.
struct CurlOptionError: Error, CustomStringConvertible {
    let option: Int
    let code: Int

    var description: String {
        "libcurl refused option \(option): \(CurlError.message(code: code))"
    }
}

/// Messages for libcurl result codes.
enum CurlError {
    static func message(code: Int) -> String {
        String(cString: curl_easy_strerror(CURLcode(UInt32(truncatingIfNeeded: code))))
    }
}
