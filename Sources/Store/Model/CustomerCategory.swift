/// The two user-defined lists a customer belongs to: 그룹 (group) and 등급 (grade).
///
/// A customer has at most one of each. Names are unique within a list.
public enum CustomerCategory: String, Sendable, CaseIterable, Codable {
    case group
    case grade

    /// 그룹 or 등급.
    public var korean: String {
        switch self {
        case .group: "그룹"
        case .grade: "등급"
        }
    }

    var table: String {
        switch self {
        case .group: "customer_group"
        case .grade: "customer_grade"
        }
    }

    var customerColumn: String {
        switch self {
        case .group: "group_id"
        case .grade: "grade_id"
        }
    }
}

/// One group or grade with how many customers belong to it.
public struct CategoryEntry: Sendable, Equatable, Codable {
    public var id: Int64
    public var name: String
    public var memberCount: Int

    public init(id: Int64, name: String, memberCount: Int) {
        self.id = id; self.name = name; self.memberCount = memberCount
    }
}

/// What deleting a group or grade does with its members.
public enum CategoryDeletion: Sendable, Equatable {
    /// Refuse with ``StoreError/categoryInUse(_:_:members:)`` when it has members.
    case refuseIfInUse
    /// Move the members to another existing group/grade first.
    case reassign(to: String)
    /// Leave the members without a group/grade.
    case clearMembers
}
