import Foundation
import GRDB

/// Mapping between ``CustomerCard`` and the `customer` table's columns.
enum CustomerColumns {
    /// Columns written from a card, in the order of ``appendValues(of:code:groupID:gradeID:now:to:)``.
    static let written = [
        "code", "name", "nickname", "gender", "vip", "mobile", "email", "memo", "group_id", "grade_id",
        "birthday_calendar", "birthday_year", "birthday_month", "birthday_day",
        "wedding_calendar", "wedding_year", "wedding_month", "wedding_day",
        "work_company", "work_department", "work_position", "work_rank", "work_phone", "work_fax",
        "work_postcode", "work_address", "work_address_detail",
        "home_phone", "home_postcode", "home_address", "home_address_detail",
        "anniversary_texts_enabled", "updated_at",
    ]

    /// Consent columns, in the order of ``appendConsentValues(_:to:)``.
    static let consent = [
        "ad_consent_date", "ad_consent_source", "night_consent_date", "night_consent_source",
        "opted_out_date", "opted_out_source",
    ]

    /// Columns of a bulk-inserted customer: `id`, ``written``, ``consent``, `created_at`.
    static let inserted = ["id"] + written + consent + ["created_at"]

    /// Columns of ``inserted`` that only the writer knows.
    enum Slot {
        static let id = 0
        static let code = 1
        static let groupID = 1 + written.firstIndex(of: "group_id")!
        static let gradeID = 1 + written.firstIndex(of: "grade_id")!
    }

    /// A new customer's row in ``inserted`` order, with the ``Slot`` columns `NULL` (the code
    /// is the card's when it has one).
    static func insertRow(of card: CustomerCard, now: String) -> BulkRow {
        // Room for a full card's text, so that the buffer is allocated once.
        var row = BulkRow(capacity: inserted.count, byteCapacity: 512)
        row.appendInteger(nil as Int64?)
        appendValues(of: card, code: card.code, groupID: nil, gradeID: nil, now: now, to: &row)
        appendConsentValues(card.consent, to: &row)
        row.appendText(now)
        return row
    }

    /// A new customer's `consent_event` rows (one `set` per mark), customer id `NULL`.
    static func consentEventRows(of ledger: ConsentLedger, now: String) -> [BulkRow] {
        ConsentKind.allCases.compactMap { kind in
            ledger[kind].map { mark in
                BulkRow([.null, .text(kind.rawValue), .text("set"), .text(mark.date), BulkValue(mark.source), .text(now)])
            }
        }
    }

    /// Appends the ``consent`` columns' values of a ledger, in order.
    static func appendConsentValues<Sink: ColumnValueSink>(_ l: ConsentLedger, to sink: inout Sink) {
        sink.appendText(l.adConsent?.date); sink.appendText(l.adConsent?.source)
        sink.appendText(l.nightConsent?.date); sink.appendText(l.nightConsent?.source)
        sink.appendText(l.optedOut?.date); sink.appendText(l.optedOut?.source)
    }

    static let updateSQL =
        "UPDATE customer SET \(written.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?"

    /// The written columns' values for a card.
    static func values(
        of c: CustomerCard, code: String?, groupID: Int64?, gradeID: Int64?, now: String
    ) -> [BulkValue] {
        var values: [BulkValue] = []
        values.reserveCapacity(written.count)
        appendValues(of: c, code: code, groupID: groupID, gradeID: gradeID, now: now, to: &values)
        return values
    }

    /// Appends each written column's value for a card, in ``written`` order.
    static func appendValues<Sink: ColumnValueSink>(
        of c: CustomerCard, code: String?, groupID: Int64?, gradeID: Int64?, now: String, to sink: inout Sink
    ) {
        sink.appendText(code); sink.appendText(c.name); sink.appendText(c.nickname)
        sink.appendText(c.gender?.rawValue); sink.appendFlag(c.isVIP); sink.appendText(c.mobile)
        sink.appendText(c.email); sink.appendText(c.memo); sink.appendInteger(groupID); sink.appendInteger(gradeID)
        sink.appendText(c.birthday?.calendar.rawValue); sink.appendInteger(c.birthday?.year)
        sink.appendInteger(c.birthday?.month); sink.appendInteger(c.birthday?.day)
        sink.appendText(c.wedding?.calendar.rawValue); sink.appendInteger(c.wedding?.year)
        sink.appendInteger(c.wedding?.month); sink.appendInteger(c.wedding?.day)
        sink.appendText(c.work.company); sink.appendText(c.work.department); sink.appendText(c.work.position)
        sink.appendText(c.work.rank); sink.appendText(c.work.phone); sink.appendText(c.work.fax)
        sink.appendText(c.work.postcode); sink.appendText(c.work.address); sink.appendText(c.work.addressDetail)
        sink.appendText(c.home.phone); sink.appendText(c.home.postcode); sink.appendText(c.home.address)
        sink.appendText(c.home.addressDetail)
        sink.appendFlag(c.anniversaryTextsEnabled); sink.appendText(now)
    }

    /// `SELECT` of every card column, with group and grade names, from `customer c`.
    static let selectSQL = """
        SELECT c.*, g.name AS group_name, r.name AS grade_name
        FROM customer c
        LEFT JOIN customer_group g ON g.id = c.group_id
        LEFT JOIN customer_grade r ON r.id = c.grade_id
        """

    /// A card (without family, schools, assets and image) from a row of ``selectSQL``.
    static func card(from row: Row) -> CustomerCard {
        var c = CustomerCard(name: row["name"] ?? "")
        c.id = row["id"]
        c.code = row["code"]
        c.nickname = row["nickname"]
        c.gender = (row["gender"] as String?).flatMap(Gender.init(rawValue:))
        c.isVIP = row["vip"] ?? false
        c.mobile = row["mobile"]
        c.email = row["email"]
        c.memo = row["memo"]
        c.group = row["group_name"]
        c.grade = row["grade_name"]
        c.birthday = anniversary(row, "birthday")
        c.wedding = anniversary(row, "wedding")
        c.work = WorkInfo(
            company: row["work_company"], department: row["work_department"], position: row["work_position"],
            rank: row["work_rank"], phone: row["work_phone"], fax: row["work_fax"],
            postcode: row["work_postcode"], address: row["work_address"], addressDetail: row["work_address_detail"])
        c.home = HomeInfo(
            phone: row["home_phone"], postcode: row["home_postcode"], address: row["home_address"],
            addressDetail: row["home_address_detail"])
        c.anniversaryTextsEnabled = row["anniversary_texts_enabled"] ?? true
        c.consent = ConsentLedger(
            adConsent: mark(row, "ad_consent"), nightConsent: mark(row, "night_consent"),
            optedOut: mark(row, "opted_out"))
        return c
    }

    /// `<prefix>_calendar/_year/_month/_day` as a date, or `nil` when calendar, month or day is missing.
    static func anniversary(_ row: Row, _ prefix: String) -> AnniversaryDate? {
        guard let cal = (row["\(prefix)_calendar"] as String?).flatMap(CalendarKind.init(rawValue:)),
              let month: Int = row["\(prefix)_month"], let day: Int = row["\(prefix)_day"]
        else { return nil }
        return AnniversaryDate(calendar: cal, year: row["\(prefix)_year"], month: month, day: day)
    }

    static func mark(_ row: Row, _ prefix: String) -> ConsentMark? {
        guard let date: String = row["\(prefix)_date"] else { return nil }
        return ConsentMark(date: date, source: row["\(prefix)_source"])
    }
}

/// UTC ISO 8601 instants as stored (`2026-11-28T23:40:00.123Z`).
enum StoreClock {
    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }
}
