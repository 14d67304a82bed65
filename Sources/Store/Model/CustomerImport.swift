/// A card read from an import file, with where it came from (`customers.csv:17`), so that
/// store-side problems (a duplicate code, a duplicate row) can name the row.
public struct SourcedCard: Sendable {
    /// `FILE:ROW` of the record in its file (1-based row, header is row 1).
    public var location: String
    public var card: CustomerCard

    public init(location: String, card: CustomerCard) {
        self.location = location; self.card = card
    }
}

/// What an import does with a card that matches an existing customer.
///
/// A card matches an existing customer by 고객번호 (code) when it has one, otherwise by
/// name + mobile number.
public enum DuplicatePolicy: String, Sendable, CaseIterable {
    /// Keep the existing customer; count the card as skipped. (default)
    case skip
    /// Replace the existing customer's fields with the card's.
    case update
    /// Refuse the whole import.
    case error
}

/// What an import did (or, in a dry run, would do).
public struct ImportSummary: Sendable, Equatable {
    public var added: Int = 0
    public var updated: Int = 0
    public var skipped: Int = 0
    /// One line per skipped card: `customers.csv:17: 고객번호 C0042 already exists`.
    public var skippedDetails: [String] = []
    /// Groups and grades the import created.
    public var createdGroups: [String] = []
    public var createdGrades: [String] = []

    public init() {}
}
