import GRDB
import Messaging
import Store

/// The columns of one customer whose anniversary key matches the day, as the planner reads them.
struct CandidateRow {
    /// One stored-anniversary key kept on the planned day.
    struct Key: Hashable {
        var calendar: CalendarKind
        var month: Int
        var day: Int
    }

    var id: Int64
    var code: String?
    var name: String
    var nickname: String?
    var mobile: String?
    var group: String?
    var grade: String?
    var textsEnabled: Bool
    var optedOut: String?
    var origin: AnniversaryDate
    var company: String?
    var department: String?
    var position: String?
    var rank: String?

    /// The query selecting the customers with one of `keys` as their `kind` date, in id order.
    ///
    /// One `(month = ? AND day = ? AND calendar IN (…))` term per (month, day): SQLite answers
    /// each term from the `customer_on_birthday` / `customer_on_wedding` index.
    static func query(kind: AnniversaryKind, keys: [Key]) -> (String, StatementArguments) {
        var calendars: [[Int]: [String]] = [:]
        var order: [[Int]] = []
        for key in keys {
            let monthDay = [key.month, key.day]
            if calendars[monthDay] == nil { order.append(monthDay) }
            calendars[monthDay, default: []].append(key.calendar.rawValue)
        }
        let k = kind.column
        var terms: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        for monthDay in order {
            let names = calendars[monthDay]!
            terms.append(
                "(c.\(k)_month = ? AND c.\(k)_day = ? AND c.\(k)_calendar IN ("
                    + Array(repeating: "?", count: names.count).joined(separator: ",") + "))")
            arguments += [monthDay[0], monthDay[1]] + names.map { $0 as String }
        }
        let sql = """
            SELECT c.id, c.code, c.name, c.nickname, c.mobile, c.group_id, c.grade_id, c.anniversary_texts_enabled,
                c.opted_out_date, c.\(k)_calendar, c.\(k)_year, c.\(k)_month, c.\(k)_day,
                c.work_company, c.work_department, c.work_position, c.work_rank
            FROM customer c
            WHERE \(terms.joined(separator: " OR "))
            ORDER BY c.id
            """
        return (sql, StatementArguments(arguments))
    }

    init(row: Row, names: CategoryNames) {
        id = row[0]; code = row[1]; name = row[2]; nickname = row[3]; mobile = row[4]
        group = (row[5] as Int64?).flatMap { names.groups[$0] }
        grade = (row[6] as Int64?).flatMap { names.grades[$0] }
        textsEnabled = (row[7] as Int64? ?? 1) != 0
        optedOut = row[8]
        origin = AnniversaryDate(
            calendar: CalendarKind(rawValue: row[9]) ?? .solar, year: row[10], month: row[11], day: row[12])
        company = row[13]; department = row[14]; position = row[15]; rank = row[16]
    }

    var fields: RecipientFields {
        RecipientFields(
            name: name, nickname: nickname, company: company, department: department, position: position,
            rank: rank, group: group, grade: grade, code: code)
    }
}
