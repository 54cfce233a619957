#!/usr/bin/env python3
"""Trains the Norse NIR fixture of Tests/NIRTests/Fixtures in Norse and exports it with Norse's exporter.

The network: Linear(64, 128) -> LIFBoxCell(tau_mem 10 ms, v_th 1, v_reset 0) ->
Linear(128, 10, no bias) -> LIBoxCell(tau_mem 10 ms), dt = 1 ms, T = 16 steps of one constant
input per sample; prediction = argmax of the LI voltage's mean over the steps, the loss
cross-entropy on it. Trained with BPTT (Norse's SuperSpike surrogate, Adam) on the bundled
digits stream as Spikebar's default encoder turns it into input (tools/spikebar_encoding.py),
like tools/make-nir-fixtures.py's snnTorch network.

Norse's box LIF: v' = v + dt/tau*(I + v_leak - v), z = v' > v_th, v = v_reset where z — the
reset of step t is applied before step t+1's leak, which is Spikebar's hard reset
U[t] = lambda*(1 - o[t-1])*U[t-1] + g*I[t] with lambda = 1 - dt/tau and g = R*dt/tau (R = 1).

Exported with `norse.torch.utils.export_nir.to_nir` (dt 1 ms), with two corrections, both
printed: Norse 1.1's exporter writes tau = dt/tau_mem_inv (= dt*tau, 1e-5 s for a 10 ms
membrane) where NIR's tau is the time constant itself (1/tau_mem_inv), and it writes no dt:
the script writes tau = 1/tau_mem_inv and metadata dt = 1 ms. Beside the graph: Norse's
predictions for every sample of the stream and a JSON with its accuracy.

Usage: tools/make-norse-fixture.py [OUTDIR]
Needs: pip install torch==2.13.0+cpu norse nir nirtorch   (torch: any recent CPU build)
"""
import pathlib
import sys

import nir
import norse
import numpy as np
import torch
from norse.torch import LIBoxCell, LIBoxParameters, LIFBoxCell, LIFBoxParameters, SequentialState
from norse.torch.utils.export_nir import to_nir

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from fixture_training import STEPS, digits, evaluate, train, write  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "Tests/NIRTests/Fixtures"
DT, TAU, HIDDEN, SEED = 1e-3, 1e-2, 128, 7

torch.manual_seed(SEED)
torch.use_deterministic_algorithms(True)
torch.set_num_threads(1)

net = torch.nn.Sequential(
    torch.nn.Linear(64, HIDDEN),
    LIFBoxCell(LIFBoxParameters(tau_mem_inv=torch.full((HIDDEN,), 1 / TAU), v_th=torch.full((HIDDEN,), 1.0),
                                v_leak=torch.zeros(HIDDEN), v_reset=torch.zeros(HIDDEN)), dt=DT),
    torch.nn.Linear(HIDDEN, 10, bias=False),
    LIBoxCell(LIBoxParameters(tau_mem_inv=torch.full((10,), 1 / TAU), v_leak=torch.zeros(10)), dt=DT),
)


def run(x):
    """Mean LI voltage over the steps and the hidden spike count, for a batch (states start at rest)."""
    s1 = s2 = None
    total, spikes = 0, 0
    for _ in range(STEPS):
        z, s1 = net[1](net[0](x), s1)
        v, s2 = net[3](net[2](z), s2)
        total = total + v
        spikes = spikes + z.sum()
    return total / STEPS, spikes


labels, x = digits(ROOT)
split = train(run, [p for p in net.parameters() if p.requires_grad], x, labels, SEED)
predictions, hidden = evaluate(run, x)

# Norse's stateful container around the same modules; an unbatched sample, so that the types infer.
graph = to_nir(SequentialState(*net), torch.zeros(64), dt=DT)
for name, node in graph.nodes.items():
    if isinstance(node, (nir.LIF, nir.LI)):
        print(f"{name}: Norse's exporter wrote tau {float(np.ravel(node.tau)[0]):.3g} s; NIR's tau is {TAU:g} s")
        node.tau = np.full(np.shape(node.tau), TAU, dtype=np.float32)
graph.metadata = {"dt": DT}
write(OUT, "digits-norse-64-128-10", graph, f"norse {norse.__version__}", predictions, labels, split, hidden, DT)
