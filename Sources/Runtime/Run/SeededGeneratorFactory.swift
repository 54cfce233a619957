import DeviceKit
import KitSupport

/// Builds the project's seeded generator for I/O-side uses (shuffling), on its own stream.
enum SeededGeneratorFactory {
    static func make(seed: UInt64) -> SeededGenerator { SeededGenerator(seed: seed, stream: .shuffle) }
}
