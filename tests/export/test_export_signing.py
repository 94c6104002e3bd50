"""Signatures belong to the text; verify tells a true copy from a changed one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pdfcheck import EXPORTED_AT, body_text, fonts_of, page_texts, squash
from samples import demo_session, large_session

from workshop.domain.fingerprint import fingerprint, short_fingerprint, signature_is_valid
from workshop.domain.model import Session, Signature, Stroke
from workshop.domain.parties import party_views
from workshop.export.agreement import AgreementOptions, export_agreement
from workshop.export.roadmap import RoadmapOptions, export_roadmap
from workshop.export.seal import check_seal
from workshop.export.verify import report_lines, verify_bytes


def signed_demo() -> Session:
    """The demo with every present participant signed on the current text."""
    session = demo_session()
    fp = fingerprint(session)
    stroke = Stroke(points=[(100.0 + 8 * i, 200.0 + (i % 7) * 9, 0.2 + (i % 5) / 6)
                            for i in range(60)])
    session.signatures = [
        Signature(id=f"sig-{p.id}", participant_id=p.id, strokes=[stroke],
                  signed_at=dt.datetime(2026, 3, 12, 16, 30 + n), fingerprint=fp)
        for n, p in enumerate(session.participants) if p.present
    ]
    return Session.model_validate(session.model_dump())


def test_every_font_is_embedded() -> None:
    session = signed_demo()
    for data in (export_agreement(session, None, EXPORTED_AT),
                 export_roadmap(session, RoadmapOptions(size="A3"), EXPORTED_AT)):
        used = fonts_of(data)
        assert used, "no fonts found"
        assert {name: ok for name, ok in used.items() if not ok} == {}


def test_metadata_carries_the_full_fingerprint() -> None:
    import io

    from pypdf import PdfReader

    session = signed_demo()
    data = export_agreement(session, AgreementOptions(language="en"), EXPORTED_AT)
    reader = PdfReader(io.BytesIO(data))
    meta = reader.metadata
    assert meta is not None
    fp = fingerprint(session)
    assert meta["/WorkshopFingerprint"] == fp
    assert session.details.name in str(meta.title)
    assert meta.author == session.details.facilitator
    assert meta.subject
    assert reader.trailer["/Root"]["/Lang"] == "en"
    texts = page_texts(data)
    short = short_fingerprint(fp)
    for n, text in enumerate(texts, 1):
        assert f"Page {n} of {len(texts)}" in text
        assert short in text
    assert " ".join(fp[i:i + 8] for i in range(0, 64, 8)) in "\n".join(texts)


def test_changing_a_principle_voids_the_signatures() -> None:
    session = signed_demo()
    assert all(signature_is_valid(session, s.fingerprint) for s in session.signatures)
    before = body_text(export_agreement(session, AgreementOptions(language="en"),
                                        EXPORTED_AT))
    assert "Validforthistext" in before and "VOID:" not in before

    changed = session.model_copy(deep=True)
    changed.principles[0].text += " Behalve op zondag."
    assert not any(signature_is_valid(changed, s.fingerprint) for s in changed.signatures)
    for lang, void in (("en", "VOID"), ("nl", "ONGELDIG")):
        after = body_text(export_agreement(changed, AgreementOptions(language=lang),
                                           EXPORTED_AT))
        assert "Validforthistext" not in after and "Geldigvoordezetekst" not in after
        # The stamp and the status line of each signature, and the explanation once.
        assert after.count(void) == 2 * len(changed.signatures) + 1


def test_verify_passes_an_untouched_pair() -> None:
    session = signed_demo()
    for data in (export_agreement(session, None, EXPORTED_AT),
                 export_roadmap(session, None, EXPORTED_AT)):
        report = verify_bytes(data, session)
        assert report.ok and report.rebuild == "same"
        assert all(s.valid for s in report.signatures)
        assert verify_bytes(data).ok


@pytest.mark.parametrize("where", [0, 1000, 0.5, -1, "seal"])
def test_verify_fails_on_one_changed_byte(where: float | str) -> None:
    data = bytearray(export_agreement(signed_demo(), None, EXPORTED_AT))
    if where == "seal":
        index = data.index(b"/WorkshopSeal (sha256:") + len(b"/WorkshopSeal (sha256:") + 5
    else:
        index = int(len(data) * where) if isinstance(where, float) else int(where)
    data[index] ^= 0x01
    report = verify_bytes(bytes(data), signed_demo())
    assert not report.ok
    assert not report.intact or not report.sealed


def test_verify_fails_on_appended_bytes() -> None:
    data = export_agreement(signed_demo(), None, EXPORTED_AT)
    assert not verify_bytes(data + b"\n").ok


def test_verify_fails_against_a_changed_session() -> None:
    session = signed_demo()
    data = export_agreement(session, None, EXPORTED_AT)
    changed = session.model_copy(deep=True)
    changed.rules[1].text = "Iedereen krijgt de stukken, soms."
    report = verify_bytes(data, changed)
    assert report.intact and not report.ok
    assert report.fingerprint_matches is False
    assert not any(s.valid for s in report.signatures)
    lines = "\n".join(report_lines(report, "x.pdf", "en"))
    assert "HAS CHANGED" in lines and "VOID" in lines


def test_verify_catches_a_resealed_forgery() -> None:
    """Editing the PDF and sealing it again defeats the seal, not the session check."""
    from workshop.export.seal import PLACEHOLDER, seal

    session = signed_demo()
    data = export_agreement(session, None, EXPORTED_AT)
    start = data.index(b"/WorkshopSeal (") + len(b"/WorkshopSeal (")
    blank = data[:start] + PLACEHOLDER.encode() + data[start + len(PLACEHOLDER):]
    forged = seal(blank.replace(b"/Author (Marieke", b"/Author (Mallory"))
    assert check_seal(forged).intact
    report = verify_bytes(forged, session)
    assert report.fingerprint_matches and report.rebuild == "different" and not report.ok


def test_verify_reports_missing_signatures() -> None:
    session = signed_demo()
    data = export_agreement(session, None, EXPORTED_AT)
    fewer = session.model_copy(deep=True)
    fewer.signatures = fewer.signatures[1:]
    report = verify_bytes(data, fewer)
    assert report.fingerprint_matches and report.signatures_match is False and not report.ok


def test_a_foreign_pdf_has_no_seal(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    target = tmp_path / "other.pdf"
    canvas = Canvas(str(target))
    canvas.drawString(100, 100, "/WorkshopSeal (sha256:" + "0" * 64 + ")")
    canvas.save()
    report = verify_bytes(target.read_bytes())
    assert not report.sealed and not report.ok


def test_large_session_signatures_all_valid() -> None:
    session = large_session()
    data = export_agreement(session, AgreementOptions(language="en"), EXPORTED_AT)
    text = body_text(data)
    assert text.count("Validforthistext") == len(session.signatures) == 40
    assert "VOID:" not in text


def test_paper_mode_prints_a_signing_box_for_every_signing_party() -> None:
    """Parties sign, not participants: the client council (not a party) and the absent
    housing corporation get no signing box; every page has an initials box."""
    session = demo_session()
    data = export_agreement(session, AgreementOptions(language="en", paper=True),
                            EXPORTED_AT)
    text = body_text(data)
    signing = [v for v in party_views(session) if v.signs]
    assert len(signing) == 7
    assert text.count("Date:______________") == len(signing)
    for v in signing:
        assert v.representative is not None
        assert squash(f"{v.representative.name}{v.function}{v.legal_name}") in text
    assert "GerdaSmit" not in squash(text.split("Signatures")[-1].split("Appendix")[0])
    assert all("Initials" in page for page in page_texts(data))


def test_verify_survives_a_forged_manifest() -> None:
    import base64

    from workshop.export.seal import PLACEHOLDER, seal

    session = signed_demo()
    data = export_agreement(session, None, EXPORTED_AT)
    start = data.index(b"/WorkshopSeal (") + len(b"/WorkshopSeal (")
    blank = data[:start] + PLACEHOLDER.encode() + data[start + len(PLACEHOLDER):]
    begin = blank.index(b"/WorkshopManifest (") + len(b"/WorkshopManifest (")
    end = blank.index(b")", begin)
    junk = base64.b64encode(b'{"format":"workshop-pdf","signatures":5,"options":[1],'
                            b'"exported_at":"yesterday","session_id":"s-demo-waalzoom"}')
    forged = seal(blank[:begin] + junk + blank[end:])
    report = verify_bytes(forged, session)
    assert report.intact and not report.ok
    assert report_lines(report, "x.pdf", "en")
