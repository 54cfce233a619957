/// One input to the network: a static feature vector or a temporal sequence of frames.
///
/// Values are stored flat. A static sample has `frameCount == 1`; a temporal sample has
/// `frameCount` frames of `channels` values each, frame-major (`values[t·channels + c]`).
public struct Sample: Equatable, Sendable {
    public var values: [Float]
    public var channels: Int
    public var frameCount: Int
    /// Class label (0-based), or nil for an unlabelled sample (inference only).
    public var label: Int?
    /// Continual-learning task tag.
    public var task: Int?
    /// Client id echoed back in responses.
    public var id: String?
    /// Whether this sample is temporal (one time step per frame).
    public var isTemporal: Bool
    /// The line of the file it came from (1-based), for error messages.
    public var line: Int?

    /// A static sample.
    public init(features: [Float], label: Int? = nil, task: Int? = nil, id: String? = nil) {
        values = features
        channels = features.count
        frameCount = 1
        self.label = label
        self.task = task
        self.id = id
        isTemporal = false
    }

    /// A temporal sample from frames (each frame one time step, all of equal width).
    public init(frames: [[Float]], label: Int? = nil, task: Int? = nil, id: String? = nil) {
        channels = frames.first?.count ?? 0
        frameCount = frames.count
        values = frames.flatMap { $0 }
        self.label = label
        self.task = task
        self.id = id
        isTemporal = true
    }

    /// A temporal sample from a flattened channel-major row (`row[c·L + t]`, as the UEA
    /// archive and our CSV files store them): `channels` channels × `L = row.count/channels`
    /// frames. Trailing NaN values (padding of shorter series) are dropped, in whole frames.
    public init?(channelMajor row: [Float], channels: Int, label: Int? = nil, task: Int? = nil, id: String? = nil) {
        guard channels > 0, row.count % channels == 0 else { return nil }
        let length = row.count / channels
        var valid = length
        while valid > 0 {
            var anyNaN = false
            for c in 0..<channels where row[c * length + valid - 1].isNaN { anyNaN = true; break }
            if !anyNaN { break }
            valid -= 1
        }
        guard valid > 0 else { return nil }
        var v = [Float](repeating: 0, count: valid * channels)
        for t in 0..<valid {
            for c in 0..<channels { v[t * channels + c] = row[c * length + t] }
        }
        values = v
        self.channels = channels
        frameCount = valid
        self.label = label
        self.task = task
        self.id = id
        isTemporal = true
    }

    /// The width of one frame (input values per time step).
    public var width: Int { channels }
}
