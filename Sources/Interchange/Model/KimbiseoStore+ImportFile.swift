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
        try importCards(
            reading: { emit in try CustomerFile.read(path: path, format: format, options: options, each: emit) },
            expecting: Self.expectedCards(path: path, format: format), onDuplicate: onDuplicate, dryRun: dryRun,
            progress: progress)
    }

    /// About how many cards a CSV or XLSX file holds, from its size: one per 200 bytes (a
    /// well-filled card takes 150-270 bytes in either format), at most a million. A vCard's
    /// size says little (a photo is kilobytes): 0.
    static func expectedCards(path: String, format: CustomerFileFormat?) -> Int {
        let format = CustomerFileFormat(path: path, given: format)
        guard format == .csv || format == .xlsx,
              let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int
        else { return 0 }
        return min(size / 200, 1_000_000)
    }
}
