import Datasets
import Foundation
import Settings
import Testing

/// The package checkout these tests were built from.
public enum Repo {
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static var configs: String { root.appendingPathComponent("Configs").path }

    public static var loader: ConfigLoader { ConfigLoader(configsDirectory: configs) }

    /// A configuration resolved like the CLI does, from `--set` overrides.
    public static func config(_ sets: [String]) throws -> ResolvedConfig {
        try loader.resolve(file: nil, sets: sets)
    }
}

/// A fresh folder under the system temp directory, removed by `cleanup()`.
public struct TempDir {
    public let url: URL
    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("spikebar-daemon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    public func cleanup() { try? FileManager.default.removeItem(at: url) }

    /// Writes the first `samples` samples of the bundled digits stream (with its header)
    /// as a CSV file; `replace` swaps given 0-based sample lines for other text.
    public func digits(_ samples: Int, name: String = "digits.csv", replace: [Int: String] = [:]) throws -> String {
        let text = try String(contentsOf: try BundledDataset.digits.url, encoding: .utf8)
        var lines = Array(text.split(separator: "\n", omittingEmptySubsequences: true).prefix(samples + 1)).map(String.init)
        for (k, line) in replace { lines[k + 1] = line }
        let path = self.path(name)
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}

/// `a` and `b` agree to a relative `tolerance`.
public func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    abs(a - b) <= tolerance * max(abs(a), abs(b), 1e-300)
}

public func jsonObject(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}
