import Foundation
import GRDB

/// Mapping between ``CustomerCard`` and the `customer` table's columns.
enum CustomerColumns {
    /// Columns written from a card, in the order of ``values(of:code:groupID:gradeID:now:)``.
    static let written = [
        "code", "name", "nickname", "gender", "vip", "mobile", "email", "memo", "group_id", "grade_id",
        "birthday_calendar", "birthday_year", "birthday_month", "birthday_day",
        "wedding_calendar", "wedding_year", "wedding_month", "wedding_day",
        "work_company", "work_department", "work_position", "work_rank", "work_phone", "work_fax",
        "work_postcode", "work_address", "work_address_detail",
        "home_phone", "home_postcode", "home_address", "home_address_detail",
        "anniversary_texts_enabled", "updated_at",
    ]

    /// Consent columns, in the order of ``consentValues(_:)``.
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
        row.append(.null)
        forEachValue(of: card, code: card.code, groupID: nil, gradeID: nil, now: now) { row.append($0) }
        for value in consentValues(card.consent) { row.append(value) }
        row.append(.text(now))
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

    static func consentValues(_ l: ConsentLedger) -> [BulkValue] {
        [BulkValue(l.adConsent?.date), BulkValue(l.adConsent?.source), BulkValue(l.nightConsent?.date),
         BulkValue(l.nightConsent?.source), BulkValue(l.optedOut?.date), BulkValue(l.optedOut?.source)]
    }

    static let updateSQL =
        "UPDATE customer SET \(written.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?"

    /// The written columns' values for a card.
    static func values(
        of c: CustomerCard, code: String?, groupID: Int64?, gradeID: Int64?, now: String
    ) -> [BulkValue] {
        var values: [BulkValue] = []
        values.reserveCapacity(written.count)
        forEachValue(of: c, code: code, groupID: groupID, gradeID: gradeID, now: now) { values.append($0) }
        return values
    }

    /// Calls `body` with each written column's value for a card, in ``written`` order.
    static func forEachValue(
        of c: CustomerCard, code: String?, groupID: Int64?, gradeID: Int64?, now: String,
        _ body: (BulkValue) -> Void
    ) {
        body(BulkValue(code)); body(.text(c.name)); body(BulkValue(c.nickname)); body(BulkValue(c.gender?.rawValue))
        body(BulkValue(c.isVIP)); body(BulkValue(c.mobile)); body(BulkValue(c.email)); body(BulkValue(c.memo))
        body(BulkValue(groupID)); body(BulkValue(gradeID))
        body(BulkValue(c.birthday?.calendar.rawValue)); body(BulkValue(c.birthday?.year))
        body(BulkValue(c.birthday?.month)); body(BulkValue(c.birthday?.day))
        body(BulkValue(c.wedding?.calendar.rawValue)); body(BulkValue(c.wedding?.year))
        body(BulkValue(c.wedding?.month)); body(BulkValue(c.wedding?.day))
        body(BulkValue(c.work.company)); body(BulkValue(c.work.department)); body(BulkValue(c.work.position))
        body(BulkValue(c.work.rank)); body(BulkValue(c.work.phone)); body(BulkValue(c.work.fax))
        body(BulkValue(c.work.postcode)); body(BulkValue(c.work.address)); body(BulkValue(c.work.addressDetail))
        body(BulkValue(c.home.phone)); body(BulkValue(c.home.postcode)); body(BulkValue(c.home.address))
        body(BulkValue(c.home.addressDetail))
        body(BulkValue(c.anniversaryTextsEnabled)); body(.text(now))
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
