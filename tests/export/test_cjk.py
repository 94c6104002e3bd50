"""No text is lost: Chinese, Japanese and Korean come back from both PDFs and show on
the canvases, set in the bundled fallbacks (Droid Sans Fallback, subset; NanumSquare)."""

from __future__ import annotations

import pytest
from pdfcheck import EXPORTED_AT, body_text, fonts_of, squash
from samples import demo_session

from workshop.domain.model import AgreementItem, Owner
from workshop.export import fonts
from workshop.export.agreement import AgreementOptions, export_agreement
from workshop.export.roadmap import RoadmapOptions, export_roadmap

SCRIPTS = {
    "zh": ("张伟", "我们共同为居民的健康负责。"),
    "ja": ("山田太郎", "私たちは地域の人々のために協力します。"),
    "ko": ("김민준", "우리는 주민의 건강을 위해 함께 일합니다."),
}


def _session():  # type: ignore[no-untyped-def]
    s = demo_session()
    for (name, principle), p, n in zip(SCRIPTS.values(), s.participants[:3], range(3),
                                       strict=True):
        p.name = name
        s.principles.append(AgreementItem(id=f"pr-cjk-{n}", text=principle))
        s.roadmap.actions[n].owner = Owner(kind="participant", ref=p.id)
    return s


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_names_and_principles_in_cjk_come_back_from_both_pdfs(lang: str) -> None:
    s = _session()
    agreement = export_agreement(s, AgreementOptions(language=lang), EXPORTED_AT)  # type: ignore[arg-type]
    roadmap = export_roadmap(s, RoadmapOptions(language=lang), EXPORTED_AT)  # type: ignore[arg-type]
    a_text, r_text = body_text(agreement), body_text(roadmap)
    for name, principle in SCRIPTS.values():
        assert squash(name) in a_text, name
        assert squash(principle) in a_text, principle
        assert squash(name) in r_text, name  # as the owner of an action
    assert "\ufffd" not in a_text  # nothing printed as a replacement mark
    used = fonts_of(agreement)
    assert any("DroidSansFallback" in f for f in used) and any("NanumSquare" in f for f in used)
    assert all(used.values())  # embedded


def test_a_korean_name_is_one_run_in_one_font() -> None:
    assert fonts.runs("김민준 山田太郎") == [("WorkshopKorean", "김민준 "),
                                         ("WorkshopCJK", "山田太郎")]
