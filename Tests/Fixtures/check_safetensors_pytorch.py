#!/usr/bin/env python3
"""Proves that dam-tui's `.safetensors` weight files and PyTorch's `nn.Sequential` are interchangeable.

A dam-tui weight file holds `layers.{i}.weight` [out, in] and `layers.{i}.bias` [out] (F32,
little-endian), dense layers numbered from the input side, and the architecture in `__metadata__`:
format = "dam-tui/1", inputs, hidden ("8,6", empty for none), activation (dam-tui's name), head
(binary | multiclass | regression) and outputs. The equivalent PyTorch model is
    nn.Sequential(Linear, act, Linear, act, ..., Linear, head)
with `layers.{i}` at Sequential index 2 i and head = Sigmoid (binary), Softmax (multiclass) or Identity
(regression), so its output is what dam-tui's `Network.predict` returns.

Two commands (run from the repository root, in a venv with numpy, torch and safetensors:
`python3 -m venv /work/venv-reference && /work/venv-reference/bin/pip install numpy torch safetensors`):

  torch -> Swift: write PyTorch models and their predictions as test fixtures
      /work/venv-reference/bin/python Tests/Fixtures/check_safetensors_pytorch.py make-fixtures
  writes Tests/DamEngineTests/Fixtures/pytorch_*.safetensors and pytorch_*.predictions.json; the Swift
  test `SafetensorsPyTorchTests` loads each model into the engine and compares its predictions.
  (The weights and predictions are reproducible; the `safetensors` package orders the metadata keys
  differently on each run, so the .safetensors bytes are not.)

  Swift -> torch: check files the Swift engine wrote
      DAM_SAFETENSORS_EXPORT_DIR=/tmp/dam-export swift test --filter SafetensorsPyTorchTests
      /work/venv-reference/bin/python Tests/Fixtures/check_safetensors_pytorch.py check /tmp/dam-export/*.safetensors
  For each FILE.safetensors this reads FILE.predictions.json (the inputs and the Swift predictions),
  checks dtype, shapes, tensor names and metadata, loads the state dict into the nn.Sequential and
  compares the predictions. Exit status 0 only if every file passes.
"""

import json
import pathlib
import struct
import sys

import numpy as np
import torch
from safetensors import safe_open
from safetensors.torch import save_file

FORMAT = "dam-tui/1"
FIXTURES = pathlib.Path(__file__).resolve().parents[1] / "DamEngineTests" / "Fixtures"
# Predictions match when |swift - torch| <= TOLERANCE * max(|torch|, a tenth of the largest |torch|):
# the Swift engine computes in float32, the check in float64 from the same float32 weights.
TOLERANCE = 1e-5

ACTIVATIONS = {
    "sigmoid": lambda: torch.nn.Sigmoid(),
    "tanh": lambda: torch.nn.Tanh(),
    "relu": lambda: torch.nn.ReLU(),
    "leaky-relu": lambda: torch.nn.LeakyReLU(0.01),
    "elu": lambda: torch.nn.ELU(1.0),
    "linear": lambda: torch.nn.Identity(),
}
HEADS = {
    "binary": lambda: torch.nn.Sigmoid(),
    "multiclass": lambda: torch.nn.Softmax(dim=1),
    "regression": lambda: torch.nn.Identity(),
}

# The torch -> Swift fixtures: one per head, and a model without hidden layers.
FIXTURE_MODELS = [
    {"name": "pytorch_multiclass_leaky_relu", "inputs": 4, "hidden": [8, 6], "activation": "leaky-relu",
     "head": "multiclass", "outputs": 3},
    {"name": "pytorch_binary_elu", "inputs": 2, "hidden": [5], "activation": "elu", "head": "binary", "outputs": 1},
    {"name": "pytorch_regression_tanh", "inputs": 3, "hidden": [4, 4, 4], "activation": "tanh",
     "head": "regression", "outputs": 2},
    {"name": "pytorch_regression_no_hidden", "inputs": 3, "hidden": [], "activation": "linear",
     "head": "regression", "outputs": 2},
]


def widths(architecture):
    return [architecture["inputs"]] + architecture["hidden"] + [architecture["outputs"]]


def metadata(architecture):
    return {
        "format": FORMAT,
        "inputs": str(architecture["inputs"]),
        "hidden": ",".join(str(w) for w in architecture["hidden"]),
        "activation": architecture["activation"],
        "head": architecture["head"],
        "outputs": str(architecture["outputs"]),
    }


def architecture_from_metadata(meta):
    if meta.get("format") != FORMAT:
        raise ValueError(f"metadata format {meta.get('format')!r}, expected {FORMAT!r}")
    hidden = [int(w) for w in meta["hidden"].split(",")] if meta["hidden"] else []
    architecture = {
        "inputs": int(meta["inputs"]), "hidden": hidden, "activation": meta["activation"],
        "head": meta["head"], "outputs": int(meta["outputs"]),
    }
    if architecture["activation"] not in ACTIVATIONS or architecture["head"] not in HEADS:
        raise ValueError(f"unknown activation or head in {meta}")
    return architecture


def sequential(architecture):
    """nn.Sequential(Linear, act, ..., Linear, head): dense layer i is module 2 i."""
    modules = []
    sizes = widths(architecture)
    for i, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        modules.append(torch.nn.Linear(fan_in, fan_out))
        is_hidden = i < len(sizes) - 2
        modules.append(ACTIVATIONS[architecture["activation"]]() if is_hidden else HEADS[architecture["head"]]())
    return torch.nn.Sequential(*modules)


def to_dam_names(state_dict):
    return {f"layers.{int(key.split('.')[0]) // 2}.{key.split('.')[1]}": value for key, value in state_dict.items()}


def to_sequential_names(tensors):
    return {f"{2 * int(key.split('.')[1])}.{key.split('.')[2]}": value for key, value in tensors.items()}


def relative_difference(actual, expected):
    floor = 0.1 * np.abs(expected).max()
    return float((np.abs(actual - expected) / np.maximum(np.abs(expected), floor)).max())


def make_fixtures():
    torch.manual_seed(20261129)
    for model in FIXTURE_MODELS:
        net = sequential(model)
        state = to_dam_names(net.state_dict())
        tensors = {name: value.detach().to(torch.float32).contiguous() for name, value in state.items()}
        path = FIXTURES / f"{model['name']}.safetensors"
        save_file(tensors, str(path), metadata=metadata(model))
        inputs = torch.randn(7, model["inputs"], dtype=torch.float32)
        with torch.no_grad():
            predictions = net.to(torch.float64)(inputs.to(torch.float64))
        document = {
            "producer": f"check_safetensors_pytorch.py make-fixtures (torch {torch.__version__}, float64)",
            "inputs": inputs.to(torch.float64).tolist(),
            "predictions": predictions.tolist(),
        }
        predictions_path = FIXTURES / f"{model['name']}.predictions.json"
        predictions_path.write_text(json.dumps(document, separators=(",", ":")) + "\n")
        print(f"wrote {path.name} ({path.stat().st_size} bytes) and {predictions_path.name}")


def read_raw_header(path):
    """The JSON header, read by hand: 8-byte little-endian length, then that many bytes."""
    data = path.read_bytes()
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + length])
    return header, len(data) - 8 - length


def check(path):
    path = pathlib.Path(path)
    header, data_bytes = read_raw_header(path)
    with safe_open(str(path), framework="pt") as file:
        architecture = architecture_from_metadata(file.metadata())
        tensors = {name: file.get_tensor(name) for name in file.keys()}
    sizes = widths(architecture)
    expected_shapes = {}
    for i, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        expected_shapes[f"layers.{i}.weight"] = [fan_out, fan_in]
        expected_shapes[f"layers.{i}.bias"] = [fan_out]
    problems = []
    if set(tensors) != set(expected_shapes):
        problems.append(f"tensors {sorted(tensors)}, expected {sorted(expected_shapes)}")
    for name, shape in expected_shapes.items():
        if name not in tensors:
            continue
        if header[name]["dtype"] != "F32" or tensors[name].dtype != torch.float32:
            problems.append(f"{name}: dtype {header[name]['dtype']}, expected F32")
        if list(tensors[name].shape) != shape:
            problems.append(f"{name}: shape {list(tensors[name].shape)}, expected {shape}")
    if data_bytes != 4 * sum(int(np.prod(s)) for s in expected_shapes.values()):
        problems.append(f"{data_bytes} data bytes for {len(expected_shapes)} F32 tensors")
    if problems:
        return problems
    net = sequential(architecture)
    net.load_state_dict(to_sequential_names(tensors), strict=True)
    document = json.loads(path.with_name(path.name.removesuffix(".safetensors") + ".predictions.json").read_text())
    inputs = torch.tensor(document["inputs"], dtype=torch.float64)
    swift = np.array(document["predictions"], dtype=np.float64)
    with torch.no_grad():
        reference = net.to(torch.float64)(inputs).numpy()
    if swift.shape != reference.shape:
        return [f"predictions have shape {swift.shape}, torch gives {reference.shape}"]
    difference = relative_difference(swift, reference)
    summary = "-".join(str(w) for w in sizes) + f" {architecture['activation']} {architecture['head']}"
    print(f"{path.name}: {summary}, {len(tensors)} tensors F32, metadata ok, "
          f"{len(inputs)} predictions: max |diff| {np.abs(swift - reference).max():.2e}, max rel {difference:.2e}")
    return [] if difference <= TOLERANCE else [f"predictions differ by {difference:.2e} relative (> {TOLERANCE})"]


def main(arguments):
    if arguments[:1] == ["make-fixtures"] and len(arguments) == 1:
        make_fixtures()
        return 0
    if arguments[:1] == ["check"] and len(arguments) > 1:
        failures = 0
        for path in arguments[1:]:
            problems = check(path)
            for problem in problems:
                print(f"{path}: FAIL {problem}")
            failures += bool(problems)
        print(f"{len(arguments) - 1 - failures} passed, {failures} failed")
        return 1 if failures else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
