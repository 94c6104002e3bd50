"""``python -m workshop`` and the ``workshop`` command."""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> int:
    if sys.argv[1:2] == ["--room-server"]:  # the bundle's room server (a process of its own)
        from workshop.room.process import main as serve

        return serve()
    from workshop.cli import run

    def open_app(path: Path | None) -> int:
        from workshop.ui.main_window import run_main_window

        return run_main_window(path)

    return run(open_app=open_app)


if __name__ == "__main__":
    sys.exit(main())
