"""Forty phones in a process of their own (so they do not share the app's GIL).

``python room_phones.py`` reads {"port", "devices": [token...], "key", "wave", "cards"}
as JSON on stdin, sends every phone's messages at once (one thread per phone, plain
HTTP over loopback) and prints the statuses as JSON.
"""

from __future__ import annotations

import concurrent.futures
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ui" / "room"))

from room_client import Phone  # noqa: E402

CONDITIONS = ["shared_ambition", "justice_to_interests", "personal_collaboration",
              "professional_organising", "meaningful_process"]


def actions(wave: str, i: int, cards: list[str]) -> list[dict[str, object]]:
    if wave == "cards":
        return [{"kind": "add_card", "text": f"kaart {i}-{n}"} for n in range(10)]
    if wave == "dots":
        return [{"kind": "dot", "card_id": cards[(i * 7 + n) % len(cards)], "delta": 1}
                for n in range(3)]
    return [{"kind": "score", "condition": c, "score": 1 + (i + n) % 5}
            for n, c in enumerate(CONDITIONS)]


def main() -> int:
    job = json.load(sys.stdin)

    def phone(i: int, token: str) -> list[str]:
        p = Phone(job["port"])
        p.device = token
        return [p.send(job["key"], a)[1].get("status", "?")
                for a in actions(job["wave"], i, job.get("cards", []))]

    with concurrent.futures.ThreadPoolExecutor(len(job["devices"])) as pool:
        results = list(pool.map(lambda it: phone(*it), enumerate(job["devices"])))
    json.dump([s for r in results for s in r], sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
