import Foundation
import Labels

/// The outcome of `kimbiseo labels` for people and scripts.
struct LabelReport {
    var summary: LabelRunSummary
    var sheet: LabelSheet
    var selected: Int

    /// `라벨 118장, 9쪽 (LS-3108, 14칸) → dm.pdf`, then the skipped and warned customers.
    func printText() {
        print("라벨 \(summary.labels)장, \(summary.pages)쪽 (\(sheet.name), \(sheet.labelsPerPage)칸) → \(summary.path)")
        if let preview = summary.previewPath { print("미리보기 (preview) → \(preview)") }
        printSkipped()
        if !summary.warnings.isEmpty {
            print("주의 (printed with changes) \(summary.warnings.count)건:")
            for issue in summary.warnings { print("  \(issue)") }
        }
    }

    /// `건너뜀 (skipped) 2명:` and one line per customer.
    func printSkipped() {
        guard !summary.skipped.isEmpty else { return }
        print("건너뜀 (skipped) \(summary.skipped.count)명:")
        for issue in summary.skipped { print("  \(issue)") }
    }

    func printJSON() {
        func issues(_ list: [LabelIssue]) -> [[String: String]] {
            list.map { ["key": $0.key, "name": $0.name, "reason": $0.reason] }
        }
        let object: [String: Any] = [
            "pdf": summary.path, "sheet": sheet.name, "selected": selected, "labels": summary.labels,
            "pages": summary.pages, "preview": summary.previewPath ?? NSNull(),
            "skipped": issues(summary.skipped), "warnings": issues(summary.warnings),
        ]
        if let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) {
            print(String(decoding: data, as: UTF8.self))
        }
    }
}

/// Progress on standard error: a live counter on a terminal, a line per 10,000 labels otherwise.
struct LabelProgress {
    private let terminal = isatty(STDERR_FILENO) != 0
    private(set) var count = 0

    mutating func tick() {
        count += 1
        if terminal, count % 500 == 0 {
            FileHandle.standardError.write(Data("\r라벨 \(count)장…".utf8))
        } else if !terminal, count % 10_000 == 0 {
            FileHandle.standardError.write(Data("labels: \(count)\n".utf8))
        }
    }

    func done() {
        if terminal && count >= 500 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
