import Foundation
import Store

/// Builds one card from the properties between BEGIN:VCARD and END:VCARD.
struct VCardCardBuilder {
    let file: String
    let begin: Int
    let parser: FieldParser
    private(set) var problems: [ImportProblem] = []

    init(file: String, begin: Int, parser: FieldParser) {
        self.file = file; self.begin = begin; self.parser = parser
    }

    mutating func build(_ properties: [VCardProperty]) -> CustomerCard? {
        var card = CustomerCard(name: "")
        var formattedName: String?
        var structuredName: String?
        var otherPhones: [(String, VCardProperty)] = []

        func clean(_ text: String) -> String? {
            let cleaned = TextNormalization.clean(text)
            return cleaned.isEmpty ? nil : cleaned
        }
        func field<T>(_ property: VCardProperty, _ text: String?, _ parse: (String) throws(FieldError) -> T) -> T? {
            guard let text = text.flatMap(clean) else { return nil }
            do {
                return try parse(text)
            } catch {
                problems.append(ImportProblem(file: file, row: property.line, column: property.name, message: error.message))
                return nil
            }
        }
        func anniversary(_ property: VCardProperty) -> AnniversaryDate? {
            var text = property.text
            if let time = text.firstIndex(of: "T"), text.distance(from: text.startIndex, to: time) >= 4 {
                text = String(text[..<time])
            }
            let calendar = field(property, property.parameter("X-CALENDAR"), parser.calendar) ?? .solar
            return field(property, text) { (text) throws(FieldError) in try parser.anniversary(text, calendar: calendar) }
        }

        for property in properties {
            let types = property.types
            switch property.name {
            case "FN": formattedName = clean(property.text)
            case "N": structuredName = Self.name(fromComponents: property.components.map(TextNormalization.clean))
            case "NICKNAME": card.nickname = clean(property.text)
            case "TEL":
                var value = property.text
                if value.lowercased().hasPrefix("tel:") { value = String(value.dropFirst(4)) }
                guard let digits = field(property, value, parser.phone) else { continue }
                if types.contains("cell") && card.mobile == nil {
                    card.mobile = digits
                } else if types.contains("fax") && card.work.fax == nil {
                    card.work.fax = digits
                } else {
                    otherPhones.append((digits, property))
                }
            case "EMAIL":
                if card.email == nil { card.email = field(property, property.text, parser.email) }
            case "ORG":
                let parts = property.components.map(TextNormalization.clean)
                card.work.company = parts.first.flatMap { $0.isEmpty ? nil : $0 }
                card.work.department = parts.dropFirst().filter { !$0.isEmpty }.joined(separator: " ").nilIfEmpty
            case "TITLE": card.work.position = clean(property.text)
            case "ROLE": if card.work.rank == nil { card.work.rank = clean(property.text) }
            case "ADR":
                let parts = property.components.map(TextNormalization.clean) + Array(repeating: "", count: 7)
                let address = [parts[4], parts[3], parts[2]].filter { !$0.isEmpty }.joined(separator: " ").nilIfEmpty
                let detail = [parts[0], parts[1]].filter { !$0.isEmpty }.joined(separator: " ").nilIfEmpty
                let postcode = field(property, parts[5], parser.postcode)
                if types.contains("work") || (!types.contains("home") && card.home.address != nil) {
                    card.work.address = address; card.work.addressDetail = detail; card.work.postcode = postcode
                } else {
                    card.home.address = address; card.home.addressDetail = detail; card.home.postcode = postcode
                }
            case "BDAY": card.birthday = anniversary(property)
            case "ANNIVERSARY", "X-ANNIVERSARY": card.wedding = anniversary(property)
            case "NOTE": card.memo = clean(property.text)
            case "GENDER", "X-GENDER":
                let value = property.components.first ?? ""
                card.gender = field(property, value.isEmpty ? nil : value, parser.gender)
            case "PHOTO": card.image = photo(property)
            case "X-KIMBISEO-CODE": card.code = clean(property.text)
            case "X-KIMBISEO-VIP": card.isVIP = field(property, property.text, parser.flag) ?? false
            case "X-KIMBISEO-GROUP": card.group = clean(property.text)
            case "X-KIMBISEO-GRADE": card.grade = clean(property.text)
            case "X-KIMBISEO-RANK": card.work.rank = clean(property.text)
            case "X-KIMBISEO-AD-CONSENT": card.consent.adConsent = field(property, property.text, parser.consent) ?? nil
            case "X-KIMBISEO-NIGHT-CONSENT": card.consent.nightConsent = field(property, property.text, parser.consent) ?? nil
            case "X-KIMBISEO-OPTED-OUT": card.consent.optedOut = field(property, property.text, parser.consent) ?? nil
            default: continue
            }
        }
        for (digits, property) in otherPhones {
            let types = property.types
            if types.contains("work") && card.work.phone == nil {
                card.work.phone = digits
            } else if types.contains("home") && card.home.phone == nil {
                card.home.phone = digits
            } else if PhoneNumber.isMobile(digits) && card.mobile == nil {
                card.mobile = digits
            } else if card.home.phone == nil {
                card.home.phone = digits
            } else if card.work.phone == nil {
                card.work.phone = digits
            }
        }
        guard let name = formattedName ?? structuredName else {
            problems.append(ImportProblem(file: file, row: begin, column: "FN", message: "a card without FN or N (성명 is required)"))
            return nil
        }
        card.name = name
        return problems.isEmpty ? card : nil
    }

    /// `N:홍;길동;;;` → 홍길동 (Korean: family name first, no space); `N:Smith;John` → John Smith.
    static func name(fromComponents parts: [String]) -> String? {
        let family = parts.first ?? "", given = parts.count > 1 ? parts[1] : ""
        if family.isEmpty || given.isEmpty { return (family + given).nilIfEmpty }
        let hangul = family.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) }
        return hangul ? family + given : given + " " + family
    }

    private mutating func photo(_ property: VCardProperty) -> CustomerImage? {
        var payload = property.value
        let encoding = property.parameter("ENCODING")?.lowercased()
        if payload.hasPrefix("data:"), let comma = payload.firstIndex(of: ",") {
            guard payload[..<comma].hasSuffix(";base64") else {
                problems.append(ImportProblem(file: file, row: property.line, column: "PHOTO", message: "a data: URI that is not base64"))
                return nil
            }
            payload = String(payload[payload.index(after: comma)...])
        } else if encoding != "b" && encoding != "base64" {
            return nil  // a link to a photo elsewhere: not fetched
        }
        let compact = payload.filter { !$0.isWhitespace }
        guard let data = Data(base64Encoded: compact, options: .ignoreUnknownCharacters) else {
            problems.append(ImportProblem(file: file, row: property.line, column: "PHOTO", message: "the photo is not valid base64"))
            return nil
        }
        guard let mediaType = Self.imageType(data) else {
            problems.append(ImportProblem(file: file, row: property.line, column: "PHOTO", message: "the photo is neither JPEG nor PNG"))
            return nil
        }
        return CustomerImage(mediaType: mediaType, data: data)
    }

    /// `image/jpeg` or `image/png` by magic bytes.
    static func imageType(_ data: Data) -> String? {
        if data.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        return nil
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
