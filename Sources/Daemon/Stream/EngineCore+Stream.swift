import Datasets
import SpikingKit

/// What a reading stream asks of the engine (its readings never reach it one by one).
public enum StreamRequest: Sendable {
    /// A window to predict, score and (if labelled and learning) learn, answered with its line.
    case window(StreamWindow)
    /// A label event: answered `{"seq":null,"id":…,"ok":true,"label":2}`; the stream has
    /// already applied it to the readings that follow.
    case labelSet(Int?, id: String?)
}

extension EngineCore {
    func stream(_ request: StreamRequest) -> String {
        switch request {
        case let .window(w):
            return sample(w.sample, window: w)
        case let .labelSet(label, id):
            return Responses.ok(id: id, [("label", label.map { .number(Double($0), isInteger: true) } ?? .null)])
        }
    }
}
