import Logging
import ServiceLifecycle

/// Runs the engine; on graceful shutdown (after ingest has stopped reading) closes its queue,
/// awaits the answer to every accepted line and the final checkpoint, then closes each
/// client once its last answer has been written, and returns.
struct EngineService: Service {
    let engine: EngineQueue
    let listeners: Listeners
    let logger: Logger

    func run() async throws {
        async let answering: Void = engine.run()
        try? await gracefulShutdown()
        engine.finish()
        await answering
        await listeners.closeClients()
        logger.info("engine stopped: every accepted line answered")
    }
}
