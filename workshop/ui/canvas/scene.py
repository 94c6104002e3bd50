"""The canvas scene: one session shown as one canvas, updated in place on every change.

``CanvasScene`` is what the projector, the facilitator's preview and the picture
export all draw: the same scene code, so a PNG is exactly what the room saw. The
scene is laid out in logical units, always ``LOGICAL_HEIGHT`` high and as wide as the
output's aspect ratio asks; a view scales it to its pixels. Resizing to the same
aspect ratio is therefore only a transform, and a new aspect ratio only re-pours the
columns.

A canvas (``Canvas`` subclass, registered by name) turns the session into keyed tile
specs; tiles whose spec did not change are left alone. The scene never writes to the
session.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Hashable
from dataclasses import dataclass, fields
from typing import Protocol

from PySide6.QtCore import QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPixmapCache
from PySide6.QtWidgets import QGraphicsScene

from workshop.domain.fingerprint import fingerprint
from workshop.domain.model import Session, Step
from workshop.i18n import Language, tr
from workshop.ui.canvas import fmt
from workshop.ui.canvas.flow import Area
from workshop.ui.canvas.options import CanvasOptions
from workshop.ui.canvas.text import FontSpec
from workshop.ui.canvas.theme import (
    BOLD_ROLES,
    TYPE_SIZES,
    Theme,
    theme,
)
from workshop.ui.canvas.tile import Placement, Run, Tile, TileSet, TileSpec, measure

PIXMAP_CACHE_KB = 96 * 1024
"""Room for every tile of a full page at 4k in Qt's pixmap cache (tiles are cached)."""

LOGICAL_HEIGHT = 1080.0
MIN_ASPECT, MAX_ASPECT = 0.75, 2.6
MARGIN_X = 56.0
MARGIN_TOP = 32.0
MARGIN_BOTTOM = 20.0


@dataclass(frozen=True)
class Context:
    """Everything a canvas needs to build itself once."""

    session: Session
    options: CanvasOptions
    theme: Theme
    width: float
    height: float
    area: Area
    resized_only: bool = False
    """Only the output's shape changed since the last build (same session, same
    options): a canvas may keep its tiles and only place them again."""

    @property
    def lang(self) -> Language:
        return self.options.lang

    @property
    def scale(self) -> float:
        return self.options.text_scale

    def font(self, role: str, *, bold: bool | None = None, italic: bool = False,
             strike: bool = False) -> FontSpec:
        return FontSpec(TYPE_SIZES[role] * self.scale,
                        role in BOLD_ROLES if bold is None else bold, italic, strike)

    def run(self, text: str, role: str = "body", ink: str = "text", max_lines: int = 3,
            *, bold: bool | None = None, align: str = "left", gap_before: float = 0.0,
            strike: bool = False) -> Run:
        return Run(text=text, font=self.font(role, bold=bold, strike=strike),
                   ink=self.theme.ink(ink), role=role, max_lines=max_lines, align=align,
                   gap_before=gap_before * self.scale)

    def px(self, value: float) -> float:
        """A length that grows with the text (paddings, widths of text columns)."""
        return value * self.scale

    def line_height(self, role: str) -> float:
        from workshop.ui.canvas.text import face

        return face(self.font(role)).line_height


class Canvas:
    """One canvas: builds keyed tiles from the session; subclasses register by name."""

    name = ""
    label = ""
    """The canvas's title as an English message id (translated with the canvas's lang)."""

    def __init__(self, scene: CanvasScene) -> None:
        self.scene = scene
        self.tiles = TileSet(scene, z=10.0)
        self.placements: dict[Hashable, Placement] = {}

    def title(self, ctx: Context) -> str:
        return tr(self.label, ctx.lang)

    def build(self, ctx: Context) -> int:
        """Bring the tiles in step with ``ctx.session``, fill ``placements``; page count."""
        raise NotImplementedError

    def show(self, ctx: Context, page: int) -> None:
        self.tiles.place(self.placements, page)

    def page_of(self, item_id: str | None) -> int | None:
        where = self.placements.get(item_id) if item_id is not None else None
        return where[0] if where is not None else None

    def spotlight(self, ctx: Context, item_id: str) -> tuple[Run, ...] | None:
        """What to show large for ``item_id``, or None if this canvas has no such item."""
        return None

    def tile_sets(self) -> list[TileSet]:
        """Every set of tiles this canvas draws with."""
        return [self.tiles]

    def dispose(self) -> None:
        self.tiles.clear()


CanvasFactory = Callable[["CanvasScene"], Canvas]
_REGISTRY: dict[str, CanvasFactory] = {}


def register_canvas(name: str) -> Callable[[CanvasFactory], CanvasFactory]:
    """``@register_canvas("conditions")`` on a ``Canvas`` subclass (or any factory)."""

    def add(factory: CanvasFactory) -> CanvasFactory:
        if name in _REGISTRY:
            raise ValueError(f"canvas {name!r} registered twice")
        _REGISTRY[name] = factory
        return factory

    return add


def canvas_names() -> list[str]:
    """Every canvas, the meeting's steps first in their order, then the other built-in
    ones, then any registered elsewhere. Imports none of them (see ``set_canvas``)."""
    from workshop.ui.canvas.canvases import BUILT_IN

    steps = [s.value for s in Step]
    order = [*BUILT_IN, *(n for n in _REGISTRY if n not in BUILT_IN)]
    return sorted(order, key=lambda n: (steps.index(n) if n in steps else len(steps),
                                        order.index(n)))


def canvas_for_step(step: Step) -> str:
    return step.value


_FRAME_ONLY = frozenset({"timer_seconds"})
_PAGE_ONLY = frozenset({"page"})


class KnownStates(Protocol):
    """What a session's owner (``SessionDocument``) computes once per state."""

    def fingerprint(self) -> str: ...

    def agreement_version(self) -> str: ...


class CanvasScene(QGraphicsScene):
    """A session drawn as one canvas; ``update_session`` applies changes in place."""

    sig_pages_changed = Signal(int, int)
    """(shown page, page count), both from 0 / 1; emitted when either changes."""

    def __init__(self, session: Session, canvas: str = "preparation",
                 options: CanvasOptions | None = None,
                 size: tuple[int, int] = (1920, 1080), parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[call-overload]
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        if QPixmapCache.cacheLimit() < PIXMAP_CACHE_KB:
            QPixmapCache.setCacheLimit(PIXMAP_CACHE_KB)
        self._session = session
        self._options = options or CanvasOptions.from_session(session)
        self._width = LOGICAL_HEIGHT * 16 / 9
        self._frame = TileSet(self, z=20.0)
        self._spot = TileSet(self, z=30.0)
        self._canvas: Canvas | None = None
        self._canvas_name = ""
        self._kept: dict[str, Canvas] = {}
        """Canvases shown before, hidden, by name (see ``set_canvas``)."""
        self._kept_as: dict[str, tuple[Context, int, dt.date]] = {}
        """What each kept canvas was last built with: its context, its page count, the
        day (the roadmap draws today)."""
        self._page = 0
        self._pages = 1
        self._spotlit = False
        self._ctx: Context | None = None
        self._set_width(size[0], size[1])
        self.set_canvas(canvas)

    # --- public API ---------------------------------------------------------------

    @property
    def session(self) -> Session:
        return self._session

    @property
    def options(self) -> CanvasOptions:
        return self._options

    @property
    def canvas_name(self) -> str:
        return self._canvas_name

    @property
    def canvas(self) -> Canvas:
        assert self._canvas is not None
        return self._canvas

    @property
    def page(self) -> int:
        return self._page

    @property
    def page_count(self) -> int:
        return self._pages

    @property
    def logical_size(self) -> QSizeF:
        return QSizeF(self._width, LOGICAL_HEIGHT)

    def has_built(self, name: str) -> bool:
        """Whether canvas ``name`` is shown or kept (shown again, it is only updated)."""
        return name == self._canvas_name or name in self._kept

    def set_canvas(self, name: str, options: CanvasOptions | None = None, *,
                   unchanged: bool = False) -> None:
        """Show canvas ``name``; with ``options``, shown with these (its highlight, say)
        from the start, instead of built once with the old ones and again.

        ``unchanged``: the owner knows nothing the canvas shows changed since it was
        last shown; a kept canvas is then shown as it was built (when the options, the
        size and the day are those it was built with too), not built again."""
        if name not in _REGISTRY:
            from workshop.ui.canvas import canvases

            canvases.register(name)  # only its module: the start shows one canvas
        if name not in _REGISTRY:
            raise KeyError(f"unknown canvas {name!r}; known: {', '.join(canvas_names())}")
        if name == self._canvas_name:
            if options is not None:
                self.set_options(options)
            return
        if options is not None:
            self._options = options
        if self._canvas is not None:
            # Kept, hidden (as under a spotlight): coming back to a canvas then only
            # brings it up to date, instead of building a 1,000-card board again on
            # every change of step.
            if self._ctx is not None:
                self._canvas.show(self._ctx, -1)
                if not self._spotlit:
                    self._kept_as[self._canvas_name] = (self._ctx, self._pages,
                                                        dt.date.today())
            self._kept[self._canvas_name] = self._canvas
        kept = self._kept.pop(name, None)
        built_as = self._kept_as.pop(name, None)
        self._canvas = kept or _REGISTRY[name](self)
        self._canvas_name = name
        if kept is not None and unchanged and built_as is not None \
                and self._as_built(*built_as):
            ctx, self._pages, _ = built_as
            self._ctx = dataclasses.replace(ctx, options=self._options, resized_only=False)
            self._spotlit = False
            self._spot.clear()
            self._show_page(self._ctx)
            self._sync_frame(self._ctx)
            return
        self._refresh()

    def _as_built(self, ctx: Context, pages: int, day: dt.date) -> bool:
        """Whether a canvas built with ``ctx`` on ``day`` shows what a build now would
        (its session unchanged, as the owner says): the same session, size, day and
        options, but for the page and the timer, which are not built."""
        if ctx.session is not self._session or ctx.width != self._width \
                or day != dt.date.today() or self._options.spotlight_id is not None:
            return False
        differ = {f.name for f in fields(CanvasOptions)
                  if getattr(ctx.options, f.name) != getattr(self._options, f.name)}
        return differ <= _FRAME_ONLY | _PAGE_ONLY

    known_states: Callable[[Session], KnownStates | None] | None = None
    """Where the scene's owner keeps the fingerprint and the agreement's version of a
    session (the document computes them once per state of the session): canvases ask
    ``known_fingerprint`` / ``known_agreement_version`` instead of rendering the whole
    agreement again. None, or None back: they are computed from the session."""

    def _known(self, session: Session) -> KnownStates | None:
        source = self.known_states
        return source(session) if source is not None else None

    def known_agreement_version(self, session: Session) -> Callable[[], str] | None:
        """Where the owner keeps the agreement's version (None: compute it); a callable,
        so it is only asked for when the agreement's own round has records."""
        known = self._known(session)
        return known.agreement_version if known is not None else None

    def known_fingerprint(self, session: Session) -> str:
        """``fingerprint(session)``, from the owner when it knows it."""
        known = self._known(session)
        return known.fingerprint() if known is not None else fingerprint(session)

    def update_session(self, session: Session) -> None:
        """Show ``session`` (the same object edited in place, or a new one)."""
        self._session = session
        self._refresh()

    def set_options(self, options: CanvasOptions) -> None:
        old, self._options = self._options, options
        changed = {f.name for f in fields(CanvasOptions)
                   if getattr(old, f.name) != getattr(options, f.name)}
        if not changed:
            return
        timer_toggled = (old.timer_seconds is None) != (options.timer_seconds is None)
        if changed <= _FRAME_ONLY and not timer_toggled and self._ctx is not None:
            self._ctx = dataclasses.replace(self._ctx, options=options)
            self._sync_frame(self._ctx)
        elif changed <= _PAGE_ONLY and self._ctx is not None and not self._spotlit:
            self._ctx = dataclasses.replace(self._ctx, options=options)
            self._show_page(self._ctx)
            self._sync_frame(self._ctx)
        else:
            self._refresh()

    def set_output_size(self, width: int, height: int) -> None:
        """The pixel size the scene is shown at; only its aspect ratio matters."""
        if self._set_width(width, height):
            self._refresh(resized_only=True)

    def set_page(self, page: int | None) -> None:
        self.set_options(self._options.replace(page=page))

    # --- for tests and exports ------------------------------------------------------

    def visible_tiles(self) -> list[Tile]:
        return [i for i in self.items() if isinstance(i, Tile) and i.isVisible()]

    def all_tiles(self) -> list[Tile]:
        """The tiles of the current canvas (on every page) and of the frame."""
        own = [*self._frame.tiles.values(), *self._spot.tiles.values()]
        if self._canvas is not None:
            for tile_set in self._canvas.tile_sets():
                own += tile_set.tiles.values()
        return own

    def texts(self) -> list[str]:
        """Every text the scene shows right now, as shown (wrapped lines joined)."""
        return [t for tile in sorted(self.visible_tiles(), key=lambda i: (i.y(), i.x()))
                for t in tile.texts()]

    def all_texts(self) -> list[str]:
        """Every text in the scene, shown or on another page, uncut."""
        return [t for tile in self.all_tiles() for t in tile.full_texts() + tile.texts()]

    def font_pixel_sizes(self, output_height: float) -> list[tuple[str, float]]:
        """(role, pixel size) of every visible text when shown ``output_height`` high."""
        factor = output_height / LOGICAL_HEIGHT
        sizes = []
        for tile in self.visible_tiles():
            for run, lines in tile.runs_shown():
                if any(line.strip() for line in lines):
                    sizes.append((run.role, run.font.px * factor))
            if tile.spec.dots > TileSpec.MAX_DOTS_DRAWN:
                sizes.append(("meta", max(28.0, tile.spec.dot_size * 1.4) * factor))
        return sizes

    def render_to(self, painter: QPainter, target: QRectF) -> None:
        self.render(painter, target, self.sceneRect(), Qt.AspectRatioMode.IgnoreAspectRatio)

    def to_image(self, width: int, height: int) -> QImage:
        """The scene as the projector shows it at ``width`` x ``height`` pixels."""
        self.set_output_size(width, height)
        image = QImage(width, height, QImage.Format.Format_RGB32)
        image.fill(QColor(self._theme().surface("page")))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self.render_to(painter, QRectF(0, 0, width, height))
        painter.end()
        return image

    # --- building -------------------------------------------------------------------

    def _set_width(self, width: int, height: int) -> bool:
        if width <= 0 or height <= 0:
            return False
        aspect = min(MAX_ASPECT, max(MIN_ASPECT, width / height))
        new = round(LOGICAL_HEIGHT * aspect, 1)
        if new == self._width and self.sceneRect().width() == new:
            return False
        self._width = new
        self.setSceneRect(QRectF(0, 0, new, LOGICAL_HEIGHT))
        return True

    def _theme(self) -> Theme:
        return theme(self._options.theme)

    def _refresh(self, resized_only: bool = False) -> None:
        if self._canvas is None:
            return
        resized_only = resized_only and self._ctx is not None
        th = self._theme()
        self.setBackgroundBrush(QColor(th.surface("page")))
        opts = self._options
        header = self._header_height(th)
        footer = self._footer_height(th)
        area = Area(MARGIN_X, MARGIN_TOP + header, self._width - 2 * MARGIN_X,
                    LOGICAL_HEIGHT - MARGIN_TOP - header - footer - MARGIN_BOTTOM)
        ctx = Context(self._session, opts, th, self._width, LOGICAL_HEIGHT, area,
                      resized_only=resized_only)
        self._ctx = ctx
        self._canvas.tiles.changed = []
        self._pages = max(1, self._canvas.build(ctx))
        spot = None
        if opts.spotlight_id is not None:
            spot = self._canvas.spotlight(ctx, opts.spotlight_id)
        self._spotlit = spot is not None
        if spot is not None:
            self._canvas.show(ctx, -1)
            self._sync_spotlight(ctx, spot)
            self._emit_pages()
        else:
            self._spot.clear()
            self._show_page(ctx)
        self._sync_frame(ctx)

    def _show_page(self, ctx: Context) -> None:
        assert self._canvas is not None
        wanted = ctx.options.page
        if wanted is None:
            wanted = self._canvas.page_of(ctx.options.highlight_id) or 0
        self._page = min(max(0, wanted), self._pages - 1)
        self._canvas.show(ctx, self._page)
        self._emit_pages()

    def _emit_pages(self) -> None:
        state = (self._page, self._pages)
        if getattr(self, "_last_pages", None) != state:
            self._last_pages = state
            self.sig_pages_changed.emit(*state)

    def _title_text(self, th: Theme) -> str:
        assert self._canvas is not None
        ctx = Context(self._session, self._options, th, self._width, LOGICAL_HEIGHT,
                      Area(0, 0, 0, 0))
        return self._canvas.title(ctx)

    def _title_spec(self, th: Theme) -> TileSpec:
        s = self._options.text_scale
        timer_w = self._timer_width() if self._options.timer_seconds is not None else 0.0
        width = self._width - 2 * MARGIN_X - timer_w
        return TileSpec(width=width, pad_x=0, pad_y=0, runs=(
            Run(self._title_text(th), FontSpec(TYPE_SIZES["title"] * s, True), th.ink("text"),
                role="title", max_lines=2),
        ))

    def _timer_width(self) -> float:
        from workshop.ui.canvas.text import face

        font = FontSpec(TYPE_SIZES["timer"] * self._options.text_scale, True)
        return face(font).width("+00:00") + 48.0

    def _header_height(self, th: Theme) -> float:
        return measure(self._title_spec(th)) + 24.0

    def _footer_spec(self, th: Theme, width: float) -> TileSpec:
        d = self._session.details
        parts = [d.name]
        if d.date is not None:
            parts.append(fmt.long_date(d.date, self._options.lang))
        s = self._options.text_scale
        return TileSpec(width=width, pad_x=0, pad_y=0, runs=(
            Run(" · ".join(parts), FontSpec(TYPE_SIZES["meta"] * min(s, 1.0)),
                th.ink("muted"), role="meta", max_lines=1),
        ))

    def _footer_height(self, th: Theme) -> float:
        return measure(self._footer_spec(th, 400.0)) + 12.0

    def _sync_frame(self, ctx: Context) -> None:
        th = ctx.theme
        opts = ctx.options
        s = opts.text_scale
        specs: dict[Hashable, TileSpec] = {"title": self._title_spec(th)}
        places: dict[Hashable, Placement] = {"title": (0, MARGIN_X, MARGIN_TOP)}
        page_text = ""
        if self._pages > 1 and not self._spotlit:
            page_text = tr("Page {page} of {pages}", opts.lang, page=self._page + 1,
                           pages=self._pages)
        page_w = 0.0
        if page_text:
            run = Run(page_text, FontSpec(TYPE_SIZES["meta"] * min(s, 1.0), True),
                      th.ink("text"), role="meta", max_lines=1)
            from workshop.ui.canvas.text import face

            page_w = face(run.font).width(page_text) + 4
            specs["page"] = TileSpec(width=page_w, pad_x=0, pad_y=0, runs=(run,))
        footer_w = self._width - 2 * MARGIN_X - page_w - (40 if page_w else 0)
        specs["footer"] = self._footer_spec(th, footer_w)
        footer_h = measure(specs["footer"])
        y_footer = LOGICAL_HEIGHT - MARGIN_BOTTOM - footer_h
        places["footer"] = (0, MARGIN_X, y_footer)
        if page_text:
            places["page"] = (0, self._width - MARGIN_X - page_w, y_footer)
        if opts.timer_seconds is not None:
            from workshop.ui.timer import format_seconds

            over = opts.timer_seconds < 0
            specs["timer"] = TileSpec(
                width=self._timer_width(), fill=th.surface("objected" if over else "card"),
                border=th.ink("tension" if over else "accent"), border_width=3.0,
                radius=14.0, pad_y=6.0,
                runs=(Run(format_seconds(opts.timer_seconds),
                          FontSpec(TYPE_SIZES["timer"] * s, True), th.ink("text"),
                          role="timer", max_lines=1, align="center"),),
            )
            places["timer"] = (0, self._width - MARGIN_X - self._timer_width(), MARGIN_TOP - 8)
        self._frame.sync(specs)
        self._frame.place(places, 0)

    def _sync_spotlight(self, ctx: Context, runs: tuple[Run, ...]) -> None:
        th = ctx.theme
        area = ctx.area
        width = min(area.w, 1500.0 * ctx.scale)
        spec = TileSpec(width=width, runs=runs, fill=th.surface("raised"),
                        border=th.ink("accent"), border_width=6.0, radius=24.0,
                        pad_x=48.0, pad_y=36.0)
        self._spot.sync({"spotlight": spec})
        tile = self._spot["spotlight"]
        y = area.y + max(0.0, (area.h - tile.height) / 2)
        self._spot.place({"spotlight": (0, area.x + (area.w - width) / 2, y)}, 0)

