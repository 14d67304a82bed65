import Foundation
import GRDB

/// One SQL value of a bulk-written row: what ``BulkInserter`` binds without going through
/// GRDB's per-value boxing, and what GRDB's single-row statements take as arguments.
public enum BulkValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)

    public init(_ text: String?) { self = text.map(BulkValue.text) ?? .null }
    public init(_ number: Int?) { self = number.map { .integer(Int64($0)) } ?? .null }
    public init(_ number: Int64?) { self = number.map(BulkValue.integer) ?? .null }
    public init(_ flag: Bool) { self = .integer(flag ? 1 : 0) }
}

extension BulkValue: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case let .integer(value): value.databaseValue
        case let .real(value): value.databaseValue
        case let .text(value): value.databaseValue
        case let .blob(value): value.databaseValue
        }
    }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> BulkValue? {
        switch dbValue.storage {
        case .null: .null
        case let .int64(value): .integer(value)
        case let .double(value): .real(value)
        case let .string(value): .text(value)
        case let .blob(value): .blob(value)
        }
    }
}
