"""Writes landscape_reference.json: loss-landscape grids computed with numpy (float64) for the Swift test
LandscapeReferenceTests.

For each small network: random weights W (PyTorch order: per layer weight [out][in], then bias [out]),
training and validation data, two raw Gaussian directions, the same directions filter-normalized as in
Li et al. 2018 (each row of each weight matrix rescaled to the norm of the same row of W; biases zero),
and the mean data loss over each split at W + a * d1 + b * d2 on a 5 x 5 grid over [-1, 1]^2.

Run: python3 Tests/Fixtures/make_landscape_reference.py (numpy)
"""

import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def forward(layers, x, activation):
    h = x
    for index, (w, b) in enumerate(layers):
        z = h @ w.T + b
        if index < len(layers) - 1:
            h = np.tanh(z) if activation == "tanh" else np.maximum(z, 0)
        else:
            h = z
    return h


def loss(layers, x, t, head, activation):
    z = forward(layers, x, activation)
    if head == "binary":
        z = z[:, 0]
        return float(np.mean(np.maximum(z, 0) - z * t[:, 0] + np.log1p(np.exp(-np.abs(z)))))
    shifted = z - z.max(axis=1, keepdims=True)
    log_softmax = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return float(-np.mean(log_softmax[np.arange(len(x)), t[:, 0].astype(int)]))


def flatten(layers):
    return np.concatenate([np.concatenate([w.ravel(), b]) for w, b in layers])


def unflatten(vector, widths):
    layers, offset = [], 0
    for fan_in, fan_out in zip(widths[:-1], widths[1:]):
        w = vector[offset:offset + fan_in * fan_out].reshape(fan_out, fan_in)
        offset += fan_in * fan_out
        b = vector[offset:offset + fan_out]
        offset += fan_out
        layers.append((w, b))
    return layers


def filter_normalized(direction, weights, widths):
    result = np.zeros_like(direction)
    d_layers, w_layers = unflatten(direction, widths), unflatten(weights, widths)
    offset = 0
    for (d, _), (w, _) in zip(d_layers, w_layers):
        norms = np.linalg.norm(w, axis=1, keepdims=True) / np.linalg.norm(d, axis=1, keepdims=True)
        result[offset:offset + d.size] = (d * norms).ravel()
        offset += d.size + d.shape[0]
    return result


def configuration(name, rng, inputs, hidden, activation, head, classes):
    outputs = 1 if head == "binary" else classes
    widths = [inputs] + hidden + [outputs]
    layers = [(rng.normal(0, 1 / np.sqrt(i), size=(o, i)), rng.normal(0, 0.1, size=o))
              for i, o in zip(widths[:-1], widths[1:])]
    weights = flatten(layers)
    train_x = rng.normal(size=(48, inputs))
    val_x = rng.normal(size=(24, inputs))
    train_t = rng.integers(0, classes, size=(48, 1)).astype(float)
    val_t = rng.integers(0, classes, size=(24, 1)).astype(float)
    raw = [rng.normal(size=weights.shape) for _ in range(2)]
    directions = [filter_normalized(d, weights, widths) for d in raw]
    axis = np.linspace(-1, 1, 5)
    train_loss, val_loss = [], []
    for beta in axis:
        for alpha in axis:
            point = unflatten(weights + alpha * directions[0] + beta * directions[1], widths)
            train_loss.append(loss(point, train_x, train_t, head, activation))
            val_loss.append(loss(point, val_x, val_t, head, activation))
    return {
        "name": name, "inputs": inputs, "hidden": hidden, "activation": activation, "head": head,
        "classes": classes, "weights": weights.tolist(),
        "trainInputs": train_x.ravel().tolist(), "trainTargets": train_t.ravel().tolist(),
        "validationInputs": val_x.ravel().tolist(), "validationTargets": val_t.ravel().tolist(),
        "rawDirections": [d.tolist() for d in raw], "directions": [d.tolist() for d in directions],
        "axis": axis.tolist(), "trainLoss": train_loss, "validationLoss": val_loss,
    }


def main():
    rng = np.random.default_rng(13)
    fixture = [
        configuration("tanh-multiclass", rng, 3, [6, 5], "tanh", "multiclass", 3),
        configuration("relu-binary", rng, 4, [7], "relu", "binary", 2),
    ]
    with open(os.path.join(HERE, "landscape_reference.json"), "w") as file:
        json.dump(fixture, file)


if __name__ == "__main__":
    main()
