/// Energy and pulses per window of samples (the `energyWindow` rows), split by component.
///
/// Components are named by the cost model (for example `crossbar read`, `ADC`, `DAC`,
/// `neuron`, `learning logic`, `write`); the order of ``components`` is the order of the
/// stacks in charts and of the columns in CSV.
public struct EnergySeries: Sendable, Codable, Equatable {
    /// Component names, in display order.
    public var components: [String]
    /// Windows, oldest first.
    public var windows: [EnergyWindow]

    public init(components: [String], windows: [EnergyWindow]) {
        self.components = components
        self.windows = windows
    }

    /// Samples covered by all windows.
    public var samples: Int { windows.reduce(0) { $0 + $1.samples } }

    /// Energy of each component summed over the run, picojoules (per-sample energy ×
    /// samples of each window), aligned with ``components``.
    public var totalPicojoules: [Double] {
        var totals = [Double](repeating: 0, count: components.count)
        for w in windows {
            for (k, e) in w.perSamplePicojoules.enumerated() where k < totals.count {
                totals[k] += e * Double(w.samples)
            }
        }
        return totals
    }

    /// Mean energy per sample over the run, picojoules; 0 without samples.
    public var meanPerSamplePicojoules: Double {
        let n = samples
        return n == 0 ? 0 : totalPicojoules.reduce(0, +) / Double(n)
    }

    /// Mean write pulses per sample over the run; 0 without samples.
    public var meanPulsesPerSample: Double {
        let n = samples
        guard n > 0 else { return 0 }
        return windows.reduce(0) { $0 + $1.pulsesPerSample * Double($1.samples) } / Double(n)
    }

    /// Merges consecutive windows so that at most `maxWindows` remain (for bar charts of
    /// long runs). Merged values are sample-weighted means; the merged window ends where its
    /// last member ends. Deterministic: groups are `ceil(count / maxWindows)` windows long.
    public func coarsened(maxWindows: Int) -> EnergySeries {
        precondition(maxWindows > 0)
        guard windows.count > maxWindows else { return self }
        let group = (windows.count + maxWindows - 1) / maxWindows
        var merged: [EnergyWindow] = []
        var start = 0
        while start < windows.count {
            let part = EnergySeries(components: components, windows: Array(windows[start..<min(start + group, windows.count)]))
            let d = Double(max(part.samples, 1))
            merged.append(EnergyWindow(
                sample: part.windows.last!.sample, samples: part.samples,
                perSamplePicojoules: part.totalPicojoules.map { $0 / d }, pulsesPerSample: part.meanPulsesPerSample))
            start += group
        }
        return EnergySeries(components: components, windows: merged)
    }
}

/// One window of the energy series.
public struct EnergyWindow: Sendable, Codable, Equatable {
    /// Index of the window's last sample, 1-based.
    public var sample: Int
    /// Samples in the window.
    public var samples: Int
    /// Mean energy per sample of each component over the window, picojoules, aligned with
    /// ``EnergySeries/components``.
    public var perSamplePicojoules: [Double]
    /// Mean write pulses (SET + RESET, all devices) per sample over the window.
    public var pulsesPerSample: Double

    public init(sample: Int, samples: Int, perSamplePicojoules: [Double], pulsesPerSample: Double) {
        self.sample = sample
        self.samples = samples
        self.perSamplePicojoules = perSamplePicojoules
        self.pulsesPerSample = pulsesPerSample
    }

    /// Energy per sample of component `k` of ``EnergySeries/components``, picojoules; 0 when
    /// the window has no value for it.
    public func perSamplePicojoules(component k: Int) -> Double {
        k < perSamplePicojoules.count ? perSamplePicojoules[k] : 0
    }

    /// Energy per sample, all components, picojoules.
    public var totalPerSamplePicojoules: Double { perSamplePicojoules.reduce(0, +) }
}

/// Throughput and efficiency figures of the emulated chip (DESIGN §3.3); each is `nil`
/// when the cost model did not compute it. One "op" is one multiply-accumulate.
public struct HardwareMetrics: Sendable, Codable, Equatable {
    /// Multiply-accumulates per sample (read path).
    public var opsPerSample: Double?
    /// Latency of one sample (read and write), seconds.
    public var latencyPerSampleSeconds: Double?
    /// Tera-operations per second.
    public var tops: Double?
    /// Tera-operations per second per watt.
    public var topsPerWatt: Double?
    /// Tera-operations per second per square millimetre.
    public var topsPerSquareMillimetre: Double?

    public init(
        opsPerSample: Double? = nil, latencyPerSampleSeconds: Double? = nil, tops: Double? = nil,
        topsPerWatt: Double? = nil, topsPerSquareMillimetre: Double? = nil
    ) {
        self.opsPerSample = opsPerSample
        self.latencyPerSampleSeconds = latencyPerSampleSeconds
        self.tops = tops
        self.topsPerWatt = topsPerWatt
        self.topsPerSquareMillimetre = topsPerSquareMillimetre
    }
}
