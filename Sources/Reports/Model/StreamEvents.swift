/// Failed devices at one point of the stream.
public struct FailurePoint: Sendable, Codable, Equatable {
    /// Index of the last sample processed, 1-based.
    public var sample: Int
    /// Devices failed so far, whole chip (including those stuck from the start).
    public var failedDevices: Int

    public init(sample: Int, failedDevices: Int) {
        self.sample = sample
        self.failedDevices = failedDevices
    }
}

/// The mean effective conductance window at one point of the stream (DESIGN §4.3: the
/// window closes as a power law after the onset of wear).
public struct WindowClosurePoint: Sendable, Codable, Equatable {
    public var sample: Int
    /// Mean over all devices of `(Gmax_eff − Gmin_eff) / (Gmax − Gmin)`: 1 when fresh,
    /// 0 when closed.
    public var meanEffectiveWindow: Double

    public init(sample: Int, meanEffectiveWindow: Double) {
        self.sample = sample
        self.meanEffectiveWindow = meanEffectiveWindow
    }
}

/// A discrete event of the run (an `event` row).
public struct ReportEvent: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// One or more devices failed.
        case failure
        /// A new task of a continual-learning stream started.
        case taskBoundary
        /// A checkpoint was written.
        case checkpoint
        /// A bad input line or other recoverable error.
        case error
    }

    /// Index of the sample at which the event happened, 1-based.
    public var sample: Int
    public var kind: Kind
    /// Free text: `device 17 of hidden 1`, `task 2`, the error message.
    public var detail: String

    public init(sample: Int, kind: Kind, detail: String) {
        self.sample = sample
        self.kind = kind
        self.detail = detail
    }
}
