import Settings
import Testing

/// `hardware.verify.onlineProgramVerify`: off by default, set by file or `--set`, and a value
/// that is not a boolean is one error naming the key.
@Suite("Configuration: verified online writes")
struct OnlineVerifyConfigTests {
    let loader = ConfigLoader(configsDirectory: repoConfigs)

    @Test("off by default for every preset; --set turns it on")
    func key() throws {
        for name in loader.presetNames {
            let r = try loader.resolve(file: nil, preset: name)
            #expect(!r.hardware.preset.verify.onlineProgramVerify, "preset \(name)")
        }
        let on = try loader.resolve(file: nil, sets: ["hardware.verify.onlineProgramVerify=true"], preset: "rram")
        #expect(on.hardware.preset.verify.onlineProgramVerify)
    }

    @Test("a value that is not a boolean names the key")
    func badValue() throws {
        do {
            _ = try loader.resolve(file: nil, sets: ["hardware.verify.onlineProgramVerify=maybe"])
            Issue.record("expected an error")
        } catch let e as ConfigFileError {
            #expect(e.description.contains("hardware.verify.onlineProgramVerify"))
        }
    }
}
