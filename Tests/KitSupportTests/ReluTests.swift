import KitSupport
import Testing

@Suite("Vector bit helpers")
struct ReluTests {
    @Test("relu is max(x, 0) lane by lane, for either zero, both signs and the extremes")
    func reluLanes() {
        let x = SIMD8<Float>(-3.5, -0.0, 0, 1e-30, -1e-30, 7, -Float.greatestFiniteMagnitude, .infinity)
        let y = relu(x)
        for l in 0..<8 { #expect(y[l] == max(x[l], 0) && y[l].sign == .plus, "lane \(l)") }
    }
}
