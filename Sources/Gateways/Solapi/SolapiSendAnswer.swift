import Foundation

/// What a `send-many/detail` answer says of each message, keyed by our id (the
/// `customFields` value under ``SolapiGateway/Configuration/idField``): Solapi's `messageId`
/// for the accepted ones (`messageList`), `statusCode` and `statusMessage` for the refused
/// ones (`failedMessageList`).
struct SolapiSendResults: Sendable {
    var accepted: [String: String] = [:]
    var failed: [String: (code: String, message: String?)] = [:]

    /// Reads the answer with `JSONDecoder`, which costs a fraction of `JSONSerialization`
    /// for a list of 10,000 items. Only the documented shape is read this way (both lists
    /// absent, `null` or arrays of objects; the fields read strings or `null`): anything else
    /// gives `nil`, and the caller reads the answer leniently with ``init(_:idField:)``.
    static func decode(_ data: Data, idField: String) -> SolapiSendResults? {
        let decoder = JSONDecoder()
        decoder.userInfo[Item.idFieldKey] = idField
        guard let answer = try? decoder.decode(Answer.self, from: data) else { return nil }
        var results = SolapiSendResults()
        results.accepted.reserveCapacity(answer.messageList.count)
        for item in answer.messageList {
            if let ours = item.ours, let id = item.messageId { results.accepted[ours] = id }
        }
        for item in answer.failedMessageList {
            if let ours = item.ours { results.failed[ours] = (item.statusCode ?? "?", item.statusMessage) }
        }
        return results
    }

    /// Reads an answer parsed by `JSONSerialization`, accepting what ``decode(_:idField:)``
    /// refuses: numbers for strings, a list that is not an array (read as empty).
    init(_ answer: [String: Any], idField: String) {
        func ours(_ item: [String: Any]) -> String? {
            JSONFields.string((item["customFields"] as? [String: Any])?[idField])
        }
        for item in answer["messageList"] as? [[String: Any]] ?? [] {
            if let ours = ours(item), let id = JSONFields.string(item["messageId"]) { accepted[ours] = id }
        }
        for item in answer["failedMessageList"] as? [[String: Any]] ?? [] {
            if let ours = ours(item) {
                failed[ours] = (JSONFields.string(item["statusCode"]) ?? "?", JSONFields.string(item["statusMessage"]))
            }
        }
    }

    private init() {}

    /// The two lists; absent or `null` reads as empty.
    private struct Answer: Decodable {
        var messageList: [Item]
        var failedMessageList: [Item]

        enum CodingKeys: String, CodingKey { case messageList, failedMessageList }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            messageList = try container.decodeIfPresent([Item].self, forKey: .messageList) ?? []
            failedMessageList = try container.decodeIfPresent([Item].self, forKey: .failedMessageList) ?? []
        }
    }

    /// One item of either list: the four fields read, nothing else.
    private struct Item: Decodable {
        static let idFieldKey = CodingUserInfoKey(rawValue: "kimbiseo.solapi.idField")!

        var messageId: String?
        var statusCode: String?
        var statusMessage: String?
        /// Our id from `customFields`.
        var ours: String?

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            messageId = try container.decodeIfPresent(String.self, forKey: Key(stringValue: "messageId"))
            statusCode = try container.decodeIfPresent(String.self, forKey: Key(stringValue: "statusCode"))
            statusMessage = try container.decodeIfPresent(String.self, forKey: Key(stringValue: "statusMessage"))
            let fields = Key(stringValue: "customFields")
            guard container.contains(fields), try !container.decodeNil(forKey: fields),
                  let idField = decoder.userInfo[Self.idFieldKey] as? String
            else { return }
            let custom = try container.nestedContainer(keyedBy: Key.self, forKey: fields)
            ours = try custom.decodeIfPresent(String.self, forKey: Key(stringValue: idField))
        }
    }
}
