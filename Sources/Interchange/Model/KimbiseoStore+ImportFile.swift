import Foundation
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
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return try importCards(
            reading: { emit in try CustomerFile.read(path: path, format: format, options: options, each: emit) },
            onDuplicate: onDuplicate, dryRun: dryRun, expecting: min(size / Self.bytesPerCard, Self.largestGuess),
            progress: progress)
    }

    /// About the size of a short card in a customer file (CSV row, compressed worksheet row):
    /// file size / this guesses how many cards are coming, to size the matching tables.
    static let bytesPerCard = 128
    /// Guesses above this are not reserved for (a file of photos is large, not long).
    static let largestGuess = 500_000
}
