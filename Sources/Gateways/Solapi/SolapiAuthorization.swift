import Foundation
import Messaging

/// Solapi's `Authorization` header: `HMAC-SHA256 apiKey=…, date=…, salt=…, signature=…`,
/// signature = hex(HMAC-SHA256(secret, date + salt)). Every request needs a fresh date and a
/// fresh salt: Solapi refuses a signature used within 15 minutes and a date more than 15
/// minutes off (developers.solapi.com/references/authentication/api-key).
struct SolapiAuthorization: Sendable {
    let apiKey: String
    let apiSecret: String

    /// The header value for a request made at `date`, with 32 random hex characters of salt.
    func header(date: Date = Date(), salt: String = Crypto.randomHex(byteCount: 16)) -> String {
        let dateText = OutboxTime.format(date)
        let signature = Crypto.hmacSHA256Hex(key: apiSecret, message: dateText + salt)
        return "HMAC-SHA256 apiKey=\(apiKey), date=\(dateText), salt=\(salt), signature=\(signature)"
    }
}
