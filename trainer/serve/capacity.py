"""How many practice-room sessions a machine can hold at once.

Each browser session runs its own app process, and each process loads the grader (torch and a
sentence-embedding model): about 540 MB resident once the model is in (measured with
benchmarks/serve_memory.py). Without a cap, a room of 30 laptops, or one page opening sockets
in a loop, runs the server out of memory and every trainee loses the call in progress.
"""

from __future__ import annotations

import os
from pathlib import Path

SESSION_BYTES = 540 * 1024 * 1024
"""Resident memory of one session's app process once the grader has loaded."""

RESERVE_BYTES = 1024 * 1024 * 1024
"""Memory left for the server itself, the database and the rest of the machine."""

MEMINFO = Path("/proc/meminfo")


def _mem_available() -> int | None:
    """Linux's MemAvailable in bytes, or None where /proc/meminfo does not say."""
    try:
        text = MEMINFO.read_text(encoding="ascii")
    except OSError:
        return None
    for line in text.splitlines():
        fields = line.split()
        if fields[:1] == ["MemAvailable:"] and len(fields) > 1 and fields[1].isdigit():
            return int(fields[1]) * 1024
    return None


def available_memory() -> int | None:
    """Bytes of memory free for new work now, else the machine's total, else None."""
    available = _mem_available()
    if available is not None:
        return available
    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, OSError, ValueError):
        return None


def default_max_sessions(memory: int | None = None) -> int:
    """The number of sessions that fit in `memory` bytes (default: what is free now), at least 1.

    A machine whose memory cannot be read gets 4, a small room's worth.
    """
    if memory is None:
        memory = available_memory()
    if memory is None:
        return 4
    return max(1, (memory - RESERVE_BYTES) // SESSION_BYTES)
