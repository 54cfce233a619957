/// Fixed-size, heap-allocated storage for hot loops.
///
/// Swift arrays stored in classes pay exclusivity checks and retain/release on every
/// element access inside a loop (20× slower, measured on this project's machine). A
/// `Buffer` allocates once, exposes a raw pointer for kernels (`let p = buffer.pointer`
/// outside the loop), and frees its memory when released. It is owned by one object;
/// ``copy()`` makes an independent duplicate.
public final class Buffer<Element: BitwiseCopyable> {
    public let pointer: UnsafeMutablePointer<Element>
    public let count: Int

    public init(repeating value: Element, count: Int) {
        precondition(count >= 0)
        self.count = count
        pointer = Self.allocate(count)
        pointer.initialize(repeating: value, count: count)
    }

    /// Storage for `count` elements left unwritten: the system maps the pages of a large
    /// allocation only when they are first written, so a list sized for the worst case that
    /// usually holds a few entries (a write's candidates) costs resident memory only for the
    /// part in use. Every element must be written before it is read.
    public init(uninitializedCount count: Int) {
        precondition(count >= 0)
        self.count = count
        pointer = Self.allocate(count)
    }

    /// 64-byte aligned storage, so kernels may load whole SIMD vectors from row starts.
    static func allocate(_ count: Int) -> UnsafeMutablePointer<Element> {
        let bytes = max(count, 1) * MemoryLayout<Element>.stride
        return UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
            .bindMemory(to: Element.self, capacity: max(count, 1))
    }

    public convenience init(_ values: [Element]) {
        self.init(count: values.count) { i in values[i] }
    }

    public init(count: Int, _ make: (Int) -> Element) {
        self.count = count
        pointer = Self.allocate(count)
        for i in 0..<count { (pointer + i).initialize(to: make(i)) }
    }

    deinit { pointer.deallocate() }

    @inlinable
    public subscript(i: Int) -> Element {
        get { assert(i >= 0 && i < count); return pointer[i] }
        set { assert(i >= 0 && i < count); pointer[i] = newValue }
    }

    public var array: [Element] { Array(UnsafeBufferPointer(start: pointer, count: count)) }

    public func copy() -> Buffer<Element> {
        let b = Buffer(repeating: pointer[0], count: count)
        b.pointer.update(from: pointer, count: count)
        return b
    }

    public func assign(_ values: [Element]) {
        precondition(values.count == count, "buffer size mismatch: \(values.count) vs \(count)")
        values.withUnsafeBufferPointer { pointer.update(from: $0.baseAddress!, count: count) }
    }

    public func fill(_ value: Element) { pointer.update(repeating: value, count: count) }

    public var buffer: UnsafeMutableBufferPointer<Element> { .init(start: pointer, count: count) }
}
