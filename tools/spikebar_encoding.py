"""Spikebar's default input encoding, in NumPy, for the Python tools that feed a network
what Spikebar feeds it (tools/make-nir-fixtures.py, tools/neurobench_compare.py).

Spikebar's `direct` encoder with `runningZScore` scaling (SpikingKit FeatureScaler): per
feature, Welford's running count, mean and M2 in float64, updated with each sample of the
stream before that sample is scaled; z = (x - mean)/sqrt(M2/n) when n > 1 and the variance
exceeds 1e-12, else 0; converted to float32, then times the gain in float32. The same
operations in the same order, so the values equal Spikebar's to the last bit.
"""
import numpy as np

DIGITS_CSV = "Sources/Datasets/Resources/digits_stream.csv"


def running_zscore(x, gain=0.5):
    """The encoded stream: one float32 row per sample of `x` (samples x features), in order."""
    count, mean, m2 = 0.0, np.zeros(x.shape[1]), np.zeros(x.shape[1])
    out = np.zeros(x.shape, dtype=np.float32)
    for i, row in enumerate(np.asarray(x, dtype=np.float32).astype(np.float64)):
        count += 1
        d = row - mean
        mean = mean + d / count
        m2 = m2 + d * (row - mean)
        variance = m2 / count if count > 1 else np.zeros_like(m2)
        ok = variance > 1e-12
        z = np.where(ok, (row - mean) / np.sqrt(np.where(ok, variance, 1.0)), 0.0)
        out[i] = z.astype(np.float32) * np.float32(gain)
    return out


def load_digits(root, limit=None):
    """Labels and raw features of the bundled digits stream (the first `limit` samples)."""
    data = np.loadtxt(root / DIGITS_CSV, delimiter=",", skiprows=1, dtype=np.float32, max_rows=limit)
    return data[:, 0].astype(np.int64), data[:, 1:]
