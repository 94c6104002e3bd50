"""What the table agreed is on paper, word for word, in Dutch and in English."""

from __future__ import annotations

import pytest
from pdfcheck import EXPORTED_AT, HOSTILE, body_text, comes_back, hostile_session, squash
from samples import demo_session, large_session

from workshop.domain.fingerprint import owner_label
from workshop.domain.model import Session
from workshop.export.agreement import AgreementOptions, export_agreement
from workshop.export.roadmap import RoadmapOptions, export_roadmap
from workshop.i18n import Language


def _texts(session: Session, lang: Language) -> tuple[str, str]:
    agreement = export_agreement(session, AgreementOptions(language=lang), EXPORTED_AT)
    roadmap = export_roadmap(session, RoadmapOptions(language=lang), EXPORTED_AT)
    return body_text(agreement), body_text(roadmap)


@pytest.fixture(scope="module")
def demo_texts() -> dict[str, tuple[str, str]]:
    session = demo_session()
    return {lang: _texts(session, lang) for lang in ("nl", "en")}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_everything_agreed_is_printed(demo_texts: dict[str, tuple[str, str]],
                                      lang: str) -> None:
    session = demo_session()
    agreement, roadmap = demo_texts[lang]
    expected = [p.text for p in session.principles] + [r.text for r in session.rules]
    expected += [p.name for p in session.participants]
    expected += [i.text for i in session.interests.items if not i.private]
    expected += [a.title for a in session.roadmap.actions]
    expected += [session.ambition.statement] + [g.text for g in session.ambition.goals]
    expected += [c.note for c in session.consents if c.note]
    missing = [t for t in expected if squash(t) not in agreement]
    assert missing == []
    in_roadmap = [a.title for a in session.roadmap.actions]
    in_roadmap += [m.title for m in session.roadmap.milestones]
    in_roadmap += [m.title for m in session.roadmap.evaluations]
    assert [t for t in in_roadmap if squash(t) not in roadmap] == []


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_private_interests_are_left_out_with_a_note(demo_texts: dict[str, tuple[str, str]],
                                                    lang: str) -> None:
    session = demo_session()
    agreement, roadmap = demo_texts[lang]
    private = [i.text for i in session.interests.items if i.private]
    assert private
    for text in private:
        assert squash(text) not in agreement and squash(text) not in roadmap
    note = {"nl": "nietvoorafdruk", "en": "notforprint"}[lang]
    assert note in agreement.lower()


def test_language_follows_the_session_or_the_option() -> None:
    session = demo_session()
    assert session.details.language == "nl"
    dutch = body_text(export_agreement(session, None, EXPORTED_AT))
    english = body_text(export_agreement(session, AgreementOptions(language="en"),
                                         EXPORTED_AT))
    assert "Leidendeprincipes" in dutch and "Leadingprinciples" not in dutch
    assert "Leadingprinciples" in english and "Leidendeprincipes" not in english


def test_each_organisation_gets_its_commitments() -> None:
    from workshop.export.roadmap import commitments

    session = demo_session()
    for org in session.organisations():
        for index in commitments(session, org):
            owner = session.roadmap.actions[index].owner
            assert owner is not None
            label = owner_label(session, owner)
            assert org in label or owner.ref == org


def test_hostile_input_prints_as_typed() -> None:
    session = hostile_session(200)
    agreement, roadmap = _texts(session, "en")
    for text in HOSTILE:
        assert comes_back(text, agreement), text
    for p in session.participants:
        assert comes_back(p.name, agreement), p.name
    long_principle = next(p.text for p in session.principles if p.id == "pr-long")
    assert squash(long_principle) in agreement
    assert "x" * 3000 in agreement
    for a in session.roadmap.actions:
        assert comes_back(a.title, roadmap), a.title
    # Markup stays text: tags come back literally, entities are not decoded.
    assert "<para>aparagraphtag</para>" in agreement
    assert '<fontname="Courier"color="red">afonttag</font>' in agreement
    assert "&amp;&lt;5>3" in agreement
    # Invisible characters are gone; characters no font has are marked.
    assert "\ufffd" in agreement
    assert "\u200b" not in agreement and "\x07" not in agreement


def test_large_session_exports() -> None:
    session = large_session()
    agreement, roadmap = _texts(session, "nl")
    assert all(squash(p.name) in agreement for p in session.participants)
    assert all(squash(a.title) in roadmap for a in session.roadmap.actions)


def test_a_table_cell_taller_than_a_page_splits() -> None:
    session = demo_session()
    giant = " ".join(f"naam{i}" for i in range(900))
    session.participants[0].mandate = giant  # a name is one line; a mandate is long
    session.roadmap.actions[0].description = giant
    session = Session.model_validate(session.model_dump())
    agreement, roadmap = _texts(session, "en")
    assert "naam0naam1" in agreement and "naam898naam899" in agreement
    assert "naam898naam899" in roadmap
