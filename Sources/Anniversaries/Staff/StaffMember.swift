/// A staff member (직원) who receives the daily digest.
public struct StaffMember: Sendable, Hashable, Codable {
    public var id: Int64
    public var name: String
    /// Where the digest goes; no digest without one.
    public var email: String?
    /// Digits, `01012345678`.
    public var phone: String?
    /// Inactive members keep their row but get no digest.
    public var active: Bool

    public init(id: Int64, name: String, email: String? = nil, phone: String? = nil, active: Bool = true) {
        self.id = id; self.name = name; self.email = email; self.phone = phone; self.active = active
    }
}

/// A change to a staff member: `nil` leaves a field as it is; `.some(nil)` clears email or phone.
public struct StaffChange: Sendable, Hashable {
    public var name: String?
    public var email: String??
    public var phone: String??
    public var active: Bool?

    public init(name: String? = nil, email: String?? = nil, phone: String?? = nil, active: Bool? = nil) {
        self.name = name; self.email = email; self.phone = phone; self.active = active
    }
}
