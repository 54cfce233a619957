// swift-tools-version: 6.0
// Spikebar: an online-learning spiking network on an emulated analog in-memory-computing
// crossbar. The layers below read bottom-up; a module depends only on modules above it in
// this file. KitSupport and the three kits (DeviceKit, CrossbarKit, SpikingKit) are pure:
// no Foundation, no files, no clocks. Only Store and Recording link GRDB; only Daemon (and
// the executable) link SwiftNIO and service-lifecycle. scripts/check-layering enforces it;
// docs/ARCHITECTURE.md draws the graph.
import Foundation  // /proc/cpuinfo, for the kits' CPU level (end of file)
import PackageDescription

/// swift-numerics' RealModule (elementary functions without Foundation), used by the pure modules.
let numerics = Target.Dependency.product(name: "RealModule", package: "swift-numerics")

let package = Package(
    name: "Spikebar",
    platforms: [.macOS(.v15)],  // Synchronization's Mutex and Atomic (the daemon's engine queue)
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
        // ── Layer 0: pure support (stdlib + RealModule; no Foundation, no I/O) ──────────
        .target(name: "KitSupport", dependencies: [numerics]),

        // ── Layer 1: pure numeric kits (stdlib + RealModule; no Foundation, no I/O) ─────
        .target(name: "DeviceKit", dependencies: ["KitSupport", numerics]),
        .target(name: "CrossbarKit", dependencies: ["KitSupport", "DeviceKit", numerics]),
        .target(name: "SpikingKit", dependencies: ["KitSupport", "DeviceKit", "CrossbarKit", numerics]),

        // ── Layer 2: formats and files (Foundation, Yams; no sockets, no database) ──────
        // The wire format: JSON, sample and command lines, responses, line splitting.
        .target(name: "LineProtocol", dependencies: ["SpikingKit"]),
        // The system zlib (gzip'd IDX files; Debian zlib1g-dev, installed by scripts/setup);
        // only Datasets sees it.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "Datasets", dependencies: ["LineProtocol", "SpikingKit", "CZlib"], resources: [.copy("Resources")]),
        // The system libhdf5 (Debian libhdf5-dev, installed by scripts/setup; pkg-config `hdf5`
        // points at the serial build); only NIR sees it.
        .systemLibrary(name: "CHDF5", path: "Sources/CHDF5", pkgConfig: "hdf5", providers: [.apt(["libhdf5-dev"])]),
        // NIR graphs (HDF5 files): reading, mapping onto Spikebar's layers, writing. I/O, so
        // not in the pure kits.
        .target(name: "NIR", dependencies: ["KitSupport", "SpikingKit", "CHDF5"]),
        .target(name: "Settings", dependencies: [
            "KitSupport", "DeviceKit", "CrossbarKit", "SpikingKit",
            .product(name: "Yams", package: "Yams"),
        ]),

        // ── Layer 3: running a learner (no NIO, no GRDB) ───────────────────────────────
        // Run sessions, the engine, experiments, bench, energy pricing, summaries.
        .target(name: "Runtime", dependencies: [
            "KitSupport", "DeviceKit", "CrossbarKit", "SpikingKit", "LineProtocol", "Datasets", "Settings",
        ]),

        // ── Layer 4: records and reports ───────────────────────────────────────────────
        .target(name: "Store", dependencies: ["LineProtocol", .product(name: "GRDB", package: "GRDB.swift")]),
        // Reports is pure (query results in, strings out); its Store adapter is Recording/Reports.
        // It uses the pure kits for shared formulas (SpikingKit's continual-learning metrics).
        .target(name: "Reports", dependencies: ["DeviceKit", "SpikingKit"]),
        // The recorder (a Runtime observer), flush writer, resume plan, report loading.
        .target(name: "Recording", dependencies: [
            "KitSupport", "DeviceKit", "CrossbarKit", "SpikingKit", "LineProtocol", "Datasets", "Settings",
            "Runtime", "Store", "Reports",
        ]),

        // ── Layer 5: sockets (SwiftNIO, service-lifecycle): `spikebar serve` only ───────
        .target(name: "Daemon", dependencies: [
            "KitSupport", "DeviceKit", "SpikingKit", "LineProtocol", "Datasets", "Settings", "Runtime", "Store", "Recording",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        // Sweeps: plans, child runs (swift-subprocess), per-run databases gathered into one.
        // CProcessSupport: a two-line C shim for prctl (variadic, so not callable from Swift).
        .target(name: "CProcessSupport"),
        .target(name: "Sweep", dependencies: [
            "KitSupport", "LineProtocol", "Settings", "Store",
            .product(name: "Subprocess", package: "swift-subprocess"),
        ]),

        // ── Layer 6: the command line (thin) ───────────────────────────────────────────
        .executableTarget(name: "spikebar", dependencies: [
            "KitSupport", "DeviceKit", "CrossbarKit", "SpikingKit", "LineProtocol", "Datasets", "Settings",
            "Runtime", "Store", "Reports", "Recording", "Daemon", "Sweep", "CProcessSupport", "NIR",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // ── Tests: one target per module ───────────────────────────────────────────────
        .testTarget(name: "KitSupportTests", dependencies: ["KitSupport", "DeviceKit", numerics]),
        .testTarget(name: "DeviceKitTests", dependencies: ["DeviceKit", "KitSupport", numerics]),
        .testTarget(name: "CrossbarKitTests", dependencies: ["CrossbarKit", "DeviceKit", "KitSupport", numerics]),
        .testTarget(name: "SpikingKitTests", dependencies: ["SpikingKit", "CrossbarKit", "DeviceKit", "KitSupport", numerics]),
        .testTarget(name: "LineProtocolTests", dependencies: ["LineProtocol", "SpikingKit", "KitSupport"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "LineProtocol", "SpikingKit", "CZlib"]),
        .testTarget(name: "NIRTests", dependencies: [
            "NIR", "SpikingKit", "CrossbarKit", "DeviceKit", "KitSupport", "Runtime", "Settings", "Datasets", "AppTestSupport",
        ], exclude: ["Fixtures"]),
        .testTarget(name: "SettingsTests", dependencies: ["Settings", "KitSupport", "DeviceKit", "CrossbarKit", "SpikingKit"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "LineProtocol"]),
        .testTarget(name: "SweepTests", dependencies: ["Sweep", "Store", "Settings", "KitSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        // Test support: the XML well-formedness checker of the SVG tests.
        .target(name: "XMLTestSupport", path: "Tests/XMLTestSupport"),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "SpikingKit", "XMLTestSupport"], resources: [.copy("Golden")]),
        // Test support of the application tests: the checkout, temp folders, the spikebar
        // process and a socket client (Foundation only: no NIO, no GRDB).
        .target(name: "AppTestSupport", dependencies: ["Datasets", "Settings"], path: "Tests/AppTestSupport"),
        .testTarget(name: "RuntimeTests", dependencies: [
            "Runtime", "Settings", "Datasets", "LineProtocol", "KitSupport", "DeviceKit", "CrossbarKit", "SpikingKit", "AppTestSupport",
        ]),
        .testTarget(name: "RecordingTests", dependencies: [
            "Recording", "Runtime", "Store", "Reports", "Settings", "Datasets", "LineProtocol", "KitSupport", "DeviceKit",
            "CrossbarKit", "SpikingKit", "AppTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "DaemonTests", dependencies: [
            "Daemon", "Runtime", "Settings", "Datasets", "LineProtocol", "KitSupport", "DeviceKit", "Store", "AppTestSupport",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOEmbedded", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // The command line, run as a process (`spikebar report`, `run`, `db`, exit codes).
        .testTarget(name: "SpikebarCLITests", dependencies: ["Store", "AppTestSupport", "XMLTestSupport"]),
    ]
)

// The CPU level of the pure kits, where the hot loops live (issue #13). SIMD8 vectors are one
// AVX register on x86-64-v3 (AVX2, FMA, BMI2) and two SSE ones on baseline x86-64, so on a host
// that has them all the kits are compiled for x86-64-v3 by default, as llama.cpp's native builds do:
// Spikebar is built from source on the machine that runs it. Results are bit for bit the same
// on every level (Swift contracts no a·b + c into an FMA), so a checkpoint moves between them.
// SPIKEBAR_TUNED_ARCH overrides: `portable` (baseline x86-64, for a binary that must run on
// any x86-64 CPU, or a cross build) or a -march level (what scripts/build-tuned passes).
func tunedArchitecture() -> String? {
    if let arch = Context.environment["SPIKEBAR_TUNED_ARCH"], !arch.isEmpty {
        return arch == "portable" ? nil : arch
    }
    #if arch(x86_64) && os(Linux)
    guard let cpu = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
          let flags = cpu.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return nil }
    let have = Set(flags.split(separator: " ").map(String.init))
    return ["avx", "avx2", "bmi1", "bmi2", "f16c", "fma", "abm", "movbe", "xsave"].allSatisfy(have.contains) ? "x86-64-v3" : nil
    #else
    return nil
    #endif
}
if let arch = tunedArchitecture() {
    let kits: Set = ["KitSupport", "DeviceKit", "CrossbarKit", "SpikingKit"]
    for target in package.targets where kits.contains(target.name) {
        target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-Xcc", "-march=\(arch)"])]
    }
}
