"""The diagnostics appendix: in the agreement only on request, with the right numbers."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from pdfcheck import EXPORTED_AT, page_texts, squash
from pypdf import PdfReader
from samples import demo_session, large_session

from workshop.domain import diagnostics as dg
from workshop.domain.labels import label
from workshop.domain.model import Condition
from workshop.export.agreement import AgreementOptions, export_agreement
from workshop.export.verify import verify_bytes
from workshop.storage.files import save_session


def _text(data: bytes) -> str:
    return squash("\n".join(page_texts(data)))


def test_no_appendix_unless_asked() -> None:
    data = export_agreement(demo_session(), AgreementOptions(language="en"), EXPORTED_AT)
    assert "AppendixE.Diagnostics" not in _text(data)


def test_appendix_has_the_numbers_per_condition() -> None:
    session = demo_session()
    data = export_agreement(session, AgreementOptions(language="en", diagnostics=True),
                            EXPORTED_AT)
    text = _text(data)
    assert "AppendixE.Diagnostics" in text
    assert "Participantswhoanswered:8" in text
    for st in dg.condition_stats(session, "mt-start"):
        row = (label(st.condition, "en") + str(st.summary.count) + f"{st.mean:.1f}"
               + f"{st.spread:.1f}" + f"{st.summary.low}–{st.summary.high}")
        assert squash(row) in text, row
    # Professional organising: 2, 2, 2, 2, 3, 2, 3, 1 -> mean 2.1, sd 0.6, 1-3.
    assert "Professionalorganising82.10.61–3" in text
    assert "Carechain3" in text and "Knowledgenetwork0" in text
    # No names in the appendix: the spread of the table, not who is who.
    appendix = text[text.index("AppendixE.Diagnostics"):]
    assert "GerdaSmit" not in appendix


def test_appendix_in_dutch_uses_decimal_commas() -> None:
    data = export_agreement(demo_session(), AgreementOptions(language="nl", diagnostics=True),
                            EXPORTED_AT)
    text = _text(data)
    assert "BijlageE.Diagnoses" in text
    assert squash(label(Condition.PROFESSIONAL_ORGANISING, "nl")) + "82,10,61–3" in text


def test_two_moments_are_compared() -> None:
    session = large_session()
    data = export_agreement(session, AgreementOptions(language="en", diagnostics=True),
                            EXPORTED_AT)
    text = _text(data)
    assert "Comparisonofthemoments" in text
    change = dg.compare(session, "mt-start", "mt-half")[0]
    assert change.delta is not None
    shown = ("+" if change.delta > 0 else "") + f"{change.delta:.1f}"
    assert squash(label(change.condition, "en") + f"{change.before.mean:.1f}"
                  + f"{change.after.mean:.1f}" + shown) in text
    assert len(PdfReader(io.BytesIO(data)).pages) > 3


def test_appendix_pdf_still_verifies_and_rebuilds() -> None:
    session = demo_session()
    data = export_agreement(session, AgreementOptions(language="en", diagnostics=True))
    report = verify_bytes(data, session)
    assert report.intact and report.sealed
    assert report.rebuild == "same"  # rebuilt with the appendix: same bytes


def test_cli_flag(tmp_path: Path) -> None:
    path = tmp_path / "demo.workshop"
    save_session(demo_session(), path)
    out = tmp_path / "agreement.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "workshop", "export", str(path), "--agreement", str(out),
         "--roadmap", str(tmp_path / "roadmap.pdf"), "--lang", "en", "--with-diagnostics"],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "AppendixE.Diagnostics" in _text(out.read_bytes())
