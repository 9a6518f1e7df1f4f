"""Read a dispatch file in a child process with a processor-time and memory limit.

The readers are third-party libraries parsing whatever staff were sent: a PDF whose page tree loops,
a stream that inflates to gigabytes. The bounds in `readers` and `containers` refuse what they can
see; what they cannot is stopped here. The child (`python -m campaign_site.importing.sandbox FILE`)
sets its own limits, reads the file and writes one JSON object on standard output: the text, or the
Vietnamese reason it could not. A child killed by a limit, or that writes nothing readable, becomes
`UnreadableFile` naming the file. The child's standard error (library warnings, a traceback) is
never shown to staff.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

from campaign_site.core.catalogue import plain
from campaign_site.importing.readers import UnreadableFile, read_text

CPU_SECONDS = 8
"""Reading a 40-page PDF takes about 2.5 s of processor time (`pdf_text.MAX_PAGES` pages: 5 s)."""
WALL_SECONDS = 40
"""On a machine busy with other work the child may wait for the processor: it gets five times its share."""
MEMORY_BYTES = 768 * 1024 * 1024
"""Address space of the child: Python and the readers reserve about 400 MB to read a 40-page PDF."""
_SCRIPTS = Path(__file__).resolve().parents[2]


def read_bounded(path: Path) -> str:
    """The document's text as `readers.read_text` gives it, or `UnreadableFile` in Vietnamese naming the file."""
    environ = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(_SCRIPTS), os.environ.get("PYTHONPATH")])),
               "PYTHONWARNINGS": "ignore", "PYTHONIOENCODING": "utf-8"}
    try:
        child = subprocess.run([sys.executable, "-m", __name__, str(path)], capture_output=True, env=environ,
                               timeout=WALL_SECONDS, check=False)
    except subprocess.TimeoutExpired as exc:
        raise UnreadableFile(_too_costly(path, plain("import.too_slow"))) from exc
    try:
        answer = json.loads(child.stdout.decode("utf-8"))
    except ValueError:
        answer = None
    if not isinstance(answer, dict):  # killed by a limit before it could answer
        raise UnreadableFile(_too_costly(path, plain("import.too_slow") if _over_time(child.returncode) else plain("import.too_much_memory")))
    if "text" in answer:
        return str(answer["text"])
    raise UnreadableFile(str(answer.get("error") or _too_costly(path, plain("import.too_much_memory"))))


def _over_time(returncode: int) -> bool:
    return returncode in (-9, -24, 128 + 24)  # SIGKILL after the hard limit, SIGXCPU at the soft one


def _too_costly(path: Path, what: str) -> str:
    return (plain("import.too_costly", name=path.name, what=what))


def _child(path: Path) -> dict[str, str]:
    """What the child answers: the text, or why not."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS + 5))
    try:
        return {"text": read_text(path)}
    except UnreadableFile as exc:
        return {"error": str(exc)}
    except MemoryError:
        return {"error": _too_costly(path, plain("import.too_much_memory"))}


if __name__ == "__main__":
    sys.stdout.write(json.dumps(_child(Path(sys.argv[1])), ensure_ascii=True))
