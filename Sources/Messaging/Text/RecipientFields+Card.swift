import Store

extension RecipientFields {
    /// The template values of a customer card.
    public init(card: CustomerCard) {
        self.init(
            name: card.name, nickname: card.nickname, company: card.work.company,
            department: card.work.department, position: card.work.position, rank: card.work.rank,
            group: card.group, grade: card.grade, code: card.code)
    }
}
