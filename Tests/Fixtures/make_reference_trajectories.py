#!/usr/bin/env python3
"""Reference training trajectories for the DamEngine tests, computed by PyTorch.

For each configuration below this script builds a small MLP in torch (float64, CPU), starts it from
float32-representable initial weights, trains it for 100 full-batch steps with the matching
`torch.optim` optimizer, and records per step the data loss and the total objective, then the final
weights. `ReferenceTrajectoryTests.swift` loads the same initial weights into the Swift engine
(Float32), runs the same 100 steps and compares losses and final weights within 1e-4 relative.

Conventions (dam-tui ARCHITECTURE.md):
- Objective J = mean over the batch of the data loss + (l2 / 2) * sum ||W||^2 + l1 * sum |W|, weight
  matrices only. The regularization gradient l2 * W + l1 * sign(W) (sign(0) = 0) is added to `.grad`
  before `optimizer.step()`; torch's own `weight_decay` is not used.
- Heads: sigmoid + binary cross-entropy, softmax + cross-entropy, linear + MSE where the loss is the
  mean over the batch of 0.5 * sum_j (y_j - t_j)^2.
- The loss recorded for step k is the one computed by the forward pass of step k, i.e. at the weights
  before update k. The learning rate of update k (0-based) follows the schedule at step k.
- Weights W are [out, in] like torch's nn.Linear; biases start from the fixture values.

Everything in torch runs in float64 so that the reference is exact to far below the tolerance; the
initial weights and the data are rounded to float32 first, so both sides start from identical numbers.

Regenerate (writes Tests/DamEngineTests/Fixtures/reference_trajectories.json):
    python3 -m venv /work/venv-reference && /work/venv-reference/bin/pip install numpy torch safetensors
    /work/venv-reference/bin/python Tests/Fixtures/make_reference_trajectories.py
"""

import json
import math
import pathlib

import numpy as np
import torch
import torch.nn.functional as F

STEPS = 100
# Seeds are drawn until no ReLU pre-activation and no L1-regularized weight comes closer than this
# to its kink during the run: there a float32 engine could legitimately take the other branch.
KINK_MARGIN = 2e-5
OUTPUT = pathlib.Path(__file__).resolve().parents[1] / "DamEngineTests" / "Fixtures" / "reference_trajectories.json"

DEFAULT_HYPERPARAMETERS = {
    "learningRate": 0.1,
    "l1": 0.0,
    "l2": 0.0,
    "optimizer": "sgd",
    "momentum": 0.9,
    "beta1": 0.9,
    "beta2": 0.999,
    "rho": 0.9,
    "epsilon": 1e-8,
    "schedule": "constant",
    "decayRate": 0.5,
    "decaySteps": 1000,
}

CONFIGURATIONS = [
    {
        "name": "sgd-tanh-binary",
        "inputs": 2, "hidden": [8], "activation": "tanh", "head": "binary", "outputs": 1,
        "samples": 32, "hyperparameters": {"optimizer": "sgd", "learningRate": 0.2},
    },
    {
        "name": "momentum-relu-binary",
        "inputs": 2, "hidden": [8, 8], "activation": "relu", "head": "binary", "outputs": 1,
        "samples": 32, "hyperparameters": {"optimizer": "momentum", "learningRate": 0.05, "momentum": 0.9},
    },
    {
        "name": "nesterov-tanh-binary-step-schedule",
        "inputs": 2, "hidden": [8], "activation": "tanh", "head": "binary", "outputs": 1,
        "samples": 32,
        "hyperparameters": {
            "optimizer": "nesterov", "learningRate": 0.05, "momentum": 0.8,
            "schedule": "step", "decayRate": 0.5, "decaySteps": 40,
        },
    },
    {
        "name": "rmsprop-leaky-relu-binary",
        "inputs": 2, "hidden": [8], "activation": "leaky-relu", "head": "binary", "outputs": 1,
        "samples": 32, "hyperparameters": {"optimizer": "rmsprop", "learningRate": 0.005, "rho": 0.9},
    },
    {
        "name": "adam-elu-binary-cosine-schedule",
        "inputs": 2, "hidden": [8, 8], "activation": "elu", "head": "binary", "outputs": 1,
        "samples": 32,
        "hyperparameters": {
            "optimizer": "adam", "learningRate": 0.01, "schedule": "cosine", "decaySteps": 150,
        },
    },
    {
        "name": "l1-l2-momentum-tanh-binary",
        "inputs": 2, "hidden": [8], "activation": "tanh", "head": "binary", "outputs": 1,
        "samples": 32,
        "hyperparameters": {"optimizer": "momentum", "learningRate": 0.05, "l1": 0.002, "l2": 0.01},
    },
    {
        "name": "deep-sigmoid-sgd-binary",
        "inputs": 2, "hidden": [8, 8, 8, 8], "activation": "sigmoid", "head": "binary", "outputs": 1,
        "samples": 32, "hyperparameters": {"optimizer": "sgd", "learningRate": 0.5},
    },
    {
        "name": "softmax-relu-adam-l2",
        "inputs": 4, "hidden": [16], "activation": "relu", "head": "multiclass", "outputs": 3,
        "samples": 48, "hyperparameters": {"optimizer": "adam", "learningRate": 0.01, "l2": 0.001},
    },
    {
        "name": "mse-tanh-sgd-regression",
        "inputs": 3, "hidden": [16], "activation": "tanh", "head": "regression", "outputs": 2,
        "samples": 40, "hyperparameters": {"optimizer": "sgd", "learningRate": 0.05},
    },
    {
        "name": "mse-linear-rmsprop-exponential",
        "inputs": 3, "hidden": [6, 6], "activation": "linear", "head": "regression", "outputs": 1,
        "samples": 40,
        "hyperparameters": {
            "optimizer": "rmsprop", "learningRate": 0.002, "rho": 0.95,
            "schedule": "exponential", "decayRate": 0.5, "decaySteps": 50,
        },
    },
]


def activate(name, z):
    if name == "sigmoid":
        return torch.sigmoid(z)
    if name == "tanh":
        return torch.tanh(z)
    if name == "relu":
        return torch.relu(z)
    if name == "leaky-relu":
        return F.leaky_relu(z, 0.01)
    if name == "elu":
        return F.elu(z, 1.0)
    if name == "linear":
        return z
    raise ValueError(name)


def data_loss(head, logits, targets):
    if head == "binary":
        return F.binary_cross_entropy_with_logits(logits, targets)
    if head == "multiclass":
        return F.cross_entropy(logits, targets)
    if head == "regression":
        return 0.5 * ((logits - targets) ** 2).sum(dim=1).mean()
    raise ValueError(head)


def learning_rate(h, step):
    base, r, s, t = h["learningRate"], h["decayRate"], max(h["decaySteps"], 1), float(step)
    schedule = h["schedule"]
    if schedule == "constant":
        return base
    if schedule == "step":
        return base * r ** math.floor(t / s)
    if schedule == "exponential":
        return base * r ** (t / s)
    if schedule == "inverse-time":
        return base / (1 + r * t / s)
    if schedule == "cosine":
        return base * (1 + math.cos(math.pi * min(t, s) / s)) / 2
    raise ValueError(schedule)


def make_optimizer(h, parameters):
    kind = h["optimizer"]
    lr = h["learningRate"]
    if kind == "sgd":
        return torch.optim.SGD(parameters, lr=lr)
    if kind == "momentum":
        return torch.optim.SGD(parameters, lr=lr, momentum=h["momentum"])
    if kind == "nesterov":
        return torch.optim.SGD(parameters, lr=lr, momentum=h["momentum"], nesterov=True)
    if kind == "rmsprop":
        return torch.optim.RMSprop(parameters, lr=lr, alpha=h["rho"], eps=h["epsilon"])
    if kind == "adam":
        return torch.optim.Adam(parameters, lr=lr, betas=(h["beta1"], h["beta2"]), eps=h["epsilon"])
    raise ValueError(kind)


def float32_values(array):
    """Rounds to float32 and returns float64 values (exactly representable in float32)."""
    return np.asarray(array, dtype=np.float32).astype(np.float64)


def make_data(config, rng):
    n, d, head, outputs = config["samples"], config["inputs"], config["head"], config["outputs"]
    x = float32_values(rng.normal(0.0, 1.0, size=(n, d)))
    if head == "binary":
        # A curved boundary so a hidden layer has something to learn.
        score = x[:, 0] * x[:, 1] + 0.5 * x[:, 0] - 0.3 * x[:, 1] ** 2
        t = (score > 0).astype(np.float64).reshape(n, 1)
    elif head == "multiclass":
        t = (np.argmax(x[:, :outputs] + 0.5 * np.sin(2 * x[:, outputs:].sum(axis=1, keepdims=True)), axis=1))
        t = t.astype(np.int64)
    else:
        mixing = rng.normal(0.0, 1.0, size=(d, outputs))
        t = float32_values(np.sin(x @ mixing) + 0.1 * x[:, :1] ** 2)
    return x, t


def make_initial_weights(config, rng):
    widths = [config["inputs"]] + config["hidden"] + [config["outputs"]]
    layers = []
    for fan_in, fan_out in zip(widths[:-1], widths[1:]):
        # Xavier-uniform weights, small nonzero biases (so bias updates are exercised from step 1).
        bound = math.sqrt(6.0 / (fan_in + fan_out))
        w = float32_values(rng.uniform(-bound, bound, size=(fan_out, fan_in)))
        b = float32_values(rng.uniform(-0.1, 0.1, size=(fan_out,)))
        layers.append((w, b))
    return layers


def train(config, layers, x, t):
    h = dict(DEFAULT_HYPERPARAMETERS, **config["hyperparameters"])
    parameters = []
    for w, b in layers:
        parameters.append(torch.tensor(w, dtype=torch.float64, requires_grad=True))
        parameters.append(torch.tensor(b, dtype=torch.float64, requires_grad=True))
    weights = parameters[0::2]
    biases = parameters[1::2]
    xs = torch.tensor(x, dtype=torch.float64)
    ts = torch.tensor(t, dtype=torch.int64 if config["head"] == "multiclass" else torch.float64)
    optimizer = make_optimizer(h, parameters)
    data_losses, total_losses = [], []
    # The closest any kink (ReLU at z = 0, |w| at w = 0 under L1) came; a float32 run near one may
    # legitimately take the other branch, so the script reports it.
    closest_kink = math.inf
    for step in range(STEPS):
        for group in optimizer.param_groups:
            group["lr"] = learning_rate(h, step)
        optimizer.zero_grad()
        a = xs
        for i, (w, b) in enumerate(zip(weights, biases)):
            z = a @ w.T + b
            if i < len(weights) - 1 and config["activation"] in ("relu", "leaky-relu"):
                closest_kink = min(closest_kink, z.detach().abs().min().item())
            a = activate(config["activation"], z) if i < len(weights) - 1 else z
        loss = data_loss(config["head"], a, ts)
        loss.backward()
        with torch.no_grad():
            regularization = sum(h["l2"] / 2 * (w**2).sum() + h["l1"] * w.abs().sum() for w in weights)
            for w in weights:
                if h["l1"] > 0:
                    closest_kink = min(closest_kink, w.abs().min().item())
                w.grad += h["l2"] * w + h["l1"] * torch.sign(w)
        data_losses.append(loss.item())
        total_losses.append(loss.item() + float(regularization))
        optimizer.step()
    final = [(w.detach().numpy(), b.detach().numpy()) for w, b in zip(weights, biases)]
    return h, data_losses, total_losses, final, closest_kink


def layers_json(layers):
    return [{"weight": w.tolist(), "bias": b.tolist()} for w, b in layers]


def main():
    torch.set_default_dtype(torch.float64)
    fixtures = []
    for index, config in enumerate(CONFIGURATIONS):
        for attempt in range(100):
            seed = 1000 * (index + 1) + attempt
            rng = np.random.default_rng(seed)
            x, t = make_data(config, rng)
            initial = make_initial_weights(config, rng)
            h, data_losses, total_losses, final, closest_kink = train(config, initial, x, t)
            if closest_kink >= KINK_MARGIN:
                break
        else:
            raise RuntimeError(f"{config['name']}: every seed passes within {KINK_MARGIN} of a kink")
        fixtures.append({
            "name": config["name"],
            "seed": seed,
            "architecture": {
                "inputs": config["inputs"], "hidden": config["hidden"], "activation": config["activation"],
                "head": config["head"], "outputs": config["outputs"],
            },
            "hyperparameters": h,
            "steps": STEPS,
            "inputs": x.tolist(),
            "targets": t.tolist() if config["head"] != "multiclass" else [[float(c)] for c in t],
            "initialLayers": layers_json(initial),
            "dataLosses": data_losses,
            "totalLosses": total_losses,
            "finalLayers": layers_json(final),
        })
        print(
            f"{config['name']:36s} seed {seed}: loss {data_losses[0]:.6f} -> {data_losses[-1]:.6f}, "
            f"closest kink {closest_kink:.2e}")
    document = {
        "generator": "Tests/Fixtures/make_reference_trajectories.py",
        "torch": torch.__version__,
        "dtype": "float64",
        "configurations": fixtures,
    }
    OUTPUT.write_text(json.dumps(document, separators=(",", ":")) + "\n")
    print(f"wrote {OUTPUT} ({OUTPUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
