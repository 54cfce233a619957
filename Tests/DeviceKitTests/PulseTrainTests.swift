import DeviceKit
import Testing

/// The measured-train CSV of `spikebar device fit`.
@Suite("pulse train CSV")
struct PulseTrainTests {
    @Test("reads pulse,direction,conductance, and device curve's mean column")
    func reads() throws {
        let t = try PulseTrain.parse(csv: "pulse,direction,conductance\n0,start,1.0\n1,up,1.5\n2,up,1.75\n# note\n\n3,down,1.25\n", source: "t.csv")
        #expect(t == PulseTrain(conductance: [1, 1.5, 1.75, 1.25], up: [true, true, false]))
        let curve = try PulseTrain.parse(csv: "pulse,direction,mean,std\n0,start,0,0\n1,up,0.5,0\n2,down,0.25,0\n", source: "c.csv")
        #expect(curve == PulseTrain(conductance: [0, 0.5, 0.25], up: [true, false]))
        // Without a start row the first reading is the state before the first counted pulse.
        let bare = try PulseTrain.parse(csv: "direction,conductance\nup,1\nup,2\ndown,1.5\n", source: "b.csv")
        #expect(bare == PulseTrain(conductance: [1, 2, 1.5], up: [true, false]))
    }

    @Test("bad files get one line naming the file, the line and the problem",
          arguments: [("conductance\n1\n2\n", "x.csv:1: needs a header with the columns direction and conductance (found: conductance)"),
                      ("", "x.csv: the file is empty"),
                      ("direction,conductance\nstart,1\nup,2\nsideways,3\n", "x.csv:4: direction 'sideways' is not up, down or start"),
                      ("direction,conductance\nstart,1\nup,abc\n", "x.csv:3: conductance 'abc' is not a finite number"),
                      ("direction,conductance\nstart,1\nup,2\nup,3\n", "x.csv: needs both up and down pulses (found 2 up, 0 down)"),
                      ("pulse,direction,conductance\n0,start,1\n2,up,2\n", "x.csv:3: pulse '2' does not follow 0 by one"),
                      ("direction,conductance\nstart,1\nup,1\ndown,1\n", "x.csv: the conductance never changes")])
    func refused(text: String, message: String) {
        do {
            _ = try PulseTrain.parse(csv: text, source: "x.csv")
            Issue.record("accepted")
        } catch {
            #expect("\(error)" == message)
        }
    }
}
