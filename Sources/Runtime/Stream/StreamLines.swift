import Settings
import Datasets
import LineProtocol
import Foundation
import SpikingKit

/// The lines of a reading-stream input (a file, stdin, or a bundled dataset's file), read in
/// chunks: memory stays bounded however long the stream.
enum StreamLines {
    /// Calls `body` with each line's bytes and its 1-based number.
    static func forEach(_ input: InputSource, _ body: (ArraySlice<UInt8>, Int) throws -> Void) throws {
        let handle: FileHandle
        switch input {
        case .stdin: handle = FileHandle.standardInput
        case let .file(path):
            guard let h = FileHandle(forReadingAtPath: path) else {
                throw DatasetError.unreadable(path: path, reason: "cannot open the file")
            }
            handle = h
        case let .bundled(b):
            throw DatasetError.unreadable(path: b.rawValue, reason: "bundled datasets hold whole samples; play them as readings with 'spikebar play --input \(b.rawValue)'")
        case let .idx(spec):
            throw DatasetError.unreadable(path: "idx:\(spec)", reason: "IDX files hold whole images, not a stream of readings")
        }
        defer { if input != .stdin { try? handle.close() } }
        var pending: [UInt8] = []
        var number = 0
        while true {
            let chunk = handle.readData(ofLength: 1 << 16)
            if chunk.isEmpty { break }
            pending.append(contentsOf: chunk)
            var start = pending.startIndex
            while let nl = pending[start...].firstIndex(of: 10) {
                number += 1
                try body(pending[start..<nl], number)
                start = nl + 1
            }
            pending.removeSubrange(..<start)
        }
        if !pending.isEmpty {
            number += 1
            try body(pending[...], number)
        }
    }

    /// Values per reading: the configured input width, else the first reading's.
    static func channels(of input: InputSource, config: ResolvedConfig) throws -> Int {
        let layers = config.run.engine.network.layers
        let delta = config.run.engine.encoder.encoding == .delta
        if let inputs = layers.first, inputs > 0 { return delta ? inputs / 2 : inputs }
        guard input != .stdin else {
            throw DatasetError.unreadable(path: "stdin", reason: "a reading stream on stdin needs its channels: set network.layers, e.g. --set network.layers=12,256,4 (delta: 2 lines per channel)")
        }
        let decoder = ReadingLineDecoder()
        var width: Int?
        struct Found: Error {}
        do {
            try forEach(input) { bytes, number in
                if case .reading = try? decoder.decode(bytes, lineNumber: number) {
                    width = decoder.values.count
                    throw Found()
                }
            }
        } catch is Found {}
        guard let width else { throw DatasetError.badLine(source: input.description, line: 1, reason: "no readings in the input") }
        return width
    }
}
