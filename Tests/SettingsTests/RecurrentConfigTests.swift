import KitSupport
import Settings
import SpikingKit
import Testing

/// The recurrent and adaptive keys (DESIGN §5.2b): bad values are one-line errors naming
/// the key; good ones reach the network configuration.
@Suite("Recurrent and ALIF configuration")
struct RecurrentConfigTests {
    let loader = ConfigLoader(configsDirectory: repoConfigs)

    /// The one-line error `sets` cause; fails the test if they cause none.
    func error(_ sets: [String]) -> String {
        do {
            _ = try loader.resolve(file: nil, sets: sets)
            Issue.record("expected an error for \(sets)")
            return ""
        } catch {
            return "\(error)"
        }
    }

    @Test("bad temporal settings name their key", arguments: [
        (["network.layers=4,16,3", "network.recurrent=true,true"], "network.recurrent", "readout"),
        (["network.layers=4,3", "network.recurrent=true"], "network.recurrent", "readout"),
        (["network.layers=4,8,8,3", "network.recurrent=true,false,false"], "network.recurrent", "one per hidden layer"),
        (["network.recurrent=maybe"], "network.recurrent", "true or false"),
        (["network.membraneTimeConstantSteps=-2,10"], "network.membraneTimeConstantSteps", "> 0"),
        (["network.membraneTimeConstantSteps=0,10"], "network.membraneTimeConstantSteps", "> 0"),
        (["network.membraneTimeConstantSteps=5"], "network.membraneTimeConstantSteps", "[min, max]"),
        (["network.adaptationTimeConstantSteps=200,20"], "network.adaptationTimeConstantSteps", "above max"),
        (["network.adaptationTimeConstantSteps=-1,20"], "network.adaptationTimeConstantSteps", "> 0"),
        (["network.membraneTimeConstantSteps=30,3"], "network.membraneTimeConstantSteps", "above max"),
        (["network.alifFraction=1.5"], "network.alifFraction", "[0, 1]"),
        (["network.alifFraction=-0.1"], "network.alifFraction", "[0, 1]"),
        (["network.adaptationStrength=-1"], "network.adaptationStrength", ">= 0"),
        (["learning.feedback=backprop"], "learning.feedback", "symmetric"),
    ])
    func badValues(sets: [String], key: String, says: String) {
        let text = error(sets)
        #expect(text.contains(key), "\(text)")
        #expect(text.contains(says), "\(text)")
        #expect(!text.contains("\n"), "one line: \(text)")
    }

    @Test("defaults build today's network: feedforward, LIF, one leak, random feedback")
    func defaults() throws {
        let r = try loader.resolve(file: nil)
        let net = r.run.engine.network
        #expect(net.recurrent == [false])
        #expect(net.alifFraction == [0])
        #expect(net.membraneTimeConstantSteps.isEmpty)
        #expect(!net.hasNeuronDynamics(hiddenLayer: 0))
        #expect(!net.isRecurrent(hiddenLayer: 0))
        #expect(net.crossbarNames == ["hidden 1", "readout"])
        #expect(r.run.engine.learning.feedback == .random)
    }

    @Test("per-layer lists: one value for all hidden layers, or one each")
    func perLayer() throws {
        let r = try loader.resolve(file: nil, sets: ["network.layers=4,8,6,3", "network.recurrent=false,true",
                                                     "network.alifFraction=0.5", "network.membraneTimeConstantSteps=5,20",
                                                     "learning.feedback=symmetric"])
        let net = r.run.engine.network
        #expect(!net.isRecurrent(hiddenLayer: 0) && net.isRecurrent(hiddenLayer: 1))
        #expect(net.adaptiveNeurons(hiddenLayer: 0) == 4 && net.adaptiveNeurons(hiddenLayer: 1) == 3)
        #expect(net.crossbarNames == ["hidden 1", "hidden 2", "hidden 2 (recurrent)", "readout"])
        #expect(r.run.engine.learning.feedback == .symmetric)
    }
}
