import KitSupport

/// Something that owns heap storage of a known size.
public protocol StorageSized {
    /// Bytes of heap storage held.
    var storageBytes: Int { get }
}

extension Buffer: StorageSized {
    public var storageBytes: Int { count * MemoryLayout<Element>.stride }
}

extension DevicePopulation {
    /// Bytes of per-device storage of the whole population: every buffer it holds (found by
    /// reflection, so a buffer added later is counted too).
    public var storageBytes: Int {
        Mirror(reflecting: self).children.reduce(0) { $0 + (($1.value as? StorageSized)?.storageBytes ?? 0) }
    }

    /// ``storageBytes`` per device.
    public var bytesPerDevice: Double { count == 0 ? 0 : Double(storageBytes) / Double(count) }
}
