import Foundation
import Store

/// How customers are printed: aligned Korean tables for people, JSON for scripts.
enum CustomerOutput {
    /// `1980-01-30(음)`, `05-17`, `2001-02-03(윤)`.
    static func date(_ d: AnniversaryDate?) -> String {
        guard let d else { return "" }
        switch d.calendar {
        case .solar: return d.formatted
        case .lunar: return d.formatted + "(음)"
        case .lunarLeap: return d.formatted + "(윤)"
        }
    }

    static func phone(_ digits: String?) -> String {
        digits.map(PhoneNumber.display) ?? ""
    }

    /// The `customers list` table.
    static func table(_ cards: [CustomerCard]) -> String {
        var table = TextTable(["번호", "고객번호", "성명", "휴대폰", "그룹", "등급", "생일", "VIP"])
        for c in cards {
            table.append([c.id.map(String.init) ?? "", c.code ?? "", c.name, phone(c.mobile), c.group ?? "",
                          c.grade ?? "", date(c.birthday), c.isVIP ? "★" : ""])
        }
        return table.render()
    }

    /// The `customers show` page: one labelled line per field that has a value.
    static func page(_ c: CustomerCard) -> String {
        var lines = TextTable(["항목", "내용"])
        func add(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { lines.append([label, value]) }
        }
        add("번호", c.id.map(String.init))
        add("고객번호", c.code)
        add("성명", c.name)
        add("별명", c.nickname)
        add("성별", c.gender?.rawValue)
        add("VIP", c.isVIP ? "예" : nil)
        add("휴대폰", phone(c.mobile))
        add("이메일", c.email)
        add("그룹", c.group)
        add("등급", c.grade)
        add("생일", date(c.birthday))
        add("결혼기념일", date(c.wedding))
        add("직장명", c.work.company)
        add("부서", c.work.department)
        add("직책", c.work.position)
        add("직급", c.work.rank)
        add("직장전화", phone(c.work.phone))
        add("팩스", phone(c.work.fax))
        add("직장주소", address(c.work.postcode, c.work.address, c.work.addressDetail))
        add("자택전화", phone(c.home.phone))
        add("자택주소", address(c.home.postcode, c.home.address, c.home.addressDetail))
        add("메모", c.memo?.replacingOccurrences(of: "\n", with: " ⏎ "))
        for f in c.family {
            add("가족", [f.relation, f.name, date(f.birthday), phone(f.phone)].filter { !$0.isEmpty }.joined(separator: " "))
        }
        for s in c.schools {
            add("학력", [s.school, s.major ?? "", s.year.map(String.init) ?? ""].filter { !$0.isEmpty }.joined(separator: " "))
        }
        for a in c.assets {
            add("자산", [a.kind, a.description ?? "", a.amount.map(won) ?? ""].filter { !$0.isEmpty }.joined(separator: " "))
        }
        for kind in ConsentKind.allCases {
            add(kind.korean, mark(c.consent[kind]))
        }
        add("기념일문자", c.anniversaryTextsEnabled ? "보냄" : "안 보냄")
        if let image = c.image { add("이미지", "\(image.mediaType), \(image.data.count) bytes") }
        return lines.render()
    }

    static func mark(_ m: ConsentMark?) -> String? {
        guard let m else { return nil }
        return m.source.map { "\(m.date) (\($0))" } ?? m.date
    }

    static func won(_ amount: Int64) -> String {
        let digits = String(amount.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += "," }
            out.append(ch)
        }
        return (amount < 0 ? "-" : "") + out + "원"
    }

    private static func address(_ postcode: String?, _ address: String?, _ detail: String?) -> String? {
        let parts = [postcode.map { "(\($0))" }, address, detail].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// One card as a compact JSON object; the image is described (`mediaType`, `byteCount`), not included.
    static func json(_ card: CustomerCard) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(CardJSON(card: card)), as: UTF8.self)
    }

    /// Any encodable value as compact JSON.
    static func json<T: Encodable>(value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// A card for JSON output: every field of ``CustomerCard`` except the image bytes.
struct CardJSON: Encodable {
    var card: CustomerCard

    private enum Keys: String, CodingKey { case image }
    private struct ImageInfo: Encodable { var mediaType: String; var byteCount: Int }

    func encode(to encoder: any Encoder) throws {
        var stripped = card
        stripped.image = nil
        try stripped.encode(to: encoder)
        if let image = card.image {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(ImageInfo(mediaType: image.mediaType, byteCount: image.data.count), forKey: .image)
        }
    }
}
