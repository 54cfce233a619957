import Foundation
import NIR
import Testing

@Suite("NIR reader: HDF5 files as the nir package writes them")
struct NIRReaderTests {
    @Test("the digits fixture: node types, weight shapes, edges and the metadata dt")
    func digits() throws {
        let g = try NIRReader.read(path: NIRFixtures.digits)
        #expect(g.dtSeconds == 0.001)
        #expect(g.nodes.mapValues(\.typeName) == ["input": "Input", "fc1": "Affine", "lif1": "LIF", "fc2": "Linear", "li": "LI", "output": "Output"])
        #expect(try g.chain() == ["input", "fc1", "lif1", "fc2", "li", "output"])
        guard case let .affine(w, b) = g.nodes["fc1"]! else { Issue.record("fc1 is not Affine"); return }
        #expect(w.rows == 128 && w.cols == 64 && b.count == 128)
        guard case let .lif(tau, r, _, threshold, reset) = g.nodes["lif1"]! else { Issue.record("lif1 is not LIF"); return }
        #expect(tau == [Float](repeating: Float(0.01), count: 128))   // dt/(1 − β), β = 0.9, as float32
        #expect(abs(r[0] - 10) < 1e-5 && threshold[0] == 1 && reset.allSatisfy { $0 == 0 })
        guard case let .input(shape) = g.nodes["input"]! else { Issue.record("no Input"); return }
        #expect(shape == [64])
    }

    @Test("a file that is not HDF5, and a missing file, are one clear error each")
    func corrupted() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("spikebar-bad-\(UUID().uuidString).nir")
        try Data("not an hdf5 file\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: NIRError.unreadable(path: url.path, reason: "not an HDF5 file (missing, unreadable or corrupted)")) {
            try NIRReader.read(path: url.path)
        }
        // A truncated copy of a real NIR file.
        let real = try Data(contentsOf: URL(fileURLWithPath: NIRFixtures.digits))
        try real.prefix(real.count / 3).write(to: url)
        #expect(throws: NIRError.self) { try NIRReader.read(path: url.path) }
        #expect(throws: NIRError.self) { try NIRReader.read(path: "/nonexistent/model.nir") }
    }
}
