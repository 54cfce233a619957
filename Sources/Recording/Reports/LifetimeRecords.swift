import Reports
import SpikingKit
import Store

/// Turns a run's `recentWear` and `lifetimeWindow` rows into the report's inputs (issue #18).
enum LifetimeRecords {
    /// `input` with each tile's recent pulses, in ``NetworkWear``'s device order (G⁺ then G⁻
    /// of each synapse), when the rows were taken at the same sample as the input's
    /// checkpoint and match its tiles; else `input` unchanged, with a note.
    static func attachRecent(_ rows: [RecentWearRecord], to input: LifetimeInput, notes: inout [String]) -> LifetimeInput {
        guard !rows.isEmpty, input.devices > 0 else { return input }
        guard rows[0].sample == input.samples else {
            notes.append("recent wear recorded at sample \(rows[0].sample), the checkpoint at \(input.samples): no projection from recent wear")
            return input
        }
        var out = input
        var k = 0
        for l in out.layers.indices {
            for t in out.layers[l].tiles.indices {
                let tile = out.layers[l].tiles[t]
                guard k < rows.count, rows[k].layer == l, rows[k].tileRow == tile.index.row, rows[k].tileCol == tile.index.col else {
                    notes.append("recent wear does not match the network's tiles: no projection from recent wear")
                    return input
                }
                let blob = rows[k].pulses
                let synapses = tile.count / 2
                guard blob.count == tile.count else {
                    notes.append("recent wear of layer \(l) tile \(tile.index.label) has \(blob.count) devices, expected \(tile.count)")
                    return input
                }
                out.layers[l].tiles[t].recentPulses = (0..<tile.count).map { d in
                    Double(d % 2 == 0 ? blob[d / 2] : blob[synapses + d / 2])
                }
                k += 1
            }
        }
        out.recentSamples = rows[0].horizonSamples
        out.recentWindows = rows[0].windows
        return out
    }

    /// The controller's series, by tile, with its target from the run's configuration.
    static func control(_ rows: [LifetimeWindowRecord], config: LifetimeConfig?, names: [String],
                        events: [EventRecord]) -> LifetimeControl? {
        guard let config, !rows.isEmpty else { return nil }
        var order: [String] = []
        var points: [String: [LifetimeControl.Point]] = [:]
        for r in rows {
            let name = "\(r.layer < names.count ? names[r.layer] : "layer \(r.layer)") tile \(r.tileRow),\(r.tileCol)"
            if points[name] == nil { order.append(name) }
            points[name, default: []].append(LifetimeControl.Point(
                sample: r.sample, active: r.active, writeScale: r.writeScale,
                projectedSeconds: r.projectedSeconds, horizonPulses: r.horizonPulses))
        }
        return LifetimeControl(
            targetSeconds: config.targetSeconds, samplesPerSecond: config.samplesPerSecond,
            failedFraction: config.failedFraction, margin: config.margin, warmupSamples: config.warmupSamples,
            horizonSamples: config.horizonWindows * config.everySamples,
            tiles: order.map { LifetimeControl.Tile(name: $0, points: points[$0]!) },
            regimeChanges: events.filter { $0.kind == .lifetime }.count)
    }
}
