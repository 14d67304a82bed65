import Foundation
import GRDB

/// The `WHERE` clause (over `customer c`) for a ``CustomerFilter``.
struct FilterSQL {
    var clause: String
    var arguments: StatementArguments

    init(_ filter: CustomerFilter) {
        var parts: [String] = []
        var args: [(any DatabaseValueConvertible)?] = []
        if !filter.groups.isEmpty {
            parts.append("c.group_id IN (SELECT id FROM customer_group WHERE name IN (\(Self.marks(filter.groups.count))))")
            args += filter.groups.map { $0.precomposedStringWithCanonicalMapping }
        }
        if !filter.grades.isEmpty {
            parts.append("c.grade_id IN (SELECT id FROM customer_grade WHERE name IN (\(Self.marks(filter.grades.count))))")
            args += filter.grades.map { $0.precomposedStringWithCanonicalMapping }
        }
        if let ids = filter.ids {
            parts.append(ids.isEmpty ? "0" : "c.id IN (\(ids.map(String.init).joined(separator: ",")))")
        }
        if let search = filter.search?.precomposedStringWithCanonicalMapping
            .trimmingCharacters(in: .whitespaces), !search.isEmpty {
            let pattern = "%" + Self.escapeLike(search) + "%"
            var alternatives = ["c.name", "c.nickname", "c.code", "c.email", "c.memo", "c.work_company"]
                .map { "\($0) LIKE ? ESCAPE '\\'" }
            args += Array(repeating: pattern, count: alternatives.count)
            let digits = search.filter(\.isASCIIDigit)
            if digits.count >= 3, search.allSatisfy({ $0.isASCIIDigit || "-+ ()".contains($0) }) {
                let digitPattern = "%" + digits + "%"
                alternatives += ["c.mobile LIKE ?", "c.work_phone LIKE ?", "c.home_phone LIKE ?"]
                args += [digitPattern, digitPattern, digitPattern]
            }
            parts.append("(" + alternatives.joined(separator: " OR ") + ")")
        }
        clause = parts.isEmpty ? "" : "WHERE " + parts.joined(separator: " AND ")
        arguments = StatementArguments(args)
    }

    private static func marks(_ n: Int) -> String { Array(repeating: "?", count: n).joined(separator: ", ") }

    private static func escapeLike(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
