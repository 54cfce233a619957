extension ConfigField {
    /// A number held as `Double` (cost constants span 1e-6…1e3 pJ; kept exact as written).
    public static func double(_ name: String, _ kp: WritableKeyPath<Root, Double>) -> Self {
        .init(name: name, apply: { root, v, path in
            let s = try scalar(v, path)
            guard let x = Double(s.trimmingSpaces), x.isFinite else {
                throw ConfigError.outOfRange(key: path, value: s, allowed: "a finite number")
            }
            root[keyPath: kp] = x
        }, render: { .scalar("\($0[keyPath: kp])") })
    }
}
