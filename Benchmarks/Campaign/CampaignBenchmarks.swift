// Benchmarks of campaign creation and spool dispatch (Messaging).
//   cd Benchmarks && swift package benchmark --target CampaignBenchmarks
// Targets (issue: campaigns): 100,000 customers ≤ 1 s, 1,000,000 ≤ 10 s, peak memory ≤ 150 MB.
// Baseline, the sqlite3 CLI inserting the same rows in one transaction:
//   scripts/bench/campaign_sqlite3_baseline.sh 100000 1000000
// Measured 2026-11-29 on the 2-core development VM (p50 of 5, release build), rows written in
// chunks (BulkInserter) while a second thread renders, 16 MiB page cache, memory trimmed after:
//   create 100,000: 0.59 s wall, 0.83 s CPU (sqlite3 baseline 0.62 s), 70 MB peak
//   create 1,000,000: 6.4 s wall, 11 s CPU (sqlite3 baseline 5.65 s), 139 MB peak (max 140)
//   spool dispatch: about 19,000 messages in 0.74–0.88 s, ≈ 22,000–26,000 messages/s
// Before the bulk writes: 2.55 s / 28 s, spool ≈ 10,600 messages/s.
import Benchmark
import Foundation
import GRDB
import Messaging
import Settings
import Store

/// Fills `customer` with `count` synthetic customers: the rows of
/// `scripts/bench/campaign_sqlite3_baseline.sh --customers-sql COUNT`, so the baseline and the
/// benchmark measure the same audience. The rows are written by the `sqlite3` CLI, so that
/// building a million customers does not count in this process's peak memory.
func makeCampaignStore(customers count: Int) throws -> KimbiseoStore {
    let store = try KimbiseoStore.openTemporary(additionalMigrations: MessagingMigrations.all)
    try sqlite3(store, try baselineScript(["--customers-sql", String(count)]))
    return store
}

/// The standard output of the baseline script run with `arguments`.
func baselineScript(_ arguments: [String]) throws -> String {
    let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/bench/campaign_sqlite3_baseline.sh")
    let process = Process()
    let output = Pipe()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [script.path] + arguments
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: script.path])
    }
    return String(decoding: data, as: UTF8.self)
}

/// Runs `sql` on the store's file with the `sqlite3` CLI (Debian package sqlite3).
func sqlite3(_ store: KimbiseoStore, _ sql: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = ["-cmd", ".timeout 10000", store.path, sql]
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: store.path])
    }
}

func benchmarkSettings() -> SMSSettings {
    var sms = SMSSettings()
    sms.sender = "0212345678"
    sms.shopName = "김비서상사"
    sms.optoutNumber = "080-123-4567"
    sms.ratePerSecond = 0
    return sms
}

let campaignText = "<<이름>>님, 안녕하세요. <<상호>>입니다. 이번 주 신상품 소식을 전해 드립니다."

/// Removes the campaigns an iteration created (with the `sqlite3` CLI, out of this process),
/// so every iteration starts from the same store.
func removeCampaigns(_ store: KimbiseoStore) throws {
    try sqlite3(store, "DELETE FROM message; DELETE FROM campaign;")
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .throughput],
        warmupIterations: 0, maxDuration: .seconds(60), maxIterations: 5)

    for count in [100_000, 1_000_000] {
        Benchmark("Campaign create, \(count) customers") { benchmark, store in
            let planner = CampaignPlanner(store: store, settings: benchmarkSettings())
            let draft = CampaignDraft(template: try MessageTemplate(text: campaignText), audience: .everyone, previewCount: 5)
            benchmark.startMeasurement()
            let summary = try planner.create(draft)
            benchmark.stopMeasurement()
            blackHole(summary)
            try removeCampaigns(store)
        } setup: {
            try makeCampaignStore(customers: count)
        }
    }

    Benchmark("Campaign create (advertising), 100000 customers") { benchmark, store in
        let planner = CampaignPlanner(store: store, settings: benchmarkSettings())
        let draft = CampaignDraft(template: try MessageTemplate(text: campaignText), audience: .everyone, isAd: true)
        benchmark.startMeasurement()
        blackHole(try planner.create(draft))
        benchmark.stopMeasurement()
        try removeCampaigns(store)
    } setup: {
        try makeCampaignStore(customers: 100_000)
    }

    // One iteration sends one campaign of about 19,000 messages (messages/s = count / wall clock).
    Benchmark(
        "Spool dispatch, 20000 customers (about 19,000 messages)",
        configuration: .init(metrics: [.wallClock, .throughput, .peakMemoryResident], scalingFactor: .one)
    ) { benchmark, store in
        let planner = CampaignPlanner(store: store, settings: benchmarkSettings())
        _ = try planner.create(CampaignDraft(template: try MessageTemplate(text: campaignText), audience: .everyone))
        let spool = FileManager.default.temporaryDirectory.appendingPathComponent("kimbiseo-bench-spool-\(UUID().uuidString)").path
        let dispatcher = Dispatcher(
            store: store, gateway: SpoolGateway(directory: spool, maxBatchSize: 500),
            configuration: .init(sender: "0212345678", ratePerSecond: 0))
        benchmark.startMeasurement()
        var sent = 0
        while true {
            let handled = try await dispatcher.runOnce()
            if handled == 0 { break }
            sent += handled
        }
        benchmark.stopMeasurement()
        blackHole(sent)
        try? FileManager.default.removeItem(atPath: spool)
        try removeCampaigns(store)
    } setup: {
        try makeCampaignStore(customers: 20_000)
    }
}
