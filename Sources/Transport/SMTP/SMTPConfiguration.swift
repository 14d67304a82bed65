/// Where and how ``SMTPClient`` delivers mail (config keys `mail.smtp.*`).
public struct SMTPConfiguration: Sendable {
    /// `smtp://host:port` (plain, upgraded with STARTTLS when ``starttls`` is on) or
    /// `smtps://host:port` (TLS from the first byte). A path names the EHLO domain
    /// (`smtp://mail.example.kr:587/kimbiseo.example.kr`); without one libcurl sends its own.
    public var url: String
    /// For `smtp://`: require STARTTLS (`CURLOPT_USE_SSL` = `CURLUSESSL_ALL`). A server that
    /// does not offer it fails permanently instead of receiving the password in clear.
    /// Ignored for `smtps://`.
    public var starttls: Bool
    /// AUTH credentials; both nil means no AUTH.
    public var username: String?
    public var password: String?
    public var connectTimeout: Duration = .seconds(15)
    /// Limit for one whole message (connect, AUTH, envelope, DATA, final reply).
    public var timeout: Duration = .seconds(60)
    /// Verify the server certificate and host name (on by default).
    public var verifyTLS: Bool = true
    /// A CA bundle file replacing the system store (`CURLOPT_CAINFO`).
    public var caBundlePath: String? = nil

    public init(url: String, starttls: Bool = true, username: String? = nil, password: String? = nil) {
        self.url = url
        self.starttls = starttls
        self.username = username
        self.password = password
    }
}
