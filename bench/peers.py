#!/usr/bin/env python3
"""Compare dam-bench with numpy, PyTorch (eager) and JAX on one CPU core, side by side, in one run.

    python3 bench/peers.py                 # all peers, all workloads, then the table
    python3 bench/peers.py --seconds 2     # longer timing per workload
    python3 bench/peers.py --dam-bench NEW --baseline-bench OLD   # before/after a change, in one run
    python3 bench/peers.py --passes 3      # every runner three times, interleaved; the best of each
    python3 bench/peers.py --threads all   # every core: peers with all their threads, dam-bench --threads auto

Requirements: none to install by hand: the script installs its peers (pinned in bench/requirements.txt)
into a virtualenv of its own, ~/.cache/dam-tui/peers-venv (DAM_PEERS_VENV or --venv moves it), rebuilt
when the requirements file changes, and runs itself there (missing peers are skipped with a note). A
Swift toolchain (the script builds dam-bench in release mode first), and `taskset` (util-linux).

Workloads (forward, backward, SGD update; learning rate 0.01; L2 1e-4 on weights only, which with
plain SGD equals PyTorch's weight_decay; inverted dropout 0.1 after every hidden activation; float32;
random data cycled over 100 batches; one thread):

    W1  2-16-16-16-16-1 tanh, sigmoid + BCE, batch 32
    W2  64-128-64-10 relu, softmax + CE, batch 64
    W3  784-256-256-10 relu, softmax + CE, batch 128
    W4  2-(32 x 10 layers)-1 sigmoid, sigmoid + BCE, batch 64

Peers: numpy (hand-written backward pass), torch (eager nn.Sequential + torch.optim.SGD), jax-jit (one
jitted step per call), jax-scan (100 steps fused into one jitted lax.scan call). Every peer and
dam-bench run pinned to the same core (`taskset -c 0`, override with --core) with every thread pool
set to one thread (OMP/MKL/OPENBLAS_NUM_THREADS=1, torch.set_num_threads(1), XLA without a
multi-threaded Eigen pool). Each figure is the fastest of several timed rounds of 100 steps after a
warm-up round; dam-bench times the same way (fastest of its rounds).

Shared machines slow down for seconds at a time (other tenants' load), which can land on one runner and
not the next. `--passes N` runs the whole sequence (every peer, then dam-bench) N times and keeps each
runner's fastest figure, so that every runner gets N chances at a quiet stretch; the table says how
many passes it took.

OPENBLAS_CORETYPE: some machines export OPENBLAS_CORETYPE (and OPENBLAS_L2_SIZE) to force an
OpenBLAS kernel family. The numpy peer's subprocess runs with both unset, so OpenBLAS picks its own
kernels for this CPU; nothing else in the environment changes.

All-cores mode (`--threads all`): nothing is pinned and no thread pool is limited (PyTorch and JAX
keep their default pools over every core), and dam-bench runs with `--threads auto` (every core),
then once more with `--threads 1` (the `dam-1t` column) so that the table also shows its scaling
(`dam/1t`) measured in the same run.

The table shows samples per second (higher is better) and dam-bench's ratio to the fastest peer.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from peer_venv import reexec_in_venv

ROOT = Path(__file__).resolve().parent.parent
BATCHES = 100
DEFAULT_VENV = Path(os.environ.get("DAM_PEERS_VENV", Path.home() / ".cache" / "dam-tui" / "peers-venv"))
LEARNING_RATE = 0.01
L2 = 1e-4
DROPOUT = 0.1

# name: (widths, activation, head, batch)
WORKLOADS = {
    "W1": ([2, 16, 16, 16, 16, 1], "tanh", "binary", 32),
    "W2": ([64, 128, 64, 10], "relu", "multiclass", 64),
    "W3": ([784, 256, 256, 10], "relu", "multiclass", 128),
    "W4": ([2] + [32] * 10 + [1], "sigmoid", "binary", 64),
}
PEERS = ["numpy", "torch", "jax-jit", "jax-scan"]


# All-cores mode (--threads all); children inherit it through the environment.
ALL_THREADS = os.environ.get("DAM_PEERS_ALL_THREADS") == "1"


def make_data(widths, head, batch, seed=0):
    """Inputs uniform in [-1, 1) and random labels, [BATCHES, batch, ...] float32 / int."""
    import numpy as np

    rng = np.random.default_rng(seed)
    x = rng.uniform(-1, 1, size=(BATCHES, batch, widths[0])).astype(np.float32)
    classes = 2 if head == "binary" else widths[-1]
    y = rng.integers(0, classes, size=(BATCHES, batch))
    return x, y


def initial_parameters(widths, seed=1):
    """Xavier-uniform weights [out, in] and zero biases, float32."""
    import numpy as np

    rng = np.random.default_rng(seed)
    params = []
    for fan_in, fan_out in zip(widths[:-1], widths[1:]):
        bound = np.sqrt(6 / (fan_in + fan_out))
        params.append(
            (rng.uniform(-bound, bound, size=(fan_out, fan_in)).astype(np.float32), np.zeros(fan_out, np.float32))
        )
    return params


def time_rounds(run_round, seconds):
    """Warm up with one round, then time rounds of BATCHES steps for `seconds` (at least 5 rounds);
    returns the fastest round's seconds per step."""
    run_round()
    best = float("inf")
    started = time.perf_counter()
    rounds = 0
    while rounds < 5 or time.perf_counter() - started < seconds:
        start = time.perf_counter()
        run_round()
        best = min(best, (time.perf_counter() - start) / BATCHES)
        rounds += 1
    return best


def numpy_peer(widths, activation, head, batch, seconds):
    import numpy as np

    xs, ys = make_data(widths, head, batch)
    params = [(w.copy(), b.copy()) for w, b in initial_parameters(widths)]
    targets = ys.astype(np.float32)[..., None] if head == "binary" else ys
    rng = np.random.default_rng(2)
    keep = np.float32(1 - DROPOUT)
    forward = {
        "tanh": np.tanh,
        "relu": lambda z: np.maximum(z, 0),
        "sigmoid": lambda z: 1 / (1 + np.exp(-z)),
    }[activation]
    derivative = {  # from the activation's output h
        "tanh": lambda h: 1 - h * h,
        "relu": lambda h: (h > 0).astype(np.float32),
        "sigmoid": lambda h: h * (1 - h),
    }[activation]
    last = len(params) - 1

    def step(x, t):
        inputs, outputs, masks = [x], [], []
        h = x
        for layer, (w, b) in enumerate(params):
            z = h @ w.T + b
            if layer == last:
                break
            h = forward(z)
            outputs.append(h)
            mask = (rng.random(h.shape, dtype=np.float32) < keep).astype(np.float32) / keep
            masks.append(mask)
            h = h * mask
            inputs.append(h)
        if head == "binary":
            delta = (1 / (1 + np.exp(-z)) - t) / batch
        else:
            e = np.exp(z - z.max(axis=1, keepdims=True))
            p = e / e.sum(axis=1, keepdims=True)
            p[np.arange(batch), t] -= 1
            delta = p / batch
        for layer in range(last, -1, -1):
            w, b = params[layer]
            grad_w = delta.T @ inputs[layer] + L2 * w
            grad_b = delta.sum(axis=0)
            if layer > 0:
                delta = (delta @ w) * masks[layer - 1] * derivative(outputs[layer - 1])
            w -= LEARNING_RATE * grad_w
            b -= LEARNING_RATE * grad_b

    def run_round():
        for i in range(BATCHES):
            step(xs[i], targets[i])

    return time_rounds(run_round, seconds)


def torch_peer(widths, activation, head, batch, seconds):
    import torch

    if not ALL_THREADS:
        torch.set_num_threads(1)
    torch.manual_seed(0)
    xs, ys = make_data(widths, head, batch)
    layers = []
    act = {"tanh": torch.nn.Tanh, "relu": torch.nn.ReLU, "sigmoid": torch.nn.Sigmoid}[activation]
    for layer, (w, b) in enumerate(initial_parameters(widths)):
        linear = torch.nn.Linear(w.shape[1], w.shape[0])
        with torch.no_grad():
            linear.weight.copy_(torch.from_numpy(w))
            linear.bias.copy_(torch.from_numpy(b))
        layers.append(linear)
        if layer < len(widths) - 2:
            layers += [act(), torch.nn.Dropout(DROPOUT)]
    model = torch.nn.Sequential(*layers).train()
    weights = [p for name, p in model.named_parameters() if name.endswith("weight")]
    biases = [p for name, p in model.named_parameters() if name.endswith("bias")]
    optimizer = torch.optim.SGD(
        [{"params": weights, "weight_decay": L2}, {"params": biases, "weight_decay": 0}], lr=LEARNING_RATE
    )
    if head == "binary":
        loss_fn = torch.nn.BCEWithLogitsLoss()
        targets = torch.from_numpy(ys).float().unsqueeze(-1)
    else:
        loss_fn = torch.nn.CrossEntropyLoss()
        targets = torch.from_numpy(ys).long()
    inputs = torch.from_numpy(xs)

    def run_round():
        for i in range(BATCHES):
            optimizer.zero_grad(set_to_none=True)
            loss_fn(model(inputs[i]), targets[i]).backward()
            optimizer.step()

    return time_rounds(run_round, seconds)


def jax_step_function(widths, activation, head, batch):
    """The pure SGD step (params, key, x, y) -> (params, key) for the jax peers."""
    import jax
    import jax.numpy as jnp

    act = {"tanh": jnp.tanh, "relu": jax.nn.relu, "sigmoid": jax.nn.sigmoid}[activation]
    keep = 1 - DROPOUT

    def loss(params, key, x, y):
        h = x
        for w, b in params[:-1]:
            key, sub = jax.random.split(key)
            h = act(h @ w.T + b)
            h = jnp.where(jax.random.bernoulli(sub, keep, h.shape), h / keep, 0)
        w, b = params[-1]
        z = h @ w.T + b
        if head == "binary":
            data = jnp.mean(jax.nn.softplus(z[:, 0]) - y * z[:, 0])
        else:
            data = -jnp.mean(jnp.take_along_axis(jax.nn.log_softmax(z), y[:, None], axis=1))
        return data + 0.5 * L2 * sum(jnp.sum(w * w) for w, _ in params)

    grad = jax.grad(loss)

    def step(params, key, x, y):
        key, sub = jax.random.split(key)
        grads = grad(params, sub, x, y)
        params = [(w - LEARNING_RATE * gw, b - LEARNING_RATE * gb) for (w, b), (gw, gb) in zip(params, grads)]
        return params, key

    return step


def jax_data(widths, head, batch):
    import jax.numpy as jnp

    xs, ys = make_data(widths, head, batch)
    params = [(jnp.asarray(w), jnp.asarray(b)) for w, b in initial_parameters(widths)]
    ys = jnp.asarray(ys.astype("float32") if head == "binary" else ys.astype("int32"))
    return params, jnp.asarray(xs), ys


def jax_jit_peer(widths, activation, head, batch, seconds):
    import jax

    step = jax.jit(jax_step_function(widths, activation, head, batch), donate_argnums=(0,))
    params, xs, ys = jax_data(widths, head, batch)
    state = {"params": params, "key": jax.random.PRNGKey(0)}
    batches = [(xs[i], ys[i]) for i in range(BATCHES)]

    def run_round():
        params, key = state["params"], state["key"]
        for x, y in batches:
            params, key = step(params, key, x, y)
        jax.block_until_ready(params)
        state["params"], state["key"] = params, key

    return time_rounds(run_round, seconds)


def jax_scan_peer(widths, activation, head, batch, seconds):
    import jax

    step = jax_step_function(widths, activation, head, batch)

    def epoch(params, key, xs, ys):
        def body(carry, batch_data):
            return step(*carry, *batch_data), None

        return jax.lax.scan(body, (params, key), (xs, ys))[0]

    epoch = jax.jit(epoch, donate_argnums=(0,))
    params, xs, ys = jax_data(widths, head, batch)
    state = {"params": params, "key": jax.random.PRNGKey(0)}

    def run_round():
        state["params"], state["key"] = jax.block_until_ready(epoch(state["params"], state["key"], xs, ys))

    return time_rounds(run_round, seconds)


PEER_FUNCTIONS = {"numpy": numpy_peer, "torch": torch_peer, "jax-jit": jax_jit_peer, "jax-scan": jax_scan_peer}


def run_peer_here(peer, workloads, seconds):
    """Child mode: time `peer` on each workload, print one JSON line each."""
    for name in workloads:
        widths, activation, head, batch = WORKLOADS[name]
        seconds_per_step = PEER_FUNCTIONS[peer](widths, activation, head, batch, seconds)
        print(json.dumps({"peer": peer, "workload": name, "samples_per_s": batch / seconds_per_step,
                          "us_per_step": seconds_per_step * 1e6}), flush=True)


def single_thread_environment(peer):
    env = dict(os.environ)
    if ALL_THREADS:
        env["DAM_PEERS_ALL_THREADS"] = "1"
        env["JAX_PLATFORMS"] = "cpu"
        return env
    for variable in ["OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS",
                     "NUMEXPR_NUM_THREADS"]:
        env[variable] = "1"
    env["XLA_FLAGS"] = (env.get("XLA_FLAGS", "") + " --xla_cpu_multi_thread_eigen=false"
                        " intra_op_parallelism_threads=1").strip()
    env["JAX_PLATFORMS"] = "cpu"
    if peer == "numpy":
        env.pop("OPENBLAS_CORETYPE", None)
        env.pop("OPENBLAS_L2_SIZE", None)
    return env


def checkout_of(binary):
    """The source checkout a dam-bench binary was built in (the nearest folder above it holding Package.swift),
    so a baseline built elsewhere reads its own presets; this checkout when there is none."""
    for folder in Path(binary).resolve().parents:
        if (folder / "Package.swift").exists():
            return folder
    return ROOT


def run_child(command, env, label, cwd=ROOT):
    """Runs a pinned child in `cwd`; returns its JSON lines (or none, with a note, if it fails)."""
    result = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["(no output)"])[-1]
        print(f"  {label}: failed ({last})", file=sys.stderr)
        return []
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def build_dam_bench(scratch_path):
    """Builds dam-bench in release mode; returns the binary's path."""
    print("building dam-bench (release)...", file=sys.stderr)
    build = ["swift", "build", "-c", "release", "--product", "dam-bench", "--scratch-path", scratch_path]
    subprocess.run(build, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    bin_path = subprocess.run(build[:4] + ["--show-bin-path", "--scratch-path", scratch_path], cwd=ROOT, check=True,
                              capture_output=True, text=True).stdout.strip()
    return str(Path(bin_path) / "dam-bench")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--peer", choices=PEERS, help=argparse.SUPPRESS)  # child mode
    parser.add_argument("--workloads", nargs="+", default=list(WORKLOADS), choices=list(WORKLOADS))
    parser.add_argument("--peers", nargs="+", default=PEERS, choices=PEERS)
    parser.add_argument("--seconds", type=float, default=1.0, help="timing per workload and peer")
    parser.add_argument("--passes", type=int, default=1, help="run every runner this many times, interleaved, "
                        "and keep each one's fastest figure")
    parser.add_argument("--core", default="0", help="CPU to pin every run to (taskset -c)")
    parser.add_argument("--threads", choices=["1", "all"], default="1",
                        help="1: one pinned core (default); all: every core, no pinning, dam-bench --threads auto")
    parser.add_argument("--scratch-path", default=".build", help="SwiftPM scratch path for dam-bench")
    parser.add_argument("--dam-bench", help="a dam-bench binary to use instead of building one")
    parser.add_argument("--venv", default=str(DEFAULT_VENV), help="the peers' virtualenv")
    parser.add_argument("--baseline-bench", help="another dam-bench binary (say, before a change) timed in the same "
                        "run, as a `baseline` column with its own ratio to the fastest peer")
    args = parser.parse_args()
    global ALL_THREADS
    ALL_THREADS = ALL_THREADS or args.threads == "all"
    if args.peer:
        run_peer_here(args.peer, args.workloads, args.seconds)
        return

    reexec_in_venv(Path(args.venv), ROOT / "bench" / "requirements.txt", __file__)
    pin = ["taskset", "-c", args.core] if shutil.which("taskset") and not ALL_THREADS else []
    if not pin and not ALL_THREADS:
        print("note: taskset not found; runs are not pinned", file=sys.stderr)
    dam_bench = args.dam_bench or build_dam_bench(args.scratch_path)

    results = {}  # (runner, workload) -> samples/s, the fastest over the passes

    def record(label, lines):
        for line in lines:
            key = (label, line["workload"])
            results[key] = max(results.get(key, 0), line["samples_per_s"])

    thread_options = ["--threads", "auto"] if ALL_THREADS else []
    benches = [("dam-bench", dam_bench, thread_options)]
    benches += [("dam-1t", dam_bench, ["--threads", "1"])] if ALL_THREADS else []
    benches += [("baseline", args.baseline_bench, thread_options)] if args.baseline_bench else []
    passes = max(1, args.passes)
    for number in range(1, passes + 1):
        suffix = f" (pass {number}/{passes})" if passes > 1 else ""
        for peer in args.peers:
            print(f"running {peer}{suffix}...", file=sys.stderr)
            command = pin + [sys.executable, str(Path(__file__).resolve()), "--peer", peer, "--seconds",
                             str(args.seconds), "--workloads", *args.workloads]
            record(peer, run_child(command, single_thread_environment(peer), peer))
        for label, binary, options in benches:
            print(f"running {label}{suffix}...", file=sys.stderr)
            command = pin + [binary, "--json", "--round-seconds", str(args.seconds / 5)] + options
            for name in args.workloads:
                command += ["--workload", name]
            record(label, run_child(command, single_thread_environment("dam-bench"), label, checkout_of(binary)))

    columns = args.peers + [label for label, _, _ in benches]
    ratios = [label for label, _, _ in benches if label != "dam-1t"]
    header = f"{'workload':<9}" + "".join(f"{c:>12}" for c in columns) + f"{'dam/best':>10}"
    header += f"{'base/best':>10}" if args.baseline_bench else ""
    header += f"{'dam/1t':>10}" if ALL_THREADS else ""
    header += "  fastest peer"
    over = f", over {passes} interleaved passes" if passes > 1 else ""
    where = (f"on every core ({os.cpu_count()}, unpinned)" if ALL_THREADS else f"on one core (taskset -c {args.core})")
    print(f"samples/s {where}, fastest of timed rounds of {BATCHES} steps{over}")
    print(header)
    for name in args.workloads:
        row = f"{name:<9}"
        for column in columns:
            value = results.get((column, name))
            row += f"{value:>12.0f}" if value else f"{'-':>12}"
        peers = {p: results[(p, name)] for p in args.peers if (p, name) in results}
        if peers:
            best = max(peers, key=peers.get)
            for label in ratios:
                value = results.get((label, name))
                row += f"{value / peers[best]:>9.2f}x" if value else f"{'-':>10}"
        if ALL_THREADS:
            many, one = results.get(("dam-bench", name)), results.get(("dam-1t", name))
            row += f"{many / one:>9.2f}x" if many and one else f"{'-':>10}"
        if peers:
            row += f"  {best}"
        print(row)


if __name__ == "__main__":
    main()
