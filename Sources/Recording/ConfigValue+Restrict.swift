import KitSupport

extension ConfigValue {
    /// This document with every mapping key that `other` lacks at the same place removed
    /// (recursively through mappings; lists and scalars are kept as they are). A run's
    /// snapshot written before a key existed is compared with today's rendering this way:
    /// the new key took its default when the snapshot was applied, and a new key's default
    /// changes nothing by the house rule ("without the key nothing changes").
    func restricted(to other: ConfigValue) -> ConfigValue {
        guard case let .map(mine) = self, case let .map(theirs) = other else { return self }
        return .map(mine.compactMap { entry in
            theirs.first { $0.key == entry.key }.map { ConfigEntry(entry.key, entry.value.restricted(to: $0.value)) }
        })
    }
}
