import Anniversaries
import Foundation
import Messaging
import Store

/// Runs an anniversary operation, turning the module's errors into one-line ``CLIError``s.
func anniversaryCall<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as AnniversaryError {
        throw CLIError(error.description)
    } catch let error as StoreError {
        throw CLIError(error.description)
    }
}

/// One anniversary as `--json` prints it (one object per line).
struct AnniversaryLine: Encodable {
    var customer_id: Int64
    var code: String?
    var name: String
    var kind: String
    var date: String
    var calendar: String
    /// `음력 3월 15일 → 2026-05-01`; the date alone for solar anniversaries.
    var origin: String
    var years: Int?
    var phone: String?
    var group: String?
    var grade: String?
    /// `planned` or `excluded`.
    var status: String
    var send_at: String?
    var type: String?
    var text: String?
    var reason: String?

    init(_ t: PlannedText) {
        customer_id = t.customerID; code = t.code; name = t.name; kind = t.kind.rawValue
        date = t.occurrence.description; calendar = t.origin.calendar.rawValue
        origin = t.origin.originArrow(t.occurrence); years = t.years; phone = PhoneNumber.display(t.phone)
        group = t.group; grade = t.grade; status = "planned"; send_at = OutboxTime.seoulMinute(t.sendAt)
        type = t.type.rawValue; text = t.text
    }

    init(_ e: PlannedExclusion) {
        customer_id = e.customerID; code = e.code; name = e.name; kind = e.kind.rawValue
        date = e.occurrence.description; calendar = e.origin.calendar.rawValue
        origin = e.origin.originArrow(e.occurrence); years = e.years; phone = e.mobile
        group = e.group; grade = e.grade; status = "excluded"; reason = e.reason
    }

    /// `36세` / `결혼 12주년`, or empty.
    static func years(_ years: Int?, _ kind: AnniversaryKind) -> String {
        guard let years else { return "" }
        return kind == .birthday ? "\(years)세" : "결혼 \(years)주년"
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
