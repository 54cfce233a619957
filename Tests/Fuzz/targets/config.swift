// libFuzzer target `config`: a YAML configuration file, loaded the way `--config` and a
// run's snapshot are: parsed by YAMLDocument, applied over the defaults of RunConfig and
// HardwareConfig and validated. Only thrown errors are allowed; what validates renders
// back to YAML that parses again.
import CrossbarKit
import KitSupport
import Settings

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self),
          let doc = try? YAMLDocument(text: text, source: "fuzz") else { return 0 }
    var run = RunConfig()
    var hardware = HardwareConfig()
    guard (try? run.apply(doc.value)) != nil, (try? run.validateAll()) != nil else { return 0 }
    for o in run.hardwareOverrides {
        guard (try? hardware.apply(o, at: "hardware")) != nil, (try? hardware.validateAll(at: "hardware")) != nil else { return 0 }
    }
    let resolved = ResolvedConfig(run: run, hardware: hardware, presetSource: "fuzz")
    precondition((try? YAMLDocument(text: YAMLRenderer.render(resolved.snapshot), source: "rendered")) != nil,
                 "a valid configuration renders to YAML that does not parse")
    return 0
}
