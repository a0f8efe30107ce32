"""Writes neuron_reference.json: every dense layer's output computed with numpy (float64) for the Swift
test NeuronReferenceTests (the neuron view's activations, `Network.layerOutputs`).

For each small network: random weights (PyTorch order: per layer weight [out][in], then bias [out]) and
the points of a 4 x 4 grid over [-1.5, 1.5]^2, row 0 at the top (largest y), x varying fastest, each at
its cell's centre (the neuron view's plane). Per layer, the output at every point: hidden layers f(Z),
the output layer the prediction (sigmoid for binary, softmax for multiclass).

Run: python3 Tests/Fixtures/make_neuron_reference.py (numpy)
"""

import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ACTIVATIONS = {
    "tanh": np.tanh,
    "relu": lambda z: np.maximum(z, 0),
    "sigmoid": lambda z: 1 / (1 + np.exp(-z)),
}


def grid_points(size, low, high):
    step = (high - low) / size
    points = []
    for row in range(size):
        for column in range(size):
            points.append([low + (column + 0.5) * step, high - (row + 0.5) * step])
    return np.array(points)


def layer_outputs(layers, x, activation, head):
    outputs, h = [], x
    for index, (w, b) in enumerate(layers):
        z = h @ w.T + b
        if index < len(layers) - 1:
            h = ACTIVATIONS[activation](z)
        elif head == "binary":
            h = 1 / (1 + np.exp(-z))
        else:
            shifted = np.exp(z - z.max(axis=1, keepdims=True))
            h = shifted / shifted.sum(axis=1, keepdims=True)
        outputs.append(h)
    return outputs


def network(name, widths, activation, head, seed):
    rng = np.random.default_rng(seed)
    layers = [
        (rng.normal(0, 1, (fan_out, fan_in)), rng.normal(0, 0.5, fan_out))
        for fan_in, fan_out in zip(widths[:-1], widths[1:])
    ]
    points = grid_points(4, -1.5, 1.5)
    outputs = layer_outputs(layers, points, activation, head)
    return {
        "name": name,
        "inputs": widths[0],
        "hidden": widths[1:-1],
        "activation": activation,
        "head": head,
        "classes": widths[-1] if head == "multiclass" else 2,
        "weights": np.concatenate([np.concatenate([w.ravel(), b]) for w, b in layers]).tolist(),
        "points": points.ravel().tolist(),
        "outputs": [o.ravel().tolist() for o in outputs],
    }


def main():
    references = [
        network("tanh 2-4-3-1 binary", [2, 4, 3, 1], "tanh", "binary", 1),
        network("relu 2-5-3 multiclass", [2, 5, 3], "relu", "multiclass", 2),
        network("sigmoid 2-3-3-3-2 multiclass", [2, 3, 3, 3, 2], "sigmoid", "multiclass", 3),
    ]
    with open(os.path.join(HERE, "neuron_reference.json"), "w") as file:
        json.dump(references, file, indent=1)
        file.write("\n")


if __name__ == "__main__":
    main()
