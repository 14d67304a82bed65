// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "kimbiseo",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kimbiseo", targets: ["kimbiseo"]),
        .library(name: "KoreanCalendar", targets: ["KoreanCalendar"]),
        .library(name: "Store", targets: ["Store"]),
        .library(name: "Interchange", targets: ["Interchange"]),
        .library(name: "Messaging", targets: ["Messaging"]),
        .library(name: "Gateways", targets: ["Gateways"]),
        .library(name: "Labels", targets: ["Labels"]),
        .library(name: "Transport", targets: ["Transport"]),
        .library(name: "Settings", targets: ["Settings"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // C boundaries
        .systemLibrary(
            name: "CCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "CurlShim", dependencies: ["CCurl"]),
        .systemLibrary(
            name: "COpenSSL", pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]),
        .systemLibrary(
            name: "CCairo", pkgConfig: "cairo-ft",
            providers: [.apt(["libcairo2-dev"])]),

        // Pure logic
        .target(name: "KoreanCalendar", swiftSettings: swiftSettings),

        // The customer store (GRDB on the system SQLite)
        .target(
            name: "Store",
            dependencies: [
                "KoreanCalendar",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The C API under GRDB, for the bulk insert path (BulkInserter).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings),
        // CSV / XLSX / vCard reading and writing
        .target(
            name: "Interchange",
            dependencies: ["Store", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: swiftSettings),
        // libcurl HTTP and SMTP clients
        .target(name: "Transport", dependencies: ["CurlShim"], swiftSettings: swiftSettings),
        // Templates, byte counting, campaigns, outbox, dispatcher, gateways, mailer
        .target(
            name: "Messaging",
            dependencies: [
                "Store", "Transport", "KoreanCalendar", "Settings",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings),
        // Aligo, Solapi and generic HTTP SMS gateways, and the reconciler
        .target(
            name: "Gateways",
            dependencies: [
                "Messaging", "Transport", "Settings", "Store", "COpenSSL",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings),
        // Daily anniversary texts, staff reminder digests, the email outbox
        .target(
            name: "Anniversaries",
            dependencies: [
                "Store", "Messaging", "KoreanCalendar", "Transport", "Settings",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings),
        // DM address-sticker PDFs
        .target(name: "Labels", dependencies: ["CCairo"], swiftSettings: swiftSettings),
        // config/kimbiseo.yaml as typed, documented settings
        .target(
            name: "Settings",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings),
        // Services, configuration, sd_notify, logging
        .target(
            name: "Daemon",
            dependencies: [
                "Settings",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "kimbiseo",
            dependencies: [
                "Daemon", "Store", "Interchange", "Messaging", "Gateways", "Anniversaries", "Labels", "KoreanCalendar", "Transport",
                "Settings",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings),

        .testTarget(name: "KoreanCalendarTests", dependencies: ["KoreanCalendar"], exclude: ["Fixtures"]),
        .testTarget(name: "StoreTests", dependencies: ["Store"]),
        .testTarget(name: "InterchangeTests", dependencies: ["Interchange", "Store"]),
        .testTarget(name: "TransportTests", dependencies: ["Transport"], exclude: ["Peers"]),
        .testTarget(
            name: "MessagingTests",
            dependencies: [
                "Messaging", "Store", "KoreanCalendar", "Settings",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(
            name: "GatewaysTests",
            dependencies: [
                "Gateways", "Messaging", "Store", "Transport", "Settings",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(
            name: "AnniversariesTests",
            dependencies: [
                "Anniversaries", "Messaging", "Store", "KoreanCalendar", "Transport", "Settings",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(name: "LabelsTests", dependencies: ["Labels"]),
        .testTarget(name: "SettingsTests", dependencies: ["Settings"]),
        .testTarget(
            name: "DaemonTests",
            dependencies: ["Daemon", .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")]),
        .testTarget(name: "IntegrationTests", dependencies: ["Store"]),
    ]
)
