// Daemon: `spikebar serve`, and nothing else (SwiftNIO, service-lifecycle). It owns the
// ingest side (stdin, Unix-socket and TCP listeners, the NIO line decoder, connection
// handlers), the engine queue that confines Runtime's `EngineCore` to one thread, the
// metrics/status HTTP server, the log file handler and the wiring of one serve run
// (`DaemonServices`).
