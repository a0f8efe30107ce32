"""The virtualenv a benchmark script installs its pinned peers into (never the system Python, never
during `swift test`): created on first use and rebuilt when the requirements file changes."""

import hashlib
import os
import subprocess
import sys
from pathlib import Path


def ensure_venv(venv, requirements):
    """Creates `venv` and installs `requirements` (a pinned requirements file) when the virtualenv is
    missing or was made from another version of the file; returns its Python."""
    digest = hashlib.sha256(requirements.read_bytes()).hexdigest()
    stamp = venv / f"{requirements.stem}.sha256"
    python = venv / "bin" / "python"
    if python.exists() and stamp.exists() and stamp.read_text().strip() == digest:
        return python
    print(f"installing the peers into {venv} (bench/{requirements.name}; once)...", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "-r", str(requirements)], check=True)
    stamp.write_text(digest + "\n")
    return python


def reexec_in_venv(venv, requirements, script):
    """Runs `script` again with the same arguments under the Python of `venv` (made ready first), unless
    this process already runs there."""
    if Path(sys.prefix).resolve() == venv.resolve():
        return
    python = ensure_venv(venv, requirements)
    os.execv(str(python), [str(python), str(Path(script).resolve()), *sys.argv[1:]])
