"""Benchmarks: ``python3 tests/bench/run.py [--json OUT] [--only NAME ...]``.

Not part of the test run (pytest skips tests/bench). Each figure is measured against
a baseline taken in the same run on the same machine, so the ratio means something
even where absolute times do not.

To add figures, register a function that returns rows::

    @benchmark("export")
    def _export(ctx: Context) -> list[Row]:
        ...
        return [Row("PDF export", ours=t, unit="s", goal="< 3 s", ok=t < 3)]
"""

from __future__ import annotations

import argparse
import compileall
import gc
import hashlib
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
for _folder in (ROOT, ROOT / "tests"):  # the package, and the sample sessions of the tests
    if str(_folder) not in sys.path:
        sys.path.insert(0, str(_folder))

# As installed: pip writes the package's bytecode, so a first import (a step's first visit
# imports its page) reads it instead of compiling the source. Under
# PYTHONDONTWRITEBYTECODE (CI sets it, and so does this machine) every run would compile
# the modules again inside the figures. Written outside the source tree, as the start's
# figure does for its processes.
sys.pycache_prefix = str(Path(tempfile.gettempdir()) / "workshop-bench-pycache")
sys.dont_write_bytecode = False
compileall.compile_dir(str(ROOT / "workshop"), quiet=1)

from samples import large_session  # noqa: E402

from workshop.domain.fingerprint import agreement_content, fingerprint  # noqa: E402
from workshop.domain.model import Session, canonical_number  # noqa: E402
from workshop.storage.files import dumps, load_session, save_session  # noqa: E402

# --- the registry ----------------------------------------------------------------------


@dataclass
class Row:
    figure: str
    ours: float
    unit: str  # "s" (shown in ms), "bytes", or anything else shown as is
    baseline: float | None = None
    goal: str = ""
    ok: bool | None = None
    """None when the figure has no goal to meet (information only)."""
    cpu: float | None = None
    """The same figure in CPU time (of the thread that did the work, or of the process):
    what the wall time would be on a machine nobody else uses."""

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline == 0:
            return None
        return self.ours / self.baseline


@dataclass
class Context:
    """Shared inputs, built once and only when a benchmark asks for them."""

    tmp: Path

    @cached_property
    def session(self) -> Session:
        return large_session()

    @cached_property
    def data(self) -> bytes:
        return dumps(self.session)

    @cached_property
    def path(self) -> Path:
        target = self.tmp / "large.workshop"
        target.write_bytes(self.data)
        return target


Bench = Callable[[Context], list[Row]]
BENCHMARKS: dict[str, Bench] = {}


def benchmark(name: str) -> Callable[[Bench], Bench]:
    """Register a benchmark; it runs in registration order."""

    def register(fn: Bench) -> Bench:
        if name in BENCHMARKS:
            raise ValueError(f"benchmark {name!r} registered twice")
        BENCHMARKS[name] = fn
        return fn

    return register


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def repeat(fn: Callable[[], object], n: int) -> list[float]:
    fn()  # warm up caches and imports
    return [timed(fn) for _ in range(n)]


@dataclass
class Samples:
    """Wall and CPU time of each sample. The CPU time is the calling thread's (the UI
    thread's, where the app's latency is), or the process's with ``process=True``."""

    wall: list[float]
    cpu: list[float]
    process: bool = False

    @classmethod
    def new(cls, process: bool = False) -> Samples:
        return cls([], [], process)

    def clock(self) -> float:
        return time.process_time() if self.process else time.thread_time()

    def measure(self, fn: Callable[[], object], keep: bool = True) -> None:
        wall, cpu = time.perf_counter(), self.clock()
        fn()
        cpu, wall = self.clock() - cpu, time.perf_counter() - wall
        if keep:
            self.wall.append(wall)
            self.cpu.append(cpu)

    def median(self) -> tuple[float, float]:
        return statistics.median(self.wall), statistics.median(self.cpu)

    def worst(self) -> tuple[float, float]:
        return max(self.wall), max(self.cpu)

    def percentile(self, q: float) -> tuple[float, float]:
        def pick(values: list[float]) -> float:
            ordered = sorted(values)
            return ordered[min(len(ordered) - 1, int(q / 100 * len(ordered)))]
        return pick(self.wall), pick(self.cpu)

    def __len__(self) -> int:
        return len(self.wall)


def settle(app: Any, quiet: int = 3) -> None:
    """Turns of the event loop until ``quiet`` turns in a row do next to nothing: what
    the app does by itself after an untimed step (a step change: its projector canvas
    follows a turn later) is done before the next timed one, as it would be long before
    the facilitator's next key."""
    idle = turns = 0
    while idle < quiet and turns < 40:
        started = time.thread_time()
        app.processEvents()
        idle = idle + 1 if time.thread_time() - started < 0.002 else 0
        turns += 1


def prepared(document: Any) -> None:
    """What the document does ``PREPARE_SAVING_MS`` after opening (the first save's
    whole encoding on the save worker), done and finished before the figures start;
    then, as its ticks do in the pause after opening, the long lists' forms made ahead
    (``SessionDocument._make_ahead``)."""
    prepare = getattr(document, "prepare_saving", None)  # (an older checkout: none)
    if prepare is None:
        return
    prepare()
    if document.autosaver is not None and document.autosaver.worker is not None:
        document.autosaver.worker.wait_idle(30)
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + 30
    while getattr(document, "_ahead", None) and time.monotonic() < deadline:
        QApplication.processEvents()  # the document's ticks, every 100 ms
        time.sleep(0.01)


def sampled(fn: Callable[[], object], n: int, process: bool = False) -> Samples:
    """``n`` samples of ``fn`` after one to warm up."""
    out = Samples.new(process)
    fn()
    for _ in range(n):
        out.measure(fn)
    return out


def rows(name: str, ours: Samples, goal_s: float | None = None, *,
         base: Samples | None = None, goal: str = "",
         within: Callable[[float, float | None], bool] | None = None) -> list[Row]:
    """Median and worst of ``ours`` (wall time, its CPU time beside it), against ``base``
    when given. The goal is met when ``within(wall, baseline)``, by default when the
    wall time is under ``goal_s``."""
    out = []
    for what in ("median", "worst"):
        wall, cpu = getattr(ours, what)()
        b = getattr(base, what)()[0] if base is not None else None
        if within is not None:
            ok: bool | None = within(wall, b)
        elif goal_s is not None:
            ok = wall < goal_s
        else:
            ok = None
        text = goal or (f"< {goal_s * 1000:.0f} ms" if goal_s is not None else "info")
        out.append(Row(f"{name}, {what} of {len(ours)}", wall, "s", baseline=b, goal=text,
                       ok=ok, cpu=cpu))
    return out


# --- the figures ---------------------------------------------------------------------


@benchmark("build")
def _build(ctx: Context) -> list[Row]:
    return rows("large_session() build", sampled(large_session, 3), 2.0)


@benchmark("size")
def _size(ctx: Context) -> list[Row]:
    return [Row("file size, large session", len(ctx.data), "bytes")]


@benchmark("load")
def _load(ctx: Context) -> list[Row]:
    path = ctx.path
    ours = sampled(lambda: load_session(path), 20)
    base = sampled(lambda: json.loads(path.read_bytes()), 20)
    return rows("load + validate", ours, 0.300, base=base)


def _plain_save(session: Session, target: Path) -> None:
    data = json.dumps(session.model_dump(mode="json")).encode("utf-8")
    with open(target, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


@benchmark("save")
def _save(ctx: Context) -> list[Row]:
    session = ctx.session
    ours_path = ctx.tmp / "ours.workshop"
    base_path = ctx.tmp / "baseline.json"
    save_session(session, ours_path)
    _plain_save(session, base_path)
    ours, base = Samples.new(), Samples.new()
    for i in range(50):
        # Interleaved, alternating who goes first, so disk and cache effects even out.
        order = ((ours, lambda: save_session(session, ours_path)),
                 (base, lambda: _plain_save(session, base_path)))
        for bucket, fn in order if i % 2 == 0 else reversed(order):
            bucket.measure(fn)
    return rows("save", ours, base=base, goal="<= 2x baseline",
                within=lambda o, b: b is not None and o <= 2 * b)


@benchmark("fingerprint")
def _fingerprint(ctx: Context) -> list[Row]:
    session = ctx.session
    ours = sampled(lambda: fingerprint(session), 20)
    content = agreement_content(session)

    def plain() -> str:
        text = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                          default=canonical_number)  # the money amounts (Decimal)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    assert plain() == fingerprint(session)
    base = sampled(plain, 20)
    return rows("fingerprint", ours, base=base,
                goal="info; baseline: JSON + sha256 of ready content")


def _strings(value: object) -> list[str]:
    """Every non-empty string in a nested structure, in order."""
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _plain_pdf(texts: list[str], landscape_page: bool) -> bytes:
    """The baseline: reportlab laying out the texts as plain paragraphs, same font."""
    import io

    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from workshop.export import fonts

    fonts.register_fonts()
    style = ParagraphStyle("plain", fontName=fonts.REGULAR, fontSize=9, leading=12)
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=landscape(A4) if landscape_page else A4)
    doc.build([Paragraph(fonts.escape(t), style) for t in texts])
    return out.getvalue()


def with_children(bucket: Samples, fn: Callable[[], object]) -> None:
    """``bucket.measure(fn)``, the CPU time of the child processes it waited for added."""
    import resource

    def spent() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    before = spent()
    bucket.measure(fn)
    bucket.cpu[-1] += spent() - before


@benchmark("export")
def _export(ctx: Context) -> list[Row]:
    from workshop.export.parallel import export_both

    session = ctx.session
    content = agreement_content(session)
    agreement_texts = _strings(content)
    roadmap_texts = _strings(content["roadmap"]) * 2  # the table and the organisation pages
    pages: dict[str, int] = {}

    def ours() -> None:
        # As ``workshop export`` makes them: both at once, the roadmap in a forked child
        # (workshop.export.parallel; the same bytes as one after the other).
        for name, data in zip(("agreement", "roadmap"), export_both(session), strict=True):
            pages[name] = data.count(b"/Type /Page\n")

    def plain() -> None:
        for name, data in (("baseline agreement", _plain_pdf(agreement_texts, False)),
                           ("baseline roadmap", _plain_pdf(roadmap_texts, True))):
            pages[name] = data.count(b"/Type /Page\n")

    mine, base = Samples.new(process=True), Samples.new(process=True)
    ours()
    plain()  # warm up: fonts, imports
    for i in range(3):
        order = ((mine, ours), (base, plain))
        for bucket, fn in order if i % 2 == 0 else reversed(order):
            with_children(bucket, fn)
    page_count = pages["agreement"] + pages["roadmap"]
    per_page = Samples([w / page_count for w in mine.wall], [c / page_count for c in mine.cpu])
    base_pages = pages["baseline agreement"] + pages["baseline roadmap"]
    base_page = Samples([w / base_pages for w in base.wall], [c / base_pages for c in base.cpu])
    return [
        *rows("agreement + roadmap PDFs, large session", mine, base=base,
              goal="<= 2x baseline and < 3 s",
              within=lambda o, b: b is not None and o <= 2 * b and o < 3.0),
        *rows("the same, per page", per_page, base=base_page, goal="info"),
        Row("pages: agreement", pages["agreement"], "pages",
            baseline=pages["baseline agreement"]),
        Row("pages: roadmap (A4 landscape)", pages["roadmap"], "pages",
            baseline=pages["baseline roadmap"]),
    ]


# --- running and printing ------------------------------------------------------------


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "s":
        return f"{value * 1000:.1f} ms"
    if unit == "bytes":
        return f"{int(value):,} B ({value / 1_000_000:.2f} MB)"
    return f"{value:g} {unit}"


def table(rows: list[Row]) -> str:
    header = ("figure", "ours", "CPU", "baseline (same run)", "ratio", "goal")
    lines = [header]
    for r in rows:
        ratio = "-" if r.ratio is None else f"{r.ratio:.2f}x"
        mark = "" if r.ok is None else (" ok" if r.ok else " MISSED")
        lines.append((r.figure, _fmt(r.ours, r.unit), _fmt(r.cpu, r.unit),
                      _fmt(r.baseline, r.unit), ratio,
                      f"{r.goal}{mark}" if r.goal or mark else "-"))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = []
    for n, line in enumerate(lines):
        out.append(" | ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True))
                   .rstrip())
        if n == 0:
            out.append("-+-".join("-" * w for w in widths))
    return "\n".join(out)


def run(names: list[str] | None = None) -> list[Row]:
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="workshop-bench-") as tmp:
        ctx = Context(Path(tmp))
        for name, fn in BENCHMARKS.items():
            if names and name not in names:
                continue
            gc.collect()
            rows += fn(ctx)
    return rows


def load_bench_modules() -> None:
    """Figures of other parts live in ``tests/bench/bench_*.py`` and register here."""
    import importlib

    sys.modules.setdefault("run", sys.modules[__name__])
    here = str(Path(__file__).resolve().parent)
    if here not in sys.path:
        sys.path.insert(0, here)
    for module in sorted(Path(here).glob("bench_*.py")):
        importlib.import_module(module.stem)


def main(argv: list[str] | None = None) -> int:
    load_bench_modules()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", metavar="OUT", help="also write the figures as JSON")
    parser.add_argument("--only", nargs="*", choices=sorted(BENCHMARKS),
                        help="run only these benchmarks")
    args = parser.parse_args(argv)
    # Sessions opened by the benchmarks make backups and recovery copies like the app's:
    # they go to a folder of this run, never the user's (unless the caller chose one).
    scratch = tempfile.TemporaryDirectory(prefix="workshop-bench-")
    for variable in ("WORKSHOP_DATA_DIR", "WORKSHOP_DOCUMENTS_DIR"):
        os.environ.setdefault(variable, str(Path(scratch.name) / variable.lower()))
    started = time.perf_counter()
    rows = run(args.only)
    elapsed = time.perf_counter() - started
    print(table(rows))
    print(f"\n{len(rows)} figures in {elapsed:.1f} s; Python {sys.version.split()[0]}, "
          f"{sys.platform}")
    if args.json:
        payload: dict[str, Any] = {
            "python": sys.version.split()[0],
            "platform": sys.platform,
            "seconds": round(elapsed, 3),
            "figures": [{**asdict(r), "ratio": r.ratio} for r in rows],
        }
        Path(args.json).write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0 if all(r.ok is not False for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
