"""The perspectives (sectors) at a regional table: stored as keys, shown as words.

``Participant.perspective`` holds either one of the keys below or the facilitator's own
text. A key is shown in the language of the screen or the document
(``perspective_label``); the facilitator's own text is shown as typed. Whatever comes in
as words (a combo box, a CSV column, an older session file) goes through
``match_perspective``, which recognises the Dutch and the English labels and the usual
abbreviations, case- and accent-insensitive, and otherwise keeps the text. No Qt here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from workshop.i18n import LANGUAGES, N_, Language, tr

PERSPECTIVES: dict[str, str] = {
    "gp_care": N_("GP care"),
    "hospital": N_("Hospital"),
    "elderly_care": N_("Elderly care (VVT)"),
    "mental_health": N_("Mental health care (GGZ)"),
    "district_nursing": N_("District nursing"),
    "disability_care": N_("Disability care"),
    "municipality": N_("Municipality"),
    "social_domain": N_("Social domain"),
    "welfare": N_("Welfare"),
    "public_health": N_("Public health (GGD)"),
    "health_insurer": N_("Health insurer"),
    "care_office": N_("Care office (Wlz)"),
    "housing": N_("Housing corporation"),
    "patients_clients": N_("Patients and clients"),
    "informal_carers": N_("Informal carers"),
    "education": N_("Education"),
    "other": N_("Other"),
}
"""Key -> English label (the message id; the Dutch is in the catalogue), in list order."""

_ALIASES: dict[str, tuple[str, ...]] = {
    "gp_care": ("huisarts", "huisartsen", "huisartsenzorg", "huisartsenpraktijk",
                "huisartsenzorg eerste lijn", "eerste lijn", "eerstelijn", "eerstelijnszorg",
                "gp", "gps",
                "general practice", "general practitioners", "primary care"),
    "hospital": ("ziekenhuis", "ziekenhuizen", "ziekenhuiszorg", "msz",
                 "medisch specialistische zorg", "ziekenhuis medisch specialistische zorg",
                 "hospitals", "hospital care"),
    "elderly_care": ("vvt", "ouderenzorg", "ouderenzorg vvt", "verpleging en verzorging",
                     "verpleeghuis",
                     "verpleeghuiszorg", "elderly care", "care for older people",
                     "nursing home", "nursing homes"),
    "mental_health": ("ggz", "geestelijke gezondheidszorg", "geestelijke gezondheidszorg ggz",
                      "mental health",
                      "mental health care", "mental healthcare"),
    "district_nursing": ("wijkverpleging", "wijkverpleegkundige", "community nursing"),
    "disability_care": ("gehandicaptenzorg", "gehandicapten", "disability"),
    "municipality": ("gemeente", "gemeenten", "municipalities", "local authority",
                     "local government"),
    "social_domain": ("sociaal domein", "social care"),
    "welfare": ("welzijn", "welzijnswerk", "welfare work"),
    "public_health": ("ggd", "publieke gezondheid", "publieke gezondheidszorg",
                      "public health"),
    "health_insurer": ("zorgverzekeraar", "zorgverzekeraars", "verzekeraar",
                       "health insurers", "health insurance", "insurer"),
    "care_office": ("zorgkantoor", "zorgkantoren", "wlz", "care office"),
    "housing": ("woningcorporatie", "woningcorporaties", "woningbouwcorporatie",
                "wonen", "housing", "housing association", "housing corporations"),
    "patients_clients": ("patienten", "clienten", "patienten en clienten",
                         "clienten en patienten", "patientenvertegenwoordiging",
                         "clientvertegenwoordiging", "clientenraad", "patientenraad",
                         "patients", "clients", "patient representation",
                         "client representation", "patient and client representation"),
    "informal_carers": ("mantelzorg", "mantelzorgers", "informal care", "carers"),
    "education": ("onderwijs", "scholen", "schools"),
    "other": ("anders", "overig", "overige"),
}
"""Further words a CSV file or an older session may use for a perspective (normalised)."""


_NOT_A_WORD = re.compile(r"[\W_]+")


def _normalise(text: str) -> str:
    """Lower case, no accents, words joined by single spaces: "Patiënten / cliënten"
    and "patienten clienten" are the same. (A CSV import runs this on every line.)"""
    text = text.casefold()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(_NOT_A_WORD.sub(" ", text).split())


@cache
def _lookup() -> dict[str, str]:
    table: dict[str, str] = {}
    for key, english in PERSPECTIVES.items():
        words = [key, english, *(tr(english, lang) for lang in LANGUAGES)]
        words += _ALIASES.get(key, ())
        for word in words:
            table.setdefault(_normalise(word), key)
    return table


def is_perspective_key(value: str) -> bool:
    return value in PERSPECTIVES


def match_perspective(text: str) -> str:
    """The key of a known perspective named by ``text`` in Dutch or English, or ``text``
    itself (the facilitator's own perspective) when it names none."""
    if text in PERSPECTIVES:
        return text
    normalised = _normalise(text)
    return _lookup().get(normalised, text) if normalised else text


def key_of_label(text: str) -> str | None:
    """The key whose label, in Dutch or English, is exactly ``text`` (what the list of
    perspectives stored before version 3), or None."""
    for key, english in PERSPECTIVES.items():
        if any(text == tr(english, lang) for lang in LANGUAGES):
            return key
    return None


def perspective_label(value: str, lang: Language) -> str:
    """The words for a stored perspective: a key's label in ``lang``, own text as it is."""
    english = PERSPECTIVES.get(value)
    return tr(english, lang) if english is not None else value


def perspective_choices(lang: Language) -> list[tuple[str, str]]:
    """(key, label) of every known perspective in list order, for a choice list."""
    return [(key, tr(english, lang)) for key, english in PERSPECTIVES.items()]
