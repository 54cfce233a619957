// Settings: configuration files (Foundation and Yams). It owns YAML loading, the device and
// cost presets of Configs/, `--set` overrides, the resolved run configuration (`RunConfig`,
// `ResolvedConfig`) and its YAML snapshot. Defaults live in the kits' Swift types; files only
// override them, and every bad key is a `ConfigError`. (Named Settings, not Configuration,
// which is the module of Apple's swift-configuration.)
