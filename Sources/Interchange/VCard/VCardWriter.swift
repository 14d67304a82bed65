import Foundation
import Store

/// Writes customer cards as vCard 3.0, readable by phone books and by ``VCardReader``.
///
/// Lines end with CRLF and are folded at 75 octets without splitting a character. Fields
/// that vCard has no property for travel in `X-KIMBISEO-*` lines; an anniversary kept in
/// the lunar calendar carries `X-CALENDAR=lunar` (or `lunar-leap`), which other programs
/// ignore.
public enum VCardWriter {
    public static func data(_ cards: [CustomerCard]) -> Data {
        var out = ""
        for card in cards { append(card, to: &out) }
        return Data(out.utf8)
    }

    static func append(_ card: CustomerCard, to out: inout String) {
        func line(_ text: String) { out += folded(text) }
        func add(_ name: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            line("\(name):\(escape(value))")
        }
        line("BEGIN:VCARD")
        line("VERSION:3.0")
        add("FN", card.name)
        let (family, given) = splitKoreanName(card.name)
        line("N:\(escape(family));\(escape(given));;;")
        add("NICKNAME", card.nickname)
        if let mobile = card.mobile { line("TEL;TYPE=CELL:\(PhoneNumber.display(mobile))") }
        if let phone = card.work.phone { line("TEL;TYPE=WORK,VOICE:\(PhoneNumber.display(phone))") }
        if let fax = card.work.fax { line("TEL;TYPE=WORK,FAX:\(PhoneNumber.display(fax))") }
        if let phone = card.home.phone { line("TEL;TYPE=HOME,VOICE:\(PhoneNumber.display(phone))") }
        if let email = card.email { line("EMAIL;TYPE=INTERNET:\(escape(email))") }
        if card.work.company != nil || card.work.department != nil {
            line("ORG:\(escape(card.work.company ?? ""));\(escape(card.work.department ?? ""))")
        }
        add("TITLE", card.work.position)
        add("X-KIMBISEO-RANK", card.work.rank)
        if card.work.address != nil || card.work.postcode != nil || card.work.addressDetail != nil {
            line("ADR;TYPE=WORK:;\(escape(card.work.addressDetail ?? ""));\(escape(card.work.address ?? ""));;;\(card.work.postcode ?? "");")
        }
        if card.home.address != nil || card.home.postcode != nil || card.home.addressDetail != nil {
            line("ADR;TYPE=HOME:;\(escape(card.home.addressDetail ?? ""));\(escape(card.home.address ?? ""));;;\(card.home.postcode ?? "");")
        }
        if let birthday = card.birthday { line("BDAY\(calendarParameter(birthday)):\(date(birthday))") }
        if let wedding = card.wedding { line("X-ANNIVERSARY\(calendarParameter(wedding)):\(date(wedding))") }
        if let gender = card.gender { line("X-GENDER:\(gender == .male ? "M" : "F")") }
        add("NOTE", card.memo)
        add("X-KIMBISEO-CODE", card.code)
        if card.isVIP { line("X-KIMBISEO-VIP:Y") }
        add("X-KIMBISEO-GROUP", card.group)
        add("X-KIMBISEO-GRADE", card.grade)
        add("X-KIMBISEO-AD-CONSENT", card.consent.adConsent?.date)
        add("X-KIMBISEO-NIGHT-CONSENT", card.consent.nightConsent?.date)
        add("X-KIMBISEO-OPTED-OUT", card.consent.optedOut?.date)
        if let image = card.image {
            let type = image.mediaType == "image/png" ? "PNG" : "JPEG"
            line("PHOTO;ENCODING=b;TYPE=\(type):\(image.data.base64EncodedString())")
        }
        line("END:VCARD")
    }

    /// `1975-03-15`, or `--03-15` without a year.
    static func date(_ date: AnniversaryDate) -> String {
        date.year == nil ? "--" + date.formatted : date.formatted
    }

    static func calendarParameter(_ date: AnniversaryDate) -> String {
        date.calendar == .solar ? "" : ";X-CALENDAR=\(date.calendar.rawValue)"
    }

    /// Family and given name of a Korean name: two-syllable family names (남궁, 황보, …)
    /// are recognised; a name with a space is split at the last space, given name first.
    static func splitKoreanName(_ name: String) -> (family: String, given: String) {
        if let space = name.lastIndex(of: " ") {
            return (String(name[name.index(after: space)...]), String(name[..<space]))
        }
        guard name.unicodeScalars.allSatisfy({ (0xAC00...0xD7A3).contains($0.value) }), name.count >= 2 else {
            return (name, "")
        }
        let twoSyllable = ["남궁", "황보", "제갈", "선우", "독고", "사공", "서문", "동방", "어금", "망절"]
        let familyLength = name.count >= 3 && twoSyllable.contains(String(name.prefix(2))) ? 2 : 1
        return (String(name.prefix(familyLength)), String(name.dropFirst(familyLength)))
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\\": out += "\\\\"
            case ",": out += "\\,"
            case ";": out += "\\;"
            case "\n", "\r\n", "\r": out += "\\n"
            default: out.append(ch)
            }
        }
        return out
    }

    /// The line with CRLF, folded at 75 octets (continuation lines start with a space).
    static func folded(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line + "\r\n" }
        var out = ""
        var width = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if width + size > 75 {
                out += "\r\n "
                width = 1
            }
            out.unicodeScalars.append(scalar)
            width += size
        }
        return out + "\r\n"
    }
}
