import Foundation
import GRDB
import Labels
import Settings
import Store

/// Takes label jobs from the `label_job` table and renders them, one at a time.
///
/// A job is claimed in one write (`new → running`), rendered outside any transaction, and its
/// result recorded in a second write (`done` with counts and skipped customers, or `failed`
/// with the reason). Jobs left `running` by a daemon that died are rendered again at start:
/// the PDF is written anew, so that is safe.
struct LabelJobProcessor {
    let store: KimbiseoStore
    let settings: Settings
    let clock: @Sendable () -> Date

    init(store: KimbiseoStore, settings: Settings, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store; self.settings = settings; self.clock = clock
    }

    /// What happened to one job.
    struct Result: Sendable {
        var id: Int64
        var state: String
        var outputPath: String?
        var labels: Int
        var error: String?
    }

    /// Puts jobs a dead daemon left `running` back to `new`. Returns how many.
    @discardableResult
    func recover() throws -> Int {
        try store.pool.write { db in
            try db.execute(sql: "UPDATE label_job SET state = 'new', started_at = NULL WHERE state = 'running'")
            return db.changesCount
        }
    }

    /// Renders the oldest new job, if any. Returns its result, or `nil` when there was none.
    func processNext() throws -> Result? {
        let now = Self.timestamp(clock())
        guard let row = try store.pool.write({ db -> Row? in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM label_job WHERE state = 'new' ORDER BY id LIMIT 1")
            else { return nil }
            try db.execute(
                sql: "UPDATE label_job SET state = 'running', started_at = ? WHERE id = ? AND state = 'new'",
                arguments: [now, row["id"] as Int64])
            return db.changesCount == 1 ? row : nil
        }) else { return nil }
        let id: Int64 = row["id"]
        do {
            let (run, _) = try makeRun(row, id: id)
            let outcome = try run.perform(store: store)
            let skipped = outcome.summary.skipped.map { ["key": $0.key, "name": $0.name, "reason": $0.reason] }
            let skippedJSON = String(decoding: try JSONSerialization.data(withJSONObject: skipped, options: [.sortedKeys]), as: UTF8.self)
            let done = outcome.summary.labels > 0
            let error = done ? nil : (outcome.selected == 0 ? "no customer matches the selection" : "no label printed: all \(outcome.selected) customers skipped")
            try store.pool.write { db in
                try db.execute(
                    sql: """
                        UPDATE label_job SET state = ?, output_path = ?, selected = ?, labels = ?, pages = ?,
                            skipped = ?, error = ?, finished_at = ? WHERE id = ?
                        """,
                    arguments: [done ? "done" : "failed", done ? run.output : nil, outcome.selected,
                                outcome.summary.labels, outcome.summary.pages, skippedJSON, error,
                                Self.timestamp(clock()), id])
            }
            return Result(id: id, state: done ? "done" : "failed", outputPath: done ? run.output : nil,
                          labels: outcome.summary.labels, error: error)
        } catch {
            let reason = (error as? LabelJobError)?.description ?? "\(error)"
            try store.pool.write { db in
                try db.execute(
                    sql: "UPDATE label_job SET state = 'failed', error = ?, finished_at = ? WHERE id = ?",
                    arguments: [reason, Self.timestamp(clock()), id])
            }
            return Result(id: id, state: "failed", outputPath: nil, labels: 0, error: reason)
        }
    }

    /// The label run a job row describes; throws ``LabelJobError`` naming the bad column.
    func makeRun(_ row: Row, id: Int64) throws -> (LabelRun, LabelSheet) {
        func list(_ column: String) throws -> [String] {
            guard let text: String = row[column], !text.trimmingCharacters(in: .whitespaces).isEmpty else { return [] }
            if text.hasPrefix("[") {
                guard let array = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any] else {
                    throw LabelJobError(job: id, column: column, message: "'\(text)' is not a JSON array")
                }
                return array.map { "\($0)".precomposedStringWithCanonicalMapping }
            }
            return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping }
        }
        let all = (row["all_customers"] as Int64? ?? 0) != 0
        let groups = try list("groups"), grades = try list("grades"), customers = try list("customers")
        guard all || !groups.isEmpty || !grades.isEmpty || !customers.isEmpty else {
            throw LabelJobError(job: id, column: "all_customers", message: "choose customers: all_customers = 1, or groups, grades or customers")
        }
        var ids: [Int64]?
        if !customers.isEmpty {
            ids = try customers.map { key in
                guard let found = try store.customerID(idOrCode: key) else {
                    throw LabelJobError(job: id, column: "customers", message: "no customer '\(key)'")
                }
                return found
            }
        }
        let sheets = try LabelSheetsFile.sheets(path: settings.labels.sheetsFile)
        let sheetName: String = row["sheet"]
        guard let sheet = LabelSheet.find(sheetName, in: sheets) else {
            throw LabelJobError(job: id, column: "sheet", message: "unknown sheet '\(sheetName)'")
        }
        guard let address = LabelAddressChoice(rawValue: row["address"]) else {
            throw LabelJobError(job: id, column: "address", message: "must be home, work or auto")
        }
        guard let sort = LabelSortOrder(rawValue: row["sort"]) else {
            throw LabelJobError(job: id, column: "sort", message: "must be postcode, name or none")
        }
        let honorificText: String = row["honorific"]
        guard let honorific = Honorific(rawValue: honorificText.precomposedStringWithCanonicalMapping) else {
            throw LabelJobError(job: id, column: "honorific", message: "'\(honorificText)' must be 님, 귀하, 고객님 or none")
        }
        let startAt: Int = row["start_at"]
        guard startAt >= 1 else { throw LabelJobError(job: id, column: "start_at", message: "counts from 1") }
        var name: String = row["output_name"] ?? "job-\(id).pdf"
        name = (name as NSString).lastPathComponent
        if !name.lowercased().hasSuffix(".pdf") { name += ".pdf" }
        try FileManager.default.createDirectory(atPath: settings.labels.outputDirectory, withIntermediateDirectories: true)
        let output = (settings.labels.outputDirectory as NSString).appendingPathComponent(name)

        var layout = LabelLayoutOptions()
        layout.honorific = honorific
        layout.fontSize = settings.labels.fontSize
        layout.minFontSize = settings.labels.minFontSize
        var render = LabelRenderOptions()
        render.startAt = startAt
        render.offsetX = row["offset_x"]
        render.offsetY = row["offset_y"]
        render.outline = (row["outline"] as Int64? ?? 0) != 0
        let fontPath = try FontLocator.locate(configured: settings.labels.fontFile)
        let filter = CustomerFilter(groups: groups, grades: grades, ids: ids)
        return (LabelRun(filter: filter, address: address, sort: sort, output: output, sheet: sheet,
                         fontPath: fontPath, layout: layout, render: render), sheet)
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }
}

/// A label job row that cannot be rendered, naming the job and the column.
struct LabelJobError: Error, CustomStringConvertible {
    var job: Int64
    var column: String
    var message: String
    var description: String { "label_job \(job): \(column): \(message)" }
}
