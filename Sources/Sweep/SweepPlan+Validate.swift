import Settings
import Foundation

extension SweepPlan {
    /// Resolves every run's configuration once before anything runs, so an unknown key or a
    /// value of the wrong type stops the sweep with one line naming the sweep file and the
    /// line of the axis (or base key) at fault, instead of failing run by run.
    public func validate(loader: ConfigLoader) throws {
        for run in runs {
            let assignments = spec.base + run.axes
            let sets = assignments.filter { $0.key != "preset" && $0.key != "seed" }.map { "\($0.key)=\($0.value)" }
            let preset = assignments.last { $0.key == "preset" }?.value
            let seed = assignments.last { $0.key == "seed" }.map(\.value)
            if let seed, Int(seed) == nil {
                throw SweepError.badRun(source: spec.source, line: line(of: "seed"), run: run.index, message: "seed '\(seed)' is not a whole number")
            }
            do {
                _ = try loader.resolve(file: spec.run.config, sets: sets, preset: preset, seed: seed.flatMap { Int($0) })
            } catch {
                let text = "\(error)"
                let culprit = assignments.last { text.contains("--set \($0.key)=") || text.contains("'\($0.key)'") }?.key
                    ?? (preset.map { text.contains($0) } == true ? "preset" : nil)
                throw SweepError.badRun(source: spec.source, line: culprit.flatMap(line(of:)), run: run.index, message: text)
            }
        }
    }

    /// The sweep-file line of an axis or base key.
    func line(of key: String) -> Int? {
        spec.grid.first { $0.key == key }?.line ?? spec.random?.keys.first { $0.key == key }?.line
    }
}
