#!/usr/bin/env python3
"""Trains the NIR fixture of Tests/NIRTests/Fixtures in snnTorch and exports it with snnTorch's exporter.

The network: 64 inputs -> Linear(64, 128) -> snn.Leaky(beta 0.9, threshold 1, reset_mechanism
"zero") -> Linear(128, 10, no bias) -> snn.Leaky(beta 0.9, reset_mechanism "none") read as
its membrane; prediction = argmax of that membrane's mean over the T = 16 steps of a sample,
the loss cross-entropy on the same mean. Trained with BPTT (snnTorch's default arctan
surrogate, Adam) on the bundled digits stream encoded exactly as Spikebar's default encoder
does it (direct, running z-score per feature over the stream in its order, gain 0.5; the
statistics include the sample itself), one constant input for the T steps.

Why these choices (each is what Spikebar's import maps faithfully):
- reset "zero": NIR's LIF resets to v_reset, and snnTorch's importer reads a LIF back as a
  Leaky with reset "zero"; snnTorch's default "subtract" has no NIR form.
  snnTorch's zero reset, U[t] = beta*(1 - o[t-1])*U[t-1] + I[t], o[t] = U[t] > theta, is
  Spikebar's hard reset (NeuronDynamics).
- per-neuron beta/threshold tensors (all equal): with scalar ones snnTorch 1.0's exporter
  fails NIR type inference (issue #19); with vectors `export_to_nir` works as shipped.
- the readout: the exporter maps every Leaky to a LIF (with a threshold and a reset), which
  a non-resetting Leaky read as a membrane is not; it is rewritten as NIR's LI with the
  exporter's constants (tau = dt/(1 - beta), r = tau/dt, v_leak 0) — the one edit to the
  exported graph. Spikebar's readout y[t] = kappa*y[t-1] + W o[t] is the same equation.
- dt: the exporter's own, 1e-4 s (only dt/tau enters: lambda = 1 - dt/tau = beta), written
  into the graph's metadata (the exporter writes none).

Written beside the graph: snnTorch's predictions for every sample of the stream (in order)
and a JSON with its accuracy (whole stream, and the held-out last 20 % it did not train on).

Usage: tools/make-nir-fixtures.py [OUTDIR]
Needs: pip install torch==2.13.0+cpu snntorch nir nirtorch   (torch: any recent CPU build)
"""
import pathlib
import sys

import nir
import snntorch as snn
import torch
from snntorch.export_nir import export_to_nir

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from fixture_training import STEPS, digits, evaluate, train, write  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "Tests/NIRTests/Fixtures"
DT, BETA, THETA, HIDDEN, SEED = 1e-4, 0.9, 1.0, 128, 7

torch.manual_seed(SEED)
torch.use_deterministic_algorithms(True)
torch.set_num_threads(1)


def network():
    return torch.nn.Sequential(
        torch.nn.Linear(64, HIDDEN),
        snn.Leaky(beta=torch.full((HIDDEN,), BETA), threshold=torch.full((HIDDEN,), THETA),
                  reset_mechanism="zero", init_hidden=True),
        torch.nn.Linear(HIDDEN, 10, bias=False),
        snn.Leaky(beta=torch.full((10,), BETA), threshold=torch.full((10,), THETA),
                  reset_mechanism="none", init_hidden=True, output=True),
    )


def run(net, x):
    """Mean readout membrane over the steps, and the hidden spike count, for a batch."""
    for m in net:
        if isinstance(m, snn.Leaky):
            m.reset_hidden()   # zero membranes at the start of every sample
    total, spikes = 0, 0
    for _ in range(STEPS):
        h = net[1](net[0](x))
        _, mem = net[3](net[2](h))
        total = total + mem
        spikes = spikes + h.sum()
    return total / STEPS, spikes


labels, x = digits(ROOT)
net = network()
split = train(lambda batch: run(net, batch), net.parameters(), x, labels, SEED)
predictions, hidden = evaluate(lambda sample: run(net, sample), x)

graph = export_to_nir(net, torch.zeros(64))   # unbatched sample: the exporter's types then infer
readout = [k for k, v in graph.nodes.items() if isinstance(v, nir.LIF)][-1]
lif = graph.nodes[readout]
graph.nodes[readout] = nir.LI(tau=lif.tau, r=lif.r, v_leak=lif.v_leak)
graph.metadata = {"dt": DT}
write(OUT, "digits-64-128-10", graph, f"snntorch {snn.__version__}", predictions, labels, split, hidden, DT)
