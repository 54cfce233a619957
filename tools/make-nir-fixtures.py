#!/usr/bin/env python3
"""Makes the NIR fixtures of Tests/NIRTests/Fixtures from the bundled digits stream.

A 64-128-10 network — hidden LIF (snnTorch `Leaky`, beta 0.9, threshold 1, reset to zero),
leaky-integrator readout (beta 0.9), prediction = argmax of the readout's time mean over
T = 16 steps of the constant input — is trained offline here in NumPy, then written with
the `nir` package using the node mapping of snnTorch's exporter (Linear -> Affine/Linear,
Leaky(beta) -> LIF(tau = dt/(1 - beta), r = tau/dt, v_leak 0, v_threshold, v_reset 0),
the readout -> LI(tau, r, v_leak 0)), dt = 1 ms in the graph's metadata. snnTorch 1.0's own
exporter fails NIR type inference on such a net, and torch is not needed for this one:
the readout is trained on the hidden layer's filtered spike counts (softmax regression;
the readout's time mean is linear in them), the hidden layer is a fixed seeded random
projection. Also written: the reference predictions of the discretised network for every
sample of the stream (float32, the equations Spikebar runs), for the Swift test.

Usage: tools/make-nir-fixtures.py [OUTDIR]   (needs numpy, nir; pip install nir)
"""
import json
import pathlib
import sys

import numpy as np
import nir

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "Tests/NIRTests/Fixtures"
DT, BETA, KAPPA, THETA, STEPS, HIDDEN, SEED = 1e-3, 0.9, 0.9, 1.0, 16, 128, 7

data = np.loadtxt(ROOT / "Sources/Datasets/Resources/digits_stream.csv", delimiter=",", skiprows=1, dtype=np.float32)
labels, x = data[:, 0].astype(int), data[:, 1:]
rng = np.random.default_rng(SEED)
w1 = (rng.standard_normal((HIDDEN, 64)) * 3.0 / 8.0).astype(np.float32)   # out x in, as torch.nn.Linear
b1 = (rng.standard_normal(HIDDEN) * 0.1).astype(np.float32)


def discretised(tau, r):
    """Spikebar's forward-Euler constants from the float32 NIR parameters (NIRMapper)."""
    tau, r = np.float64(np.float32(tau)), np.float64(np.float32(r))
    return np.float32(1 - DT / tau), np.float32(r * DT / tau)


def hidden_spikes(w, b):
    """Hidden spikes (samples, steps, neurons) of the discretised LIF, float32, hard reset."""
    lam, g = discretised(DT / (1 - BETA), 1 / (1 - BETA))
    current = x @ (w * g).T.astype(np.float32) + (b * g).astype(np.float32)
    u = np.zeros((len(x), HIDDEN), np.float32)
    o = np.zeros_like(u)
    out = []
    for _ in range(STEPS):
        u = (lam * u * (1 - o) + current).astype(np.float32)
        o = (u > THETA).astype(np.float32)
        out.append(o)
    return np.stack(out, axis=1)


def readout_mean(spikes, w2):
    kappa, g = discretised(DT / (1 - KAPPA), 1 / (1 - KAPPA))
    w = (w2 * g).T.astype(np.float32)
    y = np.zeros((len(spikes), w.shape[1]), np.float32)
    total = np.zeros_like(y)
    for t in range(STEPS):
        y = (kappa * y + spikes[:, t] @ w).astype(np.float32)
        total += y
    return total / STEPS


spikes = hidden_spikes(w1, b1)
# The readout's time mean is W2 · f with f_j = (1/T) Σ_t Σ_{s≤t} κ^{t−s} o_j[s]: train W2 on f.
weights = np.array([sum(KAPPA ** (t - s) for t in range(s, STEPS)) for s in range(STEPS)], np.float32) / STEPS
features = np.einsum("nsj,s->nj", spikes, weights)
w2 = np.zeros((10, HIDDEN), np.float32)
onehot = np.eye(10, dtype=np.float32)[labels]
for _ in range(3000):   # softmax regression, full batch, gradient descent with momentum
    z = features @ w2.T
    p = np.exp(z - z.max(1, keepdims=True)); p /= p.sum(1, keepdims=True)
    grad = (p - onehot).T @ features / len(x) + 1e-4 * w2
    w2 -= 0.5 * grad.astype(np.float32)

predictions = readout_mean(spikes, w2).argmax(1)
accuracy = float((predictions == labels).mean())
tau_h, tau_o = np.float32(DT / (1 - BETA)), np.float32(DT / (1 - KAPPA))
graph = nir.NIRGraph(
    nodes={
        "input": nir.Input(input_type={"input": np.array([64])}),
        "fc1": nir.Affine(weight=w1, bias=b1),
        "lif1": nir.LIF(tau=np.full(HIDDEN, tau_h), r=np.full(HIDDEN, tau_h / np.float32(DT)),
                        v_leak=np.zeros(HIDDEN, np.float32), v_threshold=np.full(HIDDEN, np.float32(THETA)),
                        v_reset=np.zeros(HIDDEN, np.float32)),
        "fc2": nir.Linear(weight=w2),
        "li": nir.LI(tau=np.full(10, tau_o), r=np.full(10, tau_o / np.float32(DT)), v_leak=np.zeros(10, np.float32)),
        "output": nir.Output(output_type={"output": np.array([10])}),
    },
    edges=[("input", "fc1"), ("fc1", "lif1"), ("lif1", "fc2"), ("fc2", "li"), ("li", "output")],
    metadata={"dt": DT},
)
OUT.mkdir(parents=True, exist_ok=True)
nir.write(OUT / "digits-64-128-10.nir", graph)
(OUT / "digits-64-128-10.predictions.txt").write_text("".join(f"{p}\n" for p in predictions))
(OUT / "digits-64-128-10.json").write_text(json.dumps({
    "samples": len(x), "accuracy": accuracy, "steps": STEPS, "dt": DT,
    "hiddenSpikesPerSample": float(spikes.sum() / len(x)),
}, indent=1) + "\n")
print(f"accuracy {accuracy:.4f}, {spikes.sum() / len(x):.1f} hidden spikes per sample -> {OUT}")
