import Foundation
import NIR
import Testing

@Suite("NIR reader: HDF5 files as the nir package writes them")
struct NIRReaderTests {
    @Test("the digits fixture: node types, weight shapes, edges and the metadata dt")
    func digits() throws {
        let g = try NIRReader.read(path: NIRFixtures.digits)
        #expect(g.dtSeconds == 1e-4)   // snnTorch's exporter's dt, written into the metadata by the fixture's script
        // snnTorch's exporter names the nodes after the Sequential's indices.
        #expect(g.nodes.mapValues(\.typeName) == ["input": "Input", "0": "Affine", "1": "LIF", "2": "Linear", "3": "LI", "output": "Output"])
        #expect(try g.chain() == ["input", "0", "1", "2", "3", "output"])
        guard case let .affine(w, b) = g.nodes["0"]! else { Issue.record("node 0 is not Affine"); return }
        #expect(w.rows == 128 && w.cols == 64 && b.count == 128)
        guard case let .lif(tau, r, _, threshold, reset) = g.nodes["1"]! else { Issue.record("node 1 is not LIF"); return }
        let beta: Float = 0.9, dt: Float = 1e-4
        #expect(tau == [Float](repeating: dt / (1 - beta), count: 128))   // the exporter's τ = dt/(1 − β), in float32
        #expect(r == [Float](repeating: dt / (1 - beta) / dt, count: 128) && threshold[0] == 1 && reset.allSatisfy { $0 == 0 })
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
