"""The room's join screen: a QR code, the short address and the code to type.

Shown while the room is open (``workshop.ui.room``) and the facilitator asks for it.
The QR code is drawn as a path of squares (crisp at every size) on a white field with
its quiet zone, in every theme: phones' cameras read dark-on-light best.
"""

from __future__ import annotations

from collections.abc import Hashable

import segno
from PySide6.QtCore import QRectF
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsRectItem

from workshop.i18n import N_, tr
from workshop.ui.canvas.scene import Canvas, Context, register_canvas
from workshop.ui.canvas.tile import TileSpec

CLOSED_STEPS = (
    N_("1. The facilitator opens the room (Go › Room for phones)."),
    N_("2. Phones on the same Wi-Fi scan the code that then appears here."),
    N_("3. Each participant picks their own name, once."),
    N_("4. Cards, dots, interests, scores and consent reach the wall as they are given."),
)
QUIET = 4
"""Modules of white around the code (the QR standard's quiet zone)."""


def qr_path(text: str) -> tuple[QPainterPath, int]:
    """The dark modules of ``text``'s QR code as one path, and its size in modules."""
    code = segno.make(text, error="m", micro=False)
    path = QPainterPath()
    size = 0
    for y, modules in enumerate(code.matrix_iter(scale=1, border=QUIET)):
        row = list(modules)
        size = max(size, len(row))
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                path.addRect(QRectF(start, y, x - start, 1))
            else:
                x += 1
    return path, size


@register_canvas("room")
class RoomCanvas(Canvas):
    label = N_("Join from your phone")

    def __init__(self, scene: object) -> None:
        super().__init__(scene)  # type: ignore[arg-type]
        self._field = QGraphicsRectItem()
        self._field.setBrush(QBrush(QColor("#ffffff")))
        self._field.setPen(QPen(QColor("#ffffff")))
        self._field.setZValue(10.0)
        self._code = QGraphicsPathItem()
        self._code.setBrush(QBrush(QColor("#000000")))
        self._code.setPen(QPen(QColor(0, 0, 0, 0)))
        self._code.setZValue(11.0)
        self._shown_url = ""
        self._modules = 1
        for item in (self._field, self._code):
            item.setVisible(False)
            self.scene.addItem(item)

    def build(self, ctx: Context) -> int:
        area = ctx.area
        room = ctx.options.room
        specs: dict[Hashable, TileSpec] = {}
        side = min(area.h, area.w * 0.45)
        text_x = area.x + side + 64.0
        text_w = max(200.0, area.x + area.w - text_x)
        if room is None:  # closed: how it works, so the room knows what to expect
            lines = [tr("The room is closed: phones cannot join.", ctx.lang)] + [
                tr(step, ctx.lang) for step in CLOSED_STEPS]
            self.placements = {}
            y = area.y
            for i, line in enumerate(lines):
                specs[("closed", i)] = TileSpec(width=area.w, pad_x=0, runs=(
                    ctx.run(line, "heading" if i == 0 else "body", max_lines=3),))
            self.tiles.sync(specs)
            for i in range(len(lines)):
                self.placements[("closed", i)] = (0, area.x, y)
                y += self.tiles[("closed", i)].height + 24.0
            self._field.setVisible(False)
            self._code.setVisible(False)
            return 1
        url, address, code = room
        if url != self._shown_url:
            path, self._modules = qr_path(url)
            self._code.setPath(path)
            self._shown_url = url
        scale = side / self._modules
        self._field.setRect(QRectF(area.x, area.y, side, side))
        self._code.setScale(scale)
        self._code.setPos(area.x, area.y)
        specs["scan"] = TileSpec(width=text_w, pad_x=0, runs=(
            ctx.run(tr("Scan the code with your phone's camera,", ctx.lang), "heading",
                    max_lines=3),))
        specs["or"] = TileSpec(width=text_w, pad_x=0, runs=(
            ctx.run(tr("or open this address:", ctx.lang), "body", "muted", max_lines=2),
            ctx.run(address, "statement", max_lines=2),))
        specs["code"] = TileSpec(width=text_w, pad_x=0, runs=(
            ctx.run(tr("and type this code:", ctx.lang), "body", "muted", max_lines=2),
            ctx.run(" ".join((code[:4], code[4:])), "statement", max_lines=1),))
        specs["network"] = TileSpec(width=text_w, pad_x=0, runs=(
            ctx.run(tr("Use the same Wi-Fi as this laptop. No internet needed; nothing "
                       "leaves this room.", ctx.lang), "meta", "muted", max_lines=4),))
        self.tiles.sync(specs)
        y = area.y
        self.placements = {}
        for key in ("scan", "or", "code", "network"):
            self.placements[key] = (0, text_x, y)
            y += self.tiles[key].height + 36.0
        return 1

    def show(self, ctx: Context, page: int) -> None:
        super().show(ctx, page)
        visible = page >= 0 and ctx.options.room is not None
        self._field.setVisible(visible)
        self._code.setVisible(visible)

    def dispose(self) -> None:
        super().dispose()
        for item in (self._field, self._code):
            if item.scene() is not None:
                item.scene().removeItem(item)
