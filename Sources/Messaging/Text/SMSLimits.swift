/// Size limits shared by Korean gateways (Solapi, SENS, NHN Cloud; Aligo allows a 44-byte
/// subject), in KS X 1001 bytes as counted by ``SMSBytes``.
public enum SMSLimits {
    /// SMS body: 90 bytes (한글 45자).
    public static let smsBytes = 90
    /// LMS body: 2,000 bytes (한글 1,000자).
    public static let lmsBytes = 2_000
    /// LMS subject: 40 bytes (한글 20자).
    public static let subjectBytes = 40
}
