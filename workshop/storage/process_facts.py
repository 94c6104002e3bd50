"""What the system says of a process id: alive, since when, as which program.

``workshop.storage.lock`` tells a live Workshop from a process id that was reused by
another program (after a restart) by the process's start time, or for old locks by its
name. Linux reads ``/proc``, Windows asks the Win32 API, other systems ask ``ps``.
Tests replace ``process_facts`` (or give ``SessionLock`` their own) to play any platform.
"""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from workshop.storage import platform


def _pid_alive(pid: int) -> bool:
    return platform.pid_alive(pid)


@dataclass(frozen=True)
class ProcessFacts:
    """What the system says of one process id."""

    alive: bool
    started: float | None = None
    """When the process started (seconds since the epoch); None when unknown."""
    name: str = ""
    """Its program's name (``python3.12``, ``Workshop.exe``); "" when unknown."""


def _linux_facts(pid: int) -> ProcessFacts | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return ProcessFacts(alive=False)
    except OSError:
        return None
    try:
        name = Path(f"/proc/{pid}/comm").read_text(encoding="utf-8", errors="replace")
        after_name = stat[stat.rindex(")") + 2:].split()
        ticks = int(after_name[19])  # field 22 of /proc/PID/stat: start, in clock ticks
        boot = next(int(line.split()[1]) for line in
                    Path("/proc/stat").read_text(encoding="utf-8").splitlines()
                    if line.startswith("btime "))
        started = boot + ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return ProcessFacts(alive=True)
    return ProcessFacts(alive=True, started=started, name=name.strip())


def _windows_facts(pid: int) -> ProcessFacts:
    import ctypes
    from ctypes import wintypes

    kernel32 = getattr(getattr(ctypes, "windll", None), "kernel32", None)
    if kernel32 is None:  # Windows' API not reachable: unsure counts as alive
        return ProcessFacts(alive=pid == os.getpid() or _pid_alive(pid))
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return ProcessFacts(alive=_pid_alive(pid))
    try:
        code = wintypes.DWORD()
        if kernel32.GetExitCodeProcess(handle, ctypes.byref(code)) and code.value != 259:
            return ProcessFacts(alive=False)
        times = [wintypes.FILETIME() for _ in range(4)]
        started: float | None = None
        get_times = getattr(kernel32, "GetProcessTimes", None)
        if get_times is not None and get_times(handle, *(ctypes.byref(t) for t in times)):
            value = (times[0].dwHighDateTime << 32) | times[0].dwLowDateTime
            started = value / 10_000_000 - 11_644_473_600  # 1601 -> 1970
        size = wintypes.DWORD(1024)
        buffer = ctypes.create_unicode_buffer(size.value)
        name = ""
        image_name = getattr(kernel32, "QueryFullProcessImageNameW", None)
        if image_name is not None and image_name(handle, 0, buffer, ctypes.byref(size)):
            name = Path(buffer.value).name
        return ProcessFacts(alive=True, started=started, name=name)
    finally:
        kernel32.CloseHandle(handle)


def _ps_facts(pid: int) -> ProcessFacts:
    """macOS and other Unixes: ``ps`` gives the elapsed seconds and the name."""
    alive = _pid_alive(pid)
    if not alive:
        return ProcessFacts(alive=False)
    try:
        out = subprocess.run(["ps", "-o", "etime=", "-o", "comm=", "-p", str(pid)],
                             capture_output=True, text=True, timeout=5,
                             env={**os.environ, "LC_ALL": "C"}).stdout.strip()
        elapsed, _, command = out.partition(" ")
        days, _, clock = elapsed.strip().rpartition("-")
        seconds = 0
        for part in clock.split(":"):
            seconds = seconds * 60 + int(part)
        seconds += int(days or 0) * 86400
    except (OSError, ValueError, subprocess.SubprocessError):
        return ProcessFacts(alive=True)
    return ProcessFacts(alive=True, started=time.time() - seconds,
                        name=Path(command.strip()).name)


def process_facts(pid: int) -> ProcessFacts:
    """Whether ``pid`` runs on this machine, since when and as which program.

    Unsure counts as alive with nothing else known. Tests replace this function.
    """
    if pid <= 0:
        return ProcessFacts(alive=False)
    if platform.is_windows():  # the injectable platform fact (tests play Windows)
        return _windows_facts(pid)
    if platform.SYSTEM.startswith("linux"):
        found = _linux_facts(pid)
        if found is not None:
            return found
        return ProcessFacts(alive=_pid_alive(pid))
    return _ps_facts(pid)

