import Foundation
import Testing

/// Golden files: expected outputs stored under `Tests/ReportsTests/Golden/` and shipped to
/// the test bundle as resources.
///
/// To accept new output (after checking the diff!), run
/// `SPIKEBAR_UPDATE_GOLDENS=1 swift test --filter ReportsTests`: the files are rewritten in
/// the source tree (found through `#filePath`), and the test run records an issue so an
/// update never passes silently. Run the tests again to check against the new files.
enum Golden {
    static var updating: Bool { ProcessInfo.processInfo.environment["SPIKEBAR_UPDATE_GOLDENS"] == "1" }

    /// `Tests/ReportsTests/Golden` in the source tree.
    static func sourceFolder(filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Golden")
    }

    /// The copy of the goldens in the test bundle.
    static var bundleFolder: URL? { Bundle.module.url(forResource: "Golden", withExtension: nil) }

    /// Compares every file of `files` with `Golden/<folder>/<name>`, and checks that the
    /// folder holds no file the output no longer has. In update mode, rewrites the folder.
    static func check(_ files: [String: String], folder: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if updating {
            let dir = sourceFolder().appendingPathComponent(folder)
            try? FileManager.default.removeItem(at: dir)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            for (name, content) in files {
                try content.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
            Issue.record("goldens in Golden/\(folder) rewritten; run the tests again without SPIKEBAR_UPDATE_GOLDENS",
                         sourceLocation: sourceLocation)
            return
        }
        guard let root = bundleFolder else {
            Issue.record("no Golden folder in the test bundle", sourceLocation: sourceLocation)
            return
        }
        let dir = root.appendingPathComponent(folder)
        let stored = Set((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
        #expect(stored == Set(files.keys), "golden file set differs in Golden/\(folder); regenerate with SPIKEBAR_UPDATE_GOLDENS=1",
                sourceLocation: sourceLocation)
        for name in files.keys.sorted() {
            let expected = try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            let actual = files[name]!
            if expected != actual {
                Issue.record("\(folder)/\(name) differs from its golden:\n\(firstDifference(expected ?? "", actual))",
                             sourceLocation: sourceLocation)
            }
        }
    }

    /// The first differing line, for a readable failure.
    static func firstDifference(_ a: String, _ b: String) -> String {
        let x = a.split(separator: "\n", omittingEmptySubsequences: false)
        let y = b.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(x.count, y.count) {
            let l = i < x.count ? String(x[i]) : "<end>", r = i < y.count ? String(y[i]) : "<end>"
            if l != r { return "line \(i + 1)\n  golden: \(l)\n  actual: \(r)" }
        }
        return "(same lines)"
    }
}
