"""``workshop check`` summarises the chain and the roadmap status; ``workshop verify``
on an older PDF says which version of the chain it is. Real subprocesses, real files."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader
from samples import demo_session
from signed_sessions import signed

from workshop.domain.evaluation import new_evaluation, set_review
from workshop.domain.fingerprint import fingerprint, short_fingerprint
from workshop.domain.model import ReviewStatus
from workshop.storage.files import load_session, save_session


def workshop(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "workshop", "--lang", lang, *args],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})



def test_check_and_verify_follow_the_chain(tmp_path: Path) -> None:
    start_path = tmp_path / "start.workshop"
    start = signed(demo_session())
    save_session(start, start_path)
    old_pdf = tmp_path / "v1.pdf"
    done = workshop("export", str(start_path), "--agreement", str(old_pdf), "--roadmap",
                    str(tmp_path / "v1-roadmap.pdf"))
    assert done.returncode == 0, done.stderr

    second = new_evaluation(start, start_path.name, dt.date(2026, 10, 1))
    actions = second.roadmap.actions
    for action, status in zip(actions, (ReviewStatus.DONE, ReviewStatus.DONE,
                                        ReviewStatus.ON_TRACK, ReviewStatus.LATE,
                                        ReviewStatus.DROPPED), strict=False):
        set_review(second, action.id, status)
    second.principles[0].text += " Ook in de uitvoering."
    second_path = tmp_path / "evaluatie.workshop"
    save_session(signed(second), second_path)

    result = workshop("check", str(second_path))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Version 2 of the agreement; the chain:" in out
    v1 = short_fingerprint(fingerprint(start))
    assert f"version 1  2026-03-12  {v1}  {start_path}: found, unchanged" in out
    assert "version 2  2026-10-01" in out and "this session" in out
    rest = len(actions) - 5
    assert (f"Roadmap status: 2 done, 1 on track, 1 late, 1 dropped, {rest} not reviewed"
            in out)

    # The older PDF, checked against the new session: which version it is.
    result = workshop("verify", str(old_pdf), str(second_path))
    assert result.returncode == 1  # it is not the current text
    assert ("The PDF is version 1 of the agreement (2026-03-12), an earlier version: the "
            "current one is version 2.") in result.stdout
    # The new one's appendix names what changed and the title page the version.
    new_pdf = tmp_path / "v2.pdf"
    assert workshop("export", str(second_path), "--agreement", str(new_pdf), "--roadmap",
                    str(tmp_path / "v2-roadmap.pdf"), "--lang", "en").returncode == 0
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(new_pdf).pages)
    assert f"Version 2 of the agreement. It revises version 1 of 12 March 2026, " \
           f"fingerprint {v1}" in text
    assert "Appendix: changes since version 1 (12 March 2026)" in text
    assert "Ook in de uitvoering." in text
    result = workshop("verify", str(new_pdf), str(second_path))
    assert result.returncode == 0, result.stdout
    assert "The PDF is version 2 of the agreement, the current one." in result.stdout

    # In Dutch too.
    result = workshop("check", str(second_path), lang="nl")
    assert "Versie 2 van de afspraken" in result.stdout

    # A changed earlier version is detected: check fails and says which.
    earlier = load_session(start_path)
    earlier.rules[0].text = "Een regel die niemand tekende."
    save_session(earlier, start_path)
    result = workshop("check", str(second_path))
    assert result.returncode == 1
    assert "CHANGED since this version was made from it" in result.stdout

    # Gone: reported, not an error.
    start_path.unlink()
    result = workshop("check", str(second_path))
    assert result.returncode == 0 and "file not found" in result.stdout
