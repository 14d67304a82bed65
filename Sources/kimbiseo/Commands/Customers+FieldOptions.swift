import ArgumentParser
import Foundation
import Store

/// The card fields `customers add` and `customers edit` accept. Every option is optional;
/// `apply(to:)` changes only the fields given.
struct CustomerFieldOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("고객번호 (default: the next free C000123).", valueName: "CODE"))
    var code: String?
    @Option(name: .long, help: "성명.")
    var name: String?
    @Option(name: .long, help: "별명.")
    var nickname: String?
    @Option(name: .long, help: ArgumentHelp("성별: 남 or 여.", valueName: "남|여"))
    var gender: String?
    @Flag(name: .long, inversion: .prefixedNo, help: "VIP flag.")
    var vip: Bool?
    @Option(name: .long, help: "휴대폰, e.g. 010-1234-5678.")
    var mobile: String?
    @Option(name: .long, help: "이메일.")
    var email: String?
    @Option(name: .long, help: "메모.")
    var memo: String?
    @Option(name: .long, help: ArgumentHelp("그룹 (must exist unless --create-categories).", valueName: "G"))
    var group: String?
    @Option(name: .long, help: ArgumentHelp("등급 (must exist unless --create-categories).", valueName: "R"))
    var grade: String?
    @Option(name: .long, help: ArgumentHelp("생일: YYYY-MM-DD, YYYY.MM.DD, YYYYMMDD or MM-DD.", valueName: "DATE"))
    var birthday: String?
    @Option(name: .long, help: ArgumentHelp("생일구분: 양력 (default), 음력 or 윤달.", valueName: "양력|음력|윤달"))
    var birthdayCalendar: String?
    @Option(name: .long, help: ArgumentHelp("결혼기념일 (same forms as --birthday).", valueName: "DATE"))
    var wedding: String?
    @Option(name: .long, help: ArgumentHelp("결혼기념일구분: 양력 (default), 음력 or 윤달.", valueName: "양력|음력|윤달"))
    var weddingCalendar: String?
    @Option(name: .long, help: "직장명.")
    var company: String?
    @Option(name: .long, help: "부서.")
    var department: String?
    @Option(name: .long, help: "직책 (e.g. 팀장).")
    var position: String?
    @Option(name: .long, help: "직급 (e.g. 과장).")
    var rank: String?
    @Option(name: .long, help: "직장전화.")
    var workPhone: String?
    @Option(name: .long, help: "팩스.")
    var fax: String?
    @Option(name: .long, help: "직장우편번호 (5 digits).")
    var workPostcode: String?
    @Option(name: .long, help: "직장주소.")
    var workAddress: String?
    @Option(name: .long, help: "직장상세주소.")
    var workAddressDetail: String?
    @Option(name: .long, help: "자택전화.")
    var homePhone: String?
    @Option(name: .long, help: "자택우편번호 (5 digits).")
    var homePostcode: String?
    @Option(name: .long, help: "자택주소.")
    var homeAddress: String?
    @Option(name: .long, help: "자택상세주소.")
    var homeAddressDetail: String?
    @Flag(name: .long, inversion: .prefixedNo, help: "Send automatic anniversary texts to this customer.")
    var anniversaryTexts: Bool?
    @Option(name: .long, help: ArgumentHelp(
        "가족 as RELATION:NAME[:BIRTHDAY[:PHONE]] (repeatable; replaces the list). BIRTHDAY may end in (음) or (윤).",
        valueName: "SPEC"))
    var family: [String] = []
    @Option(name: .long, help: ArgumentHelp("학력 as SCHOOL[:MAJOR[:YEAR]] (repeatable; replaces the list).", valueName: "SPEC"))
    var school: [String] = []
    @Option(name: .long, help: ArgumentHelp("자산 as KIND[:DESCRIPTION[:WON]] (repeatable; replaces the list).", valueName: "SPEC"))
    var asset: [String] = []
    @Flag(name: .long, help: "Create a group or grade named by --group/--grade that does not exist yet.")
    var createCategories = false

    /// The card with every given option applied.
    func apply(to original: CustomerCard) throws -> CustomerCard {
        var c = original
        if let code { c.code = code }
        if let name { c.name = name }
        if let nickname { c.nickname = nickname }
        if let gender {
            guard let g = FieldText.gender(gender) else { throw CLIError("--gender: '\(gender)' is not 남 or 여") }
            c.gender = g
        }
        if let vip { c.isVIP = vip }
        if let mobile { c.mobile = try FieldText.phone(mobile, option: "--mobile") }
        if let email { c.email = email }
        if let memo { c.memo = memo }
        if let group { c.group = group }
        if let grade { c.grade = grade }
        c.birthday = try FieldText.anniversary(birthday, calendar: birthdayCalendar, current: c.birthday, option: "--birthday")
        c.wedding = try FieldText.anniversary(wedding, calendar: weddingCalendar, current: c.wedding, option: "--wedding")
        if let company { c.work.company = company }
        if let department { c.work.department = department }
        if let position { c.work.position = position }
        if let rank { c.work.rank = rank }
        if let workPhone { c.work.phone = try FieldText.phone(workPhone, option: "--work-phone") }
        if let fax { c.work.fax = try FieldText.phone(fax, option: "--fax") }
        if let workPostcode { c.work.postcode = workPostcode }
        if let workAddress { c.work.address = workAddress }
        if let workAddressDetail { c.work.addressDetail = workAddressDetail }
        if let homePhone { c.home.phone = try FieldText.phone(homePhone, option: "--home-phone") }
        if let homePostcode { c.home.postcode = homePostcode }
        if let homeAddress { c.home.address = homeAddress }
        if let homeAddressDetail { c.home.addressDetail = homeAddressDetail }
        if let anniversaryTexts { c.anniversaryTextsEnabled = anniversaryTexts }
        if !family.isEmpty { c.family = try family.map(FieldText.familyMember) }
        if !school.isEmpty { c.schools = try school.map(FieldText.school) }
        if !asset.isEmpty { c.assets = try asset.map(FieldText.asset) }
        return c
    }
}

extension CustomerFieldOptions {
    /// Runs a store call; an unknown group or grade gets a hint on how to create it.
    func withCategoryHint<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            if case let .categoryNotFound(kind, name) = error {
                throw CLIError("\(error.description): add it with `kimbiseo \(kind.rawValue)s add \(name)` or pass --create-categories")
            }
            throw error.cliError
        }
    }
}

/// Parsing of the text forms the customer options take.
enum FieldText {
    static func gender(_ text: String) -> Gender? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "남", "남자", "m", "male": .male
        case "여", "여자", "f", "female": .female
        default: nil
        }
    }

    /// An empty text clears the phone.
    static func phone(_ text: String, option: String) throws -> String? {
        if text.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
        guard let digits = PhoneNumber.normalize(text) else {
            throw CLIError("\(option): '\(text)' is not a phone number")
        }
        return digits
    }

    static func calendar(_ text: String, option: String) throws -> CalendarKind {
        switch text.trimmingCharacters(in: .whitespaces) {
        case "양력", "solar", "양": return .solar
        case "음력", "lunar", "음": return .lunar
        case "윤달", "lunar-leap", "윤": return .lunarLeap
        default: throw CLIError("\(option): '\(text)' is not 양력, 음력 or 윤달")
        }
    }

    /// The date from `text` (or the current date when only the calendar changes); an empty
    /// text clears it.
    static func anniversary(
        _ text: String?, calendar: String?, current: AnniversaryDate?, option: String
    ) throws -> AnniversaryDate? {
        let kind = try calendar.map { try Self.calendar($0, option: option + "-calendar") }
        guard let text else {
            guard let kind else { return current }
            guard var current else { throw CLIError("\(option)-calendar needs a date (\(option) DATE)") }
            current.calendar = kind
            return current
        }
        if text.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
        guard let (year, month, day) = date(text) else {
            throw CLIError("\(option): '\(text)' is not a date (YYYY-MM-DD, YYYY.MM.DD, YYYYMMDD or MM-DD)")
        }
        let d = AnniversaryDate(calendar: kind ?? .solar, year: year, month: month, day: day)
        guard d.isValid else { throw CLIError("\(option): '\(text)' is not a valid \(d.calendar.korean) date") }
        return d
    }

    /// `YYYY-MM-DD`, `YYYY.MM.DD`, `YYYY/MM/DD`, `YYYYMMDD` or `MM-DD` (year unknown).
    static func date(_ text: String) -> (Int?, Int, Int)? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.count == 8, t.allSatisfy(\.isASCII), let _ = Int(t) {
            let d = Array(t)
            return (Int(String(d[0..<4])), Int(String(d[4..<6]))!, Int(String(d[6..<8]))!)
        }
        let parts = t.split(whereSeparator: { "-./".contains($0) }).map(String.init)
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }) else { return nil }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count else { return nil }
        switch numbers.count {
        case 3 where parts[0].count == 4: return (numbers[0], numbers[1], numbers[2])
        case 2: return (nil, numbers[0], numbers[1])
        default: return nil
        }
    }

    /// `배우자:이영희:1982-03-01(음):010-9999-8888`
    static func familyMember(_ spec: String) throws -> FamilyMember {
        let p = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard p.count >= 2, p.count <= 4 else {
            throw CLIError("--family: '\(spec)' is not RELATION:NAME[:BIRTHDAY[:PHONE]]")
        }
        var birthday: AnniversaryDate?
        if p.count > 2, !p[2].isEmpty {
            var text = p[2], kind = "양력"
            for (suffix, k) in [("(음)", "음력"), ("(윤)", "윤달")] where text.hasSuffix(suffix) {
                text = String(text.dropLast(suffix.count)); kind = k
            }
            birthday = try anniversary(text, calendar: kind, current: nil, option: "--family")
        }
        let phone = p.count > 3 ? try Self.phone(p[3], option: "--family") : nil
        return FamilyMember(relation: p[0], name: p[1], birthday: birthday, phone: phone)
    }

    /// `한국대학교:경영학:2003`
    static func school(_ spec: String) throws -> School {
        let p = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard (1...3).contains(p.count) else { throw CLIError("--school: '\(spec)' is not SCHOOL[:MAJOR[:YEAR]]") }
        var year: Int?
        if p.count > 2, !p[2].isEmpty {
            guard let y = Int(p[2]) else { throw CLIError("--school: '\(p[2])' is not a year") }
            year = y
        }
        return School(school: p[0], major: p.count > 1 && !p[1].isEmpty ? p[1] : nil, year: year)
    }

    /// `차량:쏘나타:25000000` (won; commas allowed)
    static func asset(_ spec: String) throws -> Asset {
        let p = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard (1...3).contains(p.count) else { throw CLIError("--asset: '\(spec)' is not KIND[:DESCRIPTION[:WON]]") }
        var amount: Int64?
        if p.count > 2, !p[2].isEmpty {
            let digits = p[2].replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "원", with: "")
            guard let a = Int64(digits) else { throw CLIError("--asset: '\(p[2])' is not an amount in won") }
            amount = a
        }
        return Asset(kind: p[0], description: p.count > 1 && !p[1].isEmpty ? p[1] : nil, amount: amount)
    }
}
