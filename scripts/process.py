"""Child processes that start servers: stopped with everything they started.

`make serve`, `make bench` and the tests start `mkdocs serve` (and the serve
supervisor) in a session of their own, so a signal to its process group reaches
its children as well, and a reader's Ctrl-C in the terminal does not.
"""
from __future__ import annotations

import os
import signal
import subprocess


def stop(proc: subprocess.Popen, timeout: float = 15) -> None:
    """End `proc` and its children by their process group: politely, then for good."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
