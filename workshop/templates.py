"""The template library of leading principles and rules of play, in Dutch and English.

The texts were written for this app from the sources in the project's reading list;
each template names where its idea comes from. They live in
``resources/templates/{principles,rules}.json`` so they can be improved without touching
code. An item added from a template keeps the template's key in
``AgreementItem.template_key`` and gets the text in the session's language, because that
is the text that is printed and signed. No Qt here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from workshop.assets import resource_text
from workshop.i18n import N_, Language, current_language, tr

THEMES: dict[str, str] = {
    # leading principles
    "ambition": N_("Shared ambition"),
    "interests": N_("Doing justice to interests"),
    "trust": N_("Openness and trust"),
    "organising": N_("Professional organising"),
    "results": N_("From plan to practice"),
    # rules of play
    "information": N_("Sharing information"),
    "table": N_("At the table"),
    "accountability": N_("Calling each other to account"),
    "learning": N_("Learning together"),
    "outside": N_("Towards the outside world"),
}
"""Theme keys used in the JSON files and their labels (translated through the catalogue)."""

_FIELDS = ("key", "theme", "text_nl", "text_en", "source")


@dataclass(frozen=True)
class Template:
    key: str
    theme: str
    text_nl: str
    text_en: str
    source: str

    def text(self, lang: Language | None = None) -> str:
        """The text in ``lang`` (default: the current UI language)."""
        return self.text_nl if (lang or current_language()) == "nl" else self.text_en

    def theme_label(self, lang: Language | None = None) -> str:
        return theme_label(self.theme, lang)


def theme_label(theme: str, lang: Language | None = None) -> str:
    return tr(THEMES[theme], lang) if theme in THEMES else theme


def _load(name: str) -> tuple[Template, ...]:
    data = json.loads(resource_text(f"templates/{name}"))
    if not isinstance(data, list):
        raise ValueError(f"templates/{name}: expected a list of templates")
    out: list[Template] = []
    seen: set[str] = set()
    for index, entry in enumerate(data):
        if not isinstance(entry, dict) or set(entry) != set(_FIELDS):
            raise ValueError(f"templates/{name}[{index}]: expected exactly {_FIELDS}")
        values = {f: entry[f] for f in _FIELDS}
        if not all(isinstance(v, str) and v.strip() for v in values.values()):
            raise ValueError(f"templates/{name}[{index}]: every field needs text")
        if values["theme"] not in THEMES:
            raise ValueError(f"templates/{name}[{index}]: unknown theme {values['theme']!r}")
        if values["key"] in seen:
            raise ValueError(f"templates/{name}[{index}]: key {values['key']!r} used twice")
        seen.add(values["key"])
        out.append(Template(**values))
    return tuple(out)


@cache
def principle_templates() -> tuple[Template, ...]:
    """The leading principles, grouped by theme in file order."""
    return _load("principles.json")


@cache
def rule_templates() -> tuple[Template, ...]:
    """The rules of play, grouped by theme in file order."""
    return _load("rules.json")


def template_by_key(key: str) -> Template | None:
    for template in principle_templates() + rule_templates():
        if template.key == key:
            return template
    return None
