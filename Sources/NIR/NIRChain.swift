extension NIRGraph {
    /// The node names from the Input to the Output, in order. Refuses, with one line each:
    /// an unsupported node type (named, before anything else), edges naming unknown nodes, a
    /// cycle, a branch or merge, and nodes off the Input → Output chain.
    public func chain() throws -> [String] {
        for name in nodes.keys.sorted() {
            if case let .unsupported(type) = nodes[name]! { throw NIRError.unsupportedNode(node: name, type: type) }
        }
        var next: [String: [String]] = [:], incoming: [String: Int] = [:]
        for e in edges {
            for n in [e.from, e.to] where nodes[n] == nil {
                throw NIRError.badGraph(reason: "edge \(e.from) → \(e.to) names an unknown node '\(n)'")
            }
            next[e.from, default: []].append(e.to)
            incoming[e.to, default: 0] += 1
        }
        if let node = cycleNode(next) { throw NIRError.badGraph(reason: "the graph has a cycle through '\(node)'") }
        let inputs = nodes.filter { if case .input = $0.value { true } else { false } }.keys.sorted()
        let outputs = nodes.filter { if case .output = $0.value { true } else { false } }.keys.sorted()
        guard inputs.count == 1, outputs.count == 1 else {
            throw NIRError.badGraph(reason: "Spikebar maps one Input and one Output; found \(inputs.count) and \(outputs.count)")
        }
        var order = [inputs[0]]
        while true {
            let current = order[order.count - 1]
            let successors = next[current] ?? []
            if current == outputs[0] { break }
            guard successors.count == 1 else {
                throw NIRError.badGraph(reason: successors.isEmpty
                    ? "node '\(current)' leads nowhere (no path from the Input to the Output)"
                    : "node '\(current)' feeds \(successors.count) nodes; Spikebar maps a chain")
            }
            guard (incoming[successors[0]] ?? 0) == 1 else {
                throw NIRError.badGraph(reason: "node '\(successors[0])' has \(incoming[successors[0]] ?? 0) inputs; Spikebar maps a chain")
            }
            order.append(successors[0])
        }
        if order.count != nodes.count {
            let off = Set(nodes.keys).subtracting(order).sorted()
            throw NIRError.badGraph(reason: "node '\(off[0])' is not on the Input → Output chain")
        }
        return order
    }

    /// A node on a directed cycle, or nil (depth-first search, iterative).
    func cycleNode(_ next: [String: [String]]) -> String? {
        var state: [String: Int] = [:]   // 1: on the stack, 2: done
        for start in nodes.keys.sorted() where state[start] == nil {
            var stack: [(node: String, child: Int)] = [(start, 0)]
            state[start] = 1
            while let top = stack.last {
                let children = next[top.node] ?? []
                if top.child < children.count {
                    stack[stack.count - 1].child += 1
                    let c = children[top.child]
                    if state[c] == 1 { return c }
                    if state[c] == nil { state[c] = 1; stack.append((c, 0)) }
                } else {
                    state[top.node] = 2
                    stack.removeLast()
                }
            }
        }
        return nil
    }
}
