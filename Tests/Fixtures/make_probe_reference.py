"""Writes Tests/DamEngineTests/Fixtures/probe_reference.json: numpy (float64) figures for
`Network.probe`, the initialization survey's measurement.

For two small networks with fixed weights and one batch: each dense layer's output H (after the
activation; the logits for the output layer), its standard deviation over every entry (numpy's std,
ddof=0), the Frobenius norm of the data-loss gradient of each weight matrix (mean loss over the batch;
softmax cross-entropy or sigmoid binary cross-entropy), and the number of distinct columns of H.
Weights are [out x in] (PyTorch order), biases are given too. The first network's layer 1 has two
identical rows, so two of its units are identical.

Run: python3 Tests/Fixtures/make_probe_reference.py
"""

import json
import os

import numpy as np


def activation(name, z):
    if name == "tanh":
        return np.tanh(z)
    if name == "relu":
        return np.maximum(z, 0)
    raise ValueError(name)


def activation_derivative(name, h):
    if name == "tanh":
        return 1 - h * h
    if name == "relu":
        return (h > 0).astype(np.float64)
    raise ValueError(name)


def probe(weights, biases, act, head, x, t):
    hs = []
    inputs = [x]
    a = x
    for layer, (w, b) in enumerate(zip(weights, biases)):
        z = a @ w.T + b
        a = z if layer == len(weights) - 1 else activation(act, z)
        hs.append(a)
        inputs.append(a)
    logits = hs[-1]
    n = x.shape[0]
    if head == "multiclass":
        shifted = logits - logits.max(axis=1, keepdims=True)
        p = np.exp(shifted) / np.exp(shifted).sum(axis=1, keepdims=True)
        onehot = np.zeros_like(p)
        onehot[np.arange(n), t.astype(int)] = 1
        dz = (p - onehot) / n
    else:
        p = 1 / (1 + np.exp(-logits))
        dz = (p - t.reshape(-1, 1)) / n
    grads = [None] * len(weights)
    for layer in reversed(range(len(weights))):
        grads[layer] = dz.T @ inputs[layer]
        if layer > 0:
            dz = (dz @ weights[layer]) * activation_derivative(act, inputs[layer])
    return {
        "act_std": [float(h.std()) for h in hs],
        "grad_norm": [float(np.linalg.norm(g)) for g in grads],
        "distinct_units": [len({tuple(col) for col in h.T}) for h in hs],
    }


def configuration(name, widths, act, head, rng, rows, identical_rows=False):
    weights = [rng.normal(0, 0.8, size=(widths[i + 1], widths[i])) for i in range(len(widths) - 1)]
    biases = [rng.normal(0, 0.1, size=widths[i + 1]) for i in range(len(widths) - 1)]
    if identical_rows:
        weights[0][1] = weights[0][0]
        biases[0][1] = biases[0][0]
    # Round to float32 so the Float engine sees exactly these values.
    weights = [w.astype(np.float32).astype(np.float64) for w in weights]
    biases = [b.astype(np.float32).astype(np.float64) for b in biases]
    x = rng.normal(0, 1, size=(rows, widths[0])).astype(np.float32).astype(np.float64)
    if head == "multiclass":
        t = rng.integers(0, widths[-1], size=rows).astype(np.float64)
    else:
        t = rng.integers(0, 2, size=rows).astype(np.float64)
    return {
        "name": name,
        "widths": widths,
        "activation": act,
        "head": head,
        "weights": [w.ravel().tolist() for w in weights],
        "biases": [b.tolist() for b in biases],
        "inputs": x.ravel().tolist(),
        "targets": t.tolist(),
        "rows": rows,
        **probe(weights, biases, act, head, x, t),
    }


def main():
    rng = np.random.default_rng(13)
    configurations = [
        configuration("tanh multiclass", [3, 5, 4, 3], "tanh", "multiclass", rng, 8, identical_rows=True),
        configuration("relu binary", [4, 6, 6, 1], "relu", "binary", rng, 10),
    ]
    path = os.path.join(os.path.dirname(__file__), "..", "DamEngineTests", "Fixtures", "probe_reference.json")
    with open(path, "w") as f:
        json.dump({"configurations": configurations}, f, indent=1)
        f.write("\n")
    for c in configurations:
        print(c["name"], "act_std", c["act_std"], "grad_norm", c["grad_norm"], "distinct", c["distinct_units"])


if __name__ == "__main__":
    main()
