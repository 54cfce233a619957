import LineProtocol
import Runtime
import Synchronization

/// The engine's one isolation domain and its request stream. Every source submits here (from
/// its event loop); ``run()`` takes the requests in arrival order, one at a time, and answers
/// each through its reply closure, so each client gets its responses in its own order. The
/// ``EngineCore`` (and through it the learner, its kits and the observers) is handed over
/// at construction, moved into ``run()`` and touched by nothing else: it needs no locks and
/// no `Sendable` conformance. The stream itself is unbounded, but every source stops reading
/// while it has `maxInFlightPerClient` requests unanswered, so it never grows without bound
/// and nothing is dropped. ``finish()`` closes it: later submissions are refused, what is
/// queued is still answered, then ``run()`` tells the observers the engine stopped (the
/// recorder's final checkpoint) and returns.
public final class EngineQueue: Sendable {
    public typealias Reply = @Sendable (String) -> Void
    /// What the engine takes from the stream: a request to answer, or a call to run on the
    /// engine (``sync(_:)``).
    enum Item: Sendable {
        case request(EngineRequest, reply: Reply)
        case call(@Sendable (EngineCore) -> Void)
    }

    let items: AsyncStream<Item>
    let continuation: AsyncStream<Item>.Continuation
    /// The engine until ``run()`` takes it (once).
    let core: Mutex<EngineCore?>
    let waiting = Atomic<Int>(0)
    let answeredCount = Atomic<Int>(0)

    public init(core: sending EngineCore) {
        (items, continuation) = AsyncStream<Item>.makeStream()
        self.core = Mutex(core)
    }

    /// Requests waiting (for the metrics endpoint).
    public var depth: Int { max(waiting.load(ordering: .relaxed), 0) }

    /// Requests answered so far.
    public var answered: Int { answeredCount.load(ordering: .acquiring) }

    /// Queues a request. Returns false once the queue is closed (shutting down).
    @discardableResult
    public func submit(_ request: EngineRequest, reply: @escaping Reply) -> Bool {
        enqueue(.request(request, reply: reply))
    }

    private func enqueue(_ item: Item) -> Bool {
        waiting.add(1, ordering: .relaxed)
        if case .terminated = continuation.yield(item) {
            waiting.subtract(1, ordering: .relaxed)
            return false
        }
        return true
    }

    /// Runs `body` on the engine, after everything queued before it (stats for the metrics
    /// endpoint), and returns its result; nil once the queue is closed.
    public func sync<T: Sendable>(_ body: @escaping @Sendable (EngineCore) -> T) async -> T? {
        await withCheckedContinuation { (result: CheckedContinuation<T?, Never>) in
            if !enqueue(.call { result.resume(returning: body($0)) }) { result.resume(returning: nil) }
        }
    }

    /// Answers requests until ``finish()`` and the stream is drained, then tells the
    /// observers the engine stopped. Called once, by the engine service.
    public func run() async {
        guard let core = core.withLock({ $0.take() }) else { preconditionFailure("EngineQueue.run() called twice") }
        for await item in items {
            waiting.subtract(1, ordering: .relaxed)
            switch item {
            case let .request(request, reply):
                let response = core.handle(request)
                answeredCount.add(1, ordering: .releasing)
                reply(response)
            case let .call(body): body(core)
            }
        }
        core.stop()
    }

    /// Stops accepting; ``run()`` answers what is queued and returns.
    public func finish() { continuation.finish() }
}
