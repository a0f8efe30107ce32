#!/usr/bin/env python3
"""Reads a dam-tui TensorBoard event folder back with TensorBoard's own reader and checks it.

Run by the Swift test `TensorBoardReaderTests` with the pinned `tensorboard` of Tests/requirements.txt
(`bash scripts/prepare-test-tools.sh`):

    python read_tensorboard_events.py RUN_DIR WEIGHTS.json CHANGES.json

- RUN_DIR is a run directory: its event file is read with
  `tensorboard.backend.event_processing.event_accumulator.EventAccumulator`, keeping every event.
- RUN_DIR/metrics.jsonl: the run's JSON lines (docs/headless.md). Every scalar series must have exactly the
  steps of the lines, in order, and each value must equal the line's number as float32 (`null`, a
  non-finite number, must read back as NaN or an infinity): loss/train, loss/val, accuracy/train,
  accuracy/val, lr, and per layer L{i} (i = index + 1) grad_norm, weight_norm, update_ratio.
  The findings text must appear at exactly the steps where a finding id appears that the previous line
  did not have, naming those ids, each once, its sentence not restating the id ("saturation: saturation:").
- WEIGHTS.json: {"STEP": [[layer 1 weights...], [layer 2 weights...], ...]} at each evaluation. Each
  weights/L{i} histogram must have num = the number of weights, min and max equal to theirs, and bucket
  counts equal to counting the weights against its bucket limits (bucket i covers
  [limit(i - 1), limit(i)), the first from -infinity). The last step's histograms must count the same
  way the weights of RUN_DIR/final.safetensors (`layers.{i}.weight`, read here with numpy).
  Each gradients/L{i} histogram (every step but 0) must count as many values as the layer has weights,
  and sqrt(sum_squares) must be the line's grad_norm (the run has no L1/L2 terms), to 1e-4 relative.
- CHANGES.json: [[STEP, TEXT], ...], the applied changes, which the `changes` text series must hold.

Prints the tags it read with their step counts; exit status 0 only if every check passes.
"""

import json
import math
import os
import sys

import numpy as np
from tensorboard.backend.event_processing import event_accumulator

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def same_float32(expected, actual):
    if expected is None:
        return not math.isfinite(actual)
    return np.float32(expected) == np.float32(actual)


def safetensors_weights(path):
    """The `layers.{i}.weight` tensors of a .safetensors file, in layer order, as float32 arrays."""
    with open(path, "rb") as file:
        data = file.read()
    header_size = int.from_bytes(data[:8], "little")
    header = json.loads(data[8 : 8 + header_size])
    body = data[8 + header_size :]
    layers = []
    while f"layers.{len(layers)}.weight" in header:
        entry = header[f"layers.{len(layers)}.weight"]
        assert entry["dtype"] == "F32", entry
        start, end = entry["data_offsets"]
        layers.append(np.frombuffer(body[start:end], dtype="<f4"))
    return layers


def bucket_counts(values, limits):
    """How many of `values` fall in each bucket: bucket i holds limit(i - 1) <= x < limit(i)."""
    return list(np.bincount(np.searchsorted(limits, values, side="right"), minlength=len(limits))[: len(limits)])


def main(logdir, weights_path, changes_path):
    metrics_path = os.path.join(logdir, "metrics.jsonl")
    with open(metrics_path) as file:
        lines = [json.loads(line) for line in file if line.strip()]
    with open(weights_path) as file:
        weights = {int(step): layers for step, layers in json.load(file).items()}
    with open(changes_path) as file:
        changes = json.load(file)

    accumulator = event_accumulator.EventAccumulator(
        logdir,
        size_guidance={
            event_accumulator.SCALARS: 0,
            event_accumulator.HISTOGRAMS: 0,
            event_accumulator.TENSORS: 0,
        },
    )
    accumulator.Reload()
    tags = accumulator.Tags()

    steps = [line["step"] for line in lines]
    expected_scalars = {
        "loss/train": [line["train_loss"] for line in lines],
        "loss/val": [line["val_loss"] for line in lines],
        "accuracy/train": [line["train_acc"] for line in lines],
        "accuracy/val": [line["val_acc"] for line in lines],
        "lr": [line["lr"] for line in lines],
    }
    for layer in range(len(lines[0]["layers"])):
        for key in ("grad_norm", "weight_norm", "update_ratio"):
            expected_scalars[f"{key}/L{layer + 1}"] = [line["layers"][layer][key] for line in lines]

    check(sorted(tags["scalars"]) == sorted(expected_scalars), f"scalar tags {sorted(tags['scalars'])}")
    for tag, values in expected_scalars.items():
        if tag not in tags["scalars"]:
            continue
        events = accumulator.Scalars(tag)
        check([event.step for event in events] == steps, f"{tag}: steps {[event.step for event in events]}")
        for event, value in zip(events, values):
            check(same_float32(value, event.value), f"{tag} at {event.step}: {event.value} != {value}")

    layer_count = len(lines[0]["layers"])
    final_weights = safetensors_weights(os.path.join(logdir, "final.safetensors"))
    check(len(final_weights) == layer_count, f"final.safetensors has {len(final_weights)} weight tensors")
    grad_norms = {line["step"]: [layer["grad_norm"] for layer in line["layers"]] for line in lines}
    for layer in range(layer_count):
        tag = f"weights/L{layer + 1}"
        events = accumulator.Histograms(tag) if tag in tags["histograms"] else []
        check([event.step for event in events] == steps, f"{tag}: steps {[event.step for event in events]}")
        for event in events:
            histogram = event.histogram_value
            values = np.array(weights[event.step][layer], dtype=np.float32).astype(np.float64)
            limits = list(histogram.bucket_limit)
            counts = bucket_counts(values, limits)
            check(histogram.num == len(values), f"{tag} at {event.step}: num {histogram.num} != {len(values)}")
            check(histogram.min == values.min(), f"{tag} at {event.step}: min {histogram.min} != {values.min()}")
            check(histogram.max == values.max(), f"{tag} at {event.step}: max {histogram.max} != {values.max()}")
            check(
                list(histogram.bucket) == counts,
                f"{tag} at {event.step}: buckets {list(histogram.bucket)} != {list(counts)}",
            )
            check(sum(histogram.bucket) == len(values), f"{tag} at {event.step}: counts add up to {sum(histogram.bucket)}")
        if events and events[-1].step == steps[-1] and layer < len(final_weights):
            histogram = events[-1].histogram_value
            saved = final_weights[layer].astype(np.float64)
            check(
                list(histogram.bucket) == bucket_counts(saved, list(histogram.bucket_limit))
                and (histogram.min, histogram.max) == (saved.min(), saved.max()),
                f"{tag} at {steps[-1]}: buckets differ from final.safetensors",
            )

        tag = f"gradients/L{layer + 1}"
        events = accumulator.Histograms(tag) if tag in tags["histograms"] else []
        check([event.step for event in events] == steps[1:], f"{tag}: steps {[event.step for event in events]}")
        for event in events:
            histogram = event.histogram_value
            count = len(weights[event.step][layer])
            check(histogram.num == count and sum(histogram.bucket) == count, f"{tag} at {event.step}: num {histogram.num}")
            norm = math.sqrt(histogram.sum_squares)
            expected = grad_norms[event.step][layer]
            check(
                abs(norm - expected) <= 1e-4 * expected,
                f"{tag} at {event.step}: sqrt(sum_squares) {norm} != grad_norm {expected}",
            )

    texts = {}
    for tag in tags["tensors"]:
        texts[tag] = [(event.step, event.tensor_proto.string_val[0].decode()) for event in accumulator.Tensors(tag)]
    check(texts.get("changes", []) == [tuple(change) for change in changes], f"changes {texts.get('changes')}")
    expected_findings = []
    previous = set()
    for line in lines:
        ids = {finding["id"] for finding in line["findings"]}
        if ids - previous:
            expected_findings.append((line["step"], sorted(ids - previous)))
        previous = ids
    read_findings = [(step, text) for step, text in texts.get("findings", [])]
    check(
        [step for step, _ in read_findings] == [step for step, _ in expected_findings],
        f"findings at steps {[step for step, _ in read_findings]}, expected {[s for s, _ in expected_findings]}",
    )
    for (step, text), (_, ids) in zip(read_findings, expected_findings):
        check(all(f"**{finding}**" in text for finding in ids), f"findings at {step}: {text!r} lacks {ids}")
        for item in text.split("\n"):
            name, _, sentence = item.partition("** (")
            name = name.removeprefix("- **")
            sentence = sentence.partition("): ")[2]
            check(
                not sentence.lower().startswith(name.replace("_", " ") + ":"),
                f"findings at {step}: {item!r} restates its id",
            )

    for kind in ("scalars", "histograms", "tensors"):
        for tag in sorted(tags[kind]):
            count = len(
                {"scalars": accumulator.Scalars, "histograms": accumulator.Histograms, "tensors": accumulator.Tensors}[
                    kind
                ](tag)
            )
            print(f"{kind} {tag}: {count} steps")
    for tag, entries in sorted(texts.items()):
        for step, text in entries:
            print(f"text {tag} @ {step}: {text}")
    for failure in failures:
        print("FAIL " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
