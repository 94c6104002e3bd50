"""The template library of leading principles, rules of play and closing clauses, in Dutch
and English.

The texts were written for this app from the sources in the project's reading list;
each template names where its idea comes from. They live in
``resources/templates/{principles,rules}.json`` so they can be improved without touching
code. An item added from a template keeps the template's key in
``AgreementItem.template_key`` and gets the text in the session's language, because that
is the text that is printed and signed. Closing clauses
(``resources/templates/clauses.json``) have a clause kind as their theme and a note on
what each is for (``note_nl``/``note_en``); a clause keeps its template's key in
``Clause.template_key``. No Qt here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from workshop.assets import resource_text
from workshop.domain.labels import label
from workshop.domain.model import ClauseKind
from workshop.i18n import N_, Language, tr

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
_CLAUSE_FIELDS = (*_FIELDS, "note_nl", "note_en")


@dataclass(frozen=True)
class Template:
    key: str
    theme: str
    text_nl: str
    text_en: str
    source: str

    def text(self, lang: Language) -> str:
        """The text in ``lang``."""
        return self.text_nl if lang == "nl" else self.text_en

    def theme_label(self, lang: Language) -> str:
        return theme_label(self.theme, lang)


def theme_label(theme: str, lang: Language) -> str:
    return tr(THEMES[theme], lang) if theme in THEMES else theme


@dataclass(frozen=True)
class ClauseTemplate(Template):
    """A closing clause; ``theme`` is a ``ClauseKind`` value."""

    note_nl: str
    note_en: str

    @property
    def kind(self) -> ClauseKind:
        return ClauseKind(self.theme)

    def note(self, lang: Language) -> str:
        """What the clause is for, in ``lang``."""
        return self.note_nl if lang == "nl" else self.note_en

    def theme_label(self, lang: Language) -> str:
        return label(self.kind, lang)


def _entries(name: str, fields: tuple[str, ...], themes: set[str]) -> list[dict[str, str]]:
    data = json.loads(resource_text(f"templates/{name}"))
    if not isinstance(data, list):
        raise ValueError(f"templates/{name}: expected a list of templates")
    out: list[dict[str, str]] = []
    seen: set[str] = set()
    for index, entry in enumerate(data):
        if not isinstance(entry, dict) or set(entry) != set(fields):
            raise ValueError(f"templates/{name}[{index}]: expected exactly {fields}")
        values = {f: entry[f] for f in fields}
        if not all(isinstance(v, str) and v.strip() for v in values.values()):
            raise ValueError(f"templates/{name}[{index}]: every field needs text")
        if values["theme"] not in themes:
            raise ValueError(f"templates/{name}[{index}]: unknown theme {values['theme']!r}")
        if values["key"] in seen:
            raise ValueError(f"templates/{name}[{index}]: key {values['key']!r} used twice")
        seen.add(values["key"])
        out.append(values)
    return out


def _load(name: str) -> tuple[Template, ...]:
    return tuple(Template(**v) for v in _entries(name, _FIELDS, set(THEMES)))


@cache
def principle_templates() -> tuple[Template, ...]:
    """The leading principles, grouped by theme in file order."""
    return _load("principles.json")


@cache
def rule_templates() -> tuple[Template, ...]:
    """The rules of play, grouped by theme in file order."""
    return _load("rules.json")


@cache
def clause_templates() -> tuple[ClauseTemplate, ...]:
    """The closing clauses, grouped by clause kind in file order."""
    kinds = {k.value for k in ClauseKind}
    return tuple(ClauseTemplate(**v) for v in _entries("clauses.json", _CLAUSE_FIELDS, kinds))


def template_by_key(key: str) -> Template | None:
    for template in principle_templates() + rule_templates() + clause_templates():
        if template.key == key:
            return template
    return None


def printed_text(text: str, template_key: str | None, lang: Language) -> str:
    """``text`` as a document in ``lang`` prints it: a library text left as it was
    comes in the document's language (an English export of a Dutch meeting prints the
    library's English); text someone edited or wrote is printed as written."""
    if not template_key:
        return text
    template = template_by_key(template_key)
    if template is None:
        return text
    flat = " ".join(text.split())
    if flat in (" ".join(template.text_nl.split()), " ".join(template.text_en.split())):
        return template.text(lang)
    return text
