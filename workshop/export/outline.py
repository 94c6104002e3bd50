"""Navigation in the PDF: headings that are bookmarks, the reader's title bar, XMP.

The agreement's canvas keeps its pages until the end (to print "page X of Y"), so a
bookmark made while a page is drawn would point at the first page: ``Heading`` names
the page it stands on itself.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfdoc import XMP
from reportlab.platypus import Flowable, Paragraph


class Heading(Paragraph):
    """A heading paragraph that adds itself to the PDF's outline (bookmarks)."""

    def __init__(self, markup: str, style: Any, title: str, key: str, level: int = 0) -> None:
        super().__init__(markup, style)
        self.outline_title = title
        self.outline_key = key
        self.outline_level = level

    def draw(self) -> None:
        super().draw()
        canv: Any = self.canv
        doc = canv._doc
        counter = doc.pageCounter
        doc.pageCounter = canv.getPageNumber()  # the page this heading is on
        try:
            _, y = canv.absolutePosition(0, self.height)
            canv.bookmarkPage(self.outline_key, fit="XYZ", top=round(y + 6, 1))
        finally:
            doc.pageCounter = counter
        canv.addOutlineEntry(self.outline_title, self.outline_key, self.outline_level,
                             closed=False)


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
            f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li>'
            '</rdf:Alt></dc:title>'
            f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{escape(subject)}'
            '</rdf:li></rdf:Alt></dc:description>'
            f'<dc:language><rdf:Bag><rdf:li>{escape(language)}</rdf:li></rdf:Bag>'
            '</dc:language>'
            f'<dc:identifier>sha256:{escape(fingerprint)}</dc:identifier>'
            f'<workshop:fingerprint>{escape(fingerprint)}</workshop:fingerprint>'
            f'<xmp:CreatorTool>{escape(creator)}</xmp:CreatorTool>'
            f'<pdf:Keywords>fingerprint {escape(fingerprint)}</pdf:Keywords>'
            '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
        ).encode("ascii", "xmlcharrefreplace").decode("ascii")  # any script, as XML
    return XMP(creator=make)
