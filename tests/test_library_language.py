"""Unedited library items follow the document's language; edited ones never do."""

from __future__ import annotations

from workshop.domain.model import AgreementItem, Clause, Session
from workshop.domain.templates import clause_templates, principle_templates, rule_templates
from workshop.library_language import apply_switches, parts_touched, switches

P = principle_templates()[0]
R = rule_templates()[0]
C = clause_templates()[0]


def _session() -> Session:
    s = Session()
    s.details.language = "nl"
    s.principles = [
        AgreementItem(id="p-1", text=P.text_nl, template_key=P.key),
        AgreementItem(id="p-2", text=P.text_nl + " Altijd.", template_key=P.key),  # edited
        AgreementItem(id="p-3", text="Eigen principe."),
    ]
    s.rules = [AgreementItem(id="r-1", text=R.text_en, template_key=R.key)]  # English already
    s.commitments.clauses = [
        Clause(id="c-1", kind=C.kind, text=C.text_nl, template_key=C.key),
        Clause(id="c-2", kind=C.kind, text=C.text_nl, template_key="clause.no-such-key"),
    ]
    return s


def test_switches_name_only_unedited_items_in_another_language() -> None:
    s = _session()
    found = switches(s, "en")
    assert [(f.part, f.item_id) for f in found] == [("principles", "p-1"), ("clauses", "c-1")]
    assert parts_touched(found) == ("commitments.clauses", "principles")
    assert [(f.item_id) for f in switches(s, "nl")] == ["r-1"]


def test_apply_switches_changes_the_texts_and_keeps_the_keys() -> None:
    s = _session()
    assert apply_switches(s, "en") == 2
    assert s.principles[0].text == P.text_en and s.principles[0].template_key == P.key
    assert s.principles[1].text == P.text_nl + " Altijd."
    assert s.principles[2].text == "Eigen principe."
    assert s.rules[0].text == R.text_en
    assert s.commitments.clauses[0].text == C.text_en
    assert s.commitments.clauses[1].text == C.text_nl  # unknown template: left alone
    assert apply_switches(s, "en") == 0
    assert apply_switches(s, "nl") == 3  # back, the rule included
    assert s.rules[0].text == R.text_nl
