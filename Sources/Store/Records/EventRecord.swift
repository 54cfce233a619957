import Foundation
import GRDB
import LineProtocol

/// What an `event` row reports.
public enum EventKind: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    /// A run started or resumed (detail: input, resumedFromSample when resuming).
    case start
    /// A run ended (detail: status, samples).
    case stop
    /// Devices failed during a sample (detail: failures, failedDevices).
    case deviceFailure
    /// An input line was rejected (detail: line, reason).
    case badInput
    /// A continual-learning task boundary (detail: task).
    case taskBoundary
    /// A checkpoint worth noting beyond the `checkpoint` table (detail: reason).
    case checkpoint
    /// An error the run survived or died of (detail: message), e.g. a failed flush.
    case error
    /// The lifetime controller changed a tile's regime (detail: layer, tileRow, tileCol,
    /// regime — free, throttled or floor — writeScale, projectedSeconds).
    case lifetime
}

/// One row of `event`: something that happened at one sample of a run.
public struct EventRecord: Codable, Equatable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "event"

    public var id: Int64?
    public var runId: Int64
    /// Samples processed when it happened (the sample number of the next sample), samples.
    public var sample: Int
    public var kind: EventKind
    /// Details as a JSON object (keys depend on `kind`).
    public var detailJSON: String
    /// Wall-clock time, UTC.
    public var createdAt: Date

    public init(id: Int64? = nil, runId: Int64, sample: Int, kind: EventKind, detailJSON: String = "{}",
                createdAt: Date = Date()) {
        self.id = id
        self.runId = runId
        self.sample = sample
        self.kind = kind
        self.detailJSON = detailJSON
        self.createdAt = createdAt
    }

    /// Builds the detail JSON from string and number values (keys sorted).
    public static func detail(_ fields: [String: DetailValue]) -> String {
        sortedJSON(fields, escapingSlashes: false)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public enum Columns {
        public static let runId = Column(CodingKeys.runId)
        public static let kind = Column(CodingKeys.kind)
        public static let sample = Column(CodingKeys.sample)
    }
}

/// A value in an event's detail JSON.
public enum DetailValue: Sendable, Equatable, Encodable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case string(String)
    case int(Int)
    case double(Double)

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case let .string(s): try c.encode(s)
        case let .int(i): try c.encode(i)
        case let .double(d): if d.isFinite { try c.encode(d) } else { try c.encodeNil() }
        }
    }
}
