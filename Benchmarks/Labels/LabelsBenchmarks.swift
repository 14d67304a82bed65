// Benchmarks of the Labels module: whole PDF runs on Formtec LS-3108 (14 labels a page).
//   cd Benchmarks && swift package benchmark --target LabelsBenchmarks
// Targets on a 2-core machine: 10,000 labels ≤ 1 s, 100,000 ≤ 10 s, both ≤ 50 MB peak RSS.
// The thresholds are on CPU time: the run is single-threaded, so on an idle machine wall
// time equals it, and CPU time stays meaningful on a shared, busy one.
// Compare with glabels-3-batch on the same data: scripts/bench/labels_glabels_baseline.sh
import Benchmark
import Foundation
import Labels

/// Realistic, varied recipients built on the fly, so the input itself takes no memory.
private func recipient(_ i: Int) -> LabelRecipient {
    let surnames = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임"]
    let given = ["민준", "서연", "도윤", "하은", "시우", "지우", "예준", "수아", "주원", "지호"]
    let roads = [
        "서울특별시 강남구 테헤란로", "부산광역시 해운대구 센텀중앙로", "경기도 성남시 분당구 판교역로",
        "대구광역시 수성구 달구벌대로", "제주특별자치도 제주시 노형로", "충청북도 청주시 흥덕구 2순환로",
    ]
    let places = ["역삼동, 래미안아파트", "우동, 센텀스카이비즈", "삼평동, 봇들마을", "범어동, 두산위브더제니스"]
    return LabelRecipient(
        key: "C\(i)", name: surnames[i % 10] + given[(i / 10) % 10] + (i % 7 == 0 ? "" : String(i % 997)),
        isOrganisation: false,
        company: i % 9 == 0 ? "(주)한빛소프트" : nil, department: i % 9 == 0 ? "영업\(i % 5 + 1)팀" : nil,
        postcode: String(format: "%05d", 10000 + (i &* 7919) % 89999),
        address: "\(roads[i % roads.count]) \(1 + i % 400)",
        addressDetail: "\(101 + i % 12)동 \(1 + i % 25)0\(1 + i % 4)호 (\(places[i % places.count]))",
        keyLine: "C\(i) VIP/골드")
}

private func run(labels count: Int, benchmark: Benchmark) throws {
    let sheet = LabelSheet.find("LS-3108")!
    let font = try LabelFont(path: try FontLocator.locate(configured: nil))
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("labels-bench-\(count).pdf").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    benchmark.startMeasurement()
    let document = try LabelDocument(path: path, sheet: sheet, font: font)
    for i in 0..<count { document.add(recipient(i)) }
    let summary = try document.finish()
    benchmark.stopMeasurement()
    precondition(summary.labels == count, "labels skipped: \(summary.skipped.prefix(3))")
    blackHole(summary.pages)
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal],
        warmupIterations: 0,
        maxDuration: .seconds(30))

    Benchmark("PDF, 10,000 labels, LS-3108", configuration: .init(maxIterations: 5, thresholds: [
        .cpuTotal: .init(absolute: [.p90: 1_000_000_000]),
        .peakMemoryResident: .init(absolute: [.p90: 50_000_000]),
    ])) { benchmark in
        try run(labels: 10_000, benchmark: benchmark)
    }

    Benchmark("PDF, 100,000 labels, LS-3108", configuration: .init(maxIterations: 2, thresholds: [
        .cpuTotal: .init(absolute: [.p90: 10_000_000_000]),
        .peakMemoryResident: .init(absolute: [.p90: 50_000_000]),
    ])) { benchmark in
        try run(labels: 100_000, benchmark: benchmark)
    }
}
