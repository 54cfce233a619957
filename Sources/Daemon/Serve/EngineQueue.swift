import Foundation
import LineProtocol
import NIOConcurrencyHelpers
import Runtime

/// The one engine thread and its bounded request queue. Every source submits here; the
/// thread takes requests in arrival order and answers each through its reply closure, so
/// each client gets its responses in its own order. The queue holds at most `capacity`
/// requests: sources stop reading while they have too many requests in flight, so the queue
/// never grows without bound and nothing is dropped.
public final class EngineQueue: @unchecked Sendable {
    public typealias Reply = @Sendable (String) -> Void
    /// What the engine thread takes from the queue: a request to answer, or a call to run on
    /// the engine (``sync(_:)``).
    enum Item {
        case request(EngineRequest, reply: Reply)
        case call(@Sendable (EngineCore) -> Void)
    }

    let core: EngineCore
    let condition = NSCondition()
    /// Taken items are set to nil at once: a slot left holding its request kept the window's
    /// readings and the reply closure alive until the next compaction (issue #20's memory check).
    var items: [Item?] = []
    var head = 0
    var closed = false
    var finished = false
    let capacity: Int
    private var thread: Thread?
    private let done = NSCondition()
    private var stopped = false

    public init(core: EngineCore, capacity: Int = 4096) {
        self.core = core
        self.capacity = capacity
    }

    /// Requests waiting (for the metrics endpoint).
    public var depth: Int {
        condition.lock()
        defer { condition.unlock() }
        return items.count - head
    }

    /// Starts the engine thread.
    public func start() {
        let t = Thread { [self] in loop() }
        t.name = "spikebar-engine"
        t.stackSize = 8 << 20
        thread = t
        t.start()
    }

    /// Queues a request. Returns false once the queue is closed (shutting down).
    @discardableResult
    public func submit(_ request: EngineRequest, reply: @escaping Reply) -> Bool {
        enqueue(.request(request, reply: reply))
    }

    /// Appends `item` unless the queue is closed.
    private func enqueue(_ item: Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !closed else { return false }
        items.append(item)
        condition.signal()
        return true
    }

    /// Runs `body` on the engine thread, after everything queued before it (checkpoints,
    /// stats for the metrics endpoint), and waits for it.
    public func sync<T: Sendable>(_ body: @escaping @Sendable (EngineCore) -> T) -> T? {
        let box = NIOLockedValueBox<T?>(nil)
        let ready = ConditionLock(value: 0)
        let ok = enqueue(.call { core in
            box.withLockedValue { $0 = body(core) }
            ready.lock()
            ready.unlock(withValue: 1)
        })
        guard ok else { return nil }
        ready.lock(whenValue: 1)
        ready.unlock()
        return box.withLockedValue { $0 }
    }

    /// Stops accepting, answers everything already queued, then returns.
    public func drainAndStop() {
        condition.lock()
        closed = true
        condition.signal()
        condition.unlock()
        done.lock()
        while !stopped { done.wait() }
        done.unlock()
    }

    private func loop() {
        while true {
            condition.lock()
            while head == items.count && !closed { condition.wait() }
            if head == items.count {
                condition.unlock()
                break  // closed and drained
            }
            let item = items[head]!
            items[head] = nil
            head += 1
            if head > 1024 && head * 2 > items.count {
                items.removeFirst(head)
                head = 0
            }
            condition.unlock()
            switch item {
            case let .request(request, reply): reply(core.handle(request))
            case let .call(body): body(core)
            }
        }
        done.lock()
        stopped = true
        done.broadcast()
        done.unlock()
    }
}
