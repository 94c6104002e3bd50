"""The facilitator's room panel: open and close the room, the open question, the phones.

A non-modal window owned by the main window (Go > Room for phones…). It follows the
main window's document: the room closes before a session closes (``sig_closing``) and
with a document change, so nothing listens once there is nothing to answer.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtNetwork import QAbstractSocket, QHostAddress, QNetworkInterface
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid as shiboken_valid

from workshop.domain.model import AGREEMENT_SUBJECT, AMBITION_SUBJECT
from workshop.i18n import N_, tr
from workshop.room.plan import MAX_CARDS_EACH
from workshop.room.protocol import ActivityKind
from workshop.ui.document import SessionDocument
from workshop.ui.projector import ProjectorController
from workshop.ui.room.bridge import RoomBridge
from workshop.ui.window_place import resize_on_screen

_ATTRIBUTE = "_room_window"
REFRESH_MS = 250
UNREACHED_AFTER_S = 60.0
"""No phone has loaded the page this long after opening: explain why that may be."""

KIND_NAMES = {
    ActivityKind.NONE: N_("Nothing (phones wait)"),
    ActivityKind.CARDS: N_("Ambition cards"),
    ActivityKind.DOTS: N_("Dots on the cards"),
    ActivityKind.INTERESTS: N_("Interests"),
    ActivityKind.SCAN: N_("Scan: conditions, spectra, forms"),
    ActivityKind.CONSENT: N_("Consent round"),
}


def interface_addresses() -> list[tuple[str, str]]:
    """(address, "interface: address") of each IPv4 address that is up; loopback last."""
    found: list[tuple[str, str, bool]] = []
    for interface in QNetworkInterface.allInterfaces():
        flags = interface.flags()
        if not flags & QNetworkInterface.InterfaceFlag.IsUp:
            continue
        for entry in interface.addressEntries():
            ip = entry.ip()
            if ip.protocol() != QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
                continue
            loop = ip.isLoopback()
            text = ip.toString()
            name = interface.humanReadableName()
            shown = (tr("{name}: {address} (this laptop only)", name=name, address=text)
                     if loop else f"{name}: {text}")
            found.append((text, shown, loop))
    found.sort(key=lambda f: f[2])
    return [(a, s) for a, s, _loop in found] or [("127.0.0.1", tr(
        "{name}: {address} (this laptop only)", name="lo", address="127.0.0.1"))]


def reach_hint(address: str, page_loads: int, seconds_open: float) -> str:
    """Why no phone may reach the room, once it is clear none has."""
    ip = QHostAddress(address)
    if ip.isLoopback():
        return tr("This address is only reachable from this laptop. Connect to the venue's "
                  "Wi-Fi or start the laptop's hotspot, then choose that network.")
    if address.startswith("169.254."):
        return tr("This network gave the laptop no address (169.254…): there is no working "
                  "Wi-Fi. Start the laptop's hotspot, or connect again.")
    if page_loads == 0 and seconds_open >= UNREACHED_AFTER_S:
        return tr("No phone has reached the laptop yet. Check: the phones are on the same "
                  "Wi-Fi as the laptop; the firewall allows Workshop on this network (on "
                  "Windows choose “Private network”); a guest network may keep devices "
                  "apart: then use the laptop's hotspot instead.")
    return ""


class RoomWindow(QDialog):
    """Room for phones: the facilitator's controls."""

    def __init__(self, parent: QWidget, document: SessionDocument,
                 projector: ProjectorController | None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("roomWindow")
        self.setModal(False)
        self.setWindowTitle(tr("Room for phones"))
        resize_on_screen(self, 900, 720)
        self.document = document
        self.projector = projector
        self.bridge = RoomBridge(document, self)
        self._names_shown: tuple[str, ...] = ()
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(REFRESH_MS)
        self._later.timeout.connect(self.refresh)
        self.bridge.sig_changed.connect(self._refresh_soon)
        document.sig_changed.connect(self._on_document_changed)
        self._build()
        self._tick = QTimer(self)
        self._tick.setInterval(5000)
        self._tick.timeout.connect(self.refresh)
        self.refresh()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.interface_box = QComboBox()
        self.interface_box.setAccessibleName(tr("Network"))
        for address, shown in interface_addresses():
            self.interface_box.addItem(shown, address)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.toggle_open)
        network_label = QLabel(tr("&Network:"))
        network_label.setBuddy(self.interface_box)
        top.addWidget(network_label)
        top.addWidget(self.interface_box, 1)
        top.addWidget(self.open_button)
        layout.addLayout(top)
        self.state_label = QLabel()
        self.state_label.setObjectName("roomState")
        self.state_label.setWordWrap(True)
        self.state_label.setTextFormat(Qt.TextFormat.PlainText)
        self.state_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.state_label)
        self.hint_label = QLabel()
        self.hint_label.setObjectName("roomHint")
        self.hint_label.setWordWrap(True)
        self.hint_label.setTextFormat(Qt.TextFormat.PlainText)
        self.hint_label.setStyleSheet("color: #9a5b00;")
        layout.addWidget(self.hint_label)

        form = self._form = QFormLayout()
        self.kind_box = QComboBox()
        for kind, name in KIND_NAMES.items():
            self.kind_box.addItem(tr(name), kind.value)
        self.kind_box.currentIndexChanged.connect(self._on_activity_chosen)
        form.addRow(tr("Open &question:"), self.kind_box)
        self.subject_box = QComboBox()
        self.subject_box.currentIndexChanged.connect(self._on_activity_chosen)
        form.addRow(tr("&Item under discussion:"), self.subject_box)
        self.join_check = QCheckBox(tr("Show the &join code on the projector"))
        self.join_check.toggled.connect(self._on_join_toggled)
        self.anonymous_check = QCheckBox(tr("&Anonymous on the projector"))
        self.anonymous_check.toggled.connect(self._on_anonymous_toggled)
        self.hold_check = QCheckBox(tr("&Hold cards for my approval"))
        self.hold_check.toggled.connect(self.bridge.set_hold)
        checks = QVBoxLayout()
        for check in (self.join_check, self.anonymous_check, self.hold_check):
            checks.addWidget(check)
        form.addRow(checks)
        layout.addLayout(form)

        self.held_list = QListWidget()
        self.held_list.setAccessibleName(tr("Cards waiting for approval"))
        self.held_list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.held_title = QLabel()
        held_buttons = QHBoxLayout()
        self.approve_button = QPushButton(tr("A&pprove"))
        self.approve_button.clicked.connect(self.approve_selected)
        self.reject_button = QPushButton(tr("&Reject"))
        self.reject_button.clicked.connect(self.reject_selected)
        self.held_note = QLabel()
        self.held_note.setObjectName("roomHeldNote")
        self.held_note.setWordWrap(True)
        self.held_note.setStyleSheet("color: #9a5b00;")
        self.held_note.hide()
        held_buttons.addWidget(self.held_title, 1)
        held_buttons.addWidget(self.approve_button)
        held_buttons.addWidget(self.reject_button)
        layout.addLayout(held_buttons)
        layout.addWidget(self.held_note)
        layout.addWidget(self.held_list, 1)

        self.answered_title = QLabel()
        layout.addWidget(self.answered_title)
        self.people = QTableWidget(0, 3)
        self.people.setObjectName("roomPeople")
        self.people.setHorizontalHeaderLabels([tr("Participant"), tr("Phone"),
                                               tr("Answered")])
        self.people.horizontalHeader().setStretchLastSection(True)
        self.people.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.people.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        layout.addWidget(self.people, 2)
        device_buttons = QHBoxLayout()
        self.devices_title = QLabel()
        self.unbind_button = QPushButton(tr("&Unlink phone"))
        self.unbind_button.clicked.connect(self.unbind_selected)
        self.block_button = QPushButton(tr("&Block phone"))
        self.block_button.clicked.connect(lambda: self.block_selected(True))
        self.unblock_button = QPushButton(tr("Allo&w phone again"))
        self.unblock_button.clicked.connect(lambda: self.block_selected(False))
        device_buttons.addWidget(self.devices_title, 1)
        for button in (self.unbind_button, self.block_button, self.unblock_button):
            device_buttons.addWidget(button)
        layout.addLayout(device_buttons)
        self.devices = QTableWidget(0, 4)
        self.devices.setObjectName("roomDevices")
        self.devices.setHorizontalHeaderLabels([tr("Phone"), tr("Speaks for"),
                                                tr("Connection"), tr("Last seen")])
        self.devices.horizontalHeader().setStretchLastSection(True)
        self.devices.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.devices.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.devices.itemSelectionChanged.connect(self._show_device_buttons)
        layout.addWidget(self.devices, 2)

    # --- opening -------------------------------------------------------------------

    def toggle_open(self) -> None:
        if self.bridge.is_open:
            self.close_room()
        else:
            self.open_room()

    def open_room(self) -> bool:
        if self.document.read_only:
            QMessageBox.warning(self, tr("The room could not open"), tr(
                "This session is open read-only, so it cannot take answers from phones."))
            return False
        address = self.interface_box.currentData() or "127.0.0.1"
        # the server starts in a process of its own: about half a second
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        failed: OSError | None = None
        try:
            self.bridge.open(address)
        except OSError as exc:
            failed = exc
        finally:
            QApplication.restoreOverrideCursor()
        if failed is not None:
            QMessageBox.warning(self, tr("The room could not open"), tr(
                "The laptop could not listen on {address}: {error}", address=address,
                error=failed.strerror or failed))
            return False
        self._tick.start()
        self.join_check.setChecked(True)
        self.refresh()
        return True

    def close_room(self) -> None:
        if self.bridge.pending:
            count = len(self.bridge.pending)
            answer = QMessageBox.question(
                self, tr("Cards are waiting"),
                tr("{n} cards wait for your approval. Put them on the wall before the room "
                   "closes? (No: they are dropped.)", n=count),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
            if answer == QMessageBox.StandardButton.Yes:
                self.bridge.approve([p.card.id for p in self.bridge.pending])
        self.shutdown()

    def shutdown(self) -> None:
        """Close the room without asking (the session or the app closes)."""
        if not shiboken_valid(self):
            return
        self._tick.stop()
        self.bridge.close()
        self.bridge.pending.clear()
        if self.projector is not None:
            if self.projector.canvas_name == "room":
                self.projector.set_canvas(None)
            self._set_projector_room(None)
        self.join_check.setChecked(False)
        self.refresh()

    # --- choices -------------------------------------------------------------------

    def _set_projector_room(self, room: tuple[str, str, str] | None) -> None:
        if self.projector is not None and self.projector.options.room != room:
            self.projector.scene.set_options(self.projector.options.replace(room=room))

    def _on_join_toggled(self, on: bool) -> None:
        if self.projector is None:
            return
        if on and self.bridge.is_open and self.bridge.registry is not None:
            self._set_projector_room((self.bridge.url, self.bridge.address,
                                      self.bridge.registry.code))
            self.projector.set_canvas("room")
        elif self.projector.canvas_name == "room":
            self.projector.set_canvas(None)

    def _on_anonymous_toggled(self, on: bool) -> None:
        self.bridge.set_anonymous(on)
        if self.projector is not None:
            self.projector.set_anonymous(on)

    def _on_activity_chosen(self, _index: int) -> None:
        kind = ActivityKind(self.kind_box.currentData() or "none")
        subject = self.subject_box.currentData() or ""
        if kind is ActivityKind.CONSENT and not subject:
            return
        if (kind, subject if kind is ActivityKind.CONSENT else "") == (
                self.bridge.activity.kind, self.bridge.activity.subject_id):
            return
        self.bridge.set_activity(kind, subject_id=subject if kind is ActivityKind.CONSENT
                                 else "")
        if kind is not ActivityKind.NONE and self.join_check.isChecked():
            self.join_check.setChecked(False)  # the room sees the question's wall now

    def _fill_subjects(self) -> None:
        session = self.document.session
        wanted = [(AMBITION_SUBJECT, tr("Ambition statement"))]
        wanted += [(p.id, tr("Principle: {text}", text=_short(p.text)))
                   for p in session.principles]
        wanted += [(r.id, tr("Rule: {text}", text=_short(r.text))) for r in session.rules]
        wanted.append((AGREEMENT_SUBJECT, tr("The agreement as a whole")))
        have = [(self.subject_box.itemData(i), self.subject_box.itemText(i))
                for i in range(self.subject_box.count())]
        if have == wanted:
            return
        current = self.subject_box.currentData()
        self.subject_box.blockSignals(True)
        self.subject_box.clear()
        for key, text in wanted:
            self.subject_box.addItem(text, key)
        index = self.subject_box.findData(current)
        self.subject_box.setCurrentIndex(max(0, index))
        self.subject_box.blockSignals(False)

    # --- held cards and devices ----------------------------------------------------

    def _selected_held(self) -> list[str]:
        return [i.data(Qt.ItemDataRole.UserRole) for i in self.held_list.selectedItems()]

    def approve_selected(self) -> None:
        ids = self._selected_held() or [p.card.id for p in self.bridge.pending]
        self.bridge.approve(ids)
        over = self.bridge.over_limit
        self.held_note.setText(tr(
            "{n} cards stay held: their authors already have {most} cards on the wall, the "
            "most one person can add.", n=over, most=MAX_CARDS_EACH) if over else "")
        self.held_note.setVisible(bool(over))
        self.refresh()

    def reject_selected(self) -> None:
        ids = self._selected_held()
        if ids:
            self.bridge.reject(ids)
            self.refresh()

    def _selected_device(self) -> str | None:
        row = self.devices.currentRow()
        item = self.devices.item(row, 0) if row >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _show_device_buttons(self) -> None:
        """Unlinking a blocked phone frees the name it holds: the button says so."""
        registry = self.bridge.registry
        chosen = self._selected_device()
        device = next((d for d in registry.snapshot() if d.id == chosen), None) \
            if registry is not None and chosen else None
        frees = device is not None and device.blocked and device.participant_id is not None
        self.unbind_button.setText(tr("&Free the name") if frees else tr("&Unlink phone"))

    def unbind_selected(self) -> None:
        device = self._selected_device()
        if device:
            self.bridge.unbind(device)
            self.refresh()

    def block_selected(self, blocked: bool) -> None:
        device = self._selected_device()
        if device:
            self.bridge.set_blocked(device, blocked)
            self.refresh()

    # --- showing -------------------------------------------------------------------

    def _on_document_changed(self, areas: frozenset[str]) -> None:
        if areas & {"participants", "principles", "rules", "ambition", "interests",
                    "diagnostics", "consents"} or not areas:
            self._refresh_soon()

    def _refresh_soon(self) -> None:
        """Forty phones answering: the tables follow at most every ``REFRESH_MS``."""
        if not self._later.isActive():
            self._later.start()

    def refresh(self) -> None:
        bridge = self.bridge
        is_open = bridge.is_open
        self.open_button.setText(tr("&Close the room") if is_open else tr("&Open the room"))
        self.interface_box.setEnabled(not is_open)
        for widget in (self.kind_box, self.subject_box, self.join_check):
            widget.setEnabled(is_open)
        registry = bridge.registry
        if is_open and registry is not None:
            self.state_label.setText(tr(
                "The room is open at {address} · code {code} · the phones' join address: "
                "{url}", address=bridge.address, code=registry.code, url=bridge.url))
            seconds = time.monotonic() - bridge.opened_at
            self.hint_label.setText(reach_hint(bridge.server.host if bridge.server else "",
                                               registry.page_loads, seconds))
        elif bridge.lost:
            self.state_label.setText(tr("The room closed by itself: its server on this laptop "
                                        "stopped. Nothing listens on the network; what the "
                                        "phones had sent is in the session. Open the room "
                                        "again to go on (the phones scan the new code)."))
            self.hint_label.setText("")
        else:
            self.state_label.setText(tr("The room is closed: nothing listens on the network."))
            self.hint_label.setText("")
        self._fill_subjects()
        kind = bridge.activity.kind
        self._form.setRowVisible(self.subject_box, kind is ActivityKind.CONSENT
                                 or self.kind_box.currentData() == "consent")
        # held cards
        self.held_list.clear()
        session = self.document.session
        for pending in bridge.pending:
            who = session.participant(pending.card.author_id or "")
            item = QListWidgetItem(f"{pending.card.text} — {who.name if who else '?'}")
            item.setData(Qt.ItemDataRole.UserRole, pending.card.id)
            self.held_list.addItem(item)
        self.held_title.setText(tr("Cards waiting for approval: {n}", n=len(bridge.pending)))
        # participants and who answered
        devices = registry.snapshot() if registry is not None else []
        phones = {d.participant_id: d for d in devices if d.participant_id and not d.blocked}
        kept = {d.participant_id for d in devices if d.participant_id and d.blocked}
        done = bridge.answered() if kind is not ActivityKind.NONE else set()
        present = [p for p in session.participants if p.present]
        self.people.setRowCount(len(present))
        for row, p in enumerate(present):
            phone = phones.get(p.id)
            values = (p.name, (tr("connected") if phone.connected else tr("linked"))
                      if phone else (tr("name held by a blocked phone") if p.id in kept
                                     else "—"),
                      ("✓ " + tr("answered")) if p.id in done else
                      ("— " + tr("not yet") if kind is not ActivityKind.NONE else ""))
            for col, value in enumerate(values):
                _set_cell(self.people, row, col, value)
        names_shown = tuple(p.name for p in present)
        if names_shown != self._names_shown:  # measuring the column is not free
            self._names_shown = names_shown
            self.people.resizeColumnToContents(0)
        self.answered_title.setText(
            tr("Answered: {done} of {total}", done=len({p.id for p in present} & done),
               total=len(present)) if kind is not ActivityKind.NONE
            else tr("No question is open to the phones."))
        names = {p.id: p.name for p in session.participants}
        self.devices.setRowCount(len(devices))
        now = time.time()
        for row, d in enumerate(devices):
            state = tr("blocked") if d.blocked else (tr("connected") if d.connected
                                                     else tr("not connected"))
            cells = (d.id, names.get(d.participant_id or "", "—"), state,
                     tr("{n} s ago", n=int(now - d.last_seen)))
            for col, text in enumerate(cells):
                _set_cell(self.devices, row, col, text, d.id)
        self.devices_title.setText(tr("Phones: {n}", n=len(devices)))
        self._show_device_buttons()

    def closeEvent(self, event: object) -> None:  # noqa: N802
        # Hiding the panel keeps the room open; the room closes with its button.
        super().closeEvent(event)  # type: ignore[arg-type]


def _set_cell(table: QTableWidget, row: int, col: int, text: str, key: str | None = None
              ) -> None:
    """Show ``text`` in a cell, touching it only when it changed: forty phones answering
    refresh the tables often, mostly with the same words."""
    item = table.item(row, col)
    if item is None:
        item = QTableWidgetItem(text)
        if key is not None:
            item.setData(Qt.ItemDataRole.UserRole, key)
        table.setItem(row, col, item)
        return
    if item.text() != text:
        item.setText(text)
    if key is not None and item.data(Qt.ItemDataRole.UserRole) != key:
        item.setData(Qt.ItemDataRole.UserRole, key)


def _short(text: str, limit: int = 50) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def show_room(window: QMainWindow) -> RoomWindow | None:
    """Open (or raise) the room panel of ``window``'s session; None without a session."""
    document: SessionDocument | None = getattr(window, "document", None)
    if document is None:
        return None
    panel: RoomWindow | None = getattr(window, _ATTRIBUTE, None)
    if panel is not None and panel.document is not document:
        panel.shutdown()
        panel.deleteLater()
        panel = None
    if panel is None:
        controls = getattr(window, "projector_controls", None)
        projector = controls.controller if controls is not None else None
        panel = RoomWindow(window, document, projector)
        setattr(window, _ATTRIBUTE, panel)

        def follow(*args: object, panel: RoomWindow = panel) -> None:
            if args and args[0] is panel.document:
                return  # the same session again (a language switch): the room stays open
            if getattr(window, _ATTRIBUTE, None) is panel:
                if shiboken_valid(panel) and panel.document.autosaver is not None:
                    panel.close_room()  # held cards: the facilitator decides, then saved
                panel.shutdown()
                panel.hide()
                setattr(window, _ATTRIBUTE, None)
                panel.deleteLater()

        for name in ("sig_closing", "sig_document_changed"):
            signal = getattr(window, name, None)
            if signal is not None:
                signal.connect(follow)
    was_visible = panel.isVisible()
    panel.show()
    if was_visible:
        panel.raise_()  # already open behind the workspace: bring it forward
    panel.activateWindow()
    return panel
