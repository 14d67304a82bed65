/// A store operation that could not be done, saying which customer, field or row.
///
/// `description` is one line fit for the CLI (`customers.csv:17: 고객번호 C0042 already exists`).
public enum StoreError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The store file could not be opened or created.
    case cannotOpen(path: String, reason: String)
    /// No customer has this id or 고객번호.
    case customerNotFound(String)
    /// A field of a card is invalid. `customer` names the card (`customers.csv:17`, `#12`,
    /// `C000012`, or the name).
    case invalidField(customer: String, field: String, value: String, reason: String)
    /// An import row matches an existing customer and the policy is ``DuplicatePolicy/error``,
    /// or a code is already taken by another customer.
    case duplicate(location: String, detail: String)
    /// No group or grade has this name.
    case categoryNotFound(CustomerCategory, String)
    /// A group or grade with this name exists already.
    case categoryExists(CustomerCategory, String)
    /// The group or grade still has members; delete it with reassign or clear.
    case categoryInUse(CustomerCategory, String, members: Int)
    /// The image is larger than ``CustomerImage/maxByteCount``.
    case imageTooLarge(customer: String, byteCount: Int)
    /// The bytes are neither JPEG nor PNG.
    case imageNotRecognized(customer: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            "\(path): cannot open the store: \(reason)"
        case let .customerNotFound(key):
            "customer '\(key)' not found (give a number or a 고객번호)"
        case let .invalidField(customer, field, value, reason):
            "\(customer):\(field): '\(value)' \(reason)"
        case let .duplicate(location, detail):
            "\(location): \(detail)"
        case let .categoryNotFound(kind, name):
            "\(kind.korean) '\(name)' not found"
        case let .categoryExists(kind, name):
            "\(kind.korean) '\(name)' already exists"
        case let .categoryInUse(kind, name, members):
            "\(kind.korean) '\(name)' has \(members) customer(s); reassign them to another \(kind.rawValue) or clear it"
        case let .imageTooLarge(customer, byteCount):
            "\(customer): image is \(byteCount) bytes; the limit is \(CustomerImage.maxByteCount) bytes"
        case let .imageNotRecognized(customer):
            "\(customer): image is neither JPEG nor PNG"
        }
    }
}
