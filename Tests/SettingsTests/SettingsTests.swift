import KitSupport
import Settings
import CrossbarKit
import DeviceKit
import Foundation
import SpikingKit
import Testing

let repoConfigs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Configs").path

@Suite("Configuration files")
struct ConfigurationTests {
    let loader = ConfigLoader(configsDirectory: repoConfigs)

    @Test("every preset in Configs/presets decodes strictly and validates")
    func presets() throws {
        #expect(loader.presetNames.count >= 3)
        for name in loader.presetNames {
            let (hw, _) = try loader.loadPreset(name)
            #expect(hw.preset.name == name, "preset file \(name) names itself")
            #expect(!hw.preset.source.isEmpty, "preset \(name) cites a source")
        }
    }

    @Test("every run config in Configs/ and Configs/experiments/ resolves (daemon.yaml is the daemon's)")
    func runConfigs() throws {
        var files: [String] = []
        for dir in [repoConfigs, repoConfigs + "/experiments"] {
            files += try FileManager.default.contentsOfDirectory(atPath: dir)
                .filter { $0.hasSuffix(".yaml") && $0 != "daemon.yaml" }.map { dir + "/" + $0 }
        }
        #expect(files.count >= 4)
        for f in files { _ = try loader.resolve(file: f) }
    }

    @Test("an unknown key in a file names the file, the line and the key")
    func unknownKeyLocated() throws {
        let path = NSTemporaryDirectory() + "spikebar-bad-\(UUID().uuidString).yaml"
        try "preset: ideal\nnetwork:\n  timesteps: 8\n  leek: 0.9\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try loader.resolve(file: path)
            Issue.record("expected an error")
        } catch let e as ConfigFileError {
            #expect(e.line == 4)
            #expect(e.description.contains("network.leek"))
            #expect(e.description.contains(path))
        }
    }

    @Test("precedence: defaults < preset < file hardware section < --set < flags")
    func precedence() throws {
        let path = NSTemporaryDirectory() + "spikebar-prec-\(UUID().uuidString).yaml"
        try """
        preset: rram
        seed: 3
        network:
          timesteps: 8
        hardware:
          electrical:
            readNoiseStd: 0.05
        """.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try loader.resolve(file: path, sets: ["network.timesteps=4", "hardware.device.aDtod=0.2"], seed: 11)
        #expect(r.run.engine.network.timesteps == 4)         // --set beats the file
        #expect(r.run.seed == 11)                            // flag beats the file
        #expect(r.hardware.preset.electrical.readNoiseStd == 0.05)  // file beats preset
        #expect(r.hardware.preset.device.aDtod == 0.2)       // --set on hardware
        #expect(r.hardware.preset.device.pulsesMax == 128)   // from the preset
        #expect(r.run.engine.learning.learningRate == LearningConfig().learningRate)  // default
    }

    @Test("bad --set values are errors naming the key")
    func badSet() {
        #expect(throws: ConfigFileError.self) { try loader.resolve(file: nil, sets: ["network.timesteps=many"]) }
        #expect(throws: ConfigFileError.self) { try loader.resolve(file: nil, sets: ["hardware.device.nope=1"]) }
        #expect(throws: ConfigFileError.self) { try loader.resolve(file: nil, sets: ["timesteps"]) }
        #expect(throws: ConfigFileError.self) { try loader.resolve(file: nil, preset: "unobtainium") }
    }

    @Test("the snapshot renders every key and reads back to the same configuration")
    func snapshotRoundTrip() throws {
        let r = try loader.resolve(file: nil, sets: ["network.timesteps=5"])
        let yaml = YAMLRenderer.render(r.snapshot)
        let doc = try YAMLDocument(text: yaml, source: "snapshot")
        var hw = HardwareConfig()
        guard case let .map(entries) = doc.value, let h = entries.first(where: { $0.key == "hardware" }) else {
            Issue.record("no hardware section"); return
        }
        try hw.apply(h.value)
        #expect(hw == r.hardware)
        #expect(yaml.contains("timesteps: 5"))
    }
}

@Suite("YAML rendering through Yams")
struct YAMLRendererTests {
    /// Scalars the old hand quoting wrote unquoted and so read back wrong or not at all.
    static let awkward = ["-", "- a", "?", "? b", "~", "a\tb", "\tlead", "key: v", "#x", "", " lead", "trail ",
                          "null", "true", "1.5", "'q'", "\"dq\"", "two\nlines", "[x]", "{y}", "&a", "*b", "!t",
                          "|", ">", "%", "@", "`", "a, b", "ü"]

    @Test("scalars with YAML indicators, tabs and line breaks round-trip, as values and in lists")
    func awkwardScalarsRoundTrip() throws {
        let value = ConfigValue.map([
            ConfigEntry("values", .map(Self.awkward.enumerated().map { ConfigEntry("k\($0.offset)", .scalar($0.element)) })),
            ConfigEntry("flow", .list(Self.awkward.map(ConfigValue.scalar))),
            ConfigEntry("block", .list([.map([ConfigEntry("name", .scalar("- x")), ConfigEntry("tab", .scalar("\t"))]),
                                        .list([.scalar("~"), .scalar("?")])])),
            ConfigEntry("empty", .list([])),
        ])
        let yaml = YAMLRenderer.render(value)
        #expect(try YAMLDocument(text: yaml, source: "rendered").value == value, "\(yaml)")
    }

    @Test("plain configuration values render as plain YAML: flow lists of scalars, block maps")
    func plainLayout() {
        let value = ConfigValue.map([
            ConfigEntry("seed", .scalar("1")),
            ConfigEntry("network", .map([ConfigEntry("layers", .list([.scalar("64"), .scalar("128"), .scalar("10")]))])),
        ])
        #expect(YAMLRenderer.render(value) == "seed: 1\nnetwork:\n  layers: [64, 128, 10]\n")
    }
}
