// swift-tools-version: 6.0
// Spikebar: an online-learning spiking network on an emulated analog in-memory-computing
// crossbar. The three kits (DeviceKit, CrossbarKit, SpikingKit) are pure: they import no
// Foundation, no files, no clocks. Everything that does I/O sits on top of them.
import PackageDescription

let package = Package(
    name: "Spikebar",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "spikebar", targets: ["spikebar"]),
        .library(name: "SpikingKit", targets: ["SpikingKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
    ],
    targets: [
        // Pure numeric kits: stdlib only.
        .target(name: "DeviceKit", dependencies: [.product(name: "RealModule", package: "swift-numerics")]),
        .target(name: "CrossbarKit", dependencies: ["DeviceKit", .product(name: "RealModule", package: "swift-numerics")]),
        .target(name: "SpikingKit", dependencies: ["CrossbarKit", "DeviceKit", .product(name: "RealModule", package: "swift-numerics")]),

        // Data and configuration (Foundation, Yams).
        .target(name: "Datasets", dependencies: ["SpikingKit"], resources: [.copy("Resources")]),
        .target(name: "Configuration", dependencies: [
            "DeviceKit", "CrossbarKit", "SpikingKit",
            .product(name: "Yams", package: "Yams"),
        ]),

        // Records, reports, daemon.
        .target(name: "Store", dependencies: [.product(name: "GRDB", package: "GRDB.swift")]),
        // Reports is pure (query results in, strings out); its Store adapter is Daemon/Reporting.
        // It uses the pure kits for shared formulas (SpikingKit's continual-learning metrics).
        .target(name: "Reports", dependencies: ["DeviceKit", "SpikingKit"]),
        .target(name: "Daemon", dependencies: [
            "DeviceKit", "CrossbarKit", "SpikingKit", "Datasets", "Configuration", "Store", "Reports",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        // Sweeps: plans, child runs (swift-subprocess), shard databases gathered into one.
        .target(name: "CProcessSupport"),
        .target(name: "Sweep", dependencies: [
            "DeviceKit", "Configuration", "Store",
            .product(name: "Subprocess", package: "swift-subprocess"),
        ]),
        .executableTarget(name: "spikebar", dependencies: [
            "Daemon", "Sweep", "CProcessSupport", "Store", "Configuration", "DeviceKit", "CrossbarKit", "SpikingKit", "Datasets", "Reports",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "DeviceKitTests", dependencies: ["DeviceKit", .product(name: "RealModule", package: "swift-numerics")]),
        .testTarget(name: "CrossbarKitTests", dependencies: ["CrossbarKit", "DeviceKit", .product(name: "RealModule", package: "swift-numerics")]),
        .testTarget(name: "SpikingKitTests", dependencies: ["SpikingKit", "CrossbarKit", "DeviceKit", .product(name: "RealModule", package: "swift-numerics")]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "SpikingKit"]),
        .testTarget(name: "ConfigurationTests", dependencies: ["Configuration"]),
        .testTarget(name: "StoreTests", dependencies: ["Store"]),
        .testTarget(name: "SweepTests", dependencies: ["Sweep", "Store", "Configuration", "DeviceKit", .product(name: "GRDB", package: "GRDB.swift")]),
        // Test support: the XML well-formedness checker of the SVG tests.
        .target(name: "XMLTestSupport", path: "Tests/XMLTestSupport"),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "XMLTestSupport"], resources: [.copy("Golden")]),
        .testTarget(name: "DaemonTests", dependencies: [
            "Daemon", "Datasets", "Configuration", "DeviceKit", "Store", "SpikingKit", "CrossbarKit", "Reports", "XMLTestSupport",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOEmbedded", package: "swift-nio"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
    ]
)
