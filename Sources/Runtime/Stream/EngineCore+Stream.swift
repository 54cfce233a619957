import LineProtocol
import SpikingKit

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
