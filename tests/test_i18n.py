"""Every message the code translates has a Dutch text, and placeholders survive."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from workshop.i18n import catalogue, set_language, tr

ROOT = Path(__file__).resolve().parent.parent


def message_ids() -> dict[str, str]:
    """Literal first arguments of every tr(...) and N_(...) call in workshop/."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "workshop").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("tr", "N_") and node.args):
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.setdefault(first.value, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_every_message_has_dutch() -> None:
    dutch = catalogue("nl")
    missing = [f"{where}: {msg!r}" for msg, where in message_ids().items() if msg not in dutch]
    assert missing == []


def test_placeholders_match() -> None:
    dutch = catalogue("nl")
    wrong = []
    for msg in message_ids():
        if msg in dutch:
            if set(re.findall(r"\{(\w+)\}", msg)) != set(re.findall(r"\{(\w+)\}", dutch[msg])):
                wrong.append(msg)
    assert wrong == []


def test_no_stale_entries() -> None:
    used = set(message_ids())
    stale = [k for k in catalogue("nl") if k not in used and not k.startswith("@")]
    assert stale == []


def test_catalogue_is_valid_json() -> None:
    data = json.loads((ROOT / "resources" / "translations" / "nl.json").read_text("utf-8"))
    assert isinstance(data, dict)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_language_switch(lang: str) -> None:
    set_language(lang)  # type: ignore[arg-type]
    text = tr("“{path}” does not exist.", path="x")
    assert text == ("“x” bestaat niet." if lang == "nl" else "“x” does not exist.")
