import Store

extension KimbiseoStore {
    /// Reads a customer file and imports its cards in one transaction.
    ///
    /// All or nothing: a file with any problem throws ``ImportError`` (every problem) before
    /// the store is touched; a store-side refusal (a duplicate with `.error`, a card the store
    /// rejects) throws the store's error and rolls back.
    @discardableResult
    public func importFile(
        path: String, format: CustomerFileFormat? = nil, onDuplicate: DuplicatePolicy = .skip,
        dryRun: Bool = false, options: ImportOptions = ImportOptions(),
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws -> ImportSummary {
        let cards = try CustomerFile.read(path: path, format: format, options: options)
        return try importCards(cards, onDuplicate: onDuplicate, dryRun: dryRun, progress: progress)
    }
}
