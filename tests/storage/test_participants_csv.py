"""Participants from CSV files as Excel writes them, bad lines named by their number."""

from __future__ import annotations

import time

import pytest

from workshop.domain.model import MAX_NAME, Participant
from workshop.storage.participants_csv import parse_participants_csv

DUTCH_EXCEL = (
    "Naam;Organisatie;Functie;Perspectief;Vertegenwoordigt;Mandaat;Aanwezig\r\n"
    "Anna de Vries;Waalzoom Ziekenhuis;Lid RvB;Ziekenhuis;Beide locaties;Volledig;ja\r\n"
    "Zoë Brouwer;Gemeente Ommeren;Wethouder;Sociaal domein;Gemeente;Intentie;nee\r\n"
    'René Kuipers;"Stichting Welzijn; Wonen & Zorg";Directeur;Welzijn;'
    '"De vier wijkteams\r\nen de vrijwilligers";"Volledig, binnen begroting";x\r\n'
    "Noël Peeters;Cliëntenraad;Voorzitter;Patiënten/cliënten;;;\r\n"
    ";;;;;;\r\n"
)


def test_dutch_excel_export_in_windows_1252() -> None:
    result = parse_participants_csv(DUTCH_EXCEL.encode("cp1252"))
    assert result.problem_texts("en") == []
    assert result.encoding == "cp1252"
    assert result.delimiter == ";"
    names = [r.name for r in result.rows]
    assert names == ["Anna de Vries", "Zoë Brouwer", "René Kuipers", "Noël Peeters"]
    rene = result.rows[2]
    assert rene.organisation == "Stichting Welzijn; Wonen & Zorg"
    assert rene.represents == "De vier wijkteams\nen de vrijwilligers"
    assert rene.mandate == "Volledig, binnen begroting"
    assert rene.role == "Directeur"  # "Functie" is the Dutch Excel word for role
    assert [r.line for r in result.rows] == [2, 3, 4, 6]  # René's record spans 4-5
    assert [r.present for r in result.rows] == [True, False, True, False]  # x-style column
    # known perspectives are kept as keys, whatever the language or spelling
    assert [r.perspective for r in result.rows] == [
        "hospital", "social_domain", "welfare", "patients_clients"]


@pytest.mark.parametrize(("value", "stored"), [
    ("Ziekenhuis", "hospital"),
    ("hospital", "hospital"),
    ("HOSPITAL", "hospital"),
    ("  ziekenhuis ", "hospital"),
    ("GGZ", "mental_health"),
    ("Mental health care (GGZ)", "mental_health"),
    ("Huisartsenzorg", "gp_care"),
    ("huisarts", "gp_care"),
    ("Publieke gezondheid (GGD)", "public_health"),
    ("ggd", "public_health"),
    ("Zorgkantoor", "care_office"),
    ("Patienten / clienten", "patients_clients"),
    ("Gemeente", "municipality"),
    ("Municipality", "municipality"),
    ("Onderwijs", "education"),
    ("Ziekenhuis Rivierenland en omstreken", "Ziekenhuis Rivierenland en omstreken"),
    ("Farmacie", "Farmacie"),
    ("", ""),
])
def test_perspectives_are_matched_in_dutch_and_english(value: str, stored: str) -> None:
    data = f"Naam;Perspectief\r\nAnna;{value}\r\n".encode()
    result = parse_participants_csv(data)
    assert result.problem_texts("en") == []
    assert result.rows[0].perspective == stored
    assert result.rows[0].participant().perspective == stored


def test_the_same_export_as_utf8_with_bom_and_without() -> None:
    with_bom = parse_participants_csv(b"\xef\xbb\xbf" + DUTCH_EXCEL.encode("utf-8"))
    assert with_bom.encoding == "utf-8-sig" and with_bom.problems == []
    assert with_bom.rows == parse_participants_csv(DUTCH_EXCEL.encode("cp1252")).rows
    without = parse_participants_csv(DUTCH_EXCEL.encode("utf-8"))
    assert without.encoding == "utf-8" and without.rows == with_bom.rows


def test_english_comma_file_with_columns_in_another_order() -> None:
    data = (b"Present,Organisation,Name,Mandate,E-mail\n"
            b"yes,GGD,Mehmet Yilmaz,\"Full, for prevention\",m@example.org\n"
            b"no,Rivierzorg,Els van den Berg,,\n")
    result = parse_participants_csv(data)
    assert result.delimiter == ","
    assert result.problem_texts("en") == []
    assert [(r.name, r.organisation, r.present) for r in result.rows] == [
        ("Mehmet Yilmaz", "GGD", True), ("Els van den Berg", "Rivierzorg", False)]
    assert result.rows[0].mandate == "Full, for prevention"
    assert result.ignored_columns == ["E-mail"]


def test_utf16_tab_separated_unicode_text() -> None:
    data = "naam\torganisatie\nFatima El Amrani\tDe Linde\n".encode("utf-16")
    result = parse_participants_csv(data)
    assert result.encoding == "utf-16" and result.delimiter == "\t"
    assert [r.name for r in result.rows] == ["Fatima El Amrani"]


def test_name_parts_from_a_registration_export() -> None:
    data = b"Voornaam;Tussenvoegsel;Achternaam\nEls;van den;Berg\nHenk;;Mulder\n"
    result = parse_participants_csv(data)
    assert [r.name for r in result.rows] == ["Els van den Berg", "Henk Mulder"]


def test_title_lines_above_the_header_and_excel_sep_hint() -> None:
    data = (b"Deelnemerslijst startbijeenkomst;;\n;;\nnaam;rol;aanwezig\n"
            b"Ruud;Directeur;ja\n")
    result = parse_participants_csv(data)
    assert [(r.name, r.line) for r in result.rows] == [("Ruud", 4)]
    hinted = parse_participants_csv(b"sep=,\nnaam,rol\nRuud,Directeur\n")
    assert hinted.delimiter == "," and [r.role for r in hinted.rows] == ["Directeur"]


def test_bad_lines_are_reported_by_line_number_and_the_good_ones_kept() -> None:
    data = "\r\n".join([
        "naam;organisatie;rol;aanwezig",          # 1
        "Anna;Ziekenhuis;Bestuurder;ja",          # 2
        ";Gemeente;Wethouder;ja",                 # 3: no name
        "Bram;Huisartsen;Voorzitter;misschien",   # 4: present?
        "Cem;GGZ;Directeur;ja;extra",             # 5: a field too many
        "Dina;Thuiszorg",                         # 6: too few
        '"Eva;Welzijn;Manager;ja',                # 7: quote never closed ...
        "Frank;Corporatie;Directeur;nee",         # 8: ... yet this line is read
        'Gijs;"GGD"x;Arts;ja',                    # 9: text after a closing quote
        "Hanna;Gemeente;Ambtenaar;nee",           # 10
        "",
    ]).encode("cp1252")
    result = parse_participants_csv(data)
    assert [r.name for r in result.rows] == ["Anna", "Frank", "Hanna"]
    assert [r.line for r in result.rows] == [2, 8, 10]
    assert result.problem_texts("en") == [
        "Line 3: the name is empty",
        "Line 4: “misschien” is not a value for present; use ja/nee, yes/no or x",
        "Line 5: 5 fields, the header has 4",
        "Line 6: 2 fields, the header has 4",
        'Line 7: a quotation mark (") opens a field but never closes it',
        'Line 9: text follows a closing quotation mark ("); write a quotation mark inside '
        'a field as ""',
    ]


def test_an_unclosed_quote_on_the_last_line() -> None:
    result = parse_participants_csv(b'naam;rol\nAnna;Arts\n"Bram;Arts\n')
    assert [r.name for r in result.rows] == ["Anna"]
    assert result.problem_texts("en") == [
        'Line 3: a quotation mark (") opens a field but never closes it']


def test_messages_in_dutch() -> None:
    """The problems are said in the reader's language, whatever the app speaks."""
    from workshop.i18n import set_language

    set_language("en")
    result = parse_participants_csv(b"naam;rol\n;Arts\nBram\n")
    assert result.problem_texts("nl") == ["Regel 2: de naam is leeg",
                                          "Regel 3: 1 veld, de kopregel heeft 2"]
    assert result.problem_texts("en") == ["Line 2: the name is empty",
                                          "Line 3: 1 field, the header has 2"]


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"\r\n\r\n", b";;;\r\n;;;\r\n"])
def test_an_empty_file(data: bytes) -> None:
    result = parse_participants_csv(data)
    assert result.rows == []
    assert result.problem_texts("en") == ["The file is empty."]


def test_a_header_without_participants() -> None:
    result = parse_participants_csv(b"naam;organisatie\r\n")
    assert result.rows == []
    assert result.problem_texts("en") == ["The file names the columns but holds no participants."]


def test_no_name_column() -> None:
    result = parse_participants_csv(b"foo;bar\n1;2\n")
    assert result.rows == []
    assert len(result.problems) == 1 and "No column for the name" in result.problem_texts("en")[0]


@pytest.mark.parametrize("data", [
    bytes(range(256)) * 40,                              # arbitrary binary
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(300),  # an image
    b"\x7fELF\x02\x01\x01" + b"\x01\x02\x03\x04\x05\x06\x07\x08" * 50,  # no NUL, controls
])
def test_a_binary_file_gets_a_clear_message(data: bytes) -> None:
    result = parse_participants_csv(data)
    assert result.rows == []
    assert result.problem_texts("en") == [
        "This file does not hold text, so it is not a CSV file. Choose "
        "a file saved from Excel as “CSV”."]


def test_an_excel_workbook_is_recognised() -> None:
    result = parse_participants_csv(b"PK\x03\x04\x14\x00\x06\x00" + bytes(100))
    assert result.rows == [] and "Excel workbook" in result.problem_texts("en")[0]


def test_ten_thousand_lines() -> None:
    lines = ["naam;organisatie;rol;perspectief;vertegenwoordigt;mandaat;aanwezig"]
    for i in range(10_000):
        bad = i % 1000 == 999
        name = "" if bad else f"Deelnemer {i} Hoëk"
        lines.append(f'{name};Organisatie {i % 40};Rol;"Sector; {i}";Iedereen;Volledig;ja')
    data = "\r\n".join(lines).encode("cp1252")
    start = time.thread_time()  # CPU: other programs on the machine do not count
    result = parse_participants_csv(data)
    elapsed = time.thread_time() - start
    assert len(result.rows) == 9_990
    assert result.problem_texts("en")[:2] == ["Line 1001: the name is empty",
                                              "Line 2001: the name is empty"]
    assert len(result.problems) == 10
    assert result.rows[-1].line == 10_000
    assert result.problem_texts("en")[-1] == "Line 10001: the name is empty"
    assert result.rows[0].perspective == "Sector; 0"
    assert elapsed < 2.0, elapsed


def test_rows_become_valid_participants_with_fresh_ids() -> None:
    result = parse_participants_csv(DUTCH_EXCEL.encode("cp1252"))
    made = [r.participant() for r in result.rows]
    assert all(isinstance(p, Participant) for p in made)
    assert len({p.id for p in made}) == len(made)
    assert made[1].present is False and made[1].organisation == "Gemeente Ommeren"


def test_hostile_text_survives() -> None:
    data = ("naam;rol\n<b>vet</b> & 👩🏽‍⚕️;\u202eRTL שלום\n" + "x" * MAX_NAME + ";rol\n"
            + "y" * (MAX_NAME + 1) + ";rol\n").encode()
    result = parse_participants_csv(data)
    assert result.problem_texts("en") == ["Line 4: a field is too long"]  # a name is one line
    assert [len(r.name) for r in result.rows] == [len("<b>vet</b> & 👩🏽‍⚕️"), MAX_NAME]


def test_a_giant_field_and_a_doubled_column() -> None:
    data = ("naam;Naam;rol\nAnna;A;Arts\nBram;B;" + "x" * 200_000 + "\nCees;C;Arts\n").encode()
    result = parse_participants_csv(data)
    assert [r.name for r in result.rows] == ["Anna", "Cees"]
    assert result.problem_texts("en") == [
        "Line 1: the column “Naam” appears twice; the first one is used",
        "Line 3: a field is too long"]


def test_every_problem_knows_its_line() -> None:
    result = parse_participants_csv(b"naam;naam\n;x\nBram;y;z\n")
    assert result.problem_lines == [1, 2, 3]
    assert len(result.problems) == 3
    for data in (b"", b"\x00\x01", b"a;b\n"):
        empty = parse_participants_csv(data)
        assert empty.problem_lines == [0] * len(empty.problems) and empty.problems
