import CrossbarKit
import DeviceKit
import Reports
import SpikingKit

/// Per-device wear of a (rebuilt) network, read from its device populations: the input of
/// the lifetime projection, the heat map of a tile, and the mean conductance window.
///
/// Both devices of every synapse count, G⁺ (`plus`) and G⁻ (`minus`), so a tile of r × c
/// synapses has 2·r·c devices — the same count as the `wearSnapshot` rows. With the
/// `bidirectional` pair policy G⁻ is programmed once to the centre of the window as the
/// pair's reference and never pulsed: its n = 0 gives it an infinite time to failure (it
/// never fails by wear; it can still be stuck from the start). Keeping it makes "1 % of the
/// devices" mean 1 % of the devices on the chip, as in every other count of the report;
/// read the fractions of a bidirectional array as fractions of twice the pulsed devices.
enum NetworkWear {
    /// Layer display names when only their count is known: `hidden 1`, `hidden 2`, …,
    /// `readout` (a rebuilt network names its own: ``SpikingNetwork/crossbarNames``, with
    /// `hidden 1 (recurrent)` for a recurrent crossbar).
    static func layerNames(_ count: Int) -> [String] {
        (0..<count).map { $0 == count - 1 ? "readout" : "hidden \($0 + 1)" }
    }

    /// Pulses so far (SET + RESET), endurance budget and failed status of every device, by
    /// layer and tile (tile size from the run's `crossbar.tileRows × tileCols`). Device order
    /// within a tile: row-major synapses, G⁺ then G⁻ of each.
    static func lifetimeInput(_ network: SpikingNetwork, samples: Int) -> LifetimeInput {
        let names = network.crossbarNames
        let layers = network.layers.enumerated().map { l, layer in
            LayerDevices(name: names[l], tiles: tiles(of: layer).map { t in devices(layer, tile: t) })
        }
        return LifetimeInput(samples: samples, layers: layers)
    }

    static func tiles(of layer: CrossbarLayer) -> [TileIndex] {
        (0..<layer.rowTiles).flatMap { r in (0..<layer.colTiles).map { TileIndex(row: r, col: $0) } }
    }

    static func devices(_ layer: CrossbarLayer, tile: TileIndex) -> TileDevices {
        let (rows, cols) = layer.tileRanges(row: tile.row, col: tile.col)
        let n = 2 * rows.count * cols.count
        var pulses: [Double] = [], budgets: [Double] = [], failed: [Bool] = []
        pulses.reserveCapacity(n); budgets.reserveCapacity(n); failed.reserveCapacity(n)
        for r in rows {
            for i in (r * layer.cols + cols.lowerBound)..<(r * layer.cols + cols.upperBound) {
                for p in [layer.plus, layer.minus] {
                    pulses.append(Double(p.pulses(i)))
                    budgets.append(Double(p.budget(i)))
                    failed.append(p.status[i] != DeviceStatus.healthy.rawValue)
                }
            }
        }
        return TileDevices(index: tile, pulses: pulses, budgets: budgets, failed: failed)
    }

    /// Pulses per synapse (G⁺ + G⁻) of one tile, rows × columns: what the end-of-run
    /// `pulseMapBlob` holds, computed from the devices.
    static func pulseGrid(_ layer: CrossbarLayer, tile: TileIndex) -> WearGrid {
        let (rows, cols) = layer.tileRanges(row: tile.row, col: tile.col)
        var values: [Double] = []
        values.reserveCapacity(rows.count * cols.count)
        for r in rows {
            for i in (r * layer.cols + cols.lowerBound)..<(r * layer.cols + cols.upperBound) {
                values.append(Double(layer.plus.pulses(i) &+ layer.minus.pulses(i)))
            }
        }
        return WearGrid(quantity: .pulses, rows: rows.count, cols: cols.count, values: values)
    }

    /// Mean over every device of the network of its effective conductance window as a
    /// fraction of the window it was fabricated with:
    /// ```
    /// healthy:  (boundMax − boundMin) / (nominalMax − nominalMin)     1 fresh, → 0 as it closes
    /// failed:   0                                                    stuck: no window left
    /// ```
    /// Bounds are in device units, which map linearly onto conductance, so this is
    /// `(Gmax_eff − Gmin_eff)/(Gmax − Gmin)` of each device.
    static func meanEffectiveWindow(_ network: SpikingNetwork) -> Double {
        var sum = 0.0, count = 0
        for layer in network.layers {
            for p in [layer.plus, layer.minus] {
                for i in 0..<p.count {
                    count += 1
                    guard p.status[i] == DeviceStatus.healthy.rawValue else { continue }
                    let b = p.nominalBounds(i), c = p.bounds(i)
                    let nominal = Double(b.hi) - Double(b.lo)
                    let current = Double(c.hi) - Double(c.lo)
                    sum += nominal > 0 && nominal.isFinite ? current / nominal : 1
                }
            }
        }
        return count == 0 ? 1 : sum / Double(count)
    }
}
