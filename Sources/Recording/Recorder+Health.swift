import LineProtocol

/// Whether recording keeps up (issue #15, disk full): the daemon's `/status`, `/metrics` and
/// `stats` show a failing flush — the rows held in memory for the next attempt and the
/// error — until a write succeeds again.
extension Recorder {
    /// Rows waiting in memory because a write failed (0 when everything is written).
    public var heldRows: Int { writer?.heldRows ?? 0 }

    /// The current write error (nil while writes succeed).
    public var recordingError: String? { writer?.failure.map { "\($0)" } }

    /// The stats fields: `recordingHeldRows` (a number) and `recordingError` (text or null).
    var healthFields: [(String, JSONValue)] {
        [("recordingHeldRows", .number(Double(heldRows), isInteger: true)),
         ("recordingError", recordingError.map(JSONValue.string) ?? .null)]
    }
}
