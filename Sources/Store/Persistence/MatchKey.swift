/// A dictionary key that hashes a string's UTF-8 bytes once, when it is made.
///
/// `String`'s own hashing normalizes non-ASCII text (Korean names) on every lookup; an import
/// matches each card against every customer by 고객번호 and by 성명 + 휴대폰, so the key is
/// hashed where the card is read and the writing thread only compares. Keys are equal when
/// their bytes are: the store's text is NFC already.
struct MatchKey: Hashable, Sendable {
    let text: String
    private let hash: Int

    init(_ text: String) {
        self.text = text
        var hasher = Hasher()
        let hashed: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if hashed == nil { Array(text.utf8).withUnsafeBytes { hasher.combine(bytes: $0) } }
        hash = hasher.finalize()
    }

    /// The key of a customer's 성명 + 휴대폰.
    init(name: String, mobile: String) {
        self.init(name + "\u{1F}" + mobile)
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    static func == (lhs: MatchKey, rhs: MatchKey) -> Bool {
        lhs.hash == rhs.hash && lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }
}
