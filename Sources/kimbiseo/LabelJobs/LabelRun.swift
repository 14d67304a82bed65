import Foundation
import Labels
import Store

/// One label print: the customers a filter selects, laid out on a sheet, written to a PDF.
/// Shared by `kimbiseo labels` and by label jobs the daemon takes from the store.
struct LabelRun {
    var filter: CustomerFilter
    var address: LabelAddressChoice
    var sort: LabelSortOrder
    var output: String
    var sheet: LabelSheet
    var fontPath: String
    var layout: LabelLayoutOptions
    var render: LabelRenderOptions
    /// Print the in-house key line (고객번호, 그룹/등급) on each label; off for mail that goes out.
    var keyLine = false

    /// How many customers the filter selected and what the document did with them.
    struct Outcome {
        var selected: Int
        var summary: LabelRunSummary
    }

    /// Renders the PDF. `tick` is called once per label placed (for progress displays).
    /// When no label could be printed the PDF (and preview) are removed and the outcome still
    /// says why each customer was skipped.
    func perform(store: KimbiseoStore, tick: () -> Void = {}) throws -> Outcome {
        let document = try LabelDocument(
            path: output, sheet: sheet, font: try LabelFont(path: fontPath), layout: layout, options: render)
        var selected = 0
        var pending: [LabelRecipient] = []
        try store.forEachCard(filter) { card in
            selected += 1
            switch LabelRecipients.recipient(for: card, choice: address, keyLine: keyLine) {
            case .failure(let error):
                document.skip(error.issue)
            case .success(let recipient) where sort == .none:
                document.add(recipient)
                tick()
            case .success(let recipient):
                pending.append(recipient)
            }
        }
        for recipient in LabelRecipients.sorted(pending, by: sort) {
            document.add(recipient)
            tick()
        }
        pending = []
        let summary = try document.finish()
        if summary.labels == 0 {
            try? FileManager.default.removeItem(atPath: output)
            if let preview = render.previewPath { try? FileManager.default.removeItem(atPath: preview) }
        }
        return Outcome(selected: selected, summary: summary)
    }
}
