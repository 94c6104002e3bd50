"""Navigation in the PDF: headings that are bookmarks, the reader's title bar, XMP.

The agreement's canvas keeps its pages until the end (to print "page X of Y"), so a
bookmark made while a page is drawn would point at the first page: ``Heading`` names
the page it stands on itself.
"""

from __future__ import annotations

import re
from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfdoc import XMP
from reportlab.platypus import Flowable, Paragraph

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters XML 1.0 cannot hold at all, not even as a reference (C0 controls but tab,
newline and carriage return; lone surrogates; U+FFFE and U+FFFF)."""
_RAW_CONTROL = re.compile("[\x00-\x1f\x7f]")
"""ASCII characters the PDF's own encoding of the XMP stream (PDFDocEncoding) lacks."""


def xml_text(text: str) -> str:
    """``text`` as XML character data in plain ASCII: any script as character
    references, a character XML cannot hold shown as U+FFFD (the page prints it as it
    is; the metadata cannot)."""
    ascii_text = escape(_NOT_XML.sub("\ufffd", text)).encode(
        "ascii", "xmlcharrefreplace").decode("ascii")
    return _RAW_CONTROL.sub(lambda m: f"&#{ord(m.group())};", ascii_text)


class Outlined:
    """Mixed into a paragraph class (before it): the paragraph adds itself to the PDF's
    outline (bookmarks) when drawn."""

    def __init__(self, markup: str, style: Any, title: str, key: str, level: int = 0) -> None:
        super().__init__(markup, style)  # type: ignore[call-arg]  # the paragraph's
        self.outline_title = title
        self.outline_key = key
        self.outline_level = level

    def draw(self) -> None:
        super().draw()  # type: ignore[misc]  # the paragraph's
        bookmark(self, self.outline_title, self.outline_key,  # type: ignore[arg-type]
                 self.outline_level)


class Heading(Outlined, Paragraph):
    """A heading paragraph that adds itself to the PDF's outline (bookmarks)."""


def bookmark(flowable: Flowable, title: str, key: str, level: int = 0) -> None:
    """An outline entry ``title`` at the top of ``flowable``, which is being drawn, on
    the page it stands on; ``key`` names the destination and is unique in the PDF."""
    canv: Any = flowable.canv
    doc = canv._doc
    counter = doc.pageCounter
    doc.pageCounter = canv.getPageNumber()  # the page this heading is on
    try:
        _, y = canv.absolutePosition(0, flowable.height)
        canv.bookmarkPage(key, fit="XYZ", top=round(y + 6, 1))
    finally:
        doc.pageCounter = counter
    canv.addOutlineEntry(title, key, level, closed=False)


def as_headings(story: list[Flowable], style: Any, prefix: str, level: int = 0,
                title: str | None = None) -> list[Flowable]:
    """``story`` with each paragraph in ``style`` turned into an outline heading;
    the first one's text replaced by ``title`` when given."""
    out: list[Flowable] = []
    n = 0
    for f in story:
        if isinstance(f, Paragraph) and not isinstance(f, Heading) and f.style is style:
            n += 1
            if title is not None and n == 1:
                markup, plain = escape(title), title
            else:
                markup, plain = f.text, f.getPlainText()
            out.append(Heading(markup, style, plain, f"{prefix}-{n}", level))
        else:
            out.append(f)
    return out


def xmp_packet(title: str, language: str, fingerprint: str, subject: str,
               creator: str) -> XMP:
    """XMP metadata (Dublin Core title and language, the fingerprint) for the catalogue."""
    def make(_doc: Any) -> str:
        return (
            '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
            '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:pdf="http://ns.adobe.com/pdf/1.3/" '
            'xmlns:xmp="http://ns.adobe.com/xap/1.0/" '
            'xmlns:workshop="https://workshop.invalid/ns/1.0/">'
            f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{xml_text(title)}</rdf:li>'
            '</rdf:Alt></dc:title>'
            f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{xml_text(subject)}'
            '</rdf:li></rdf:Alt></dc:description>'
            f'<dc:language><rdf:Bag><rdf:li>{xml_text(language)}</rdf:li></rdf:Bag>'
            '</dc:language>'
            f'<dc:identifier>sha256:{xml_text(fingerprint)}</dc:identifier>'
            f'<workshop:fingerprint>{xml_text(fingerprint)}</workshop:fingerprint>'
            f'<xmp:CreatorTool>{xml_text(creator)}</xmp:CreatorTool>'
            f'<pdf:Keywords>fingerprint {xml_text(fingerprint)}</pdf:Keywords>'
            '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
        )
    return XMP(creator=make)
