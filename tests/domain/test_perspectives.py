"""Perspectives: keys in the file, words on the screen and on paper, in either language."""

from __future__ import annotations

import pytest

from workshop.domain.fingerprint import agreement_content, fingerprint
from workshop.domain.model import Participant, Session
from workshop.domain.perspectives import (
    PERSPECTIVES,
    is_perspective_key,
    key_of_label,
    match_perspective,
    perspective_choices,
    perspective_label,
)
from workshop.i18n import catalogue


def test_every_perspective_has_dutch_and_english_words() -> None:
    dutch = catalogue("nl")
    for key, english in PERSPECTIVES.items():
        assert english in dutch, key
        assert perspective_label(key, "en") == english
        assert perspective_label(key, "nl") == dutch[english] != english or key == "other"
    assert [k for k, _ in perspective_choices("nl")] == list(PERSPECTIVES)
    assert perspective_label("hospital", "nl") == "Ziekenhuis"
    assert perspective_label("mental_health", "en") == "Mental health care (GGZ)"


def test_labels_in_both_languages_match_their_key() -> None:
    for key in PERSPECTIVES:
        for lang in ("nl", "en"):
            label = perspective_label(key, lang)  # type: ignore[arg-type]
            assert match_perspective(label) == key
            assert match_perspective(label.upper()) == key
            assert key_of_label(label) == key
        assert match_perspective(key) == key and is_perspective_key(key)


@pytest.mark.parametrize("own", ["Farmacie", "Ziekenhuis Rivierenland", "hospital care"
                                 " and more", "Zorgverzekeraar en zorgkantoor", "  "])
def test_own_text_is_kept_as_typed(own: str) -> None:
    assert match_perspective(own) == own
    assert perspective_label(own, "nl") == own == perspective_label(own, "en")
    assert key_of_label(own) is None and not is_perspective_key(own)


def test_key_of_label_is_exact() -> None:
    """Only what the list stored (a label, exactly) counts; aliases are for typing."""
    assert key_of_label("GGZ") == "mental_health"  # the Dutch label
    assert key_of_label("ggz") is None
    assert key_of_label("huisarts") is None
    assert match_perspective("huisarts") == "gp_care"


def _session(perspective: str, language: str) -> Session:
    return Session.model_validate({
        "details": {"name": "Test", "language": language},
        "participants": [Participant(id="p-1", name="Anna",
                                     perspective=perspective).model_dump()],
    })


def test_the_agreement_prints_words_in_its_language_and_the_fingerprint_follows() -> None:
    dutch = _session("hospital", "nl")
    assert agreement_content(dutch)["parties"][0]["perspective"] == "Ziekenhuis"
    assert agreement_content(dutch, "en")["parties"][0]["perspective"] == "Hospital"
    # The same printed words, whether stored as key or as the label: the same fingerprint.
    assert fingerprint(dutch) == fingerprint(_session("Ziekenhuis", "nl"))
    assert fingerprint(dutch) != fingerprint(_session("Hospital", "nl"))
