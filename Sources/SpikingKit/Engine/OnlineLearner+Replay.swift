import CrossbarKit
import DeviceKit
import KitSupport

extension OnlineLearner {
    /// Learns one replayed sample: a full forward pass toward its label and a write, exactly as
    /// a new sample is learned, but the encoder's running statistics are left alone (the sample
    /// was already observed) and the emulated clock does not advance. Its operations are
    /// added to `counts` (the new sample's), so replay's extra passes and pulses are priced.
    func replay(_ sample: Sample, label: Int, counts: inout OperationCounts, time: Float) {
        network.classMask?[label] = 1
        encoder.begin(sample, learn: false)
        _ = network.run(sample, encoder: encoder, target: label, random: &random, counts: &counts)
        write(counts: &counts, time: time)
    }
}
