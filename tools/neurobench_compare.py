#!/usr/bin/env python3
"""NeuroBench's own harness against Spikebar's `neuroBench` summary, on one fixed network and input.

The network: the committed snnTorch fixture (Tests/NIRTests/Fixtures/digits-64-128-10.nir)
with the smallest 30 % of each weight matrix's |w| set to 0 (so that ConnectionSparsity and
the effective operation counts see zero weights), written to OUT/pruned.nir. The input: the
first N samples of the digits stream, as Spikebar's default encoder turns them into input
(running z-score, gain 0.5), T = 16 steps each. Both sides run the same network on it:
- Spikebar: `spikebar run --model pruned.nir --preset ideal` with learning rates 0 (summary JSON);
- NeuroBench 2.3: `Benchmark` over `SNNTorchModel` wrapping the snnTorch form of the graph —
  Linear, Leaky(beta = 1 - dt/tau, reset "zero"), Linear, Leaky(threshold +inf: never fires,
  so its reset never acts; the LI) whose membrane is the output — batch size 1 (NeuroBench decides "spiking" per batch tensor), predictions
  by NeuroBench's ChooseMaxCount over the readout membrane (= argmax of its time mean).
Prints a table, metric by metric, and exits 1 when a metric both define differs by more
than 1e-9 relative, unless that metric is listed in KNOWN (a definition that differs; the
README says how).

Usage: tools/neurobench_compare.py SPIKEBAR_BINARY OUTDIR [N]
Needs: torch, snntorch, nir, neurobench (pip install neurobench --no-deps; tqdm).
"""
import json
import pathlib
import subprocess
import sys

import nir
import numpy as np
import snntorch as snn
import torch
from neurobench.benchmarks import Benchmark
from neurobench.metrics.static import ConnectionSparsity, Footprint
from neurobench.metrics.workload import (ActivationSparsity, ActivationSparsityByLayer, ClassificationAccuracy,
                                         MembraneUpdates, NeuronOperations, SynapticOperations)
from neurobench.models import SNNTorchModel
from neurobench.processors.postprocessors import ChooseMaxCount

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from spikebar_encoding import load_digits, running_zscore  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
BIN, OUT = pathlib.Path(sys.argv[1]).resolve(), pathlib.Path(sys.argv[2]).resolve()
N = int(sys.argv[3]) if len(sys.argv) > 3 else 100
STEPS, PRUNE = 16, 0.3
# Metrics whose definitions differ between the two (see the README's NeuroBench section): Spikebar
# stores a (zero) readout bias row and one λ, θ, κ; snnTorch per-neuron β, θ and its bookkeeping
# buffers. Both ActivationSparsity values count the readout's (never firing) outputs; the row after
# it checks the hidden layer alone against NeuroBench's per-layer value.
KNOWN = {"Footprint"}


def pruned_graph():
    graph = nir.read(ROOT / "Tests/NIRTests/Fixtures/digits-64-128-10.nir")
    for node in graph.nodes.values():
        if isinstance(node, (nir.Affine, nir.Linear)):
            cut = np.quantile(np.abs(node.weight), PRUNE)
            node.weight[np.abs(node.weight) <= cut] = 0
    return graph


class Network(torch.nn.Module):
    """The graph's chain in snnTorch; forward over (batch, T, 64) gives the readout membrane (T, batch, 10)."""

    def __init__(self, graph):
        super().__init__()
        dt = float(graph.metadata["dt"])
        nodes = [graph.nodes[k] for k in ("0", "1", "2", "3")]
        self.fc1 = torch.nn.Linear(64, 128)
        self.fc1.weight.data = torch.tensor(nodes[0].weight)
        self.fc1.bias.data = torch.tensor(nodes[0].bias)
        self.lif1 = snn.Leaky(beta=torch.tensor(1 - dt / nodes[1].tau), threshold=torch.tensor(nodes[1].v_threshold),
                              reset_mechanism="zero", init_hidden=True)
        self.fc2 = torch.nn.Linear(128, 10, bias=False)
        self.fc2.weight.data = torch.tensor(nodes[2].weight)
        # NIR's LI has no threshold: a Leaky that never fires. Reset "zero" then never acts, so this is
        # the trained reset "none" readout; NeuroBench's NeuronOperations has a price for "zero" only.
        self.li = snn.Leaky(beta=torch.tensor(1 - dt / nodes[3].tau), threshold=float("inf"), reset_mechanism="zero",
                            init_hidden=True, output=True)

    def forward(self, x):
        self.lif1.reset_hidden()
        self.li.reset_hidden()
        out = []
        for t in range(x.shape[1]):
            _, mem = self.li(self.fc2(self.lif1(self.fc1(x[:, t]))))
            out.append(mem)
        return torch.stack(out)


def spikebar(model, inputs):
    args = [str(BIN), "run", "--model", str(model), "--input", str(inputs), "--preset", "ideal", "--db", "none",
            "--summary", "json", "--no-progress", "--configs", str(ROOT / "Configs"),
            "--set", "learning.learningRate=0", "--set", "learning.readoutLearningRate=0"]
    r = subprocess.run(args, capture_output=True, text=True, check=True)
    return json.loads(r.stdout.strip().splitlines()[-1])


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    graph = pruned_graph()
    nir.write(OUT / "pruned.nir", graph)
    labels, raw = load_digits(ROOT, N)
    lines = ["label," + ",".join(f"f{i}" for i in range(64))]
    lines += [f"{y}," + ",".join(repr(float(v)) for v in row) for y, row in zip(labels, raw)]
    (OUT / "input.csv").write_text("\n".join(lines) + "\n")
    ours = spikebar(OUT / "pruned.nir", OUT / "input.csv")["neuroBench"]

    x = torch.tensor(running_zscore(raw)).unsqueeze(1).repeat(1, STEPS, 1)   # (N, T, 64), constant per sample
    data = torch.utils.data.TensorDataset(x, torch.tensor(labels))
    model = SNNTorchModel(Network(graph), custom_forward=True)
    bench = Benchmark(model, torch.utils.data.DataLoader(data, batch_size=1), [], [ChooseMaxCount()],
                      [[Footprint, ConnectionSparsity],
                       [ClassificationAccuracy, ActivationSparsity, ActivationSparsityByLayer, MembraneUpdates,
                        SynapticOperations, NeuronOperations]])
    theirs = bench.run(quiet=True)

    hidden_spikes = (1 - ours["ActivationSparsity"]) * (128 + 10) * STEPS   # per sample; the readout never spikes
    rows = [("Footprint", ours["Footprint"], theirs["Footprint"]),
            # NeuroBench rounds ConnectionSparsity to 4 decimals; Spikebar's summary does not.
            ("ConnectionSparsity (rounded to 4 decimals)", round(ours["ConnectionSparsity"], 4),
             theirs["ConnectionSparsity"]),
            ("ActivationSparsity", ours["ActivationSparsity"], theirs["ActivationSparsity"]),
            ("ActivationSparsity, hidden layer (NeuroBench ByLayer)", 1 - hidden_spikes / (128 * STEPS),
             theirs["ActivationSparsityByLayer"]["lif1"]),
            ("SynapticOperations.Effective_MACs", ours["SynapticOperations"]["Effective_MACs"],
             theirs["SynapticOperations"]["Effective_MACs"]),
            ("SynapticOperations.Effective_ACs", ours["SynapticOperations"]["Effective_ACs"],
             theirs["SynapticOperations"]["Effective_ACs"]),
            ("SynapticOperations.Dense", ours["SynapticOperations"]["Dense"], theirs["SynapticOperations"]["Dense"]),
            ("MembraneUpdates", ours["MembraneUpdates"], theirs["MembraneUpdates"]),
            ("NeuronOperations.Effective", ours["NeuronOperations"]["Effective"],
             theirs["NeuronOperations"]["Effective Neuron Ops"]),
            ("NeuronOperations.Dense", ours["NeuronOperations"]["Dense"], theirs["NeuronOperations"]["Neuron Dense Ops"]),
            ("accuracy", ours["accuracy"], theirs["ClassificationAccuracy"])]
    failed = []
    print(f"neurobench-compare: {N} digits samples, T = {STEPS}, the snnTorch fixture with {PRUNE:.0%} of each "
          f"weight matrix pruned, ideal devices")
    print(f"{'metric':54} {'Spikebar':>14} {'NeuroBench':>14}")
    for name, a, b in rows:
        same = abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(b)))
        note = "equal" if same else ("differs: known, see README" if name in KNOWN else "DIFFERS")
        if not same and name not in KNOWN:
            failed.append(name)
        print(f"{name:54} {float(a):14.6f} {float(b):14.6f}  {note}")
    (OUT / "results.json").write_text(json.dumps({"spikebar": ours, "neurobench": theirs}, indent=1, default=str))
    if failed:
        sys.exit(f"neurobench-compare: {', '.join(failed)} differ from NeuroBench's harness")


main()
