"""Reading a list of participants from a CSV file, as facilitators get them from Excel.

Excel writes what the system around it dictates: a Dutch Excel separates with
semicolons and writes Windows-1252 (or UTF-8 with a BOM for "CSV UTF-8"), an English
one uses commas, "Unicode text" is UTF-16 with tabs. Column names come in Dutch or
English and in any order. A bad line never stops the import: it is reported with its
line number (the physical line in the file where the record starts, as a text editor
counts) and the good lines are kept. No Qt here.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from workshop.domain.model import MAX_NAME, MAX_TEXT, Participant, new_id
from workshop.domain.perspectives import match_perspective
from workshop.i18n import Language, Message

FIELDS: tuple[str, ...] = (
    "name", "organisation", "role", "perspective", "represents", "mandate", "present",
)

# Column names as they appear in the header row, normalised (lower case, no accents,
# no punctuation). Name parts let a registration export (voornaam; achternaam) in.
_HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("naam", "name", "volledige naam", "full name", "deelnemer", "participant",
             "naam deelnemer"),
    "first": ("voornaam", "first name", "firstname", "given name", "roepnaam"),
    "infix": ("tussenvoegsel", "tussenvoegsels", "tussenv"),
    "last": ("achternaam", "last name", "lastname", "surname", "family name"),
    "organisation": ("organisatie", "organisation", "organization", "instelling",
                     "bedrijf", "company"),
    "role": ("rol", "role", "functie", "function", "job title", "title"),
    "perspective": ("perspectief", "perspective", "sector", "domein", "domain"),
    "represents": ("vertegenwoordigt", "represents", "namens", "on behalf of",
                   "vertegenwoordiging", "representing"),
    "mandate": ("mandaat", "mandate"),
    "present": ("aanwezig", "present", "aanwezigheid", "attendance", "attending"),
}
_BY_HEADER = {alias: key for key, aliases in _HEADERS.items() for alias in aliases}

_YES = {"ja", "j", "yes", "y", "x", "1", "true", "waar", "aanwezig", "present", "v", "✓", "✔"}
_NO = {"nee", "n", "no", "0", "false", "onwaar", "afwezig", "absent", "-"}

DELIMITERS = (";", ",", "\t")
_MULTILINE = ("represents", "mandate")
"""Fields that keep a line break typed inside an Excel cell (Alt+Enter)."""
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_HEADER_SEARCH = 10
"""How many non-empty lines may precede the header row (a title above the table)."""


@dataclass(frozen=True)
class CsvParticipant:
    """One good line of the file: a participant to add."""

    line: int
    name: str
    organisation: str = ""
    role: str = ""
    perspective: str = ""
    """A key of ``workshop.domain.perspectives`` when the file names a known one."""
    represents: str = ""
    mandate: str = ""
    present: bool = True

    def participant(self) -> Participant:
        """A new participant with a fresh id."""
        return Participant(id=new_id("p"), name=self.name, organisation=self.organisation,
                           role=self.role, perspective=self.perspective,
                           represents=self.represents, mandate=self.mandate,
                           present=self.present)


@dataclass
class CsvImport:
    """What a file holds: the good lines, and a message per problem (naming its line)."""

    rows: list[CsvParticipant] = field(default_factory=list)
    problems: list[Message] = field(default_factory=list)
    """Each problem as a message id and its fields: the reader says it in its language."""
    problem_lines: list[int] = field(default_factory=list)
    """The line number of each problem, in step with ``problems`` (0: the whole file)."""
    encoding: str = ""
    """"utf-8", "utf-8-sig" (with BOM), "cp1252" or "utf-16"; "" when not text."""
    delimiter: str = ""
    columns: dict[str, str] = field(default_factory=dict)
    """Field (``FIELDS``, or first/infix/last) -> the column name used for it."""
    ignored_columns: list[str] = field(default_factory=list)
    header_line: int = 0

    def problem_texts(self, lang: Language) -> list[str]:
        """The problems in ``lang``."""
        return [problem.text(lang) for problem in self.problems]


def _normalise(header: str) -> str:
    text = unicodedata.normalize("NFKD", header.strip().strip("\ufeff").lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^\w]+", " ", text).strip()
    return text


def _decode(data: bytes) -> tuple[str, str] | Message:
    """(text, encoding), or a message why this is no text file."""
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        return Message("This is an Excel workbook, not a CSV file. In Excel, choose "
                       "File > Save as and the type “CSV (semicolon separated)” or "
                       "“CSV UTF-8”, then import that file.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    elif b"\x00" not in data:
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                text = data.removeprefix(b"\xef\xbb\xbf").decode(encoding)
            except UnicodeDecodeError:
                continue
            if encoding == "utf-8-sig" and not data.startswith(b"\xef\xbb\xbf"):
                encoding = "utf-8"  # the same codec; the name tells the user there was no BOM
            controls = sum(1 for c in text if c < " " and c not in "\t\r\n")
            if controls <= len(text) // 100:
                return text, encoding
            break
    return Message("This file does not hold text, so it is not a CSV file. Choose a file "
                   "saved from Excel as “CSV”.")


def _lines(text: str) -> list[str]:
    """Physical lines with their endings (\\r\\n, \\r or \\n), as an editor numbers them."""
    lines = _LINE.findall(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def _split(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return line.split(delimiter)


def _find_header(lines: list[str]) -> tuple[int, str, list[str]] | None:
    """(index of the header line, delimiter, its cells): the first line naming a name."""
    seen = 0
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > _HEADER_SEARCH:
            break
        candidates = sorted(DELIMITERS, key=lambda d: -line.count(d))
        for delimiter in candidates:
            cells = [_normalise(c) for c in _split(line, delimiter)]
            keys = {_BY_HEADER.get(c) for c in cells}
            if "name" in keys or "first" in keys or "last" in keys:
                return index, delimiter, _split(line, delimiter)
    return None


def _records(lines: list[str], start: int, delimiter: str
             ) -> Iterator[tuple[int, list[str] | Message]]:
    """(line number, cells) per record after ``start``; cells is a message when unreadable.

    A quotation mark that never closes would swallow the rest of the file; instead the
    line where it opens is reported and reading resumes on the next line.
    """
    position = start
    while position < len(lines):
        source = iter(lines[position:])
        reader = csv.reader(source, delimiter=delimiter, strict=True)
        consumed = 0
        try:
            for cells in reader:
                number = position + consumed + 1
                consumed = reader.line_num
                yield number, cells
            return
        except csv.Error as exc:
            number = position + consumed + 1
            message = str(exc)
            spans = reader.line_num > consumed + 1  # the failing record runs on past its line
            if spans or "end of data" in message:
                yield number, Message("Line {line}: a quotation mark (\") opens a field but never "
                                      "closes it", line=number)
            elif "expected after" in message:
                yield number, Message("Line {line}: text follows a closing quotation mark (\"); "
                                      "write a quotation mark inside a field as \"\"", line=number)
            elif "field larger" in message:
                yield number, Message("Line {line}: a field is too long", line=number)
            else:
                yield number, Message("Line {line}: this line cannot be read ({error})",
                                      line=number, error=message)
            position = position + consumed + 1


def _present(value: str, x_style: bool) -> bool | None:
    word = value.strip().lower()
    if not word:
        return not x_style
    if word in _YES:
        return True
    if word in _NO:
        return False
    return None


MAX_PARTICIPANTS = 10_000
"""More rows than this is no participant list (a start meeting has tens; the large
sample 40; a list of 10,000 still reads in well under a second): refused as soon as
the reading passes it, before a preview of hundreds of thousands freezes the window."""


def parse_participants_csv(data: bytes) -> CsvImport:
    """Read participants from the bytes of a CSV file; never raises for bad content."""
    result = CsvImport()
    decoded = _decode(data)
    if isinstance(decoded, Message):
        result.problems.append(decoded)
        result.problem_lines.append(0)
        return result
    text, result.encoding = decoded
    lines = _lines(text)
    if not any(line.strip().strip(";,\t\"") for line in lines):
        result.problems.append(Message("The file is empty."))
        result.problem_lines.append(0)
        return result

    hint = re.fullmatch(r"\s*sep=(.)\s*", lines[0]) if lines else None
    found = _find_header(lines[1:] if hint else lines)
    if found is None:
        result.delimiter = hint.group(1) if hint else ";"
        result.problems.append(Message(
            "No column for the name: the first line must name the columns, "
            "e.g. naam;organisatie;rol;perspectief;vertegenwoordigt;mandaat;aanwezig"))
        result.problem_lines.append(0)
        return result
    header_index, delimiter, header = found
    if hint:
        header_index += 1
        delimiter = hint.group(1)
        header = _split(lines[header_index], delimiter)
    first = header_index + 1
    result.delimiter = delimiter
    result.header_line = first

    columns: dict[str, int] = {}
    for position, heading in enumerate(header):
        key = _BY_HEADER.get(_normalise(heading))
        if key is None:
            if heading.strip():
                result.ignored_columns.append(heading.strip())
        elif key in columns:
            result.problems.append(Message("Line {line}: the column “{column}” appears twice; the "
                                           "first one is used", line=first, column=heading.strip()))
        else:
            columns[key] = position
            result.columns[key] = heading.strip()
    width = len(header)

    records: list[tuple[int, list[str]]] = []
    issues: list[tuple[int, Message]] = []
    for number, cells in _records(lines, first, delimiter):
        if isinstance(cells, Message):
            issues.append((number, cells))
        elif any(c.strip() for c in cells):  # Excel writes ";;;;" for empty rows
            records.append((number, cells))
            if len(records) > MAX_PARTICIPANTS:  # read no further: no list of a meeting
                result.problem_lines = [first] * len(result.problems)
                result.problems.append(Message(
                    "The file holds more than {count} participants: that is no list of the "
                    "people at one meeting. Nothing is imported from it.",
                    count=MAX_PARTICIPANTS))
                result.problem_lines.append(number)
                return result
    x_style = "present" in columns and any(
        len(cells) > columns["present"] and cells[columns["present"]].strip().lower() == "x"
        for _, cells in records
    )

    def cell(cells: list[str], key: str) -> str:
        index = columns.get(key)
        if index is None or index >= len(cells):
            return ""
        value = re.sub(r"\r\n?", "\n", cells[index]).strip()
        if key in _MULTILINE:
            return "\n".join(line.strip() for line in value.split("\n"))
        return " ".join(value.split())  # a line break inside a name cell becomes a space

    for number, cells in records:
        if len(cells) > width and not any(c.strip() for c in cells[width:]):
            cells = cells[:width]  # trailing empty fields: harmless
        if len(cells) != width:
            if len(cells) == 1:
                message = Message("Line {line}: 1 field, the header has {width}",
                                  line=number, width=width)
            else:
                message = Message("Line {line}: {count} fields, the header has {width}",
                                  line=number, count=len(cells), width=width)
            issues.append((number, message))
            continue
        name = cell(cells, "name") or " ".join(
            part for part in (cell(cells, "first"), cell(cells, "infix"), cell(cells, "last"))
            if part)
        if not name:
            issues.append((number, Message("Line {line}: the name is empty", line=number)))
            continue
        present = _present(cell(cells, "present"), x_style)
        if present is None:
            issues.append((number, Message(
                "Line {line}: “{value}” is not a value for present; use ja/nee, yes/no or x",
                line=number, value=cell(cells, "present"))))
            continue
        values = {key: cell(cells, key) for key in FIELDS[1:-1]}
        too_long = [key for key, value in values.items()
                    if len(value) > (MAX_TEXT if key == "mandate" else MAX_NAME)]
        if len(name) > MAX_NAME or too_long:
            issues.append((number, Message("Line {line}: a field is too long", line=number)))
            continue
        # "Ziekenhuis", "hospital", "GGZ": a known perspective is kept as its key.
        values["perspective"] = match_perspective(values["perspective"])
        result.rows.append(CsvParticipant(line=number, name=name, present=present, **values))
    result.problem_lines = [first] * len(result.problems)  # the header's, so far
    for number, message in sorted(issues, key=lambda i: i[0]):
        result.problems.append(message)
        result.problem_lines.append(number)
    if not records and not result.problems:
        result.problems.append(Message("The file names the columns but holds no participants."))
    result.problem_lines += [0] * (len(result.problems) - len(result.problem_lines))
    return result
