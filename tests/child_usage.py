"""Run a command and measure what it and its own children cost, from the kernel's accounting (processor
time and peak resident memory), not from the wall clock, which a busy machine stretches."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

_WRAPPER = """
import json, resource, subprocess, sys
result = subprocess.run(json.loads(sys.argv[1]), capture_output=True, text=True, timeout=float(sys.argv[2]))
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"returncode": result.returncode, "stdout": result.stdout, "stderr": result.stderr,
                  "cpu": usage.ru_utime + usage.ru_stime, "maxrss": usage.ru_maxrss * 1024}))
"""


@dataclass(frozen=True)
class Usage:
    returncode: int
    stdout: str
    stderr: str
    cpu: float
    """Processor seconds of the command and every process it waited for."""
    maxrss: int
    """Peak resident memory of the largest of those processes, in bytes."""


def measured(command: list[str], timeout: float = 180) -> Usage:
    """Run `command` in a fresh process and measure it (`Usage`)."""
    scripts = str(Path(__file__).resolve().parent.parent / "scripts")
    environ = os.environ | {"PYTHONPATH": os.pathsep.join(filter(None, [scripts, os.environ.get("PYTHONPATH")]))}
    out = subprocess.run([sys.executable, "-c", _WRAPPER, json.dumps(command), str(timeout)], capture_output=True, text=True,
                         timeout=timeout + 30, check=True, env=environ)
    return Usage(**json.loads(out.stdout))


def python(code: str, *args: str | Path) -> list[str]:
    """A command running `code` with this interpreter."""
    return [sys.executable, "-c", code, *map(str, args)]
