import Foundation

/// A failure of the anniversary module, saying what and where.
public enum AnniversaryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A setting has a value the module cannot use (`key` is the YAML path).
    case setting(key: String, problem: String)
    /// A template file is missing or invalid (`file` is its path).
    case template(file: String, problem: String)
    /// A date outside what the lunar table covers (1001…2050).
    case dateOutOfRange(String)
    /// No staff member with this id.
    case staffNotFound(Int64)
    /// A staff field is invalid (`field` is `name`, `email` or `phone`).
    case staffField(field: String, value: String, problem: String)
    /// An email could not be written to the spool directory.
    case spool(path: String, reason: String)
    /// A send day further back than `anniversaries.catch_up_days`: its greetings would arrive late.
    case lateDay(day: String, today: String, catchUpDays: Int)

    public var description: String {
        switch self {
        case let .setting(key, problem): "setting '\(key)': \(problem)"
        case let .template(file, problem): "\(file): \(problem)"
        case let .dateOutOfRange(what): "\(what) is outside the lunar table (years 1001…2050)"
        case let .staffNotFound(id): "staff member \(id) not found"
        case let .staffField(field, value, problem): "staff \(field) '\(value)': \(problem)"
        case let .spool(path, reason): "\(path): cannot write the email: \(reason)"
        case let .lateDay(day, today, catchUp):
            "\(day) is before today (\(today)) by more than anniversaries.catch_up_days (\(catchUp)): "
                + "its greetings would go out late today; use --late to queue them anyway, or --dry-run to look"
        }
    }
}
