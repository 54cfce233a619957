"""What the fixture scripts share (tools/make-nir-fixtures.py, tools/make-norse-fixture.py):
BPTT training on the encoded digits stream, the evaluation one sample at a time, and the
files written beside a NIR graph.

`run(x)` is the framework's forward pass over a batch of encoded samples (T steps of one
constant input, states at rest first): it returns the readout's mean over the steps
(batch x 10) and the hidden spike count. Training: Adam, cross-entropy on that mean, on the
first `TRAIN_FRACTION` of the stream in seeded random batches; the rest is held out.
"""
import json

import nir
import numpy as np
import torch

from spikebar_encoding import load_digits, running_zscore

EPOCHS, BATCH, TRAIN_FRACTION, GAIN, STEPS = 60, 64, 0.8, 0.5, 16


def digits(root):
    """Labels and the encoded stream (Spikebar's default encoder), as tensors."""
    labels, raw = load_digits(root)
    return torch.tensor(labels), torch.tensor(running_zscore(raw, GAIN))


def train(run, parameters, x, labels, seed):
    split = int(TRAIN_FRACTION * len(x))
    optimizer = torch.optim.Adam(parameters, lr=2e-3)
    generator = torch.Generator().manual_seed(seed)
    for _ in range(EPOCHS):
        order = torch.randperm(split, generator=generator)
        for start in range(0, split, BATCH):
            batch = order[start:start + BATCH]
            mean, _ = run(x[batch])
            loss = torch.nn.functional.cross_entropy(mean, labels[batch])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    return split


def evaluate(run, x):
    """Predictions and hidden spikes per sample, one sample at a time as Spikebar runs the stream."""
    with torch.no_grad():
        predictions, hidden = [], 0.0
        for i in range(len(x)):
            mean, spikes = run(x[i:i + 1])
            predictions.append(int(mean.argmax()))
            hidden += float(spikes)
    return np.array(predictions), hidden / len(x)


def write(out, name, graph, framework, predictions, labels, split, hidden, dt):
    """The graph, the predictions (one a line) and the JSON of the framework's accuracy."""
    correct = predictions == labels.numpy()
    out.mkdir(parents=True, exist_ok=True)
    nir.write(out / f"{name}.nir", graph)
    (out / f"{name}.predictions.txt").write_text("".join(f"{p}\n" for p in predictions))
    (out / f"{name}.json").write_text(json.dumps({
        "framework": f"{framework}, torch {torch.__version__.split('+')[0]}, nir {nir.__version__}",
        "encoder": {"encoding": "direct", "scaling": "runningZScore", "gain": GAIN},
        "samples": len(predictions), "accuracy": float(correct.mean()),
        "trainedOn": split, "heldOutAccuracy": float(correct[split:].mean()),
        "steps": STEPS, "dt": dt, "epochs": EPOCHS,
        "hiddenSpikesPerSample": hidden,
    }, indent=1) + "\n")
    print(f"{framework}: accuracy {correct.mean():.4f} (held out {correct[split:].mean():.4f}), "
          f"{hidden:.1f} hidden spikes per sample -> {out / name}.nir")
