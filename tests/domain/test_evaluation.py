"""An evaluation meeting made from a signed start meeting: what carries over, what must
be agreed again, the chain of versions, and what changed article by article."""

from __future__ import annotations

import datetime as dt

from samples import demo_session
from signed_sessions import signed_start

from workshop.domain.compare import articles, changes_since_previous, compare, word_changes
from workshop.domain.evaluation import (
    chain_of,
    new_evaluation,
    review_counts,
    set_indicator_value,
    set_review,
    trend,
    version_of,
)
from workshop.domain.fingerprint import agreement_content, fingerprint
from workshop.domain.model import (
    Indicator,
    Participant,
    ReviewStatus,
    Session,
)
from workshop.domain.participants import remove_participant

TODAY = dt.date(2026, 10, 1)


def test_the_evaluation_carries_the_agreement_over_but_not_the_consents() -> None:
    start = signed_start()
    before = start.model_dump()
    evaluation = new_evaluation(start, "start.workshop", TODAY)
    assert start.model_dump() == before  # the signed session is only read
    assert evaluation.id != start.id and evaluation.details.date == TODAY
    assert evaluation.participants == start.participants
    assert evaluation.principles == start.principles and evaluation.rules == start.rules
    assert evaluation.roadmap == start.roadmap and evaluation.organising == start.organising
    assert evaluation.commitments == start.commitments
    assert evaluation.ambition.statement == start.ambition.statement
    assert (evaluation.signatures, evaluation.consents, evaluation.amendments,
            evaluation.step_agreements) == ([], [], [], [])
    ev = evaluation.evaluation
    assert ev is not None and ev.version == 2 == version_of(evaluation)
    [entry] = ev.chain
    assert (entry.version, entry.file_name, entry.session_id, entry.fingerprint,
            entry.date, entry.signed) == (1, "start.workshop", start.id, fingerprint(start),
                                          start.details.date, len(start.signatures))
    assert ev.start_moment_id == max(start.diagnostics.moments, key=lambda m: m.taken_at).id
    # Nothing changed yet, so nothing to list.
    assert changes_since_previous(evaluation) == []


def test_a_third_version_carries_the_whole_chain() -> None:
    second = new_evaluation(signed_start(), "v1.workshop", TODAY)
    third = new_evaluation(second, "v2.workshop", dt.date(2027, 4, 1))
    assert third.evaluation is not None
    assert [(e.version, e.file_name) for e in third.evaluation.chain] == [
        (1, "v1.workshop"), (2, "v2.workshop")]
    assert [e.version for e in chain_of(third, "v3.workshop")] == [1, 2, 3]
    assert chain_of(third)[-1].fingerprint == fingerprint(third)


def test_a_start_meeting_prints_no_evaluation_and_keeps_its_fingerprint_parts() -> None:
    content = agreement_content(demo_session())
    assert "evaluation" not in content
    assert all("indicators" not in g for g in content["ambition"]["goals"])


def test_the_comparison_lists_exactly_what_changed() -> None:
    start = signed_start()
    evaluation = new_evaluation(start, "start.workshop", TODAY)
    principle = evaluation.principles[1]
    old_text = principle.text
    principle.text = old_text.rstrip(".") + " en rekenen elkaar daarop af."
    leaving = evaluation.participants[-1]
    # Leaving the collaboration (handed over): the comparison says they left. ("Delete
    # everything of them" forgets them in the revised version's articles too, below.)
    remove_participant(evaluation, leaving.id, hand_over=True)
    evaluation.participants.append(Participant(
        id="p-new", name="Noor Yilmaz", organisation="Woonstichting Waalzoom",
        role="Directeur"))
    # Statuses at the evaluation are a look back, not a change of the agreement.
    set_review(evaluation, evaluation.roadmap.actions[0].id, ReviewStatus.DONE, "Klaar")
    evaluation = Session.model_validate(evaluation.model_dump())
    changes = changes_since_previous(evaluation)
    got = [(c.kind, c.section, c.title) for c in changes]
    # Henk leaves (his housing corporation, absent at the start, committed nothing).
    assert leaving.name == "Henk Mulder"
    assert not [c for c in start.commitments.contributions
                if c.organisation == leaving.organisation]
    expected = [("removed", "parties", leaving.name), ("added", "parties", "Noor Yilmaz"),
                ("amended", "principles", "")]
    assert got == expected
    amended = next(c for c in changes if c.section == "principles")
    assert amended.before == old_text and amended.after == principle.text
    assert amended.words[-2:] == (("added", " en rekenen elkaar daarop af"), ("same", "."))


def test_word_changes_keep_the_reading_order() -> None:
    assert word_changes("we informeren elkaar vooraf", "we informeren elkaar tijdig") == (
        ("same", "we informeren elkaar "), ("removed", "vooraf"), ("added", "tijdig"))
    words = word_changes("Wij doen het, samen.", "Wij doen het nu samen!")
    assert "".join(w for op, w in words if op != "added") == "Wij doen het, samen."
    assert "".join(w for op, w in words if op != "removed") == "Wij doen het nu samen!"


def test_compare_of_identical_lists_is_empty_and_moves_are_not_changes() -> None:
    session = demo_session()
    listed = articles(session)
    assert compare(listed, listed) == []
    assert compare(listed, list(reversed(listed))) == []


def test_review_counts_and_indicator_trend() -> None:
    start = signed_start()
    goal = start.ambition.goals[0]
    goal.indicators.append(Indicator(id="i-1", name="Onnodige SEH-bezoeken 75+",
                                     unit="per 1000", baseline=41.0))
    evaluation = new_evaluation(start, "start.workshop", TODAY)
    actions = evaluation.roadmap.actions
    set_review(evaluation, actions[0].id, ReviewStatus.DONE)
    set_review(evaluation, actions[1].id, ReviewStatus.LATE, "Data kwam laat")
    set_review(evaluation, actions[1].id, ReviewStatus.ON_TRACK)  # note kept
    set_indicator_value(evaluation, goal.id, "i-1", 37.5, TODAY)
    counts = review_counts(evaluation)
    assert counts[ReviewStatus.DONE] == 1 and counts[ReviewStatus.ON_TRACK] == 1
    assert counts[None] == len(actions) - 2
    assert evaluation.evaluation is not None
    assert evaluation.evaluation.reviews[1].note == "Data kwam laat"
    indicator = evaluation.ambition.goals[0].indicators[0]
    assert [(p.version, p.value) for p in trend(indicator)] == [(1, 41.0), (2, 37.5)]
    # The values are printed, so they are part of the text signed.
    assert fingerprint(evaluation) != fingerprint(
        new_evaluation(start, "start.workshop", TODAY))
