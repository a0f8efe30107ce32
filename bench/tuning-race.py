#!/usr/bin/env python3
"""A tuning race: how soon does each tool find a well-tuned model? The same search, on the same data, side by
side, in one run: `dam-tui sweep`, scikit-learn's HalvingRandomSearchCV over MLPClassifier, and Optuna (TPE with a
successive-halving pruner) over a PyTorch MLP.

    python3 bench/tuning-race.py                    # every runner for 60 s each, then the table and the plot
    python3 bench/tuning-race.py --seconds 10       # a short race (while developing)
    python3 bench/tuning-race.py --runners dam-tui optuna --seconds 20
    python3 bench/tuning-race.py --dam-tui .build/release/dam-tui --no-plot

Requirements: Python 3.10+, a Swift toolchain (the script builds dam-tui in release mode unless --dam-tui is
given) and network access to PyPI the first time: the peers (pinned in bench/race-requirements.txt: numpy,
scipy, scikit-learn, torch, optuna, matplotlib) are installed into a virtualenv of the script's own,
~/.cache/dam-tui/race-venv (DAM_RACE_VENV moves it), which is rebuilt when the requirements file changes. The
script then runs itself again with that virtualenv's Python. Nothing is installed anywhere else, and `swift
test` never runs this script.

The question is "how soon do I have a well-tuned model?", so every figure is wall-clock time since the runner's
process was started (its start-up and imports included), on the whole machine (no taskset: every runner uses
--jobs workers, default every core; each worker single-threaded, OMP/MKL/OPENBLAS_NUM_THREADS=1 and
torch.set_num_threads(1)). The runners go one after another, each alone on the machine for --seconds; a runner
still searching at its deadline is stopped, and a runner that finishes its search early starts the same search
again with the next seed, so that each has the whole budget. --seed is the sampling seed of every runner
(dam-tui --sample-seed, scikit-learn's random_state, Optuna's TPE seed plus the worker number); the data
split is always the digits preset's (its run.seed 11, which every dam-tui trial also trains with).

Data: `dam-tui data --preset digits --out FILE.csv`, the prepared split of the `digits` preset (1,797 UCI 8x8
digit images, 64 standardized inputs, 10 classes; 70% training, 30% validation, seed 11). Every runner trains
on the training rows and scores on the validation rows of that file (scikit-learn through a PredefinedSplit,
not cross-validation; no refit).

Space (every runner samples these; log-uniform where marked):

    learning rate  log-uniform 1e-4 .. 1
    L2             log-uniform 1e-6 .. 1e-1
    hidden width   log-uniform integer 16 .. 256 (one hidden layer, as the digits preset: 64-W-10)
    dropout        uniform 0 .. 0.5 (not in scikit-learn's MLPClassifier, which has no dropout)

Fairness choices:

- Model: the `digits` preset's shape, 64 inputs, one ReLU hidden layer of the sampled width, softmax and
  cross-entropy over 10 classes, Adam (0.9, 0.999, 1e-8), batch 64, reshuffled each epoch; the CSV is read as
  float32 for all three.
- Initialization: dam-tui and PyTorch He-normal N(0, 2/fan_in) with zero biases (the preset's); scikit-learn's
  MLPClassifier always uses its own Glorot-uniform, which cannot be changed.
- L2: dam-tui adds l2 * W to the gradient of weights only. PyTorch: Adam's weight_decay = l2 on the weight
  matrices only (a separate parameter group for biases), which is the same rule. scikit-learn's alpha
  adds alpha * W / batch_size to the gradient, so alpha = l2 * 64.
- Budget: at most 1,500 steps per trial (the preset's run.steps). dam-tui: --budget 1500. PyTorch: 1,500
  steps. scikit-learn counts epochs (max_iter): the 1,258 training rows make 20 batches of 64 (19 full and
  one of 42), so 75 epochs would be 1,500 steps; its rungs are whole epochs (below), the last 81 epochs =
  1,620 steps, 8% more than the others' (in its favour for accuracy, against it for time). Its early stop on
  a flat training loss (tol 1e-4, 10 epochs) stays as scikit-learn ships it.
- Search: successive halving with reduction factor 3 for all three. dam-tui: --trials 81 (rungs of 81, 27, 9
  and 3 trials at 55, 166, 500 and 1,500 steps). scikit-learn: HalvingRandomSearchCV with 81 candidates,
  resource max_iter, factor 3, rungs of 81, 27, 9 and 3 candidates at 3, 9, 27 and 81 epochs (its
  min_resources="exhaust" would stop at 27 epochs here); it trains every rung from scratch, as it always
  does. Optuna: TPE (seeded) and SuccessiveHalvingPruner(min_resource=100, reduction_factor=3),
  evaluating every 100 steps (the preset's run.eval_every, as dam-tui does); --jobs worker processes sharing
  one journal-file study (Optuna's own n_jobs uses threads, which the GIL serializes).
- Workers: --jobs for every runner (dam-tui --jobs, scikit-learn n_jobs with its process pool, Optuna
  processes).
- What counts: every trial's validation accuracy when it stops training (completed or pruned), at the moment
  the runner makes it known: dam-tui's JSON line (`--jsonl -`, written when the trial will not train again,
  so a rung's pruned trials arrive at the end of their rung), scikit-learn's scorer call (at the end of each
  fit), Optuna's trial end. A pruned trial's accuracy counts: a user would keep that model too.

Report: for each runner, the trials with a result, the time of the first result, the time to the first trial
at 97.5% and at 98% validation accuracy (and at 97%, an extra column: the validation split has 539 rows, so
97%, 97.5% and 98% mean 523, 526 and 529 right, and in development runs no runner's model got past 525), and
the best validation accuracy after 5, 20 and 60 seconds; dam-tui's ratio to the fastest peer; the best-so-far
curves as an SVG (bench/tuning-race.svg, --plot to move it); every trial's time and accuracy as JSON (--json).

Shared machines: the runners go one after another, so a neighbour's burst of load lands on one of them. The
script prints the load average (`uptime`) before and after; quote it with the figures.
"""

import argparse
import hashlib
import json
import math
import os
import select
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from peer_venv import reexec_in_venv

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ROOT / "bench" / "race-requirements.txt"
DEFAULT_VENV = Path(os.environ.get("DAM_RACE_VENV", Path.home() / ".cache" / "dam-tui" / "race-venv"))
RUNNERS = ["dam-tui", "sklearn", "optuna"]
THRESHOLDS = [0.97, 0.975, 0.98]  # 97% is extra: the issue asks for 97.5% and 98%
BUDGETS = [5, 20, 60]

# The space and the fixed settings (the digits preset's).
LR = (1e-4, 1.0)
L2 = (1e-6, 1e-1)
WIDTH = (16, 256)
DROPOUT = (0.0, 0.5)
BATCH = 64
STEPS = 1500
EVAL_EVERY = 100
TRIALS = 81
FACTOR = 3
CLASSES = 10
DATA_SEED = 11  # the digits preset's run.seed: its split is the one `dam-tui data` exports


# --- Data -----------------------------------------------------------------------------------------------


def load_split(csv_path):
    """(x_train, y_train, x_val, y_val) as float32 / int64 arrays from `dam-tui data`'s CSV."""
    import numpy as np

    with open(csv_path) as f:
        header = f.readline().strip().split(",")
        rows = [line.strip().split(",") for line in f if line.strip()]
    features = [i for i, name in enumerate(header) if name.startswith("x")]
    target = header.index("y")
    split = header.index("split")
    x = np.array([[float(r[i]) for i in features] for r in rows], dtype=np.float32)
    y = np.array([int(float(r[target])) for r in rows], dtype=np.int64)
    train = np.array([r[split] == "train" for r in rows])
    return x[train], y[train], x[~train], y[~train]


def single_thread_environment():
    env = dict(os.environ)
    for variable in ["OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS",
                     "NUMEXPR_NUM_THREADS"]:
        env[variable] = "1"
    env["PYTHONWARNINGS"] = "ignore"
    return env


def record(events_path, accuracy, **extra):
    """Appends one finished trial (wall-clock time, accuracy) to the events file, in one write."""
    line = json.dumps({"time": time.time(), "val_acc": float(accuracy), **extra}) + "\n"
    fd = os.open(events_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, line.encode())
    finally:
        os.close(fd)


# --- scikit-learn ---------------------------------------------------------------------------------------


class LogUniformWidth:
    """One hidden layer of a log-uniform integer width, floor(exp(U(ln low, ln (high + 1)))), as dam-tui."""

    def __init__(self, low, high):
        self.low, self.high = low, high

    def rvs(self, random_state=None):
        """A one-element tuple: MLPClassifier's hidden_layer_sizes. `random_state` is the search's RandomState."""
        import numpy as np

        rng = random_state if random_state is not None else np.random.RandomState()
        width = int(math.exp(rng.uniform(math.log(self.low), math.log(self.high + 1))))
        return (min(max(width, self.low), self.high),)


def sklearn_worker(args):
    import warnings

    import numpy as np
    from scipy.stats import loguniform
    from sklearn.experimental import enable_halving_search_cv  # noqa: F401
    from sklearn.metrics import accuracy_score
    from sklearn.model_selection import HalvingRandomSearchCV, PredefinedSplit
    from sklearn.neural_network import MLPClassifier

    warnings.filterwarnings("ignore")
    x_train, y_train, x_val, y_val = load_split(args.csv)
    x = np.concatenate([x_train, x_val])
    y = np.concatenate([y_train, y_val])
    folds = PredefinedSplit(np.concatenate([np.full(len(y_train), -1), np.zeros(len(y_val), dtype=int)]))
    events = args.events

    def scorer(estimator, x_score, y_score):
        accuracy = accuracy_score(y_score, estimator.predict(x_score))
        params = estimator.get_params()
        record(events, accuracy, steps=int(estimator.n_iter_) * math.ceil(len(y_train) / BATCH),
               params={"learning_rate_init": params["learning_rate_init"], "alpha": params["alpha"],
                       "hidden_layer_sizes": list(params["hidden_layer_sizes"])})
        return accuracy

    space = {
        "learning_rate_init": loguniform(*LR),
        "alpha": loguniform(L2[0] * BATCH, L2[1] * BATCH),
        "hidden_layer_sizes": LogUniformWidth(*WIDTH),
    }
    # 3, 9, 27 and 81 epochs: the nearest whole-epoch rungs to dam-tui's 55, 166, 500 and 1,500 steps.
    first_epochs = 3
    seed = args.seed
    while True:
        search = HalvingRandomSearchCV(
            MLPClassifier(activation="relu", solver="adam", batch_size=BATCH, shuffle=True, random_state=seed),
            space, n_candidates=TRIALS, factor=FACTOR, resource="max_iter",
            min_resources=first_epochs, max_resources=first_epochs * FACTOR**3, cv=folds, scoring=scorer,
            refit=False, n_jobs=args.jobs, random_state=seed, return_train_score=False, error_score="raise")
        search.fit(x, y)
        seed += 1


# --- Optuna over PyTorch --------------------------------------------------------------------------------


def optuna_worker(args):
    import logging

    import optuna
    import torch

    torch.set_num_threads(1)
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    logging.getLogger("optuna").setLevel(logging.WARNING)
    x_train, y_train, x_val, y_val = (torch.from_numpy(a) for a in load_split(args.csv))
    storage = optuna.storages.JournalStorage(optuna.storages.journal.JournalFileBackend(args.journal))
    sampler = optuna.samplers.TPESampler(seed=args.seed + 1000 * args.worker_index)
    pruner = optuna.pruners.SuccessiveHalvingPruner(min_resource=EVAL_EVERY, reduction_factor=FACTOR)
    study = optuna.create_study(storage=storage, study_name="race", direction="maximize", sampler=sampler,
                                pruner=pruner, load_if_exists=True)
    generator = torch.Generator().manual_seed(args.seed + args.worker_index)
    rows = len(y_train)

    def objective(trial):
        lr = trial.suggest_float("learning_rate", *LR, log=True)
        l2 = trial.suggest_float("l2", *L2, log=True)
        width = trial.suggest_int("hidden", *WIDTH, log=True)
        dropout = trial.suggest_float("dropout", *DROPOUT)
        hidden = torch.nn.Linear(x_train.shape[1], width)
        output = torch.nn.Linear(width, CLASSES)
        for layer in (hidden, output):
            torch.nn.init.kaiming_normal_(layer.weight, nonlinearity="relu", generator=generator)
            torch.nn.init.zeros_(layer.bias)
        model = torch.nn.Sequential(hidden, torch.nn.ReLU(), torch.nn.Dropout(dropout), output)
        optimizer = torch.optim.Adam([
            {"params": [hidden.weight, output.weight], "weight_decay": l2},
            {"params": [hidden.bias, output.bias], "weight_decay": 0.0},
        ], lr=lr)
        loss_fn = torch.nn.CrossEntropyLoss()
        accuracy = 0.0
        order = torch.randperm(rows, generator=generator)
        position = 0
        for step in range(1, STEPS + 1):
            if position >= rows:
                order = torch.randperm(rows, generator=generator)
                position = 0
            batch = order[position:position + BATCH]
            position += BATCH
            model.train()
            optimizer.zero_grad(set_to_none=True)
            loss = loss_fn(model(x_train[batch]), y_train[batch])
            if not torch.isfinite(loss):
                record(args.events, accuracy, steps=step, params=trial.params, status="diverged")
                return accuracy
            loss.backward()
            optimizer.step()
            if step % EVAL_EVERY == 0 or step == STEPS:
                model.eval()
                with torch.no_grad():
                    accuracy = (model(x_val).argmax(dim=1) == y_val).float().mean().item()
                trial.report(accuracy, step)
                if trial.should_prune():
                    record(args.events, accuracy, steps=step, params=trial.params, status="pruned")
                    raise optuna.TrialPruned()
        record(args.events, accuracy, steps=STEPS, params=trial.params, status="completed")
        return accuracy

    study.optimize(objective, n_trials=None, timeout=None, catch=(Exception,))


# --- Running the runners --------------------------------------------------------------------------------


def build_dam_tui(scratch_path):
    """Builds dam-tui in release mode; returns the binary's path."""
    print("building dam-tui (release)...", file=sys.stderr)
    build = ["swift", "build", "-c", "release", "--product", "dam-tui", "--scratch-path", scratch_path]
    subprocess.run(build, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    bin_path = subprocess.run(build[:4] + ["--show-bin-path", "--scratch-path", scratch_path], cwd=ROOT, check=True,
                              capture_output=True, text=True).stdout.strip()
    return str(Path(bin_path) / "dam-tui")


def stop(process):
    """SIGINT, then SIGKILL after a second, to the process group of `process`."""
    for sig, wait in ((signal.SIGINT, 1.0), (signal.SIGKILL, 5.0)):
        if process.poll() is not None:
            return
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(wait)
        except subprocess.TimeoutExpired:
            pass


def run_dam_tui(binary, args):
    """Sweeps until the deadline; (seconds, accuracy, trial) list. Every sweep trains with --seed 11, the
    exported split's; a sweep that ends early is followed by another with the next --sample-seed (other
    trials, the same split). --no-log: the peers keep no run directories either."""
    command = [binary, "sweep", "--preset", "digits",
               "--vary", f"training.learning_rate=log:{LR[0]}..{LR[1]}",
               "--vary", f"training.l2=log:{L2[0]}..{L2[1]}",
               "--vary", f"model.hidden=log:{WIDTH[0]}..{WIDTH[1]}",
               "--vary", f"model.dropout=lin:{DROPOUT[0]}..{DROPOUT[1]}",
               "--trials", str(TRIALS), "--budget", str(STEPS), "--jobs", str(args.jobs), "--jsonl", "-",
               "--no-log"]
    events = []
    started = time.time()
    deadline = started + args.seconds
    seed = args.seed
    while time.time() < deadline:
        process = subprocess.Popen(command + ["--seed", str(DATA_SEED), "--sample-seed", str(seed)],
                                   stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, start_new_session=True)
        descriptor = process.stdout.fileno()
        buffer = ""
        while True:
            now = time.time()
            if now >= deadline:
                stop(process)
                break
            ready, _, _ = select.select([descriptor], [], [], min(0.05, deadline - now))
            if ready:
                chunk = os.read(descriptor, 1 << 16).decode()
                if not chunk:
                    break
                arrived = time.time()
                buffer += chunk
                *lines, buffer = buffer.split("\n")
                for line in lines:
                    if line.startswith("{"):
                        trial = json.loads(line)
                        if trial.get("val_acc") is not None and arrived <= deadline:
                            events.append({"time": arrived - started, "val_acc": trial["val_acc"],
                                           "steps": trial["steps"], "status": trial["status"],
                                           "params": trial["params"], "seed": seed})
        process.stdout.close()
        process.wait()
        problem = process.stderr.read().decode(errors="replace").strip()
        process.stderr.close()
        if process.returncode not in (0, 130, -signal.SIGINT, -signal.SIGKILL):
            print(f"  dam-tui sweep failed ({process.returncode}): {problem}", file=sys.stderr)
            break
        seed += 1
    return events


def run_python_runner(name, python, args, workdir):
    """Runs the sklearn or optuna worker(s) until the deadline; (seconds, accuracy, ...) list."""
    events_path = Path(workdir) / f"{name}-events.jsonl"
    events_path.unlink(missing_ok=True)
    script = str(Path(__file__).resolve())
    base = [str(python), script, "--worker", name, "--csv", args.csv, "--events", str(events_path),
            "--seed", str(args.seed), "--jobs", str(args.jobs)]
    env = single_thread_environment()
    started = time.time()
    if name == "sklearn":
        commands = [base]
    else:
        journal = Path(workdir) / "optuna-journal.log"
        journal.unlink(missing_ok=True)
        commands = [base + ["--journal", str(journal), "--worker-index", str(i)] for i in range(args.jobs)]
    processes = [subprocess.Popen(c, env=env, cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE) for c in commands]
    deadline = started + args.seconds
    while time.time() < deadline and any(p.poll() is None for p in processes):
        time.sleep(0.05)
    for process in processes:
        stop(process)
    for process in processes:
        if process.returncode not in (0, -signal.SIGINT, -signal.SIGKILL, None):
            tail = process.stderr.read().decode(errors="replace").strip().splitlines()[-5:]
            print(f"  {name}: a worker failed: {' | '.join(tail)}", file=sys.stderr)
        process.stderr.close()
    events = []
    if events_path.exists():
        for line in events_path.read_text().splitlines():
            event = json.loads(line)
            event["time"] -= started
            if event["time"] <= args.seconds:
                events.append(event)
    return sorted(events, key=lambda e: e["time"])


# --- The report -----------------------------------------------------------------------------------------


def first_time(events, threshold):
    return next((e["time"] for e in events if e["val_acc"] >= threshold - 1e-12), None)


def best_by(events, seconds):
    values = [e["val_acc"] for e in events if e["time"] <= seconds]
    return max(values) if values else None


def uptime():
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "(uptime unavailable)"


def report(results, seconds):
    budgets = [b for b in BUDGETS if b < seconds] + [seconds]
    header = f"{'runner':<9}{'trials':>8}{'first':>8}"
    header += "".join(f"{'t(' + format(t * 100, 'g') + '%)':>10}" for t in THRESHOLDS)
    header += "".join(f"{'best@' + format(b, 'g') + 's':>10}" for b in budgets)
    lines = [header]
    for name, events in results.items():
        row = f"{name:<9}{len(events):>8}"
        row += f"{events[0]['time']:>7.1f}s" if events else f"{'-':>8}"
        for threshold in THRESHOLDS:
            found = first_time(events, threshold)
            row += f"{found:>9.1f}s" if found is not None else f"{'-':>10}"
        for budget in budgets:
            best = best_by(events, budget)
            row += f"{best * 100:>9.2f}%" if best is not None else f"{'-':>10}"
        lines.append(row)
    if "dam-tui" in results and len(results) > 1:
        lines.append("")
        for threshold in THRESHOLDS:
            ours = first_time(results["dam-tui"], threshold)
            peers = [first_time(e, threshold) for n, e in results.items() if n != "dam-tui"]
            peers = [p for p in peers if p is not None]
            label = f"to {threshold * 100:g}%"
            if ours is None:
                lines.append(f"dam-tui {label}: not reached in {seconds:g} s")
            elif not peers:
                lines.append(f"dam-tui {label}: {ours:.1f} s; no peer reached it in {seconds:g} s")
            else:
                lines.append(f"dam-tui {label}: {min(peers) / ours:.1f}x sooner than the fastest peer "
                             f"({ours:.1f} s against {min(peers):.1f} s)")
        for budget in budgets:
            ours = best_by(results["dam-tui"], budget)
            peers = [best_by(e, budget) for n, e in results.items() if n != "dam-tui"]
            peers = [p for p in peers if p is not None]
            if ours is not None and peers:
                verdict = "at least" if ours >= max(peers) else "below"
                lines.append(f"best after {budget:g} s: dam-tui {ours * 100:.2f}% is {verdict} the best peer's "
                             f"{max(peers) * 100:.2f}%")
            elif ours is not None:
                lines.append(f"best after {budget:g} s: dam-tui {ours * 100:.2f}%, no peer had a result")
    return "\n".join(lines)


def plot(results, seconds, path, load, jobs):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    matplotlib.rcParams["svg.hashsalt"] = "dam-tui"  # stable ids, so a committed SVG diffs cleanly
    figure, axis = plt.subplots(figsize=(7.5, 4.2))
    colours = {"dam-tui": "#d62728", "sklearn": "#1f77b4", "optuna": "#2ca02c"}
    labels = {"dam-tui": "dam-tui sweep (halving)", "sklearn": "scikit-learn HalvingRandomSearchCV",
              "optuna": "Optuna TPE + SHA pruner (PyTorch)"}
    for name, events in results.items():
        times, best, current = [], [], None
        for event in events:
            if current is None or event["val_acc"] > current:
                current = event["val_acc"]
                times.append(event["time"])
                best.append(current * 100)
        if times:
            times.append(seconds)
            best.append(best[-1])
            axis.step(times, best, where="post", color=colours.get(name), label=labels.get(name, name), lw=1.8)
            axis.plot(times[:1], best[:1], "o", color=colours.get(name), ms=4)
    for threshold in THRESHOLDS:
        axis.axhline(threshold * 100, color="grey", lw=0.8, ls="--")
    axis.set_xlim(0, seconds)
    axis.set_ylim(85, 100)
    axis.set_xlabel("wall time since the runner started (s)")
    axis.set_ylabel("best validation accuracy so far (%)")
    axis.set_title(f"digits, the same space and split, {jobs} workers each: best validation accuracy so far",
                   fontsize=10)
    axis.text(0.99, 0.02, load, transform=axis.transAxes, ha="right", va="bottom", fontsize=7, color="grey")
    axis.grid(alpha=0.3)
    axis.legend(loc="lower right", bbox_to_anchor=(1, 0.08), fontsize=8)
    figure.tight_layout()
    figure.savefig(path, metadata={"Date": None})
    print(f"plot: {path}", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="wall-clock budget of each runner")
    parser.add_argument("--runners", nargs="+", default=RUNNERS, choices=RUNNERS)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="workers of every runner")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--dam-tui", help="a dam-tui binary to use instead of building one")
    parser.add_argument("--scratch-path", default=".build", help="SwiftPM scratch path for dam-tui")
    parser.add_argument("--venv", default=str(DEFAULT_VENV), help="the peers' virtualenv")
    parser.add_argument("--plot", default=str(ROOT / "bench" / "tuning-race.svg"), help="where to write the plot")
    parser.add_argument("--no-plot", action="store_true")
    parser.add_argument("--json", help="write every trial's time and accuracy, by runner, to this file")
    # Worker mode (the script starts itself with these).
    parser.add_argument("--worker", choices=["sklearn", "optuna"], help=argparse.SUPPRESS)
    parser.add_argument("--worker-index", dest="worker_index", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--csv", help=argparse.SUPPRESS)
    parser.add_argument("--events", help=argparse.SUPPRESS)
    parser.add_argument("--journal", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        (optuna_worker if args.worker == "optuna" else sklearn_worker)(args)
        return

    reexec_in_venv(Path(args.venv), REQUIREMENTS, __file__)

    binary = args.dam_tui or build_dam_tui(args.scratch_path)
    with tempfile.TemporaryDirectory(prefix="tuning-race-") as workdir:
        args.csv = str(Path(workdir) / "digits.csv")
        subprocess.run([binary, "data", "--preset", "digits", "--out", args.csv], check=True,
                       stdout=subprocess.DEVNULL)
        load_before = uptime()
        print(f"load before: {load_before}", file=sys.stderr)
        results = {}
        for name in args.runners:
            print(f"running {name} for {args.seconds:g} s on {args.jobs} workers...", file=sys.stderr)
            if name == "dam-tui":
                results[name] = run_dam_tui(binary, args)
            else:
                results[name] = run_python_runner(name, sys.executable, args, workdir)
        load_after = uptime()
    print(f"load after: {load_after}", file=sys.stderr)
    print(f"tuning race on digits: {args.seconds:g} s per runner, {args.jobs} workers each, seed {args.seed}")
    print(report(results, args.seconds))
    print(f"load average before/after: {load_before.split('load average:')[-1].strip()} / "
          f"{load_after.split('load average:')[-1].strip()} ({os.cpu_count()} cores)")
    if args.json:
        Path(args.json).write_text(json.dumps({"seconds": args.seconds, "jobs": args.jobs, "seed": args.seed,
                                               "load_before": load_before, "load_after": load_after,
                                               "runners": results}, indent=1) + "\n")
    if not args.no_plot:
        load = "load average " + load_after.split("load average:")[-1].strip() + f" on {os.cpu_count()} cores"
        plot(results, args.seconds, args.plot, load, args.jobs)


if __name__ == "__main__":
    main()
