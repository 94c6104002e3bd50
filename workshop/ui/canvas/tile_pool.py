"""Tiles that come and go with the layout, kept for when they come back.

The ambition board repeats a cluster's heading where the cluster runs into the next
column ("… (continued)"). Which headings exist depends on the width: a resize of the
projector window removed some hundred of them and built as many new ones (each a text
layout and a graphics item), about half of a re-layout's time. A ``TilePool`` parks the
tiles a layout no longer uses (hidden, still in the scene) and takes them back when
their key returns; ``tiles`` holds only the ones in use, so every caller sees what a
plain ``TileSet`` shows.
"""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtWidgets import QGraphicsScene

from workshop.ui.canvas.tile import Tile, TileSet, TileSpec

PARKED_MAX = 2_000
"""Parked tiles beyond this are removed from the scene (memory stays bounded)."""


class TilePool(TileSet):
    def __init__(self, scene: QGraphicsScene, z: float = 0.0) -> None:
        super().__init__(scene, z)
        self._parked: dict[Hashable, Tile] = {}

    def sync(self, specs: dict[Hashable, TileSpec]) -> None:
        for key in [k for k in self.tiles if k not in specs]:
            tile = self.tiles.pop(key)
            self.placements.pop(key, None)
            self._at.pop(key, None)
            self._shown.discard(key)
            tile.setVisible(False)
            self._parked[key] = tile
        for key, spec in specs.items():
            parked = self._parked.pop(key, None)
            if parked is not None:
                self.tiles[key] = parked
            self.sync_one(key, spec)
        while len(self._parked) > PARKED_MAX:
            self._scene.removeItem(self._parked.pop(next(iter(self._parked))))

    def clear(self) -> None:
        super().clear()
        for tile in self._parked.values():
            self._scene.removeItem(tile)
        self._parked.clear()
