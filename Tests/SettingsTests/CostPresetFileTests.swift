import KitSupport
import Settings
import CrossbarKit
import DeviceKit
import Foundation
import Testing

/// The checkout's `Configs/` folder.
let checkoutConfigs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Configs").path

@Suite("Cost preset files")
struct CostPresetFileTests {
    let loader = ConfigLoader(configsDirectory: checkoutConfigs)

    @Test("the bundled spikesim-65nm file loads strictly and equals the built-in defaults")
    func bundledMatchesDefaults() throws {
        #expect(loader.costNames.contains("spikesim-65nm"))
        let (cost, path) = try loader.loadCost("spikesim-65nm")
        #expect(path.hasSuffix("costs/spikesim-65nm.yaml"))
        #expect(cost == CostPreset(), "Configs/costs/spikesim-65nm.yaml and CostPreset's defaults drifted apart")
        #expect(cost.spikesim.adcPicojoules == 2.03084 && cost.spikesim.subtractorPicojoules == 1.15e-6)
    }

    @Test("every bundled cost preset loads")
    func allLoad() throws {
        for name in loader.costNames { _ = try loader.loadCost(name) }
    }

    @Test("an unknown key is an error naming the key path and its line")
    func unknownKey() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("spikebar-cost-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("typo.yaml").path
        try "name: typo\nspikesim:\n  adcPicojoule: 2\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect {
            try loader.loadCost(file)
        } throws: { error in
            let text = "\(error)"
            return text.contains("spikesim.adcPicojoule") && text.contains(":3:")
        }
    }

    @Test("a negative energy is out of range")
    func negativeEnergy() {
        var cost = CostPreset()
        #expect(throws: ConfigError.self) {
            try cost.apply(ConfigValue.from(path: "digital.int32AddPicojoules", value: "-1"))
            try cost.validateAll()
        }
    }

    @Test("a run picks its cost preset with the cost key")
    func runSelectsCost() throws {
        let resolved = try loader.resolve(file: nil, sets: ["cost=spikesim-65nm"])
        #expect(resolved.cost == CostPreset())
        #expect(resolved.costSource.hasSuffix("spikesim-65nm.yaml"))
        #expect(throws: ConfigFileError.self) { try loader.resolve(file: nil, sets: ["cost=nonexistent"]) }
    }
}
