import Settings
import CrossbarKit
import SpikingKit

extension CostModel {
    /// The cost model of the chip `config` describes, running `network`: the run's cost
    /// preset, its device and periphery, and the network's layout on its crossbar tiles.
    public init(config: ResolvedConfig, network: SpikingNetwork) {
        let hw = config.hardware
        self.init(cost: config.cost, hardware: hw,
                  layout: network.chipLayout(crossbar: hw.crossbar, writePath: hw.writePath))
    }
}
