#!/usr/bin/env python3
"""Reference training trajectories with batch normalization for the DamEngine tests, computed by PyTorch.

For each configuration below this script builds `nn.Sequential(Linear, BatchNorm1d, activation, ...,
Linear)` in float64 on the CPU, starts it from float32-representable initial values (weights, biases,
and gamma/beta away from PyTorch's 1/0 so every term moves), trains it for 80 full-batch steps in
training mode with the matching `torch.optim` optimizer, and records per step the data loss, the total
objective and the evaluation-mode loss after the update (running statistics), then the final
parameters and running statistics. `BatchNormTrajectoryTests.swift` loads the same initial values into
the Swift engine (Float32), runs the same steps and compares everything within 1e-4 relative.

Conventions (those of make_reference_trajectories.py, whose helpers this script reuses, plus):
- BatchNorm1d(eps=1e-5, momentum=0.1) after every hidden Linear, before the activation; none after the
  output Linear. Training normalizes with the batch's biased variance; running_var moves toward the
  unbiased one; evaluation (`model.eval()`) uses running_mean and running_var (initially 0 and 1).
- L1/L2 terms apply to the Linear weights only: not to biases, not to BatchNorm's weight and bias.
- The engine keeps the Linear bias of a batch-normalized layer; with batch statistics its exact
  gradient is 0 (the batch mean cancels it). PyTorch's is 0 up to rounding, and Adam and RMSprop, which
  divide by the gradient's own size, would turn that rounding noise into steps of their own: this
  script sets it to its exact value 0 before each update.
- Learning rates are low enough that the runs are not chaotic: at twice these rates (four times for
  Adam) float32 and float64 PyTorch runs drift apart by 3e-4 relative within 80 steps; at these rates the
  losses stay within 1e-6 (the Adam run's final parameters within 1e-5).

Regenerate (writes Tests/DamEngineTests/Fixtures/batchnorm_trajectories.json):
    python3 -m venv /work/venv-reference && /work/venv-reference/bin/pip install numpy torch
    /work/venv-reference/bin/python Tests/Fixtures/make_batchnorm_trajectories.py
"""

import json
import math
import pathlib
import sys

import numpy as np
import torch
from torch import nn

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from make_reference_trajectories import (  # noqa: E402
    DEFAULT_HYPERPARAMETERS, KINK_MARGIN, data_loss, float32_values, learning_rate, make_data,
    make_optimizer)

STEPS = 80
OUTPUT = pathlib.Path(__file__).resolve().parents[1] / "DamEngineTests" / "Fixtures" / "batchnorm_trajectories.json"

CONFIGURATIONS = [
    {
        "name": "bn-sgd-tanh-binary",
        "inputs": 2, "hidden": [8, 8], "activation": "tanh", "head": "binary", "outputs": 1,
        "samples": 32, "hyperparameters": {"optimizer": "sgd", "learningRate": 0.1},
    },
    {
        "name": "bn-momentum-relu-multiclass-l2",
        "inputs": 4, "hidden": [16, 8], "activation": "relu", "head": "multiclass", "outputs": 3,
        "samples": 48, "hyperparameters": {"optimizer": "momentum", "learningRate": 0.05, "l2": 0.001},
    },
    {
        "name": "bn-adam-deep-sigmoid-binary",
        "inputs": 2, "hidden": [8, 8, 8, 8], "activation": "sigmoid", "head": "binary", "outputs": 1,
        "samples": 32, "hyperparameters": {"optimizer": "adam", "learningRate": 0.0025},
    },
    {
        "name": "bn-rmsprop-elu-regression",
        "inputs": 3, "hidden": [12], "activation": "elu", "head": "regression", "outputs": 2,
        "samples": 40, "hyperparameters": {"optimizer": "rmsprop", "learningRate": 0.0025, "rho": 0.9},
    },
    {
        "name": "bn-nesterov-leaky-relu-binary-l1-l2",
        "inputs": 2, "hidden": [10, 6], "activation": "leaky-relu", "head": "binary", "outputs": 1,
        "samples": 32,
        "hyperparameters": {"optimizer": "nesterov", "learningRate": 0.05, "momentum": 0.9, "l1": 0.001, "l2": 0.01},
    },
]

ACTIVATIONS = {
    "sigmoid": nn.Sigmoid, "tanh": nn.Tanh, "relu": nn.ReLU, "leaky-relu": lambda: nn.LeakyReLU(0.01),
    "elu": lambda: nn.ELU(1.0), "linear": nn.Identity,
}


def make_initial_values(config, rng):
    """Linear weights (Xavier-uniform) and biases, BatchNorm gamma and beta, all float32-representable."""
    widths = [config["inputs"]] + config["hidden"] + [config["outputs"]]
    layers = []
    for index, (fan_in, fan_out) in enumerate(zip(widths[:-1], widths[1:])):
        bound = math.sqrt(6.0 / (fan_in + fan_out))
        layer = {
            "weight": float32_values(rng.uniform(-bound, bound, size=(fan_out, fan_in))),
            "bias": float32_values(rng.uniform(-0.1, 0.1, size=(fan_out,))),
        }
        if index < len(widths) - 2:
            layer["scale"] = float32_values(rng.uniform(0.7, 1.3, size=(fan_out,)))
            layer["shift"] = float32_values(rng.uniform(-0.2, 0.2, size=(fan_out,)))
        layers.append(layer)
    return layers


def build_model(config, layers):
    modules = []
    linears, norms = [], []
    for index, layer in enumerate(layers):
        fan_out, fan_in = layer["weight"].shape
        linear = nn.Linear(fan_in, fan_out)
        with torch.no_grad():
            linear.weight.copy_(torch.tensor(layer["weight"]))
            linear.bias.copy_(torch.tensor(layer["bias"]))
        modules.append(linear)
        linears.append(linear)
        if "scale" in layer:
            norm = nn.BatchNorm1d(fan_out, eps=1e-5, momentum=0.1)
            with torch.no_grad():
                norm.weight.copy_(torch.tensor(layer["scale"]))
                norm.bias.copy_(torch.tensor(layer["shift"]))
            modules += [norm, ACTIVATIONS[config["activation"]]()]
            norms.append(norm)
    return nn.Sequential(*modules), linears, norms


def train(config, layers, x, t):
    h = dict(DEFAULT_HYPERPARAMETERS, **config["hyperparameters"])
    model, linears, norms = build_model(config, layers)
    xs = torch.tensor(x)
    ts = torch.tensor(t, dtype=torch.int64 if config["head"] == "multiclass" else torch.float64)
    optimizer = make_optimizer(h, list(model.parameters()))
    data_losses, total_losses, evaluation_losses = [], [], []
    # The closest a kink came: ReLU-like activations at their normalized input 0, |w| at 0 under L1.
    closest_kink = math.inf
    kinked = config["activation"] in ("relu", "leaky-relu")
    hooks = [norm.register_forward_hook(
        lambda _module, _inputs, output: kink_seen.append(output.detach().abs().min().item())) for norm in norms]
    kink_seen = []
    for step in range(STEPS):
        for group in optimizer.param_groups:
            group["lr"] = learning_rate(h, step)
        model.train()
        optimizer.zero_grad()
        kink_seen.clear()
        loss = data_loss(config["head"], model(xs), ts)
        if kinked:
            closest_kink = min([closest_kink] + kink_seen)
        loss.backward()
        with torch.no_grad():
            regularization = sum(h["l2"] / 2 * (m.weight**2).sum() + h["l1"] * m.weight.abs().sum() for m in linears)
            for m in linears[:len(norms)]:
                m.bias.grad.zero_()
            for m in linears:
                if h["l1"] > 0:
                    closest_kink = min(closest_kink, m.weight.abs().min().item())
                m.weight.grad += h["l2"] * m.weight + h["l1"] * torch.sign(m.weight)
        data_losses.append(loss.item())
        total_losses.append(loss.item() + float(regularization))
        optimizer.step()
        model.eval()
        with torch.no_grad():
            kink_seen.clear()
            evaluation_losses.append(data_loss(config["head"], model(xs), ts).item())
            if kinked:
                closest_kink = min([closest_kink] + kink_seen)
    for hook in hooks:
        hook.remove()
    final = []
    for index, linear in enumerate(linears):
        layer = {"weight": linear.weight.detach().numpy(), "bias": linear.bias.detach().numpy()}
        if index < len(norms):
            norm = norms[index]
            layer.update({
                "scale": norm.weight.detach().numpy(), "shift": norm.bias.detach().numpy(),
                "runningMean": norm.running_mean.numpy(), "runningVariance": norm.running_var.numpy(),
            })
        final.append(layer)
    return h, data_losses, total_losses, evaluation_losses, final, closest_kink


def layers_json(layers):
    return [{key: value.tolist() for key, value in layer.items()} for layer in layers]


def main():
    torch.set_default_dtype(torch.float64)
    fixtures = []
    for index, config in enumerate(CONFIGURATIONS):
        for attempt in range(100):
            seed = 5000 + 100 * index + attempt
            rng = np.random.default_rng(seed)
            x, t = make_data(config, rng)
            initial = make_initial_values(config, rng)
            h, data_losses, total_losses, evaluation_losses, final, closest_kink = train(config, initial, x, t)
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
            "evaluationLosses": evaluation_losses,
            "finalLayers": layers_json(final),
        })
        print(
            f"{config['name']:38s} seed {seed}: loss {data_losses[0]:.6f} -> {data_losses[-1]:.6f}, "
            f"eval {evaluation_losses[0]:.6f} -> {evaluation_losses[-1]:.6f}, closest kink {closest_kink:.2e}")
    document = {
        "generator": "Tests/Fixtures/make_batchnorm_trajectories.py",
        "torch": torch.__version__,
        "dtype": "float64",
        "configurations": fixtures,
    }
    OUTPUT.write_text(json.dumps(document, separators=(",", ":")) + "\n")
    print(f"wrote {OUTPUT} ({OUTPUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
