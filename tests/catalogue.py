"""Maintain the Dutch catalogue: list the messages that lack Dutch, or merge new ones.

    python tests/catalogue.py missing          # print the English ids without Dutch
    python tests/catalogue.py merge FILE.json  # add {english: dutch} pairs from FILE
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "resources" / "translations" / "nl.json"
sys.path.insert(0, str(Path(__file__).resolve().parent))


def main(argv: list[str]) -> int:
    catalogue = json.loads(CATALOGUE.read_text("utf-8"))
    if argv[:1] == ["missing"]:
        from test_i18n import message_ids  # type: ignore[import-not-found]

        missing = sorted(set(message_ids()) - set(catalogue))
        print(json.dumps({m: "" for m in missing}, ensure_ascii=False, indent=1))
        return 0
    if len(argv) == 2 and argv[0] == "merge":
        new = json.loads(Path(argv[1]).read_text("utf-8"))
        empty = [k for k, v in new.items() if not v.strip()]
        if empty:
            print("no Dutch for:", *empty, sep="\n  ")
            return 1
        catalogue.update(new)
        text = json.dumps(dict(sorted(catalogue.items())), ensure_ascii=False, indent=1)
        CATALOGUE.write_text(text + "\n", "utf-8")
        print(f"{len(new)} merged, {len(catalogue)} in the catalogue")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
