"""Every message the code translates has a Dutch text, and placeholders survive."""

from __future__ import annotations

import ast
import json
import re
import sys
from pathlib import Path

import pytest

from workshop.i18n import catalogue, set_language, tr

ROOT = Path(__file__).resolve().parent.parent


def message_ids() -> dict[str, str]:
    """Literal first arguments of every tr(...), N_(...) and Message(...) call in workshop/."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "workshop").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("tr", "N_", "Message") and node.args):
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.setdefault(first.value, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_every_message_has_dutch() -> None:
    dutch = catalogue("nl")
    missing = [f"{where}: {msg!r}" for msg, where in message_ids().items() if msg not in dutch]
    assert missing == []


def test_placeholders_match() -> None:
    dutch = catalogue("nl")
    wrong = []
    for msg in message_ids():
        if msg in dutch:
            if set(re.findall(r"\{(\w+)\}", msg)) != set(re.findall(r"\{(\w+)\}", dutch[msg])):
                wrong.append(msg)
    assert wrong == []


def test_no_stale_entries() -> None:
    used = set(message_ids())
    stale = [k for k in catalogue("nl") if k not in used and not k.startswith("@")]
    assert stale == []


def test_catalogue_is_valid_json() -> None:
    data = json.loads((ROOT / "resources" / "translations" / "nl.json").read_text("utf-8"))
    assert isinstance(data, dict)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_language_switch(lang: str) -> None:
    set_language(lang)  # type: ignore[arg-type]
    text = tr("“{path}” does not exist.", path="x")
    assert text == ("“x” bestaat niet." if lang == "nl" else "“x” does not exist.")


# --- below workshop/ui the language is a parameter ----------------------------------

APP = ("workshop/ui", "workshop/cli.py", "workshop/__main__.py", "workshop/desktop.py",
       "workshop/cli_progress.py", "workshop/i18n.py")
"""The app's own layers, which may keep the app's current language (``i18n`` holds it)."""
GLOBAL_LANGUAGE = {"current_language", "set_language", "system_language", "_current"}
"""What ``workshop.i18n`` keeps of the app's language, and its getters and setter."""
NOT_YET: dict[str, int] = {}
"""Files below the UI that still call ``tr()`` without a language: none. Errors found
below the UI (storage, the model's rules, the CSV import) keep a ``Message`` (an id and
its fields) that the reader says in its own language."""


def _below_ui() -> list[Path]:
    return [path for path in sorted((ROOT / "workshop").rglob("*.py"))
            if not str(path.relative_to(ROOT)).startswith(APP)]


def _language_reads(path: Path) -> tuple[list[str], int]:
    """(uses of the app's current language, calls of tr() that leave the language out)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    reads, implicit = [], 0
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in GLOBAL_LANGUAGE - {"_current"}:
            reads.append(f"{where}:{node.lineno} {node.id}")
        if (isinstance(node, ast.Attribute) and node.attr in GLOBAL_LANGUAGE
                and isinstance(node.value, ast.Name) and node.value.id == "i18n"):
            reads.append(f"{where}:{node.lineno} i18n.{node.attr}")
        if isinstance(node, ast.ImportFrom) and node.module == "workshop.i18n":
            reads += [f"{where}:{node.lineno} imports {a.name}"
                      for a in node.names if a.name in GLOBAL_LANGUAGE]
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id == "tr"):
            given = node.args[1] if len(node.args) > 1 else None
            if given is None or (isinstance(given, ast.Constant) and given.value is None):
                implicit += 1
    return reads, implicit


def test_nothing_below_the_ui_reads_the_apps_language() -> None:
    """domain/, storage/, export/, room/, labels, templates, locale_format, history...:
    the language is an argument. The app (``workshop/ui``, the command line) keeps the
    current language and passes it down; ``tr(message)`` without a language is the
    app's shorthand for that."""
    reads: list[str] = []
    implicit: dict[str, int] = {}
    for path in _below_ui():
        found, count = _language_reads(path)
        reads += found
        if count:
            implicit[str(path.relative_to(ROOT))] = count
    assert reads == []
    assert implicit == NOT_YET


def test_the_language_check_can_fail(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from workshop.i18n import current_language, tr\n"
                   "import workshop.i18n as i18n\n"
                   "def f(lang):\n"
                   "    i18n._current = 'nl'\n"
                   "    return tr('x'), tr('y', None), tr('z', lang), tr('w', lang, n=1)\n")
    reads, implicit = _language_reads(bad)
    assert sorted(reads) == [f"{bad}:1 imports current_language", f"{bad}:4 i18n._current"]
    assert implicit == 2


def test_documents_come_out_in_their_language_whatever_the_app_speaks(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The app's language is made unreadable: the PDFs, the scorecard, the readiness
    list, the history lines and the room's undo names are made all the same, each in
    the language asked."""
    import io

    from pypdf import PdfReader
    from samples import demo_session

    from workshop import i18n
    from workshop.domain.readiness import readiness
    from workshop.domain.scorecard import scorecard
    from workshop.export.agreement import AgreementOptions, export_agreement
    from workshop.export.roadmap import RoadmapOptions, export_roadmap
    from workshop.export.verify import report_lines, verify_bytes
    from workshop.history import check_lines
    from workshop.room.plan import approve
    from workshop.storage.files import save_session

    def unreadable() -> str:
        """Refuse the read unless it comes from the ui (a window left by an earlier test
        may still redraw while this runs: the ui may read the app's language)."""
        frame = sys._getframe(1)
        while frame is not None and frame.f_globals.get("__name__") == "workshop.i18n":
            frame = frame.f_back
        caller = frame.f_globals.get("__name__", "") if frame is not None else ""
        if caller.startswith("workshop.ui."):
            return "en"
        raise AssertionError("the app's current language was read below the ui")

    monkeypatch.setattr(i18n, "current_language", unreadable)
    with pytest.raises(AssertionError):
        tr("Roles")  # the app's shorthand reads it: the trap is set
    session = demo_session()  # Dutch
    english = export_agreement(session, AgreementOptions(language="en", scorecard=True))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(english)).pages)
    assert "Letter of intent" in text and catalogue("nl")["Letter of intent"] not in text
    dutch = export_roadmap(session, RoadmapOptions(language="nl"))
    assert "Routekaart" in PdfReader(io.BytesIO(dutch)).pages[0].extract_text()
    assert scorecard(session, "nl").parts[0].title == "Partijen met vertegenwoordigers en mandaat"
    assert scorecard(session, "en").parts[0].title == "Parties with representatives and mandate"
    assert [f.message for f in readiness(session, "en")] != [
        f.message for f in readiness(session, "nl")]
    path = tmp_path / "demo.workshop"
    save_session(session, path)
    assert check_lines(session, path, lang="nl")[0][0].startswith("Versie ")
    assert report_lines(verify_bytes(english, session), "x.pdf", "en")
    card = session.ambition.cards[0]
    planned = approve(session, card, "Anna")
    assert planned is not None
    assert planned.label("nl") == "Anna (telefoon): kaartje toevoegen"


def test_errors_found_below_the_ui_are_said_in_the_readers_language(tmp_path: Path) -> None:
    """Storage's errors, the model's problems and the CSV import keep a message id and
    its fields: whatever the app speaks, each reader gets its own language."""
    from samples import demo_session

    from workshop.storage.errors import FileUnreadableError, InvalidSessionError
    from workshop.storage.files import load_session
    from workshop.storage.participants_csv import parse_participants_csv

    doc = json.loads(demo_session().model_dump_json())
    doc["ambition"]["cards"][0]["author_id"] = "p-nobody"
    broken = tmp_path / "kapot.workshop"
    broken.write_text(json.dumps(doc), encoding="utf-8")
    for app in ("nl", "en"):
        set_language(app)  # type: ignore[arg-type]
        with pytest.raises(FileUnreadableError) as missing:
            load_session(tmp_path / "weg.workshop")
        assert missing.value.message_id == "“{path}” does not exist."
        assert missing.value.text("nl") == f"“{tmp_path / 'weg.workshop'}” bestaat niet."
        assert missing.value.text("en") == f"“{tmp_path / 'weg.workshop'}” does not exist."
        with pytest.raises(InvalidSessionError) as invalid:
            load_session(broken)
        dutch, english = invalid.value.details("nl"), invalid.value.details("en")
        assert "  - ambition.cards[0].author_id: 'p-nobody' is geen deelnemer van deze " \
               "sessie" in dutch.splitlines()
        assert "  - ambition.cards[0].author_id: 'p-nobody' is not a participant of this " \
               "session" in english.splitlines()
        assert dutch.startswith(f"“{broken}” bevat gegevens")
        assert str(invalid.value) == english.splitlines()[0]  # str(): English, for logs
        csv = parse_participants_csv(b"naam;rol\n;Arts\n")
        assert csv.problem_texts("nl") == ["Regel 2: de naam is leeg"]
        assert csv.problem_texts("en") == ["Line 2: the name is empty"]
