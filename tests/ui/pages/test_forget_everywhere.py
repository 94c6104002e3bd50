""""Delete everything of them" reaches every copy the app keeps.

A participant with a name, interests and a signature is in the session, in backups
taken days and months ago, in a recovery copy, in a PDF exported beside the session and
in a leftover of a killed export. The facilitator deletes them through the dialog (which
says first that the backups lose them too). Afterwards no file under the data folder or
beside the session holds their name, an interest or their signature's strokes: every
byte is searched, as UTF-8, JSON escapes, UTF-16 and base64, and inside every gzip or
zlib (PDF) stream. Another session's backup with the same name is left alone.
What describes them goes too: their role, whom they represent, their mandate, the
function they signed in and their organisation (nobody else of it takes part), also
from the revised version's articles an evaluation meeting keeps; and the backups are
rewritten without them, not deleted.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from drive import show_page
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot
from samples import demo_session

from workshop.domain.evaluation import new_evaluation
from workshop.domain.fingerprint import fingerprint
from workshop.domain.model import InterestItem, Participant, Session, Signature, Stroke
from workshop.domain.participants import set_organisation
from workshop.export.agreement import AgreementOptions, export_agreement
from workshop.i18n import set_language
from workshop.storage import paths
from workshop.storage.backups import BackupStore
from workshop.storage.files import dumps, load_session, save_session
from workshop.ui.document import SessionDocument
from workshop.ui.pages.preparation.page import PreparationPage
from workshop.ui.pages.preparation.participants import NAME

NAME_TEXT = "Xandra Qwertyhuis-Vlietstra"
ORGANISATION = "Qorvalisbeheer Zuid BV"
ABOUT = ("Zorgmanager Quintijnen", "Wijkteams Zuiderqwarten", "Mandaat Vlomperdag beperkt",
         "Bestuurder Qwispel")
"""Role, represents, mandate, and the function they sign in for their organisation."""
INTERESTS = ("Mijn baan als zorgmanager Qorvalis veiligstellen",
             "Wachtlijst Zuiderqwarten terugdringen")
STROKE = Stroke(points=[(123.25 + 7 * i, 345.5 + (i % 5) * 3, 0.625) for i in range(40)])


def _session() -> Session:
    session = demo_session()
    person = session.participants[1]
    set_organisation(session, person.id, ORGANISATION)  # the only one of it
    person.name = NAME_TEXT
    person.role, person.represents, person.mandate, function = ABOUT
    for org in session.legal.organisations:
        if org.name == ORGANISATION:
            org.representative_id, org.function = person.id, function
    session.interests.items += [
        InterestItem(id=f"i-x{n}", participant_id=person.id, kind="organisational",
                     text=text) for n, text in enumerate(INTERESTS)]
    session.signatures.append(Signature(
        id="sig-x", participant_id=person.id, signed_at=dt.datetime(2026, 3, 12, 16, 30),
        strokes=[STROKE], fingerprint=fingerprint(session)))
    return Session.model_validate(session.model_dump())


def _traces() -> list[bytes]:
    texts = [NAME_TEXT, *INTERESTS, "123.25,345.5,0.625", "130.25,348.5", ORGANISATION,
             *ABOUT]
    found: list[bytes] = []
    for text in texts:
        found += [text.encode(), json.dumps(text)[1:-1].encode(), text.encode("utf-16-le"),
                  text.encode("utf-16-be"), base64.b64encode(text.encode())]
    return found


def _layers(data: bytes) -> Iterator[bytes]:
    """The bytes, and everything inside them that gzip or zlib can unpack."""
    yield data
    for match in re.finditer(rb"\x1f\x8b|\x78[\x01\x5e\x9c\xda]", data):
        start = match.start() + (10 if data[match.start()] == 0x1F else 0)
        try:
            unpacked = zlib.decompressobj(-15 if data[match.start()] == 0x1F else 15)
            inner = unpacked.decompress(data[start:start + 50_000_000])
        except zlib.error:
            continue
        if inner:
            yield inner


def _files_with_traces(*folders: Path) -> list[str]:
    traces = _traces()
    found = []
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            for layer in _layers(path.read_bytes()):
                if any(trace in layer for trace in traces):
                    found.append(str(path))
                    break
    return found


def _delete_everything_of_them(qtbot: QtBot, document: SessionDocument) -> str:
    """Remove… on their row, then "Delete everything of them" in the dialog; what the
    dialog said."""
    page = show_page(qtbot, PreparationPage(document))
    row = next(n for n, p in enumerate(document.session.participants) if p.name == NAME_TEXT)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(row, NAME))
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.remove_dialog is not None and page.remove_dialog.isVisible())
    dialog = page.remove_dialog
    assert dialog is not None
    said = "\n".join(label.text() for label in dialog.findChildren(QLabel))
    assert "every backup and recovery copy" in said and "cannot be undone" in said
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.hand_over_button)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.remove_dialog is None)
    assert document.flush()  # waits for the worker, which cleans after the save
    return said


def test_deleting_everything_of_someone_reaches_every_copy(
        tmp_path: Path, qtbot: QtBot, make_document: Callable[..., SessionDocument]) -> None:
    document = make_document(_session(), "regio")
    assert document.path is not None and document.autosaver is not None
    path = document.path
    data_folder = paths.data_folder()
    store = BackupStore()
    now = dt.datetime.now()
    # History: backups of earlier states, days and months old, and a recovery copy.
    for days in (1, 9, 40, 200):
        earlier = _session()
        earlier.details.name = f"Regio, {days} dagen geleden"
        store.backup_now(path, dumps(earlier), now - dt.timedelta(days=days))
    recovery = paths.ensure_private_dir(paths.recovery_folder())
    save_session(_session(), recovery / "regio-20260301-101010.workshop")
    # Another session that happens to have someone of the same name: not this person.
    other = _session()
    other.id = "s-another"
    other_path = tmp_path / "elders" / "andere.workshop"
    other_path.parent.mkdir()
    store.backup_now(other_path, dumps(other), now - dt.timedelta(days=3))
    # Beside the session: an exported agreement and the leftover of a killed export.
    pdf = export_agreement(_session(), AgreementOptions(language="nl"))
    (path.parent / "regio-samenwerkingsafspraken.pdf").write_bytes(pdf)
    (path.parent / ".regio-samenwerkingsafspraken.pdf.k1ll3d.saving").write_bytes(pdf[:5000])
    assert document.flush()
    assert _files_with_traces(data_folder, path.parent), "the test found nothing to find"

    _delete_everything_of_them(qtbot, document)

    other_backup = store.list_backups(other_path)[0].path
    left = [p for p in _files_with_traces(data_folder, path.parent)
            if p != str(other_backup)]
    assert left == []
    assert load_session(other_backup).participants[1].name == NAME_TEXT  # untouched
    # The history of everything else stays: every backup of this session is still there,
    # readable, without them and with everyone else.
    kept = store.list_backups(path)
    assert len(kept) >= 4
    for info in kept:
        restored = info.load()
        assert all(p.name != NAME_TEXT for p in restored.participants)
        assert len(restored.participants) == len(_session().participants) - 1
    assert document.forgotten is not None and document.forgotten.failed == []
    assert not (path.parent / "regio-samenwerkingsafspraken.pdf").exists()


def test_in_an_evaluation_meeting_they_leave_the_revised_text_and_the_backups_stay(
        qtbot: QtBot, make_document: Callable[..., SessionDocument]) -> None:
    """Version 2 keeps the articles of the version it revises, the person's party entry
    among them: they go with the rest of them, so every backup of the meeting can be
    rewritten without them, and none is lost."""
    today = dt.date.today()
    document = make_document(new_evaluation(_session(), "regio.workshop", today), "regio-2")
    assert document.path is not None and document.autosaver is not None
    path = document.path
    store = BackupStore()
    now = dt.datetime.now()
    for days in (1, 9, 40):
        earlier = new_evaluation(_session(), "regio.workshop", today)
        earlier.id = document.session.id
        earlier.details.venue = f"Zaal {days}"
        store.backup_now(path, dumps(earlier), now - dt.timedelta(days=days))
    assert document.flush()
    backups = {info.path for info in store.list_backups(path)}
    assert len(backups) == 3 and _files_with_traces(paths.data_folder(), path.parent)

    said = _delete_everything_of_them(qtbot, document)

    assert "Nothing of them stays in the session file." in said
    assert _files_with_traces(paths.data_folder(), path.parent) == []
    assert document.forgotten is not None
    assert set(document.forgotten.rewritten) >= backups and document.forgotten.deleted == []
    assert backups <= {info.path for info in store.list_backups(path)}
    for backup in backups:
        kept = load_session(backup)
        assert kept.evaluation is not None and kept.evaluation.previous_articles
        assert len(kept.participants) == len(_session().participants) - 1


def _someone_only_the_backups_know(
        make_document: Callable[..., SessionDocument]) -> tuple[SessionDocument, Path]:
    """Yvo, only a row in the session, with an interest in a backup of three days ago."""
    session = demo_session()
    session.participants.append(Participant(id="p-yvo", name=NAME_TEXT,
                                            organisation="Waalzoom Ziekenhuis"))
    session = Session.model_validate(session.model_dump())
    document = make_document(session, "regio")
    assert document.path is not None
    older = session.model_copy(deep=True)
    older.interests.items.append(InterestItem(
        id="i-yvo", participant_id="p-yvo", kind="individual", text=INTERESTS[0]))
    backup = BackupStore().backup_now(document.path, dumps(older),
                                      dt.datetime.now() - dt.timedelta(days=3))
    return document, backup


def _remove_row(qtbot: QtBot, page: PreparationPage) -> None:
    row = next(n for n, p in enumerate(page.document.session.participants)
               if p.name == NAME_TEXT)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(row, NAME))
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_someone_with_nothing_in_the_session_but_in_a_backup_is_asked_about_first(
        qtbot: QtBot, make_document: Callable[..., SessionDocument], lang: str) -> None:
    document, backup = _someone_only_the_backups_know(make_document)
    assert document.flush()
    before = backup.read_bytes()
    set_language(lang)
    try:
        page = show_page(qtbot, PreparationPage(document))
        _remove_row(qtbot, page)
        qtbot.waitUntil(lambda: page.remove_dialog is not None
                        and page.remove_dialog.isVisible())
        dialog = page.remove_dialog
        assert dialog is not None
        said = "\n".join(label.text() for label in dialog.findChildren(QLabel))
        # Nothing has happened yet: the backup is as it was, and the dialog says why.
        assert backup.read_bytes() == before
        assert document.session.participant("p-yvo") is not None
        if lang == "nl":
            assert "Reservekopieën of herstelkopieën van deze sessie bevatten" in said
            assert "kan niet ongedaan worden gemaakt" in said
        else:
            assert "Backups or recovery copies of this session hold them" in said
            assert "cannot be undone" in said
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.hand_over_button)
        qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.remove_dialog is None)
        assert document.flush()
    finally:
        set_language("en")
    assert _files_with_traces(paths.data_folder(), document.path.parent) == []  # type: ignore[union-attr]
    assert load_session(backup).participant("p-yvo") is None  # rewritten, not deleted


def test_cancelling_leaves_the_backups_that_hold_them_alone(
        qtbot: QtBot, make_document: Callable[..., SessionDocument]) -> None:
    document, backup = _someone_only_the_backups_know(make_document)
    assert document.flush()
    before = backup.read_bytes()
    page = show_page(qtbot, PreparationPage(document))
    _remove_row(qtbot, page)
    qtbot.waitUntil(lambda: page.remove_dialog is not None and page.remove_dialog.isVisible())
    dialog = page.remove_dialog
    assert dialog is not None
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(  # type: ignore[union-attr]
        QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.remove_dialog is None)
    assert document.flush()
    assert backup.read_bytes() == before
    assert document.session.participant("p-yvo") is not None


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_after_undo_new_backups_hold_them_again_and_the_message_said_so(
        qtbot: QtBot, make_document: Callable[..., SessionDocument], lang: str) -> None:
    document = make_document(_session(), "regio")
    assert document.path is not None and document.autosaver is not None
    path = document.path
    store = BackupStore()
    old = store.backup_now(path, dumps(_session()), dt.datetime.now() - dt.timedelta(days=2))
    assert document.flush()
    messages: list[str] = []
    set_language(lang)
    try:
        page = show_page(qtbot, PreparationPage(document))
        page.sig_message.connect(messages.append)
        _remove_row(qtbot, page)
        qtbot.waitUntil(lambda: page.remove_dialog is not None
                        and page.remove_dialog.isVisible())
        dialog = page.remove_dialog
        assert dialog is not None
        qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.remove_dialog is None)
        assert document.flush()
    finally:
        set_language("en")
    said = messages[-1]
    assert "\n" not in said  # the status line shows one line
    if lang == "nl":
        assert ("niet in de reservekopieën. Na Ctrl+Z bevatten de reservekopieën die daarna "
                "worden gemaakt deze deelnemer weer, net als de sessie.") in said
    else:
        assert ("not into the backups. After Ctrl+Z, the backups made from then on hold "
                "them again, as the session does.") in said
    assert NAME_TEXT.encode() not in old.read_bytes()

    # What the message says: Ctrl+Z, and the next backup holds them; the old one not.
    document.undo_stack.undo()
    assert any(p.name == NAME_TEXT for p in document.session.participants)
    assert document.autosaver.backups is not None
    document.autosaver.backups.interval_s = 0
    assert document.edit("venue", ("details",),
                         lambda s: setattr(s.details, "venue", "Zaal 2"))
    assert document.flush()
    newest = store.list_backups(path)[0].path
    assert newest != old and NAME_TEXT.encode() in newest.read_bytes()
    assert NAME_TEXT.encode() not in old.read_bytes()
