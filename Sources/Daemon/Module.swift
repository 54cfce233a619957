// Daemon: `spikebar serve`, and nothing else (SwiftNIO, service-lifecycle). It owns the
// ingest side (stdin, Unix-socket and TCP listeners, the NIO line decoder, connection
// handlers), the engine queue whose one async run loop owns Runtime's `EngineCore`, the
// metrics/status HTTP server, the log file handler and the wiring of one serve run
// (`DaemonServices`).
