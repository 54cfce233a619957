import DeviceKit
import KitSupport

/// Per-byte energies of the memories a continual strategy keeps beside the array (a replay
/// buffer in on-chip SRAM or off-chip DRAM). Horowitz (ISSCC 2014, 45 nm) gives per 64-bit
/// access: 8 KB SRAM 10 pJ, 32 KB SRAM 20 pJ, 1 MB SRAM 100 pJ, DRAM 1.3–2.6 nJ.
/// ```
/// buffer energy = readBytes·E_read + writtenBytes·E_write      (of the buffer's memory)
/// ```
public struct MemoryEnergies: Equatable, Sendable {
    /// SRAM read, pJ per byte: Horowitz's 20 pJ per 64-bit read of a 32 KB SRAM, /8 (a replay
    /// buffer of a few hundred small samples is tens of kilobytes).
    public var sramReadPicojoulesPerByte: Double = 20.0 / 8
    /// SRAM write, pJ per byte. *[assumption]*: equal to a read (Horowitz gives reads only).
    public var sramWritePicojoulesPerByte: Double = 20.0 / 8
    /// DRAM read, pJ per byte: the low end of Horowitz's 1.3–2.6 nJ per 64-bit access, /8.
    public var dramReadPicojoulesPerByte: Double = 1300.0 / 8
    /// DRAM write, pJ per byte. *[assumption]*: equal to a read.
    public var dramWritePicojoulesPerByte: Double = 1300.0 / 8

    public init() {}

    /// Read and write energies, pJ per byte, of SRAM (`dram` false) or DRAM.
    public func perByte(dram: Bool) -> (read: Double, write: Double) {
        dram ? (dramReadPicojoulesPerByte, dramWritePicojoulesPerByte) : (sramReadPicojoulesPerByte, sramWritePicojoulesPerByte)
    }
}

extension MemoryEnergies: Configurable {
    public static var schema: [ConfigField<Self>] {
        [
            .double("sramReadPicojoulesPerByte", \.sramReadPicojoulesPerByte),
            .double("sramWritePicojoulesPerByte", \.sramWritePicojoulesPerByte),
            .double("dramReadPicojoulesPerByte", \.dramReadPicojoulesPerByte),
            .double("dramWritePicojoulesPerByte", \.dramWritePicojoulesPerByte),
        ]
    }
    public func validate(at path: String) throws {
        for (v, n) in [(sramReadPicojoulesPerByte, "sramReadPicojoulesPerByte"), (sramWritePicojoulesPerByte, "sramWritePicojoulesPerByte"),
                       (dramReadPicojoulesPerByte, "dramReadPicojoulesPerByte"), (dramWritePicojoulesPerByte, "dramWritePicojoulesPerByte")] {
            try Validate.nonNegative(v, ConfigKey.join(path, n))
        }
    }
}
