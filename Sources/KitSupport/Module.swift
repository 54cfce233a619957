// KitSupport: the pure support drawer under the kits (stdlib and RealModule only, no
// Foundation, no I/O). It owns raw numeric storage (`Buffer`), seeded random streams
// (`SeededGenerator`, `RandomStream`, the Ziggurat Gaussian), bit-exact state coding for
// checkpoints (`StateCoding`), fast float approximations (`FastMath`) and the configuration
// schema every kit declares its keys with (`ConfigSchema`, `ConfigField`, `ConfigValue`,
// `ConfigKey`, `ConfigError`, `Validate`). Nothing here knows about devices or networks.
