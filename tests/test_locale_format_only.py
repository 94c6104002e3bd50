"""Every number and date shown to people is formatted in one place,
``workshop/locale_format.py`` (Babel, CLDR), with the language passed in.

This reads the source (no Qt): a decimal format spec (``f"{x:.1f}"``, ``"%.1f"``), a
thousands spec (``f"{n:,}"``), ``strftime`` or ``QLocale`` anywhere else in ``workshop/``
fails, apart from the machine stamps listed here (file names, the CLI's ISO times).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "workshop"
ONE_PLACE = ROOT / "locale_format.py"

MACHINE_STAMPS: dict[str, set[str]] = {
    # path under workshop/ -> the strftime formats (or constant names) allowed there
    "ui/document.py": {"%Y%m%d-%H%M%S"},  # the name of a backup file
    "storage/backups.py": {"STAMP_FORMAT"},  # the names of backup files
    "cli.py": {"%Y-%m-%d %H:%M:%S"},  # the CLI's ISO times, for scripts as well
    "storage/lock.py": {"%Y-%m-%d %H:%M"},  # ISO time in the lock file's holder text
}
QLOCALE_ALLOWED = {"ui/qt_translations.py"}  # picks Qt's own translations, formats nothing

NUMBER_SPEC = re.compile(r"^[<>^=]?[+\- ]?[#0]?\d*[,_]|\.\d+[fFeE%]$|^[+\- ]?\d*\.\d+[fFeEgG%]$")
PERCENT_SPEC = re.compile(r"%[+\- #0]*\d*(\.\d+[fFeEgG]|,)")
BRACE_SPEC = re.compile(r"\{[^{}:]*:([^{}]*)\}")


def _spec_text(spec: ast.JoinedStr) -> str:
    return "".join(v.value for v in spec.values
                   if isinstance(v, ast.Constant) and isinstance(v.value, str))


def offences(path: Path, rel: str) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []
    for node in ast.walk(tree):
        where = f"{rel}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.FormattedValue) and isinstance(node.format_spec, ast.JoinedStr):
            spec = _spec_text(node.format_spec)
            if NUMBER_SPEC.search(spec):
                found.append(f"{where}: format spec {spec!r}")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
            if PERCENT_SPEC.search(text) and "strftime" not in text:
                found.append(f"{where}: %-format {text!r}")
            for spec in BRACE_SPEC.findall(text):
                if NUMBER_SPEC.search(spec):
                    found.append(f"{where}: format spec {spec!r} in {text!r}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr == "strftime":
                arg = node.args[0] if node.args else None
                name = (arg.value if isinstance(arg, ast.Constant)
                        else arg.id if isinstance(arg, ast.Name) else "?")
                if name not in MACHINE_STAMPS.get(rel, set()):
                    found.append(f"{where}: strftime({name!r})")
        elif isinstance(node, ast.Name) and node.id == "QLocale" and rel not in QLOCALE_ALLOWED:
            found.append(f"{where}: QLocale")
    return found


def test_numbers_and_dates_are_formatted_only_in_locale_format() -> None:
    files = [p for p in sorted(ROOT.rglob("*.py")) if p != ONE_PLACE]
    assert len(files) > 100
    found = [o for p in files for o in offences(p, p.relative_to(ROOT).as_posix())]
    assert not found, "format through workshop.locale_format instead:\n" + "\n".join(found)


def test_the_scan_finds_what_it_forbids(tmp_path: Path) -> None:
    # The rule itself, on a file that breaks it in every way it knows.
    bad = tmp_path / "probe.py"
    bad.write_text(
        "from PySide6.QtCore import QLocale\n"
        "def f(value, n, when):\n"
        "    a = f'{value:.1f}'\n"
        "    b = f'{value:+.2f}'\n"
        "    c = f'{n:,}'\n"
        "    d = '%.1f' % value\n"
        "    e = '{:.1f}'.format(value)\n"
        "    g = when.strftime('%d-%m-%Y')\n"
        "    h = f'{n:02d} {n} {value!r:>10}'\n"
        "    return QLocale().toString(value)\n", encoding="utf-8")
    kinds = sorted(o.split(": ", 1)[1] for o in offences(bad, "ui/probe.py"))
    assert kinds == sorted([
        "format spec '.1f'", "format spec '+.2f'", "format spec ','", "%-format '%.1f'",
        "format spec '.1f' in '{:.1f}'", "strftime('%d-%m-%Y')", "QLocale"]), kinds
    # A machine stamp where it is listed passes; the same stamp elsewhere does not.
    stamp = tmp_path / "stamp.py"
    stamp.write_text("def f(now):\n    return now.strftime('%Y%m%d-%H%M%S')\n",
                     encoding="utf-8")
    assert offences(stamp, "ui/document.py") == []
    assert offences(stamp, "ui/session_files.py") != []


def test_figures_and_dates_in_both_languages() -> None:
    import datetime as dt

    from workshop import locale_format as lf

    assert (lf.decimal(3.5, "nl"), lf.decimal(3.5, "en")) == ("3,5", "3.5")
    assert lf.decimal(0.4, "nl", signed=True) == "+0,4"
    assert lf.decimal(-0.04, "nl", signed=True) == "+0,0"  # never "-0,0"
    assert lf.decimal(2.65, "en") == "2.6"  # as f"{2.65:.1f}": 2.65 is 2.6499… in binary
    assert lf.decimal(1234.5, "nl") == "1.234,5"
    assert lf.decimal(None, "nl") == "–"
    assert lf.number(20000, "nl") == "20.000"
    moment = dt.datetime(2026, 3, 12, 14, 5, 30)
    assert lf.date_time(moment, "nl") == "12 mrt 2026 14:05"
    assert lf.date_time(moment, "en", seconds=True) == "12 Mar 2026 14:05:30"
    assert lf.weekday_date(moment.date(), "nl") == "donderdag 12 maart 2026"
    assert lf.month_label(moment.date(), "nl", with_year=True) == "mrt 2026"
    assert lf.month_names("nl")[2] == "maart"
    assert lf.month_names("en", abbreviated=True)[4] == "May"
