import Foundation

/// What a `send-many/detail` answer says of each message, keyed by our id (the
/// `customFields` value under ``SolapiGateway/Configuration/idField``): Solapi's `messageId`
/// for the accepted ones (`messageList`), `statusCode` and `statusMessage` for the refused
/// ones (`failedMessageList`).
struct SolapiSendResults: Sendable {
    var accepted: [String: String] = [:]
    var failed: [String: (code: String, message: String?)] = [:]

    /// Reads the answer with a ``JSONScanner``: only the two lists' four fields become Swift
    /// values, a small fraction of the cost of `JSONSerialization` for 10,000 items. Only the
    /// documented shape is read this way (each list absent, `null` or an array of objects;
    /// the fields read strings or `null`; `customFields` an object or `null`): anything else
    /// gives `nil`, and the caller reads the answer leniently with ``init(_:idField:)``.
    static func scan(_ data: Data, idField: String) -> SolapiSendResults? {
        data.withUnsafeBytes { raw in
            var scanner = JSONScanner(raw.bindMemory(to: UInt8.self))
            var results = SolapiSendResults()
            do {
                try scanner.object { scanner, key in
                    switch key {
                    case "messageList":
                        try items(&scanner, idField: idField) { item in
                            if let ours = item.ours, let id = item.messageId { results.accepted[ours] = id }
                        }
                    case "failedMessageList":
                        try items(&scanner, idField: idField) { item in
                            if let ours = item.ours { results.failed[ours] = (item.statusCode ?? "?", item.statusMessage) }
                        }
                    default:
                        try scanner.skipValue()
                    }
                }
                try scanner.end()
                return results
            } catch {
                return nil
            }
        }
    }

    /// Reads an answer parsed by `JSONSerialization`, accepting what ``scan(_:idField:)``
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

    /// The fields read from one item of either list.
    private struct Item {
        var messageId: String?
        var statusCode: String?
        var statusMessage: String?
        /// Our id from `customFields`.
        var ours: String?
    }

    /// A list (`null` reads as empty), each item handed to `body`.
    private static func items(_ scanner: inout JSONScanner, idField: String, _ body: (Item) -> Void) throws {
        if try scanner.null() { return }
        try scanner.array { scanner in
            var item = Item()
            try scanner.object { scanner, key in
                switch key {
                case "messageId": item.messageId = try scanner.optionalString()
                case "statusCode": item.statusCode = try scanner.optionalString()
                case "statusMessage": item.statusMessage = try scanner.optionalString()
                case "customFields":
                    item.ours = nil
                    if try scanner.null() { return }
                    try scanner.object { scanner, field in
                        if field == idField { item.ours = try scanner.optionalString() } else { try scanner.skipValue() }
                    }
                default: try scanner.skipValue()
                }
            }
            body(item)
        }
    }
}
