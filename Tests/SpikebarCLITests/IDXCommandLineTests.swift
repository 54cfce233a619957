import AppTestSupport
import Foundation
import Testing

/// `spikebar run` on IDX input: bad files are one error line and exit 2.
@Suite struct IDXCommandLineTests {
    static func idx(_ dims: [Int], _ values: [UInt8], magic: [UInt8]? = nil) -> Data {
        var b: [UInt8] = magic ?? [0, 0, 8, UInt8(dims.count)]
        for d in dims { b += [0, 0, UInt8(d >> 8), UInt8(d & 0xFF)] }
        return Data(b + values)
    }

    @Test func badIDXInputIsOneLineAndExitTwo() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let images = Self.idx([4, 2, 2], [UInt8](repeating: 9, count: 16))
        try images.write(to: dir.url.appendingPathComponent("train-images-idx3-ubyte"))
        try Self.idx([4], [0, 1, 2, 1]).write(to: dir.url.appendingPathComponent("train-labels-idx1-ubyte"))
        try Self.idx([3], [0, 1, 2]).write(to: dir.url.appendingPathComponent("three-labels"))
        try images.prefix(images.count - 1).write(to: dir.url.appendingPathComponent("cut-images"))
        try Self.idx([4], [0, 1, 2, 1], magic: [0, 0, 9, 1]).write(to: dir.url.appendingPathComponent("signed-labels"))
        let ok = try SpikebarProcess.run(["run", "--input", "idx:\(dir.url.path)", "--no-progress", "--db", "none",
                                          "--configs", Repo.configs] + CommandLineTests.small, in: dir)
        #expect(ok.status == 0, "\(ok.stderr)")
        let cases: [(String, String)] = [
            ("idx:\(dir.path("train-images-idx3-ubyte")),\(dir.path("three-labels"))",
             "IDX file '\(dir.path("three-labels"))': 3 labels for the 4 images of \(dir.path("train-images-idx3-ubyte"))"),
            ("idx:\(dir.path("cut-images")),\(dir.path("train-labels-idx1-ubyte"))",
             "IDX file '\(dir.path("cut-images"))': truncated: the header promises 4×2×2 = 16 bytes of data, the file holds 15"),
            ("idx:\(dir.path("train-images-idx3-ubyte")),\(dir.path("signed-labels"))",
             "IDX file '\(dir.path("signed-labels"))': magic number 0x00000901: data type 0x9 is not unsigned bytes (0x08), the only type Spikebar reads"),
            ("idx:\(dir.path("t10k"))",
             "cannot read '\(dir.path("t10k-images-idx3-ubyte"))': missing (nor t10k-images-idx3-ubyte.gz) for IDX input idx:\(dir.path("t10k"))"),
        ]
        for (input, message) in cases {
            let r = try SpikebarProcess.run(["run", "--input", input, "--no-progress", "--db", "none", "--configs", Repo.configs], in: dir)
            #expect(r.status == 2)
            #expect(r.stderr == "spikebar: error: \(message)\n")
        }
    }
}
