"""The projector window and the facilitator's controls, checked on what the room sees.

Every check reads the projector itself: the texts of the scene's visible tiles (empty
while a curtain covers them) or the pixels of the projector window.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QImage
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot
from samples import demo_session

from workshop.domain.edits.ambition import move_cards
from workshop.domain.model import (
    Action,
    AgreementItem,
    Card,
    ConsentRecord,
    Decision,
    InterestItem,
    InterestKind,
    Session,
    Step,
    Vote,
)
from workshop.i18n import current_language, set_language, tr
from workshop.ui.canvas.scene import canvas_names
from workshop.ui.canvas.theme import THEME_NAMES
from workshop.ui.document import SessionDocument
from workshop.ui.main_window import MainWindow
from workshop.ui.projector import Blank, ProjectorController
from workshop.ui.projector_controls import ProjectorControls, takes_letters

# --- helpers ---------------------------------------------------------------------------


def open_window(qtbot: QtBot, document: SessionDocument, step: Step) -> MainWindow:
    window = MainWindow(document)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.go_to(step)
    projector = controls(window).controller
    projector.set_shown(True)
    qtbot.waitExposed(projector.window)
    qtbot.waitUntil(lambda: projector.canvas_name == step.value, timeout=2000)
    return window


def controls(window: MainWindow) -> ProjectorControls:
    return window.projector_controls


def room(window: MainWindow) -> ProjectorController:
    return controls(window).controller


def room_texts(projector: ProjectorController) -> list[str]:
    """What the room can read: the scene's visible texts, nothing while covered."""
    if projector.window.face.showing_curtain() or not projector.window.isVisible():
        return []
    return projector.scene.texts()


def tile_texts(projector: ProjectorController, text: str) -> list[str]:
    """All texts of the visible tile that shows ``text`` (a card with its author...)."""
    for tile in projector.scene.visible_tiles():
        if any(text in shown for shown in tile.texts()):
            return tile.texts()
    return []


def shows(qtbot: QtBot, projector: ProjectorController, text: str) -> None:
    qtbot.waitUntil(lambda: any(text in t for t in room_texts(projector)), timeout=2000)


def frame(projector: ProjectorController) -> QImage:
    return projector.pixmap().toImage().convertToFormat(QImage.Format.Format_RGB32)


def colours(image: QImage, step: int = 23) -> set[int]:
    return {image.pixel(x, y) for x in range(0, image.width(), step)
            for y in range(0, image.height(), step)}


def discuss(window: MainWindow, step: Step, item_id: str) -> None:
    """The facilitator selects an item on the page (its page goes on the projector)."""
    window.pages[step].sig_highlight.emit(item_id)


def edit(document: SessionDocument, areas: tuple[str, ...], mutate: object) -> None:
    assert document.edit("test", areas, mutate)  # type: ignore[arg-type]


# --- it follows every kind of change ------------------------------------------------------


def test_card_added_voted_and_clustered_appear(qtbot: QtBot, document: SessionDocument) -> None:
    window = open_window(qtbot, document, Step.AMBITION)
    projector = room(window)
    assert projector.canvas_name == "ambition"
    edit(document, ("ambition",), lambda s: s.ambition.cards.append(
        Card(id="k-new", text="Een loket voor mantelzorgers", author_id="p-anna")))
    discuss(window, Step.AMBITION, "k-new")
    shows(qtbot, projector, "Een loket voor mantelzorgers")
    assert "Anna de Vries" in tile_texts(projector, "Een loket voor mantelzorgers")

    def card_tile_dots() -> int:
        tile = next(t for t in projector.scene.visible_tiles()
                    if any("Een loket" in s for s in t.texts()))
        return tile.spec.dots

    assert card_tile_dots() == 0
    edit(document, ("ambition",), lambda s: s.ambition.votes.append(
        Vote(participant_id="p-henk", card_id="k-new", dots=2)))
    qtbot.waitUntil(lambda: card_tile_dots() == 2, timeout=2000)

    cluster = "Preventie en gezond leven"
    before = sum(v.dots for v in demo_session().ambition.votes
                 if next(c for c in demo_session().ambition.cards if c.id == v.card_id)
                 .cluster_id == "cl-preventie")

    def heading() -> list[str]:  # the cluster's heading (not its "continued" headings)
        return next((t.texts() for t in projector.scene.all_tiles()
                     if t.texts() and t.texts()[0] == cluster), [])

    assert f"● {before}" in heading()
    edit(document, ("ambition",), lambda s: move_cards(s, ["k-new"], "cl-preventie"))
    # The cluster's heading now counts the two new dots with its own; the card is in it.
    qtbot.waitUntil(lambda: f"● {before + 2}" in heading(), timeout=2000)
    shows(qtbot, projector, "Een loket voor mantelzorgers")


def test_card_typed_in_the_page_appears(qtbot: QtBot, document: SessionDocument) -> None:
    window = open_window(qtbot, document, Step.AMBITION)
    page = window.pages[Step.AMBITION]
    entry = page.findChild(QLineEdit, "cardEntry")
    entry.setFocus()
    qtbot.keyClicks(entry, "Buurtteams bundelen")
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    shows(qtbot, room(window), "Buurtteams bundelen")


def test_interest_added_appears_and_not_for_print_never(qtbot: QtBot,
                                                        document: SessionDocument) -> None:
    window = open_window(qtbot, document, Step.INTERESTS)
    projector = room(window)
    secret = next(i for i in document.session.interests.items if i.private)
    assert not any(secret.text in t for t in projector.scene.all_texts())
    edit(document, ("interests",), lambda s: s.interests.items.extend([
        InterestItem(id="b-open", participant_id="p-anna", kind=InterestKind.COLLECTIVE,
                     text="Samen de wachtlijst verkorten"),
        InterestItem(id="b-secret", participant_id="p-anna", kind=InterestKind.INDIVIDUAL,
                     text="Mijn eigen afdeling veiligstellen", private=True)]))
    shows(qtbot, projector, "Samen de wachtlijst verkorten")
    # Not in any tile, on any page, and not in the spotlight when asked for.
    projector.set_highlight("interests", "b-secret")
    projector.set_spotlight(True)
    for _ in range(2):
        texts = projector.scene.all_texts() + room_texts(projector)
        assert not any("Mijn eigen afdeling" in t for t in texts)
        assert not any(secret.text in t for t in texts)
        projector.set_spotlight(False)


def test_consent_given_appears(qtbot: QtBot, document: SessionDocument) -> None:
    window = open_window(qtbot, document, Step.PRINCIPLES)
    projector = room(window)
    edit(document, ("principles",), lambda s: s.principles.append(
        AgreementItem(id="pr-data", text="We delen gegevens alleen met toestemming.")))
    discuss(window, Step.PRINCIPLES, "pr-data")
    shows(qtbot, projector, "We delen gegevens alleen met toestemming.")
    consent = tr("Consent: {count}", "nl", count=1)

    def state_texts() -> list[str]:  # the consent state shown beside the principle
        tile = projector.scene.canvas.tiles[("state", "pr-data")]
        return tile.texts() if tile.isVisible() and not room_texts(projector) == [] else []

    qtbot.waitUntil(lambda: bool(state_texts()), timeout=2000)
    assert not any(consent in t for t in state_texts())
    edit(document, ("consents",), lambda s: s.consents.append(
        ConsentRecord(subject_id="pr-data", participant_id="p-anna",
                      decision=Decision.CONSENT)))
    qtbot.waitUntil(lambda: any(consent in t for t in state_texts()), timeout=2000)


def test_action_added_appears(qtbot: QtBot, document: SessionDocument) -> None:
    window = open_window(qtbot, document, Step.ROADMAP)
    projector = room(window)
    edit(document, ("roadmap",), lambda s: s.roadmap.actions.insert(0, Action(
        id="a-new", title="Werkbezoek aan de wijkteams")))
    qtbot.waitUntil(lambda: any("Werkbezoek aan de wijkteams" in t
                                for t in projector.scene.all_texts()), timeout=2000)


def test_follows_the_step_and_undo(qtbot: QtBot, document: SessionDocument) -> None:
    window = open_window(qtbot, document, Step.PRINCIPLES)
    projector = room(window)
    window.go_to(Step.RULES)
    qtbot.waitUntil(lambda: projector.canvas_name == "rules", timeout=2000)
    edit(document, ("rules",), lambda s: s.rules.append(
        AgreementItem(id="r-new", text="We beginnen op tijd.")))
    shows(qtbot, projector, "We beginnen op tijd.")
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: not any("We beginnen op tijd." in t
                                    for t in room_texts(projector)), timeout=2000)


# --- black, white, freeze ------------------------------------------------------------------


def test_black_and_white_cover_the_whole_window(qtbot: QtBot, document: SessionDocument) -> None:
    window = open_window(qtbot, document, Step.AMBITION)
    projector = room(window)
    assert len(colours(frame(projector))) > 2  # the canvas
    controls(window).black_action.trigger()
    assert colours(frame(projector)) == {QColor("#000000").rgb()}
    assert room_texts(projector) == []
    controls(window).black_action.trigger()  # B again: back to the canvas
    assert projector.blank is Blank.NONE and len(colours(frame(projector))) > 2
    controls(window).white_action.trigger()
    assert colours(frame(projector)) == {QColor("#ffffff").rgb()}
    controls(window).black_action.trigger()  # B on white: black
    assert colours(frame(projector)) == {QColor("#000000").rgb()}
    controls(window).black_action.trigger()
    assert len(colours(frame(projector))) > 2


def test_freeze_keeps_the_frame_until_unfrozen(qtbot: QtBot, document: SessionDocument) -> None:
    window = open_window(qtbot, document, Step.AMBITION)
    projector = room(window)
    before = frame(projector)
    controls(window).freeze_action.trigger()
    assert projector.frozen
    edit(document, ("ambition",), lambda s: s.ambition.cards.append(
        Card(id="k-later", text="Nog niet voor de zaal")))
    # The scene follows the facilitator; the room keeps the frame.
    qtbot.waitUntil(lambda: any("Nog niet voor de zaal" in t
                                for t in projector.scene.all_texts()), timeout=2000)
    assert frame(projector) == before
    assert room_texts(projector) == []
    preview = controls(window).preview
    assert preview is not None and preview.face.showing_curtain()
    discuss(window, Step.AMBITION, "k-later")
    assert frame(projector) == before
    controls(window).freeze_action.trigger()
    shows(qtbot, projector, "Nog niet voor de zaal")
    assert frame(projector) != before


def test_spotlight_shows_the_item_under_discussion(qtbot: QtBot,
                                                   document: SessionDocument) -> None:
    window = open_window(qtbot, document, Step.AMBITION)
    projector = room(window)
    card, other = document.session.ambition.cards[0], document.session.ambition.cards[1].text
    assert card.cluster_id == document.session.ambition.cards[1].cluster_id
    discuss(window, Step.AMBITION, card.id)
    shows(qtbot, projector, other[:20])
    controls(window).spotlight_action.trigger()
    qtbot.waitUntil(lambda: card.text in " ".join(room_texts(projector)), timeout=2000)
    assert not any(other in t for t in room_texts(projector))
    controls(window).spotlight_action.trigger()
    shows(qtbot, projector, other[:20])


def test_a_step_change_builds_the_new_canvas_once_with_its_own_highlight(
        qtbot: QtBot, document: SessionDocument, monkeypatch: pytest.MonkeyPatch) -> None:
    """Going to a step shows its canvas with the item under discussion there lit at once:
    one build, not one with the old step's highlight and one more with its own; and no
    build at all when it comes back as it was, lit as it was."""
    from workshop.ui.canvas.canvases.agreements import AgreementsCanvas
    from workshop.ui.canvas.canvases.ambition import AmbitionCanvas

    window = open_window(qtbot, document, Step.AMBITION)
    projector = room(window)
    card = document.session.ambition.cards[0]
    principle = document.session.principles[0]
    discuss(window, Step.AMBITION, card.id)
    qtbot.wait(100)
    builds: list[str] = []
    for canvas in (AmbitionCanvas, AgreementsCanvas):
        original = canvas.build
        monkeypatch.setattr(canvas, "build", lambda self, ctx, _o=original, _n=canvas.__name__:
                            (builds.append(_n), _o(self, ctx))[1])
    window.go_to(Step.PRINCIPLES)  # its first visit: built once
    qtbot.waitUntil(lambda: projector.canvas_name == "principles", timeout=2000)
    qtbot.wait(200)  # whatever else would follow the change of step
    assert builds == ["AgreementsCanvas"]
    discuss(window, Step.PRINCIPLES, principle.id)
    qtbot.wait(100)
    builds.clear()
    window.go_to(Step.AMBITION)
    qtbot.waitUntil(lambda: projector.canvas_name == "ambition", timeout=2000)
    qtbot.wait(200)
    assert builds == []  # nothing it shows changed: shown as it was built
    assert projector.options.highlight_id == card.id
    builds.clear()
    window.go_to(Step.PRINCIPLES)
    qtbot.waitUntil(lambda: projector.canvas_name == "principles", timeout=2000)
    qtbot.wait(200)
    assert builds == []
    assert projector.options.highlight_id == principle.id
    assert any(principle.text[:30] in t for t in room_texts(projector))


# --- the session stays as it was -------------------------------------------------------------


def test_walking_all_canvases_and_themes_changes_nothing(qtbot: QtBot,
                                                         document: SessionDocument) -> None:
    window = open_window(qtbot, document, Step.AMBITION)
    projector = room(window)
    qtbot.wait(10)
    before = document.session.model_dump(mode="json")
    undo_index = document.undo_stack.index()
    for name in canvas_names():
        projector.set_canvas(name)
        for theme_name in THEME_NAMES:
            projector.set_theme(theme_name)
            projector.step_text_scale(1)
            projector.set_timer_on(True)
            projector.set_highlight(name, "k-01")
            projector.set_spotlight(True)
            projector.set_frozen(True)
            projector.toggle_blank(Blank.WHITE)
            qtbot.wait(1)
            assert frame(projector).width() > 0
            projector.toggle_blank(Blank.WHITE)
            projector.set_frozen(False)
            projector.set_spotlight(False)
            projector.set_timer_on(False)
            projector.step_text_scale(-1)
            assert projector.canvas_name == name
        assert projector.scene.texts()
    projector.set_canvas(None)
    assert document.session.model_dump(mode="json") == before
    assert document.undo_stack.index() == undo_index
    assert document.undo_stack.isClean() == (undo_index == document.undo_stack.cleanIndex())


def test_theme_and_text_size_from_the_menu(qtbot: QtBot, document: SessionDocument,
                                           saved: object) -> None:
    window = open_window(qtbot, document, Step.AMBITION)
    projector = room(window)
    undo_index = document.undo_stack.index()
    controls(window).theme_actions["dark"].trigger()
    assert projector.options.theme == "dark"
    page = frame(projector).pixel(5, 5)
    assert QColor(page).lightness() < 80
    controls(window).larger_action.trigger()
    assert projector.options.text_scale > 1.0
    # Kept with the session as presentation state, not as an undoable edit.
    assert document.undo_stack.index() == undo_index
    reread = saved(document)  # type: ignore[operator]
    assert reread.view.projector_theme == "dark"
    assert reread.view.projector_text_scale == projector.options.text_scale


def test_timer_on_the_projection(qtbot: QtBot, document: SessionDocument) -> None:
    window = open_window(qtbot, document, Step.AMBITION)
    projector = room(window)
    window.timer.update_display()
    assert not any(":" in t and t.replace(":", "").isdigit() for t in room_texts(projector))
    controls(window).timer_action.trigger()
    window.timer.update_display()
    assert "40:00" in room_texts(projector)
    controls(window).timer_action.trigger()
    assert "40:00" not in room_texts(projector)


# --- keys -------------------------------------------------------------------------------------


def test_letters_typed_into_fields_stay_text(qtbot: QtBot, document: SessionDocument) -> None:
    window = open_window(qtbot, document, Step.AMBITION)
    projector = room(window)
    entry = window.pages[Step.AMBITION].findChild(QLineEdit, "cardEntry")
    entry.setFocus()
    qtbot.keyClicks(entry, "bwfsBWFS")
    assert entry.text() == "bwfsBWFS"
    assert projector.blank is Blank.NONE and not projector.frozen and not projector.spotlight
    statement = window.pages[Step.AMBITION].findChild(QPlainTextEdit)
    assert statement is not None and takes_letters(statement)
    assert takes_letters(entry)


def test_letters_act_where_nothing_is_typed(qtbot: QtBot, document: SessionDocument) -> None:
    window = open_window(qtbot, document, Step.PREPARATION)
    projector = room(window)
    window.activateWindow()  # the facilitator types in their window (keys go to its focus)
    qtbot.waitUntil(window.isActiveWindow)
    button = window.timer.findChild(QPushButton)
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_B)
    assert projector.blank is Blank.BLACK
    qtbot.keyClick(button, Qt.Key.Key_B)
    assert projector.blank is Blank.NONE
    window.navigator.setFocus()
    qtbot.keyClick(window.navigator, Qt.Key.Key_W)
    assert projector.blank is Blank.WHITE
    assert controls(window).white_action.isChecked()
    qtbot.keyClick(projector.window, Qt.Key.Key_W)  # in the projector window itself
    assert projector.blank is Blank.NONE
    qtbot.keyClick(projector.window, Qt.Key.Key_F)
    assert projector.frozen
    qtbot.keyClick(button, Qt.Key.Key_F)
    assert not projector.frozen
    assert window.current_step() is Step.PREPARATION  # no type-ahead in the step list


# --- showing, hiding, languages, export --------------------------------------------------


def test_show_and_hide(qtbot: QtBot, document: SessionDocument) -> None:
    window = open_window(qtbot, document, Step.AMBITION)
    projector = room(window)
    assert projector.window.isVisible() and controls(window).show_action.isChecked()
    controls(window).show_action.trigger()
    assert not projector.window.isVisible() and not projector.shown
    controls(window).show_action.trigger()
    qtbot.waitExposed(projector.window)
    assert projector.window.isVisible()
    projector.window.close()  # by its title bar
    assert not controls(window).show_action.isChecked()
    # One screen (the offscreen platform): a normal window, not frameless.
    controls(window).show_action.trigger()
    assert not projector.window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert projector.room_screen() is None
    window.close()
    assert not projector.window.isVisible()


def test_language_switch_keeps_the_projector(qtbot: QtBot, document: SessionDocument) -> None:
    start = current_language()
    window = open_window(qtbot, document, Step.AMBITION)
    projector = room(window)
    controls(window).black_action.trigger()
    try:
        window.switch_language("en" if start == "nl" else "nl")
        assert room(window) is projector and projector.window.isVisible()
        assert controls(window).black_action.isChecked()
        assert controls(window).show_action.isChecked()
        controls(window).black_action.trigger()
        edit(document, ("ambition",), lambda s: s.ambition.cards.append(
            Card(id="k-lang", text="Na de taalwissel")))
        discuss(window, Step.AMBITION, "k-lang")
        shows(qtbot, projector, "Na de taalwissel")
        window.go_to(Step.RULES)
        qtbot.waitUntil(lambda: projector.canvas_name == "rules", timeout=2000)
        assert controls(window).preview is not None
        assert controls(window).preview.face.view.scene() is projector.scene
    finally:
        set_language(start)


def test_save_canvas_as_png_and_svg(qtbot: QtBot, document: SessionDocument,
                                    tmp_path: Path) -> None:
    window = open_window(qtbot, document, Step.PRINCIPLES)
    controls(window).theme_actions["contrast"].trigger()
    written = controls(window).export_to(tmp_path / "principes.png")
    assert written and written[0] == tmp_path / "principes.png"
    image = QImage(str(written[0]))
    assert (image.width(), image.height()) == (1920, 1080)
    assert QColor(image.pixel(3, 3)).lightness() < 40  # the high-contrast theme is dark
    svg = controls(window).export_to(tmp_path / "principes.svg")
    text = svg[0].read_text(encoding="utf-8")
    principle = document.session.principles[0].text.split()[0]
    assert "<svg" in text and principle in text


def test_nothing_open_shows_no_session(qtbot: QtBot, document: SessionDocument) -> None:
    window = open_window(qtbot, document, Step.AMBITION)
    projector = room(window)
    assert window.close_session()
    assert projector.document is None
    assert room_texts(projector) == []
    assert len(colours(frame(projector))) == 1


def test_projector_on_a_session_built_in_code(qtbot: QtBot, make_document: object) -> None:
    session = Session()
    session.details.name = "Lege sessie <b>&"
    document = make_document(session, name="empty")  # type: ignore[operator]
    window = open_window(qtbot, document, Step.PREPARATION)
    shows(qtbot, room(window), "Lege sessie <b>&")


TWO_SCREENS = """
import json, sys
from workshop.ui.app import application
app = application()
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from samples import demo_session
from workshop.ui.document import SessionDocument
from workshop.ui.main_window import MainWindow
window = MainWindow(SessionDocument(demo_session(), autosave=False))
window.show()
app.processEvents()
projector = window.projector_controls.controller
projector.set_shown(True)
app.processEvents()
facts = {"screens": len(QGuiApplication.screens()), "mine": window.screen().name()}
def note(key):
    w = projector.window
    facts[key] = {"screen": w.screen().name(), "full": w.isFullScreen(),
                  "frameless": bool(w.windowFlags() & Qt.WindowType.FramelessWindowHint),
                  "size": [w.width(), w.height()], "visible": w.isVisible()}
note("shown")
beamer = projector.window.screen()
projector._on_screen_removed(beamer)  # what Qt sends when the cable is pulled
app.processEvents()
note("unplugged")
projector._on_screens_changed(beamer)  # and plugged in again
app.processEvents()
app.processEvents()
note("plugged")
print(json.dumps(facts))
"""


def test_second_screen_gets_the_projector_full_screen(tmp_path: Path) -> None:
    """Qt's offscreen platform with two screens (its own configuration file)."""
    import json
    import os
    import subprocess
    import sys

    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
        {"name": "beamer", "x": 1366, "y": 0, "width": 1920, "height": 1080,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    tests = str(Path(__file__).resolve().parents[1])  # the sample sessions live there
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               PYTHONPATH=os.pathsep.join(filter(None, [tests, os.environ.get("PYTHONPATH")])))
    done = subprocess.run([sys.executable, "-c", TWO_SCREENS], env=env, capture_output=True,
                          text=True, timeout=120, check=True)
    facts = json.loads(done.stdout.strip().splitlines()[-1])
    assert facts["screens"] == 2
    shown = facts["shown"]
    assert shown["screen"] != facts["mine"]
    assert shown["full"] and shown["frameless"] and shown["visible"]
    assert shown["size"] == ([1920, 1080] if shown["screen"] == "beamer" else [1366, 768])
    unplugged = facts["unplugged"]
    assert unplugged["visible"] and not unplugged["full"] and not unplugged["frameless"]
    assert facts["plugged"] == shown


def test_the_diagnostics_go_on_the_projector_anonymously_when_asked(
        qtbot: QtBot, document: SessionDocument) -> None:
    """From the Projector menu: another canvas than the step's, and no names on the wall."""
    window = MainWindow(document)
    qtbot.addWidget(window)
    controls = window.projector_controls
    controller = controls.controller
    names = [p.name for p in document.session.participants if p.name]
    controls.canvas_actions["conditions"].trigger()
    assert controller.scene.canvas_name == "conditions"
    assert any(name in " ".join(controller.scene.texts()) for name in names)
    controls.anonymous_action.trigger()
    assert controls.anonymous_action.isChecked()
    shown = " ".join(controller.scene.texts())
    assert not any(name in shown for name in names)
    controls.canvas_actions[None].trigger()
    assert controller.scene.canvas_name == document.session.view.current_step.value


def test_a_step_shown_again_is_built_again_only_when_it_changed_meanwhile(
        qtbot: QtBot, document: SessionDocument) -> None:
    """Back on a step whose canvas nothing changed, the room sees it as it was without
    a new build; an undo on another step that takes away its card shows on return."""
    from tests.ui.pages.test_page_ambition import type_card
    from workshop.ui.canvas import scene as scenes

    window = open_window(qtbot, document, Step.AMBITION)
    projector = room(window)
    page = window.pages[Step.AMBITION]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.focus_first()
    qtbot.waitUntil(page.entry.hasFocus)
    type_card(qtbot, page, "Een huiskamer in elke wijk")
    shows(qtbot, projector, "Een huiskamer in elke wijk")
    qtbot.wait(100)  # the projector's own update of the edit, too
    builds: list[str] = []
    original = scenes.CanvasScene._refresh

    def counted(scene: scenes.CanvasScene, *args: object, **kwargs: object) -> None:
        builds.append(scene.canvas_name)
        original(scene, *args, **kwargs)  # type: ignore[arg-type]

    scenes.CanvasScene._refresh = counted  # type: ignore[method-assign]
    try:
        for _ in range(2):
            window.go_to(Step.PRINCIPLES)
            qtbot.waitUntil(lambda: projector.canvas_name == "principles", timeout=2000)
            window.go_to(Step.AMBITION)
            shows(qtbot, projector, "Een huiskamer in elke wijk")
        assert "ambition" not in builds  # shown again as built
        window.go_to(Step.PRINCIPLES)
        qtbot.waitUntil(lambda: projector.canvas_name == "principles", timeout=2000)
        undo = window.findChild(QAction, "edit.undo")  # Edit > Undo: the card goes
        assert undo is not None and undo.isEnabled()
        undo.trigger()
        window.go_to(Step.AMBITION)
        qtbot.waitUntil(lambda: projector.canvas_name == "ambition", timeout=2000)
        qtbot.waitUntil(lambda: "ambition" in builds, timeout=2000)
        assert not any("Een huiskamer in elke wijk" in t for t in room_texts(projector))
        assert room_texts(projector)  # the board itself, without that card
    finally:
        scenes.CanvasScene._refresh = original  # type: ignore[method-assign]
