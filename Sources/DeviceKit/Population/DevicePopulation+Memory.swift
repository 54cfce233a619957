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
    /// reflection, so a buffer added later is counted too), each once (``apparent`` may be
    /// ``weight`` itself).
    public var storageBytes: Int {
        var seen = Set<ObjectIdentifier>()
        var total = 0
        for child in Mirror(reflecting: self).children {
            guard let s = child.value as? any StorageSized & AnyObject, seen.insert(ObjectIdentifier(s)).inserted else { continue }
            total += s.storageBytes
        }
        return total
    }

    /// ``storageBytes`` per device.
    public var bytesPerDevice: Double { count == 0 ? 0 : Double(storageBytes) / Double(count) }
}
