// swift-tools-version: 6.1
// Benchmarks for Kimbiseo, kept out of the main build.
//   cd Benchmarks && swift package --allow-writing-to-package-directory benchmark
// (or `make bench` from the top).
import PackageDescription

func benchmark(_ name: String, _ deps: [Target.Dependency]) -> Target {
    .executableTarget(
        name: "\(name)Benchmarks",
        dependencies: deps + [.product(name: "Benchmark", package: "benchmark")],
        path: name,
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")])
}

let package = Package(
    name: "KimbiseoBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "kimbiseo", path: ".."),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        benchmark("Calendar", [.product(name: "KoreanCalendar", package: "kimbiseo")]),
        benchmark("Import", [
            .product(name: "Store", package: "kimbiseo"),
            .product(name: "Interchange", package: "kimbiseo"),
        ]),
        benchmark("Labels", [.product(name: "Labels", package: "kimbiseo")]),
        benchmark("Campaign", [
            .product(name: "Store", package: "kimbiseo"),
            .product(name: "Messaging", package: "kimbiseo"),
            .product(name: "Settings", package: "kimbiseo"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Not an ordo-one benchmark: it starts the vendor fakes and compares against their raw
        // capacity in the same run (scripts/bench/gateway_throughput.sh).
        .executableTarget(
            name: "GatewayThroughput",
            dependencies: [
                .product(name: "Store", package: "kimbiseo"),
                .product(name: "Messaging", package: "kimbiseo"),
                .product(name: "Gateways", package: "kimbiseo"),
                .product(name: "Settings", package: "kimbiseo"),
                .product(name: "Transport", package: "kimbiseo"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Gateway"),
    ]
)
