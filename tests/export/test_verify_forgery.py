"""A resealed forgery never passes ``workshop verify PDF SESSION``, whatever the manifest
says about the versions that made it.

The forger follows the documented seal procedure (``workshop.export.seal``): edit the
PDF with an ordinary PDF library, put the 64 zeros back, hash, write the digest. The
manifest's generator is set to another version, so that the byte-for-byte rebuild is
impossible and only the word-for-word comparison stands between the forgery and a pass.
"""

from __future__ import annotations

import base64
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject

from workshop.export.seal import MANIFEST_KEY, PLACEHOLDER, SEAL_KEY, check_seal, seal
from workshop.storage.files import load_session

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "sessions" / "demo.workshop"


def workshop(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "workshop", "--lang", "en", *args],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)


def forge(pdf: bytes, old: bytes, new: bytes, generator: dict[str, str] | None) -> bytes:
    """Replace ``old`` by ``new`` in the page content streams, optionally claim another
    generator in the manifest, and reseal as the seal module documents."""
    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter(clone_from=reader)
    replaced = 0
    for page in writer.pages:
        contents = page.get_contents()
        assert contents is not None
        data = contents.get_data()
        if old in data:
            replaced += data.count(old)
            contents.set_data(data.replace(old, new))
            page.replace_contents(contents)
    assert replaced, f"{old!r} is not in any content stream"
    info = writer._info.get_object()  # the document information dictionary
    manifest = json.loads(base64.b64decode(str(info[NameObject("/" + MANIFEST_KEY)])))
    if generator is not None:
        manifest["generator"] = generator
    encoded = base64.b64encode(json.dumps(manifest, sort_keys=True).encode()).decode()
    # pypdf escapes ":", "+", "/" and "=" in strings; write letters of the same length
    # and put the real values in afterwards, so that no offset in the file moves.
    info[NameObject("/" + MANIFEST_KEY)] = TextStringObject("M" * len(encoded))
    info[NameObject("/" + SEAL_KEY)] = TextStringObject("S" * len(PLACEHOLDER))
    out = io.BytesIO()
    writer.write(out)
    written = (out.getvalue()
               .replace(b"(" + b"M" * len(encoded) + b")", b"(" + encoded.encode() + b")")
               .replace(b"(" + b"S" * len(PLACEHOLDER) + b")", b"(" + PLACEHOLDER.encode() + b")"))
    forged = seal(written)
    assert check_seal(forged).intact and check_seal(forged).manifest == manifest
    return forged


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("forgery")
    session = folder / "meeting.workshop"
    session.write_bytes(DEMO.read_bytes())
    result = workshop("export", str(session), "--lang", "en")
    assert result.returncode == 0, result.stderr
    return session, folder / "meeting-agreement.pdf"


OTHER_VERSION = {"workshop": "0.0.1", "reportlab": "3.6.0"}


def test_an_honest_pdf_claiming_another_version_passes_on_its_words(
        exported: tuple[Path, Path], tmp_path: Path) -> None:
    """The comparison must be able to pass: the same PDF, resealed with another
    generator claimed and nothing else changed, has the session's words."""
    session, agreement = exported
    principle = load_session(session).principles[0].text.split()[0].encode()
    same = forge(agreement.read_bytes(), principle, principle, OTHER_VERSION)
    target = tmp_path / "same.pdf"
    target.write_bytes(same)
    result = workshop("verify", str(target), str(session))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "word-for-word text: held" in result.stdout
    assert "Not rebuilt for a byte comparison" in result.stdout


@pytest.mark.parametrize("generator", [OTHER_VERSION, None], ids=["other-version", "same"])
def test_a_word_changed_in_the_content_stream_fails(exported: tuple[Path, Path],
                                                     tmp_path: Path,
                                                     generator: dict[str, str] | None) -> None:
    session, agreement = exported
    text = load_session(session).principles[0].text
    word = max(text.split(), key=len).strip(".,;:").encode()
    forged = forge(agreement.read_bytes(), word, word[::-1], generator)
    target = tmp_path / "forged.pdf"
    target.write_bytes(forged)
    result = workshop("verify", str(target), str(session))
    assert result.returncode == 1, result.stdout
    assert "unchanged since it was exported" in result.stdout  # the seal holds...
    assert "Result: not verified" in result.stdout  # ...and yet it is not verified
    if generator is not None:
        assert "Its words DIFFER" in result.stdout
        assert word[::-1].decode() in result.stdout
        assert "word-for-word text: FAILED" in result.stdout
    else:
        assert "byte-for-byte rebuild: FAILED" in result.stdout


def test_a_participants_name_changed_fails(exported: tuple[Path, Path],
                                           tmp_path: Path) -> None:
    session, agreement = exported
    signer = next(p for p in load_session(session).participants if p.present)
    family = signer.name.split()[-1].encode()
    forged = forge(agreement.read_bytes(), family, b"Mallory", OTHER_VERSION)
    target = tmp_path / "renamed.pdf"
    target.write_bytes(forged)
    result = workshop("verify", str(target), str(session))
    assert result.returncode == 1, result.stdout
    assert "Mallory" in result.stdout and "FAILED" in result.stdout


def test_without_the_session_only_the_seal_is_claimed(exported: tuple[Path, Path]) -> None:
    _, agreement = exported
    result = workshop("verify", str(agreement))
    assert result.returncode == 0, result.stdout
    assert "Checks: seal: held." in result.stdout


def test_a_resealed_pdf_whose_offsets_moved_is_judged_quietly(
        exported: tuple[Path, Path], tmp_path: Path) -> None:
    """A forger who edits the bytes in place and reseals moves every offset after the
    edit: pypdf's complaints about that (an incorrect startxref pointer) are not printed
    on stderr; the findings on stdout say what is wrong."""
    import re

    session, agreement = exported
    data = agreement.read_bytes()
    manifest = check_seal(data).manifest
    assert manifest is not None
    manifest["generator"] = {"workshop": "0.0.1-a-much-longer-version", "reportlab": "3"}
    encoded = base64.b64encode(json.dumps(manifest).encode()).decode()
    edited = re.sub(rb"/WorkshopManifest\s*\([A-Za-z0-9+/=]*\)",
                    b"/WorkshopManifest (" + encoded.encode() + b")", data)
    edited = re.sub(rb"(/WorkshopSeal\s*\(sha256:)[0-9a-f]{64}",
                    lambda m: m.group(1) + b"0" * 64, edited)
    target = tmp_path / "moved.pdf"
    target.write_bytes(seal(edited))
    result = workshop("verify", str(target), str(session))
    assert "Not rebuilt for a byte comparison" in result.stdout
    assert result.stderr == ""
    assert result.stdout.splitlines()[-1].startswith("Checks: seal: held")
