"""The template library: complete in both languages, sourced, grouped, loadable without Qt."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from workshop.domain.templates import (
    THEMES,
    Template,
    principle_templates,
    rule_templates,
    template_by_key,
    theme_label,
)
from workshop.i18n import catalogue, set_language

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("Kaats & Opheij 2012", "Regionale samenwerking 3.0", "RegioKracht (Vilans)",
           "Zorgbestuurders 2020", "Berenschot 2024", "Bisnez & Corparis")
"""The seed documents, as the templates cite them."""


def _all() -> list[Template]:
    return [*principle_templates(), *rule_templates()]


def test_at_least_twelve_of_each() -> None:
    assert len(principle_templates()) >= 12
    assert len(rule_templates()) >= 12


@pytest.mark.parametrize("template", _all(), ids=lambda t: t.key)
def test_both_languages_and_a_source(template: Template) -> None:
    assert template.text_nl.strip() and template.text_en.strip()
    assert template.text_nl != template.text_en
    assert template.text("nl") == template.text_nl
    assert template.text("en") == template.text_en
    assert template.source.strip()
    cited = [part.strip() for part in template.source.split(";")]
    assert all(part in SOURCES for part in cited), cited
    # Sentences, not fragments: a capital at the start and a full stop at the end.
    for text in (template.text_nl, template.text_en):
        assert text[0].isupper() and text.endswith("."), text
        assert "  " not in text and text == text.strip()


def test_keys_are_unique_and_stable_looking() -> None:
    keys = [t.key for t in _all()]
    assert len(keys) == len(set(keys))
    assert all(re.fullmatch(r"(principle|rule)\.[a-z0-9-]+", k) for k in keys)
    assert all(k.startswith("principle.") for k in (t.key for t in principle_templates()))
    assert all(k.startswith("rule.") for k in (t.key for t in rule_templates()))
    assert template_by_key("rule.no-surprises") is not None
    assert template_by_key("nope") is None


def test_grouped_by_theme_with_translated_theme_names() -> None:
    for group in (principle_templates(), rule_templates()):
        themes = [t.theme for t in group]
        # grouped: once a theme ends it does not come back
        runs = [theme for i, theme in enumerate(themes) if i == 0 or themes[i - 1] != theme]
        assert len(runs) == len(set(runs)), runs
        assert len(set(themes)) >= 3
    dutch = catalogue("nl")
    for theme, english in THEMES.items():
        assert english in dutch, theme
        assert theme_label(theme, "nl") == dutch[english]
        assert theme_label(theme, "en") == english


def test_text_is_in_the_language_asked_whatever_the_app_speaks() -> None:
    template = rule_templates()[0]
    set_language("en")
    assert template.text("nl") == template.text_nl
    set_language("nl")
    assert template.text("en") == template.text_en


def test_files_have_exactly_the_documented_fields() -> None:
    for name in ("principles.json", "rules.json"):
        data = json.loads((ROOT / "resources" / "templates" / name).read_text("utf-8"))
        assert isinstance(data, list)
        for entry in data:
            assert set(entry) == {"key", "theme", "text_nl", "text_en", "source"}


def test_loads_where_qt_cannot() -> None:
    code = ("import sys; sys.modules['PySide6'] = None\n"
            "from workshop.domain.templates import principle_templates, rule_templates\n"
            "print(len(principle_templates()) + len(rule_templates()))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) == len(_all())
