import CrossbarKit
import DeviceKit

/// What the network said about one sample.
public struct Prediction: Equatable, Sendable {
    /// argmax of the time-mean readout.
    public var label: Int
    /// Softmax probability of that class.
    public var confidence: Float
    /// Hidden spikes emitted (all layers, all steps).
    public var spikes: Int
    public var timesteps: Int
}

extension SpikingNetwork {
    /// Runs one sample through the network, time step by time step (DESIGN §2). When
    /// `target` is given, accumulates the e-prop/DFA gradients toward it (DESIGN §5) into
    /// the layers' gradient buffers; nothing is written to the devices here (see
    /// ``commit(counts:timeSeconds:random:)``), so the prediction never depends on the label.
    ///
    /// `continuing` (a reading stream in `carry` state): the membranes, spikes and readout
    /// go on from where the previous call left them; only the learning traces and the
    /// readout's time-mean start afresh.
    ///
    /// Allocation-free: every buffer is owned by the network and reused.
    public func run(_ sample: Sample, encoder: InputEncoder, target: Int?,
                    random: inout NetworkRandom, counts: inout OperationCounts, continuing: Bool = false) -> Prediction {
        let staticInput = encoder.isStatic(sample)
        // A static input's hidden eligibility factorizes (§5.1) unless the first layer's
        // neurons have their own dynamics; its first read is reused either way.
        let factorized = staticInput && !(hidden.first.map { $0.dynamics != nil } ?? false)
        resetSample(clearEligibility: target != nil && learning.filterEligibility, staticInput: factorized,
                    learning: target != nil, continuing: continuing)
        let steps = encoder.steps(for: sample, timesteps: config.timesteps)
        let learn = target != nil
        // A hidden layer with η = 0 is a fixed random layer: it needs no traces.
        let learnHidden = learn && learning.learningRate > 0
        let windowed = config.readoutMode != .every
        let windowStart = windowed ? windowStart(steps: steps) : 0
        let alpha = learning.traceDecay > 0 ? learning.traceDecay : config.leak
        let kappa = config.readoutLeak
        let classes = self.classes
        let inPtr = input.pointer
        var staticTrace: Float = 0
        var firstCharge = ReadCharge()
        var firstSynapses: (operations: Int, binary: Bool)? = nil
        var spikes = 0
        var bench = NeuroBenchCounts()   // NeuroBench's workload counts of this pass
        let outLayer = layers[layers.count - 1]
        let y = readout.y.pointer, ySum = readout.ySum.pointer, cur = readout.current.pointer

        for t in 0..<steps {
            if !(staticInput && t > 0) { encoder.encode(step: t, into: inPtr, rng: &random.encoding) }
            counts.delayLineAccesses += encoder.delayLineAccessesPerStep
            var layerInput = UnsafePointer(inPtr)
            var graded = encoder.isGraded
            var list: UnsafePointer<Int32>? = nil
            var listCount = 0
            for l in 0..<hidden.count {
                let xb = layers[inputCrossbar[l]], h = hidden[l]
                if l == 0 && staticInput {   // the same input and weights every step of the sample
                    countRead(xb, input: layerInput, spikeList: list, spikeCount: listCount, into: &bench,
                              reusing: &firstSynapses)
                } else {
                    countRead(xb, input: layerInput, spikeList: list, spikeCount: listCount, into: &bench)
                }
                let charge = accumulate(xb, layer: l, step: t, staticInput: staticInput, input: layerInput,
                                        graded: graded, spikeList: list, spikeCount: listCount, first: &firstCharge)
                let conversions = xb.convert(into: h.current.pointer, rng: &random.readNoise)
                counts.charge(charge, conversions: conversions, colTiles: xb.colTiles)
                if let rec = recurrent[l] {
                    bench.read(rec.crossbar.effectiveSynapses(input: h.output.pointer, spikeList: h.spikeList.pointer,
                                                              spikeCount: h.spikeCount, weightRows: h.size),
                               dense: h.size * h.size)
                    rec.read(into: h, learning: learn, rng: &random.readNoise, counts: &counts)
                }
                if t > 0 { h.rememberPotentials() }
                let fired = h.step(leak: config.leak, threshold: config.threshold, reset: config.reset,
                                   membraneBits: config.membraneBits, pseudoGain: learning.pseudoDerivativeGain,
                                   learning: learnHidden)
                spikes += fired
                counts.neuronUpdates += Double(h.size)
                bench.membraneUpdates &+= t > 0 ? h.changedPotentials() : h.size
                bench.neuronSteps &+= h.size
                bench.spikes &+= fired
                bench.activations &+= h.size
                if learnHidden {
                    counts.traceUpdates += Double(h.size)   // pseudo-derivatives ψ, computed in the step
                    if l == 0 && factorized {
                        staticTrace = alpha * staticTrace + 1
                    } else if !usesGeneralTraces(l) {   // SynapseTraces advance their own (accumulateGradients)
                        let z = h.inputTrace.pointer
                        for r in 0..<xb.rows { z[r] = alpha * z[r] + layerInput[r] }
                        counts.traceUpdates += Double(xb.rows)
                    }
                }
                layerInput = UnsafePointer(h.output.pointer)
                graded = false
                list = UnsafePointer(h.spikeList.pointer)
                listCount = h.spikeCount
            }
            if windowed {   // the readout reads once, after the window (windowScores)
                accumulateWindow(inWindow: t >= windowStart, learn: learn, readoutInput: layerInput,
                                 staticInput: factorized, staticTrace: staticTrace, counts: &counts)
                continue
            }
            countRead(outLayer, input: layerInput, spikeList: list, spikeCount: listCount, into: &bench)
            let charge = accumulate(outLayer, layer: hidden.count, step: t, staticInput: staticInput, input: layerInput,
                                    graded: graded, spikeList: list, spikeCount: listCount, first: &firstCharge)
            let conversions = outLayer.convert(into: cur, rng: &random.readNoise)
            counts.charge(charge, conversions: conversions, colTiles: outLayer.colTiles)
            var changed = 0
            for k in 0..<classes {
                let next = kappa * y[k] + cur[k]
                changed &+= next != y[k] ? 1 : 0
                y[k] = next
                ySum[k] += next
            }
            counts.neuronUpdates += Double(classes)
            bench.membraneUpdates &+= t > 0 ? changed : classes
            bench.neuronSteps &+= classes
            bench.activations &+= classes   // NeuroBench hooks the readout too: outputs that never spike
            if let target {
                accumulateGradients(step: t, target: target, readoutInput: layerInput,
                                    staticInput: factorized, staticTrace: staticTrace, counts: &counts)
            }
        }
        counts.timesteps += Double(steps)
        if windowed {
            windowScores(count: steps - windowStart, random: &random, counts: &counts)
            countRead(outLayer, input: readout.features.pointer, spikeList: nil, spikeCount: 0, into: &bench)
            bench.membraneUpdates &+= classes   // one integration of the window's features
            bench.neuronSteps &+= classes
            bench.activations &+= classes
        }
        bench.samples = 1
        bench.timesteps = steps
        neuroBench += bench
        if let target, windowed {
            finishWindowGradients(target: target, count: steps - windowStart, staticInput: factorized, counts: &counts)
        }
        if learnHidden && factorized && !hidden.isEmpty { finishStaticGradient(counts: &counts) }
        if learn { readout.foldGradient() }

        let p = probabilities.pointer
        if !windowed { for k in 0..<classes { p[k] = ySum[k] / Float(steps) } }
        if let gain = logitGain { for k in 0..<classes { p[k] *= gain[k] } }
        softmax(p, count: classes, into: p)
        let best = argmax(p, count: classes)
        return Prediction(label: best, confidence: p[best], spikes: spikes, timesteps: steps)
    }

    /// Accumulates crossbar layer `layer` (0 = the one reading the encoder). A static input
    /// gives that first layer the same input every step, so after step 0 its first read
    /// (kept in `first`) is reused; ``CrossbarLayer/convert(into:rng:)`` still draws fresh
    /// read noise each step.
    @inline(__always)
    func accumulate(_ xb: CrossbarLayer, layer: Int, step: Int, staticInput: Bool, input: UnsafePointer<Float>,
                    graded: Bool, spikeList: UnsafePointer<Int32>?, spikeCount: Int,
                    first: inout ReadCharge) -> ReadCharge {
        if layer == 0 && staticInput && step > 0 { return first }
        let charge = xb.accumulate(input, graded: graded, spikeList: spikeList, spikeCount: spikeCount)
        if layer == 0 { first = charge }
        return charge
    }
}
