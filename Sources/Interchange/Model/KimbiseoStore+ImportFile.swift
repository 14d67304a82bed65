import Store

extension KimbiseoStore {
    /// Reads a customer file and imports its cards in one transaction.
    ///
    /// The file is read while the cards are written (see
    /// `KimbiseoStore.importCards(reading:onDuplicate:dryRun:progress:)`). All or nothing: a file
    /// with any problem throws ``ImportError`` (every problem) and leaves the store unchanged;
    /// a store-side refusal (a duplicate with `.error`, a card the store rejects) throws the
    /// store's error and rolls back. `progress` gets the number of cards applied so far.
    @discardableResult
    public func importFile(
        path: String, format: CustomerFileFormat? = nil, onDuplicate: DuplicatePolicy = .skip,
        dryRun: Bool = false, options: ImportOptions = ImportOptions(),
        progress: (@Sendable (Int) -> Void)? = nil
    ) throws -> ImportSummary {
        try importCards(
            reading: { emit in try CustomerFile.read(path: path, format: format, options: options, each: emit) },
            onDuplicate: onDuplicate, dryRun: dryRun, progress: progress)
    }
}
