"""Maintain the Dutch catalogue: list the messages that lack Dutch, or merge new ones.

    python tests/catalogue.py missing          # print the English ids without Dutch
    python tests/catalogue.py merge FILE.json [PART]
        # add {english: dutch} pairs from FILE to resources/translations/nl.PART.json
        # (nl.json without PART); each part of the app keeps its own file
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
sys.path.insert(0, str(Path(__file__).resolve().parent))


def main(argv: list[str]) -> int:
    catalogue: dict[str, str] = {}
    for part in sorted(FOLDER.glob("nl*.json")):
        catalogue.update(json.loads(part.read_text("utf-8")))
    if argv[:1] == ["missing"]:
        from test_i18n import message_ids  # type: ignore[import-not-found]

        missing = sorted(set(message_ids()) - set(catalogue))
        print(json.dumps({m: "" for m in missing}, ensure_ascii=False, indent=1))
        return 0
    if len(argv) in (2, 3) and argv[0] == "merge":
        target = FOLDER / (f"nl.{argv[2]}.json" if len(argv) == 3 else "nl.json")
        own = json.loads(target.read_text("utf-8")) if target.exists() else {}
        new = json.loads(Path(argv[1]).read_text("utf-8"))
        empty = [k for k, v in new.items() if not v.strip()]
        if empty:
            print("no Dutch for:", *empty, sep="\n  ")
            return 1
        own.update(new)
        text = json.dumps(dict(sorted(own.items())), ensure_ascii=False, indent=1)
        target.write_text(text + "\n", "utf-8")
        print(f"{len(new)} merged, {len(own)} in {target.name}")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
