"""The command line at the edges a tester found from outside: characters and dates the
model accepts, links and loops in paths, files that are not sessions, and what is said
when the system refuses. Real command lines (``workshop.cli.run`` or a subprocess);
what is asserted is the exit code, what the user reads, and the files on disk."""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from workshop.cli import run

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "sessions" / "demo.workshop"
WINDOW_WORDS = ("Save as", "Opslaan als", "previous version", "vorige versie")


def workshop(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "workshop", "--lang", lang, *args],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def demo_with(tmp_path: Path, name: str, change: object = None) -> Path:
    """A copy of the demo session, changed by ``change(doc)``."""
    doc = json.loads(DEMO.read_text("utf-8"))
    if callable(change):
        change(doc)
    path = tmp_path / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


# --- 1. every character the model accepts exports ---------------------------------

NAME = "A" + "".join(chr(c) for c in range(1, 32)) + "\x7f\x85\x9b\ufffe\uffffB"
"""Every C0 control (ESC among them), DEL, C1 controls and the two non-characters:
the model accepts them; XML and PDFDocEncoding cannot hold most of them."""


def test_export_holds_every_character_the_model_accepts(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def evil(doc: dict) -> None:  # type: ignore[type-arg]
        doc["details"].update(name=NAME, region="Regio\x1b[31m\x00\x18\x1f",
                              facilitator="Fien\x1b\x07")

    session = demo_with(tmp_path, "esc.workshop", evil)
    agreement, roadmap = tmp_path / "a.pdf", tmp_path / "r.pdf"
    code = run(["--lang", "en", "export", str(session), "--lang", "en",
                "--agreement", str(agreement), "--roadmap", str(roadmap)])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "Traceback" not in out.err
    for pdf in (agreement, roadmap):
        reader = PdfReader(io.BytesIO(pdf.read_bytes()))
        meta = reader.metadata
        assert meta is not None
        # The document information holds the texts exactly (as UTF-16)...
        assert NAME in str(meta.title) and NAME in str(meta.subject)
        assert "Regio\x1b[31m\x00\x18\x1f" in str(meta.subject)
        assert str(meta.author) == "Fien\x1b\x07"
        # ...the XMP, which is XML, a replacement for what XML cannot hold.
        xmp = reader.xmp_metadata
        assert xmp is not None
        title = xmp.dc_title["x-default"]
        assert title.endswith("A\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\t\n"
                              "\ufffd\ufffd\r" + "\ufffd" * 18 + "\x7f\x85\x9b\ufffd\ufffdB")
        assert run(["--lang", "en", "verify", str(pdf), str(session)]) == 0
    assert "every check was made and held" in capsys.readouterr().out


# --- 2. the calendar's first and last days ----------------------------------------

EDGES = {
    "first-days": ("0001-01-01", "0001-01-02"),
    "november-9999": ("9999-11-01", "9999-11-30"),
    "december-9999": ("9999-12-01", "9999-12-31"),
}


@pytest.mark.parametrize("edge", sorted(EDGES))
def test_dates_at_the_calendars_edge_export_and_render(tmp_path: Path, edge: str) -> None:
    start, due = EDGES[edge]

    def dated(doc: dict) -> None:  # type: ignore[type-arg]
        for action in doc["roadmap"]["actions"]:
            action["start"], action["due"] = start, due
        doc["roadmap"]["milestones"].append(
            {"id": "m-edge", "title": "Rand", "date": due, "note": ""})

    session = demo_with(tmp_path, "edge.workshop", dated)
    exported = workshop("export", str(session))
    assert exported.returncode == 0, exported.stderr
    assert (tmp_path / "edge-routekaart.pdf").read_bytes().startswith(b"%PDF")
    picture = tmp_path / "edge.png"
    rendered = workshop("render", str(session), "--canvas", "roadmap", "--out", str(picture))
    assert rendered.returncode == 0, rendered.stderr
    assert picture.read_bytes().startswith(b"\x89PNG")


# --- 3. render never writes over the session --------------------------------------

@pytest.mark.parametrize("lang", ["en", "nl"])
def test_render_never_writes_a_picture_over_the_session(tmp_path: Path, lang: str) -> None:
    session = tmp_path / "sess.png"  # a session with a picture's name
    session.write_bytes(DEMO.read_bytes())
    link = tmp_path / "link.png"
    link.symlink_to(session)
    before = sha(session)
    said = {"en": "is the session file: a picture is not written over it.",
            "nl": "is het sessiebestand: er wordt geen afbeelding overheen geschreven."}
    for out in (session, link):
        result = workshop("render", str(session), "--canvas", "roadmap", "--out", str(out),
                          lang=lang)
        assert result.returncode == 1, result.stderr
        assert f"“{out}” {said[lang]}" in result.stderr
        assert sha(session) == before and link.is_symlink()
    other = tmp_path / "other.workshop"
    refused = workshop("render", str(session), "--canvas", "roadmap", "--out", str(other),
                       lang=lang)
    assert refused.returncode == 2 and not other.exists()
    assert sha(session) == before


# --- 4. and 5. restore writes only a session, and the one a link points at -------

def _backup(tmp_path: Path) -> Path:
    from workshop.storage.files import load_session, save_session

    older = load_session(DEMO)
    older.details.name = "Oudere versie"
    backup = tmp_path / "backup.workshop"
    save_session(older, backup)
    return backup


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_restore_refuses_a_file_that_is_not_a_session(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str) -> None:
    backup = _backup(tmp_path)
    pdf, text = tmp_path / "agreement.pdf", tmp_path / "notes.txt"
    pdf.write_bytes(b"%PDF-1.4\n% an agreement\n")
    text.write_text("meeting notes\n", encoding="utf-8")
    said = {"en": "is not a Workshop session: a backup is restored only over a session or "
                  "into a new file. The file has not been changed.",
            "nl": "is geen Workshop-sessie: een reservekopie wordt alleen teruggezet over een "
                  "sessie of in een nieuw bestand. Het bestand is niet gewijzigd."}[lang]
    for target in (pdf, text):
        before = sha(target)
        assert run(["--lang", lang, "restore", str(backup), str(target)]) == 1
        assert f"“{target}” {said}" in capsys.readouterr().err
        assert sha(target) == before
        assert run(["--lang", "en", "backups", str(target)]) == 0
        assert "No backups of" in capsys.readouterr().out  # no "backup" of a PDF either


def test_restore_still_repairs_a_damaged_or_empty_session_and_makes_new_files(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    backup = _backup(tmp_path)
    damaged, empty = tmp_path / "damaged.workshop", tmp_path / "empty.workshop"
    damaged.write_bytes(DEMO.read_bytes()[:200])
    empty.write_bytes(b"")
    new = tmp_path / "new.workshop"
    for target in (damaged, empty, new):
        assert run(["--lang", "en", "restore", str(backup), str(target)]) == 0, (
            capsys.readouterr().err)
        assert target.read_bytes() == backup.read_bytes()


def test_restore_through_a_link_writes_the_session_it_points_at(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from workshop.storage.lock import SessionLock

    backup = _backup(tmp_path)
    real = tmp_path / "real.workshop"
    real.write_bytes(DEMO.read_bytes())
    link = tmp_path / "link.workshop"
    link.symlink_to(real)
    before = sha(real)
    with SessionLock(real):  # Workshop has the real session open
        assert run(["--lang", "en", "restore", str(backup), str(link)]) == 1
    assert "already open" in capsys.readouterr().err
    assert sha(real) == before and link.is_symlink()
    assert run(["--lang", "en", "restore", str(backup), str(link)]) == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() == backup.read_bytes()


# --- 6. loops of links: one line, exit 1 -----------------------------------------

@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_loop_of_links_is_said_in_one_line(tmp_path: Path, lang: str) -> None:
    session = tmp_path / "meeting.workshop"
    session.write_bytes(DEMO.read_bytes())
    loop = tmp_path / "loop.workshop"
    loop.symlink_to(loop)
    pdf_loop = tmp_path / "loop.pdf"
    pdf_loop.symlink_to(pdf_loop)
    png_loop = tmp_path / "loop.png"
    png_loop.symlink_to(png_loop)
    before = sha(session)
    said = {"en": "loop of symbolic links", "nl": "kringloop van symbolische koppelingen"}
    commands = [("check", str(loop)), ("backups", str(loop)),
                ("restore", str(session), str(loop)), ("restore", str(loop), str(session)),
                ("export", str(session), "--agreement", str(pdf_loop)),
                ("render", str(session), "--canvas", "roadmap", "--out", str(png_loop)),
                ("unlock", str(loop)), ("verify", str(pdf_loop))]
    for command in commands:
        result = workshop(*command, lang=lang)
        assert result.returncode == 1, (command, result.stderr)
        assert "Traceback" not in result.stderr
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and said[lang] in lines[0], (command, result.stderr)
    assert sha(session) == before


# --- 8. the system's refusals in the user's words ---------------------------------

@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_systems_refusals_are_said_in_the_users_language(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str) -> None:
    folder = tmp_path / "folder.pdf"
    folder.mkdir()
    plain = tmp_path / "plain.txt"
    plain.write_text("x", encoding="utf-8")
    said = {
        "en": {"folder": "“{p}” cannot be read: it is a folder.",
               "notdir": "“{p}” cannot be read: a part of the path is not a folder.",
               "long": "“{p}” cannot be read: the name is too long."},
        "nl": {"folder": "“{p}” kan niet worden gelezen: het is een map.",
               "notdir": "“{p}” kan niet worden gelezen: een deel van het pad is geen map.",
               "long": "“{p}” kan niet worden gelezen: de naam is te lang."},
    }[lang]
    through = plain / "x.workshop"
    long_name = tmp_path / ("x" * 300 + ".workshop")
    cases = [(["verify", str(folder)], said["folder"].format(p=folder)),
             (["check", str(through)], said["notdir"].format(p=through)),
             (["check", str(long_name)], said["long"].format(p=long_name)),
             (["verify", str(plain / "x.pdf")], said["notdir"].format(p=plain / "x.pdf"))]
    for argv, expected in cases:
        assert run(["--lang", lang, *argv]) == 1
        err = capsys.readouterr().err
        assert err.strip() == expected, argv
        for english in ("Is a directory", "Not a directory", "File name too long"):
            assert english not in err


# --- 9. render into a read-only folder speaks command line, once ------------------

@pytest.mark.parametrize("lang", ["en", "nl"])
def test_render_into_a_read_only_folder_speaks_command_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        qapp: object, lang: str) -> None:
    import errno

    from workshop.storage import files

    def read_only(*args: object, **kwargs: object) -> object:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    session = tmp_path / "meeting.workshop"
    session.write_bytes(DEMO.read_bytes())
    out = tmp_path / "board.png"
    monkeypatch.setattr(files.tempfile, "mkstemp", read_only)
    assert run(["--lang", lang, "render", str(session), "--canvas", "ambition",
                "--out", str(out)]) == 1
    err = capsys.readouterr().err
    said = {"en": "the folder is read-only or you lack permission. Write the picture "
                  "elsewhere with --out.",
            "nl": "de map is alleen-lezen of u hebt geen toestemming. Schrijf de afbeelding "
                  "ergens anders heen met --out."}[lang]
    assert said in err and err.count(str(out)) == 1 and len(err.splitlines()) == 1
    for words in WINDOW_WORDS:
        assert words not in err
    assert not out.exists()


# --- 10. every verify ends with the Checks line -----------------------------------

def test_every_verify_ends_with_the_checks_line(tmp_path: Path) -> None:
    import re

    from workshop.export.seal import seal

    session = tmp_path / "meeting.workshop"
    session.write_bytes(DEMO.read_bytes())
    assert workshop("export", str(session)).returncode == 0
    agreement = tmp_path / "meeting-samenwerkingsafspraken.pdf"
    data = agreement.read_bytes()
    changed = tmp_path / "changed.pdf"
    flipped = bytearray(data)
    flipped[len(flipped) // 3] ^= 0x20
    changed.write_bytes(bytes(flipped))
    unreadable = tmp_path / "unreadable.pdf"
    blank = re.sub(rb"(/WorkshopManifest\s*\()([A-Za-z0-9+/=]*)",
                   lambda m: m.group(1) + b"A" * len(m.group(2)), data)
    blank = re.sub(rb"(/WorkshopSeal\s*\(sha256:)[0-9a-f]{64}",
                   lambda m: m.group(1) + b"0" * 64, blank)
    unreadable.write_bytes(seal(blank))
    rest = "fingerprint: NOT MADE, signatures: NOT MADE, byte-for-byte rebuild: NOT MADE, " \
           "word-for-word text: NOT MADE. Result: not verified."
    for pdf in (changed, DEMO, unreadable):
        alone = workshop("verify", str(pdf))
        assert alone.returncode == 1
        assert alone.stdout.splitlines()[-1] == "Checks: seal: FAILED. Result: not verified."
        both = workshop("verify", str(pdf), str(session))
        assert both.returncode == 1
        assert both.stdout.splitlines()[-1] == f"Checks: seal: FAILED, {rest}"
    good = workshop("verify", str(agreement), str(session))
    assert good.returncode == 0
    lines = good.stdout.splitlines()
    assert lines[-2] == "The PDF is version 1 of the agreement, the current one."
    assert lines[-1].startswith("Checks: seal: held, fingerprint: held")
    dutch = workshop("verify", str(changed), str(session), lang="nl")
    assert dutch.stdout.splitlines()[-1].startswith("Controles: zegel: MISLUKT, "
                                                    "vingerafdruk: NIET GEDAAN")


# --- 12. and 13. unlock ------------------------------------------------------------

def test_a_lock_naming_no_process_is_taken_over(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from workshop.storage.lock import lock_path

    session = tmp_path / "meeting.workshop"
    session.write_bytes(DEMO.read_bytes())
    lock = lock_path(session)
    lock.write_text(json.dumps({"pid": True, "host": "elsewhere", "user": "anna"}),
                    encoding="utf-8")
    assert run(["--lang", "en", "unlock", str(session)]) == 0, capsys.readouterr().err
    assert f"Removed the unreadable lock file “{lock}”" in capsys.readouterr().out
    assert not lock.exists()
    # Left a minute ago, the app and every command take it over themselves.
    lock.write_text(json.dumps({"pid": True}), encoding="utf-8")
    os.utime(lock, (lock.stat().st_mtime - 120,) * 2)
    backup = _backup(tmp_path)
    assert run(["--lang", "en", "restore", str(backup), str(session)]) == 0, (
        capsys.readouterr().err)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_unlock_of_a_missing_session_or_a_folder_fails(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str) -> None:
    missing, folder = tmp_path / "nope.workshop", tmp_path / "folder"
    folder.mkdir()
    said = {"en": ("“{p}” does not exist.", "“{p}” is a folder, not a session."),
            "nl": ("“{p}” bestaat niet.", "“{p}” is een map, geen sessie.")}[lang]
    for path, expected in ((missing, said[0]), (folder, said[1])):
        assert run(["--lang", lang, "unlock", str(path)]) == 1
        out = capsys.readouterr()
        assert out.err.strip() == expected.format(p=path) and out.out == ""
    assert not missing.exists()


# --- 15. a refused but understood command exits 1 ---------------------------------

def test_refusals_of_understood_commands_exit_1_and_say_why(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    session = tmp_path / "meeting.workshop"
    session.write_bytes(DEMO.read_bytes())
    before = sha(session)
    cases = [(["export", str(session), "--agreement", str(session)],
              "is a session file: a PDF is not written over it."),
             (["export", str(session), "--agreement", str(tmp_path / "x.pdf"),
               "--roadmap", str(tmp_path / "x.pdf")],
              "The agreement and the roadmap need two different files."),
             (["restore", str(session), str(session)],
              "is the backup itself: there is nothing to restore.")]
    for argv, said in cases:
        assert run(["--lang", "en", *argv]) == 1
        assert said in capsys.readouterr().err
    assert sha(session) == before
    assert run(["--lang", "en", "export"]) == 2  # not understood: still 2


# --- 7. argparse's own texts in the language of the messages ----------------------

def test_argparses_own_texts_speak_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    import argparse

    assert run(["--lang", "nl", "check"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("gebruik: workshop check [-h] path\n")
    assert "workshop check: fout: de volgende argumenten zijn verplicht: path" in err
    assert run(["--lang", "nl", "export", "x.workshop", "--size", "A5"]) == 2
    err = capsys.readouterr().err
    assert "fout: argument --size: ongeldige keuze: 'A5' (kies uit 'A4', 'A3')" in err
    assert run(["--lang", "nl", "check", "--help"]) == 0
    out = capsys.readouterr().out
    for dutch in ("gebruik:", "positionele argumenten:", "opties:",
                  "deze hulptekst tonen en stoppen"):
        assert dutch in out
    for english in ("usage:", "positional arguments", "options:", "show this help"):
        assert english not in out
    assert run(["--lang", "nl", "--help"]) == 0
    assert "het versienummer tonen en stoppen" in capsys.readouterr().out
    assert run(["--lang", "en", "check"]) == 2  # English stays English
    err = capsys.readouterr().err
    assert err.startswith("usage: workshop check") and "error: the following arguments " \
        "are required: path" in err
    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]  # given back


# --- 11. and 14. the documented format is the one the loader reads ----------------

def test_the_schema_requires_what_the_loader_requires(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--lang", "en", "schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["required"] == ["format", "schema_version"]
    empty = tmp_path / "empty-object.workshop"
    empty.write_text("{}", encoding="utf-8")
    assert run(["--lang", "en", "check", str(empty)]) == 1
    assert "is not a Workshop session file" in capsys.readouterr().err
    # What the schema requires is enough: the rest takes its defaults, the name too.
    minimal = tmp_path / "minimal.workshop"
    minimal.write_text(json.dumps({"format": "workshop-session", "schema_version": 4}),
                       encoding="utf-8")
    assert run(["--lang", "en", "check", str(minimal)]) == 0
    assert "Nieuwe samenwerking" in capsys.readouterr().out
    assert "`name` (not empty; left out, it is `\"Nieuwe samenwerking\"`)" in (
        ROOT / "sessions" / "README.md").read_text("utf-8")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_an_amount_written_as_a_number_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str) -> None:
    def number(doc: dict) -> None:  # type: ignore[type-arg]
        doc["commitments"]["contributions"][1]["amount"] = 12.25

    session = demo_with(tmp_path, "number.workshop", number)
    before = sha(session)
    assert run(["--lang", lang, "check", str(session)]) == 1
    said = {"en": "  - commitments.contributions[1].amount: 12.25 is a number; an amount is "
                  "written as text, e.g. \"12.25\", so that its digits stay exact",
            "nl": "  - commitments.contributions[1].amount: 12.25 is een getal; een bedrag "
                  "wordt als tekst geschreven, bijv. \"12.25\", zodat de cijfers exact "
                  "blijven"}[lang]
    assert said in capsys.readouterr().err.splitlines()
    assert sha(session) == before
    schema = json.loads((ROOT / "sessions" / "schema.json").read_text("utf-8"))
    amount = schema["$defs"]["Contribution"]["properties"]["amount"]
    assert {"type": "null"} in amount["anyOf"] and {"type": "number"} not in amount["anyOf"]


def test_the_session_readme_counts_the_demo() -> None:
    import re

    from workshop.storage.files import load_session

    demo = load_session(DEMO)
    text = (ROOT / "sessions" / "README.md").read_text("utf-8")
    found = re.search(r"\((\d+) participants from different\s+sectors, (\d+) of them present",
                      text)
    assert found is not None
    assert int(found.group(1)) == len(demo.participants)
    assert int(found.group(2)) == sum(p.present for p in demo.participants)
