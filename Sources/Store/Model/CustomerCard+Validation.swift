import Foundation
import KoreanCalendar

extension AnniversaryDate {
    /// Whether the date can be stored: see ``problem``.
    public var isValid: Bool { problem == nil }

    /// Why the date cannot be stored, or `nil` when it can: a solar date must exist in the
    /// Gregorian calendar (Feb 29 is allowed when the year is unknown or a leap year); a lunar
    /// date needs month 1–12 and day 1–30, and, when its year is one the lunar table covers,
    /// must exist in that year (`1990-01-30 음력`: 1990's first month has 29 days; `1988-06-10
    /// 윤달`: 1988 has no leap sixth month). A year, when given, is 1900–2100.
    public var problem: String? {
        if let year, !(1900...2100).contains(year) { return "year \(year) is outside 1900–2100" }
        guard (1...12).contains(month) else { return "month \(month) is not 1–12" }
        switch calendar {
        case .lunar, .lunarLeap:
            guard (1...30).contains(day) else { return "day \(day) is not 1–30" }
            guard let year, LunarDate.supportedYears.contains(year) else { return nil }
            do {
                _ = try LunarDate(year: year, month: month, day: day, isLeapMonth: calendar == .lunarLeap)
                return nil
            } catch {
                return error.description
            }
        case .solar:
            let lengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            guard (1...lengths[month - 1]).contains(day) else { return "month \(month) has no day \(day)" }
            if month == 2, day == 29, let year, !(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) {
                return "\(year) is not a leap year"
            }
            return nil
        }
    }
}

extension ConsentMark {
    /// Whether `date` is a real `YYYY-MM-DD` date.
    public var hasValidDate: Bool { Self.isValidDate(date) }

    /// Whether `text` is a real `YYYY-MM-DD` date.
    public static func isValidDate(_ text: String) -> Bool {
        // Read over the bytes: this runs for every consent mark of every imported row.
        var numbers = (0, 0, 0), group = 0, width = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "-") {
                guard width == (group == 0 ? 4 : 2), group < 2 else { return false }
                group += 1
                width = 0
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return false }
            let digit = Int(byte - UInt8(ascii: "0"))
            switch group {
            case 0: numbers.0 = numbers.0 * 10 + digit
            case 1: numbers.1 = numbers.1 * 10 + digit
            default: numbers.2 = numbers.2 * 10 + digit
            }
            width += 1
        }
        guard group == 2, width == 2 else { return false }
        return AnniversaryDate(calendar: .solar, year: numbers.0, month: numbers.1, day: numbers.2).isValid
    }
}

extension CustomerCard {
    /// The card with all text NFC-normalized and trimmed (empty text becomes `nil`), phone
    /// numbers reduced to digits, and every field checked.
    ///
    /// - Parameter location: names the card in errors (`customers.csv:17`, `#12`); defaults to
    ///   the card's code or name.
    /// - Throws: ``StoreError/invalidField(customer:field:value:reason:)`` for the first bad field.
    public func validated(location: String? = nil) throws -> CustomerCard {
        let at = location ?? code ?? name
        func text(_ s: String?) -> String? {
            guard let s else { return nil }
            let t = s.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
            return t.isEmpty ? nil : t
        }
        func phone(_ s: String?, _ field: String) throws -> String? {
            guard let s = text(s) else { return nil }
            guard let digits = PhoneNumber.normalize(s) else {
                throw StoreError.invalidField(customer: at, field: field, value: s, reason: "is not a phone number")
            }
            return digits
        }
        func date(_ d: AnniversaryDate?, _ field: String) throws -> AnniversaryDate? {
            guard let d else { return nil }
            guard d.isValid else {
                throw StoreError.invalidField(customer: at, field: field, value: "\(d.calendar.korean) \(d.formatted)",
                                              reason: "is not a valid date")
            }
            return d
        }
        func mark(_ m: ConsentMark?, _ field: String) throws -> ConsentMark? {
            guard let m else { return nil }
            guard m.hasValidDate else {
                throw StoreError.invalidField(customer: at, field: field, value: m.date, reason: "is not a YYYY-MM-DD date")
            }
            return ConsentMark(date: m.date, source: text(m.source))
        }

        var c = self
        guard let name = text(name) else {
            throw StoreError.invalidField(customer: at, field: "성명", value: self.name, reason: "is required")
        }
        c.name = name
        c.code = text(code)
        c.nickname = text(nickname)
        c.mobile = try phone(mobile, "휴대폰")
        c.email = text(email)
        if let email = c.email, !email.contains("@") {
            throw StoreError.invalidField(customer: at, field: "이메일", value: email, reason: "is not an e-mail address")
        }
        c.memo = text(memo)
        c.group = text(group)
        c.grade = text(grade)
        c.birthday = try date(birthday, "생일")
        c.wedding = try date(wedding, "결혼기념일")
        c.work = WorkInfo(
            company: text(work.company), department: text(work.department), position: text(work.position),
            rank: text(work.rank), phone: try phone(work.phone, "직장전화"), fax: try phone(work.fax, "팩스"),
            postcode: text(work.postcode), address: text(work.address), addressDetail: text(work.addressDetail))
        c.home = HomeInfo(
            phone: try phone(home.phone, "자택전화"), postcode: text(home.postcode),
            address: text(home.address), addressDetail: text(home.addressDetail))
        for (field, code) in [("직장우편번호", c.work.postcode), ("자택우편번호", c.home.postcode)] {
            if let code, code.count != 5 || !code.allSatisfy(\.isASCIIDigit) {
                throw StoreError.invalidField(customer: at, field: field, value: code, reason: "is not a 5-digit postcode")
            }
        }
        c.family = try family.enumerated().map { i, f in
            guard let relation = text(f.relation), let fname = text(f.name) else {
                throw StoreError.invalidField(customer: at, field: "가족[\(i + 1)]", value: "\(f.relation) \(f.name)",
                                              reason: "needs a relation and a name")
            }
            return FamilyMember(relation: relation, name: fname, birthday: try date(f.birthday, "가족[\(i + 1)].생일"),
                                phone: try phone(f.phone, "가족[\(i + 1)].전화"))
        }
        c.schools = try schools.enumerated().map { i, s in
            guard let school = text(s.school) else {
                throw StoreError.invalidField(customer: at, field: "학력[\(i + 1)]", value: s.school, reason: "needs a school name")
            }
            return School(school: school, major: text(s.major), year: s.year)
        }
        c.assets = try assets.enumerated().map { i, a in
            guard let kind = text(a.kind) else {
                throw StoreError.invalidField(customer: at, field: "자산[\(i + 1)]", value: a.kind, reason: "needs a kind")
            }
            return Asset(kind: kind, description: text(a.description), amount: a.amount)
        }
        if let image {
            c.image = try CustomerImage.checked(image.data, customer: at)
        }
        c.consent = ConsentLedger(
            adConsent: try mark(consent.adConsent, "광고수신동의"),
            nightConsent: try mark(consent.nightConsent, "야간광고수신동의"),
            optedOut: try mark(consent.optedOut, "수신거부"))
        return c
    }

    /// The cheap checks the store makes on every imported card (importers normalize text
    /// themselves): a name, digit-only phones, valid dates, and a storable image.
    func checkStorable(location: String) throws {
        if name.isEmpty {
            throw StoreError.invalidField(customer: location, field: "성명", value: name, reason: "is required")
        }
        for (field, value) in [("휴대폰", mobile), ("직장전화", work.phone), ("팩스", work.fax), ("자택전화", home.phone)] {
            if let value, value.isEmpty || !value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                throw StoreError.invalidField(customer: location, field: field, value: value, reason: "is not stored as digits")
            }
        }
        for (field, value) in [("생일", birthday), ("결혼기념일", wedding)] {
            if let value, let problem = value.problem {
                throw StoreError.invalidField(
                    customer: location, field: field, value: value.formatted, reason: "is not a valid date (\(problem))")
            }
        }
        for (field, value) in [("광고수신동의", consent.adConsent), ("야간광고수신동의", consent.nightConsent), ("수신거부", consent.optedOut)] {
            if let value, !value.hasValidDate {
                throw StoreError.invalidField(customer: location, field: field, value: value.date, reason: "is not a YYYY-MM-DD date")
            }
        }
        if let image {
            _ = try CustomerImage.checked(image.data, customer: location)
        }
    }
}
