#!/usr/bin/env python3
"""Prints the lesson table of issue 11: for every built-in lesson its goal, the goal value as shipped and after
the first try (with the lesson's seed), whether it was met, and the leading finding (first of `findings`) at each
evaluation where it changed, as shipped and after the first try.

Usage: python3 scripts/lesson-table.py .build/release/dam-tui . [lesson ...]
"""
import json, subprocess, sys, tomllib, glob, os
binary = sys.argv[1]
root = sys.argv[2]
def run(name, args):
    out = subprocess.run([binary, "train", "--preset", name, "--jsonl", "-", "--quiet", "--no-log"] + args,
                         capture_output=True, text=True, cwd=root, check=True)
    recs = [json.loads(l) for l in out.stdout.splitlines() if l.strip()]
    final = recs[-1]
    leaders = []
    for r in recs:
        f = r.get("findings") or []
        lead = f[0]["id"] if f else "-"
        if not leaders or leaders[-1][1] != lead:
            leaders.append((r["step"], lead))
    return final, leaders
print("| lesson | goal | shipped | after try 1 | met (shipped/after) | leading as shipped | leading after try 1 |")
print("|---|---|---|---|---|---|---|")
for path in sorted(glob.glob(os.path.join(root, "presets/*.toml"))):
    name = os.path.basename(path)[:-5]
    if len(sys.argv) > 3 and name not in sys.argv[3:]: continue
    lesson = tomllib.load(open(path, "rb")).get("lesson")
    if not lesson: continue
    t = lesson["try"][0]
    args = []
    for s in t["set"]:
        args += (["--set", s] if t.get("reinitialize") else ["--change", "0:" + s])
    f0, l0 = run(name, [])
    f1, l1 = run(name, args)
    fmt = lambda v: "%.3g" % v if isinstance(v, float) else str(v)
    def leads(l): return " ".join("%s@%d" % (id, s) for s, id in l)
    print(f"| {name} | `{f0.get('goal')}` | {fmt(f0.get('goal_value'))} | {fmt(f1.get('goal_value'))} | "
          f"{f0.get('goal_met')}/{f1.get('goal_met')} | {leads(l0)} | {leads(l1)} |")
    sys.stdout.flush()
