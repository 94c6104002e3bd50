"""Sample sessions: a small Dutch demo and a large synthetic session.

``demo_session()`` is the fictitious start meeting behind ``sessions/demo.workshop``
(a test keeps the file and this function in step; the app's "Demo session" opens a
copy of that file, ``workshop.assets.demo_file``). ``large_session()`` is a
deterministic, realistic-sized session for tests and benchmarks. Both live with the
tests: the product ships the demo as a file, not the code that wrote it.

Pure: no I/O, no Qt, no clock, no global randomness. Every id and moment in time is
fixed, so the same call always gives a session that saves to the same bytes.
Region, organisations and people are invented; any resemblance is accidental.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from decimal import Decimal
from typing import Any

from workshop.domain.consent import stamp_unversioned
from workshop.domain.fingerprint import fingerprint
from workshop.domain.model import (
    AGREEMENT_SUBJECT,
    AMBITION_SUBJECT,
    Action,
    ActionStatus,
    AgreementItem,
    Ambition,
    Authority,
    Card,
    ChairKind,
    Clause,
    ClauseKind,
    Cluster,
    CollaborationForm,
    Commitments,
    Condition,
    ConditionScore,
    ConsentRecord,
    Contribution,
    ContributionKind,
    Decision,
    DecisionRule,
    Diagnostics,
    EvaluationKind,
    EvaluationMoment,
    Financing,
    FormChoice,
    Goal,
    InterestItem,
    InterestKind,
    InterestLink,
    Interests,
    LegalDetails,
    LegalForm,
    LinkKind,
    Milestone,
    Moment,
    ObjectionResolution,
    Organisation,
    Organising,
    Owner,
    Participant,
    Period,
    Phase,
    Point,
    QuadrupleAim,
    Representation,
    Roadmap,
    Role,
    RoleKind,
    Session,
    SessionDetails,
    Signature,
    SpectrumMark,
    Stroke,
    Vote,
    YearPlanItem,
    default_axes,
)

__all__ = ["demo_session", "large_session"]


# =====================================================================================
# The demo: "Samen gezond ouder worden in de Waalzoom"
# =====================================================================================

_DEMO_DATE = dt.date(2026, 3, 12)

_PARTICIPANTS: tuple[Participant, ...] = (
    Participant(
        id="p-anna",
        name="Anna de Vries",
        organisation="Waalzoom Ziekenhuis",
        role="Lid raad van bestuur",
        perspective="hospital",
        represents="Waalzoom Ziekenhuis, beide locaties",
        mandate="Mag intenties vastleggen; financiële toezeggingen na besluit van de "
        "voltallige raad van bestuur.",
    ),
    Participant(
        id="p-joost",
        name="Joost Bakker",
        organisation="Huisartsencoöperatie Waalzoom",
        role="Bestuurder",
        perspective="gp_care",
        represents="De 58 aangesloten huisartsen en hun praktijkteams",
        mandate="Volledig mandaat van de ledenraad voor deze intentieverklaring.",
    ),
    Participant(
        id="p-fatima",
        name="Fatima El Amrani",
        organisation="Zorggroep De Linde",
        role="Directeur-bestuurder",
        perspective="elderly_care",
        represents="Zorggroep De Linde; informeert ook de twee andere VVT-aanbieders "
        "in de regio",
        mandate="Eigen organisatie volledig; voor de andere VVT-aanbieders alleen "
        "informerend.",
    ),
    Participant(
        id="p-ruud",
        name="Ruud Verhoeven",
        organisation="GGZ Dijkland",
        role="Directeur behandelzaken",
        perspective="mental_health",
        represents="GGZ Dijkland, ouderenpsychiatrie en wijk-GGZ",
        mandate="Mandaat voor inzet van medewerkers; geld via de raad van bestuur.",
    ),
    Participant(
        id="p-ingrid",
        name="Ingrid Jansen",
        organisation="Gemeente Waalzoom",
        role="Wethouder zorg, welzijn en wonen",
        perspective="municipality",
        represents="Gemeente Waalzoom; stemt af met de wethouders van Betuwedal en "
        "Ommeren",
        mandate="Bestuurlijke intentie; afspraken met budget gaan langs het college.",
    ),
    Participant(
        id="p-mehmet",
        name="Mehmet Yilmaz",
        organisation="GGD Waalzoom-Betuwe",
        role="Directeur publieke gezondheid",
        perspective="public_health",
        represents="GGD Waalzoom-Betuwe, namens de drie deelnemende gemeenten",
        mandate="Volledig voor monitoring en preventieprogramma's.",
    ),
    Participant(
        id="p-els",
        name="Els van den Berg",
        organisation="Zorgverzekeraar Rivierzorg",
        role="Regiomanager zorginkoop en zorgkantoor",
        perspective="health_insurer",
        represents="Rivierzorg als preferente verzekeraar en als zorgkantoor Wlz",
        mandate="Mag meedenken en pilots steunen binnen het lopende inkoopbeleid.",
    ),
    Participant(
        id="p-gerda",
        name="Gerda Smit",
        organisation="Cliëntenraad Zorggroep De Linde",
        role="Voorzitter",
        perspective="patients_clients",
        represents="Bewoners en cliënten thuis van De Linde en hun naasten",
        mandate="Spreekt namens de cliëntenraad; geen financieel mandaat.",
    ),
    Participant(
        id="p-henk",
        name="Henk Mulder",
        organisation="Woonstichting Waalborg",
        role="Directeur wonen",
        perspective="housing",
        represents="Woonstichting Waalborg",
        mandate="Nog niet bepaald; sluit bij de volgende bijeenkomst aan.",
        present=False,
    ),
)

_CLUSTERS: tuple[tuple[str, str], ...] = (
    ("cl-thuis", "Langer en veilig thuis wonen"),
    ("cl-preventie", "Preventie en gezond leven"),
    ("cl-mensen", "Genoeg mensen, met plezier in het werk"),
    ("cl-informatie", "Informatie delen en samen plannen"),
    ("cl-netwerk", "Eenzaamheid en mantelzorg"),
)

# (id, text, author or None for "the table", cluster)
_CARDS: tuple[tuple[str, str, str | None, str | None], ...] = (
    ("k-01", "Over vijf jaar wonen er 30% meer 80-plussers in onze dorpen; dat redden "
     "we niet elk apart.", "p-anna", "cl-thuis"),
    ("k-02", "Ouderen komen te vaak via de SEH binnen omdat thuis niets geregeld is.",
     "p-anna", "cl-thuis"),
    ("k-03", "Eén aanspreekpunt per wijk voor kwetsbare ouderen.", "p-joost", "cl-thuis"),
    ("k-04", "Geschikte woningen dicht bij voorzieningen, zodat verhuizen een keuze "
     "wordt in plaats van een crisis.", None, "cl-thuis"),
    ("k-05", "Valpreventie structureel aanbieden in alle kernen.", "p-mehmet",
     "cl-preventie"),
    ("k-06", "Bewegen en ontmoeten in de buurt is goedkoper dan een opname.", "p-ingrid",
     "cl-preventie"),
    ("k-07", "Signalen van somberheid bij ouderen eerder oppakken.", "p-ruud",
     "cl-preventie"),
    ("k-08", "We sturen op gezondheid, niet alleen op productie.", None, "cl-preventie"),
    ("k-09", "De wachtlijst voor de wijkverpleging groeit omdat we geen mensen vinden.",
     "p-fatima", "cl-mensen"),
    ("k-10", "Minder dubbele registratie, meer tijd voor de cliënt.", "p-fatima",
     "cl-mensen"),
    ("k-11", "Taakherschikking tussen huisarts, praktijkondersteuner en wijkverpleging.",
     "p-joost", "cl-mensen"),
    ("k-12", "Professionals moeten elkaar kennen, niet alleen elkaars telefoonnummer.",
     None, "cl-mensen"),
    ("k-13", "Eén zorgplan dat iedereen kan inzien, met toestemming van de oudere.",
     "p-gerda", "cl-informatie"),
    ("k-14", "Een gezamenlijk regiobeeld: cijfers van GGD, gemeente en verzekeraar naast "
     "elkaar.", "p-mehmet", "cl-informatie"),
    ("k-15", "Contracten die samenwerking belonen in plaats van volume.", "p-els",
     "cl-informatie"),
    ("k-16", "Mantelzorgers raken uitgeput en haken af; dan stort alles in.", "p-gerda",
     "cl-netwerk"),
    ("k-17", "Eenzaamheid is een gezondheidsprobleem, geen bijzaak.", "p-ingrid",
     "cl-netwerk"),
    ("k-18", "Respijtzorg die je binnen een week kunt regelen.", None, "cl-netwerk"),
    ("k-19", "Vrijwilligers en buurtteams als vaste partner aan tafel.", "p-ruud",
     "cl-netwerk"),
    ("k-20", "Durven stoppen met wat niet werkt.", None, None),
)

# (participant, card, dots): every present participant spends at most 3 dots.
_VOTES: tuple[tuple[str, str, int], ...] = (
    ("p-anna", "k-02", 2),
    ("p-anna", "k-13", 1),
    ("p-joost", "k-03", 2),
    ("p-joost", "k-11", 1),
    ("p-fatima", "k-09", 2),
    ("p-fatima", "k-03", 1),
    ("p-ruud", "k-07", 1),
    ("p-ruud", "k-17", 1),
    ("p-ruud", "k-03", 1),
    ("p-ingrid", "k-06", 1),
    ("p-ingrid", "k-04", 2),
    ("p-mehmet", "k-14", 2),
    ("p-mehmet", "k-05", 1),
    ("p-els", "k-15", 2),
    ("p-els", "k-02", 1),
    ("p-gerda", "k-16", 2),
    ("p-gerda", "k-13", 1),
)

_STATEMENT = (
    "In 2031 kunnen ouderen in de Waalzoom gezond en veilig thuis blijven wonen, zolang "
    "zij dat willen. Zij en hun naasten hebben één aanspreekpunt in hun wijk; "
    "professionals uit zorg, welzijn en wonen werken als één team, delen wat nodig is "
    "en houden het werk samen vol."
)

_GOALS: tuple[Goal, ...] = (
    Goal(id="g-gezondheid", aim=QuadrupleAim.POPULATION_HEALTH,
         text="Het aantal valincidenten bij 75-plussers daalt met een kwart."),
    Goal(id="g-ervaring", aim=QuadrupleAim.EXPERIENCE_OF_CARE,
         text="Ouderen en mantelzorgers weten bij wie ze terechtkunnen en hoeven hun "
         "verhaal maar één keer te vertellen."),
    Goal(id="g-kosten", aim=QuadrupleAim.COSTS,
         text="Minder onnodige SEH-bezoeken en crisisopnames van thuiswonende ouderen."),
    Goal(id="g-werkplezier", aim=QuadrupleAim.PROFESSIONAL_SATISFACTION,
         text="Minder administratieve last in de wijk, zodat het verloop onder "
         "wijkverpleegkundigen daalt."),
)

# (id, participant, kind, text, private)
_I, _O, _C = InterestKind.INDIVIDUAL, InterestKind.ORGANISATIONAL, InterestKind.COLLECTIVE
_INTERESTS: tuple[tuple[str, str, InterestKind, str, bool], ...] = (
    ("b-anna-i", "p-anna", _I, "Wil laten zien dat het ziekenhuis de regie durft te "
     "delen.", False),
    ("b-anna-o", "p-anna", _O, "Minder verkeerde-beddagen en een SEH die niet "
     "dichtslibt.", False),
    ("b-anna-c", "p-anna", _C, "Ziekenhuiszorg alleen waar die echt nodig is.", False),
    ("b-joost-i", "p-joost", _I, "De huisartsen niet nog meer taken opleggen zonder "
     "ondersteuning; anders verliest hij zijn achterban.", True),
    ("b-joost-o", "p-joost", _O, "Werkdruk in de praktijken beheersbaar houden.", False),
    ("b-joost-c", "p-joost", _C, "Goede eerstelijnszorg dicht bij huis in alle "
     "kernen.", False),
    ("b-fatima-i", "p-fatima", _I, "Nieuw in de regio en wil snel vertrouwen "
     "opbouwen.", False),
    ("b-fatima-o", "p-fatima", _O, "Personeel behouden en de wachtlijst "
     "wijkverpleging terugdringen.", False),
    ("b-fatima-c", "p-fatima", _C, "Ouderen langer thuis, met zorg die bij hen "
     "past.", False),
    ("b-ruud-i", "p-ruud", _I, "Wil dat de GGZ niet pas aan het eind van de keten "
     "wordt gebeld.", False),
    ("b-ruud-o", "p-ruud", _O, "Ouderenpsychiatrie overeind houden ondanks krimpende "
     "budgetten.", False),
    ("b-ruud-c", "p-ruud", _C, "Psychische kwetsbaarheid bij ouderen eerder zien.",
     False),
    ("b-ingrid-i", "p-ingrid", _I, "Voor de verkiezingen een zichtbaar resultaat in de "
     "wijken.", True),
    ("b-ingrid-o", "p-ingrid", _O, "De Wmo-uitgaven binnen de begroting houden.", False),
    ("b-ingrid-c", "p-ingrid", _C, "Inwoners doen mee en vereenzamen niet.", False),
    ("b-mehmet-i", "p-mehmet", _I, "Overtuigd dat preventie pas werkt als je het "
     "samen meet.", False),
    ("b-mehmet-o", "p-mehmet", _O, "De GGD-monitor als gedeelde bron gebruikt zien.",
     False),
    ("b-mehmet-c", "p-mehmet", _C, "Gezondheidsverschillen tussen de kernen "
     "verkleinen.", False),
    ("b-els-i", "p-els", _I, "Wil een regio waar inkoopafspraken echt iets "
     "veranderen.", False),
    ("b-els-o", "p-els", _O, "Betaalbaarheid van de zorg en geen dubbele "
     "financiering.", False),
    ("b-els-c", "p-els", _C, "Zorg die over vijf jaar nog voor iedereen "
     "toegankelijk is.", False),
    ("b-gerda-i", "p-gerda", _I, "Zelf mantelzorger geweest; weet hoe eenzaam dat "
     "kan zijn.", False),
    ("b-gerda-o", "p-gerda", _O, "Dat de cliëntenraad vanaf het begin meepraat, niet "
     "achteraf.", False),
    ("b-gerda-c", "p-gerda", _C, "Het perspectief van ouderen en naasten leidend "
     "maken.", False),
)

_LINKS: tuple[InterestLink, ...] = (
    InterestLink(id="l-thuis", a_id="b-anna-c", b_id="b-fatima-c", kind=LinkKind.OVERLAP,
                 note="Ziekenhuis en VVT willen allebei zorg zo dicht mogelijk bij huis."),
    InterestLink(id="l-werkdruk", a_id="b-joost-o", b_id="b-anna-o", kind=LinkKind.TENSION,
                 note="Sneller ontslag uit het ziekenhuis legt meer werk bij de "
                 "huisartsen."),
)

_PRINCIPLES: tuple[AgreementItem, ...] = (
    AgreementItem(id="pr-ambitie",
                  text="De gezamenlijke ambitie en het belang van de inwoners gaan voor "
                  "het belang van de eigen organisatie.",
                  source="Berenschot 2024"),
    AgreementItem(id="pr-open",
                  text="We zijn open over onze eigen rol, onze belangen en over hoe in "
                  "onze organisatie besluiten worden genomen.",
                  source="Berenschot 2024; Kaats & Opheij 2012"),
    AgreementItem(id="pr-oog",
                  text="We houden rekening met elkaars positie en zoeken samen een "
                  "oplossing als een afspraak voor één partij nadelig uitpakt.",
                  source="Berenschot 2024"),
    AgreementItem(id="pr-aanwezig",
                  text="Bestuurders komen zelf; vervanging is uitzondering en de "
                  "vervanger heeft hetzelfde mandaat.",
                  source="Berenschot 2024"),
    AgreementItem(id="pr-vertaling",
                  text="Wat we hier afspreken, nemen we op in het jaarplan van onze "
                  "eigen organisatie.",
                  source="Zorgbestuurders 2020; Bisnez/Corparis"),
)

_RULES: tuple[AgreementItem, ...] = (
    AgreementItem(id="sr-verrassingen",
                  text="Geen verrassingen: we informeren elkaar vooraf, zodra dat mag, "
                  "over besluiten en aanvragen die de anderen raken.",
                  source="Berenschot 2024"),
    AgreementItem(id="sr-informatie",
                  text="Iedereen aan tafel krijgt dezelfde stukken op hetzelfde moment.",
                  source="Berenschot 2024"),
    AgreementItem(id="sr-aanspreken",
                  text="We spreken elkaar direct en in de vergadering aan als afspraken "
                  "niet worden nagekomen, en niet via de achterban.",
                  source="Berenschot 2024"),
    AgreementItem(id="sr-leren",
                  text="Fouten maken mag; we bespreken wat misging om ervan te leren, "
                  "niet om een schuldige te vinden.",
                  source="Berenschot 2024; RegioKracht 2023"),
    AgreementItem(id="sr-vertrouwelijk",
                  text="Wat aan tafel over belangen en twijfels wordt gedeeld, blijft "
                  "aan tafel.",
                  source="Kaats & Opheij 2012"),
)

_PRESENT_IDS: tuple[str, ...] = tuple(p.id for p in _PARTICIPANTS if p.present)


def _demo_consents() -> list[ConsentRecord]:
    records: list[ConsentRecord] = []
    # The ambition and the first two principles: everyone present consents.
    for subject in (AMBITION_SUBJECT, "pr-ambitie", "pr-open"):
        records += [
            ConsentRecord(subject_id=subject, participant_id=pid, decision=Decision.CONSENT)
            for pid in _PRESENT_IDS
        ]
    # A concern that does not block.
    for pid in _PRESENT_IDS:
        if pid == "p-els":
            records.append(ConsentRecord(
                subject_id="pr-oog", participant_id=pid, decision=Decision.CONCERN,
                note="Samen een oplossing zoeken mag niet betekenen dat de verzekeraar "
                "elk tekort opvangt."))
        else:
            records.append(ConsentRecord(
                subject_id="pr-oog", participant_id=pid, decision=Decision.CONSENT))
    # An objection, resolved by amending the rule.
    for pid in _PRESENT_IDS:
        if pid == "p-ingrid":
            records.append(ConsentRecord(
                subject_id="sr-verrassingen", participant_id=pid,
                decision=Decision.OBJECTION,
                note="Collegebesluiten zijn tot publicatie vertrouwelijk; 'vooraf' is "
                "aangevuld met 'zodra dat mag'.",
                resolution=ObjectionResolution.AMENDED))
        else:
            records.append(ConsentRecord(
                subject_id="sr-verrassingen", participant_id=pid,
                decision=Decision.CONSENT))
    # A round still under way.
    records += [
        ConsentRecord(subject_id="sr-informatie", participant_id=pid,
                      decision=Decision.CONSENT)
        for pid in ("p-anna", "p-joost", "p-fatima")
    ]
    return records


_ORGANISING = Organising(
    decision_rule=DecisionRule.CONSENT,
    decision_rule_note="Een besluit is genomen als niemand een overwegend bezwaar heeft; "
    "lukt dat na twee rondes niet, dan beslist elke sector met één stem.",
    chair=ChairKind.INDEPENDENT,
    chair_note="Een onafhankelijk voorzitter voor twee jaar, ondersteund door een "
    "programmamanager (0,6 fte).",
    cadence="Bestuurlijke tafel zes keer per jaar; de werkgroepen maandelijks.",
    annual_calendar="Maart: regiobeeld en jaarplan. Juni: voortgang routekaart. "
    "September: input voor de begrotingen van gemeenten en organisaties. December: "
    "evaluatie en inkoopafspraken voor het volgende jaar.",
    representation=Representation.REPRESENTATIVES_PER_SECTOR,
    representation_note="Eén bestuurder per sector aan tafel; de woningcorporatie "
    "en de cliëntenraad hebben een vaste plaats.",
    financing=[Financing.OWN_MEANS, Financing.IN_KIND, Financing.REGIONAL_FUNDS],
    financing_note="Programmaondersteuning naar rato betaald door de partners; "
    "werkgroepleden in natura; voor de pilots wordt een aanvraag gedaan bij de "
    "regionale transformatiemiddelen.",
    evaluation=EvaluationKind.BOTH,
    evaluation_note="Twee keer per jaar een procesevaluatie met de vijf voorwaarden "
    "van Kaats & Opheij; jaarlijks de vier doelen met cijfers uit de GGD-monitor.",
)


def _d(month: int, day: int, year: int = 2026) -> dt.date:
    return dt.date(year, month, day)


def _p(ref: str) -> Owner:
    return Owner(kind="participant", ref=ref)


def _org(ref: str) -> Owner:
    return Owner(kind="organisation", ref=ref)


_ACTIONS: tuple[Action, ...] = (
    Action(id="a-regiobeeld", title="Gezamenlijk regiobeeld ouderen opstellen",
           description="Cijfers van GGD-monitor, Wmo en declaraties naast elkaar per "
           "kern.", owner=_p("p-mehmet"), start=_d(4, 1), due=_d(6, 30),
           phase=Phase.ANALYSIS, status=ActionStatus.IN_PROGRESS, goal_id="g-gezondheid"),
    Action(id="a-seh-analyse", title="Analyse SEH-bezoeken van thuiswonende 75-plussers",
           description="Welke bezoeken waren met betere zorg thuis te voorkomen?",
           owner=_org("Waalzoom Ziekenhuis"), start=_d(4, 1), due=_d(7, 15),
           phase=Phase.ANALYSIS, status=ActionStatus.PLANNED, goal_id="g-kosten"),
    Action(id="a-aanspreekpunt", title="Businesscase één aanspreekpunt per wijk",
           description="Kosten, baten en bemensing van een wijkcoördinator ouderen.",
           owner=_p("p-fatima"), start=_d(6, 1), due=_d(10, 1),
           phase=Phase.BUSINESS_CASE, status=ActionStatus.PLANNED,
           goal_id="g-ervaring"),
    Action(id="a-contract", title="Verkenning meerjarig contract voor samenwerking",
           description="Kan de inkoop wijkzorg en huisartsenzorg samen worden "
           "afgesproken?", owner=_org("Zorgverzekeraar Rivierzorg"), start=_d(5, 1),
           due=_d(11, 30), phase=Phase.BUSINESS_CASE, status=ActionStatus.PLANNED),
    Action(id="a-pilot-valpreventie", title="Pilot valpreventie in Ommeren",
           description="Beweeggroepen en woningcheck via huisarts en wijkteam.",
           owner=_org("GGD Waalzoom-Betuwe"), start=_d(9, 1), due=_d(12, 31, 2026),
           phase=Phase.PILOT, status=ActionStatus.PLANNED, goal_id="g-gezondheid"),
    Action(id="a-pilot-zorgplan", title="Pilot gedeeld zorgplan in twee huisartspraktijken",
           owner=_p("p-joost"), start=_d(9, 1), due=_d(3, 1, 2027), phase=Phase.PILOT,
           status=ActionStatus.PLANNED, goal_id="g-werkplezier"),
    Action(id="a-respijt", title="Snelle respijtzorg voor mantelzorgers",
           description="Eén loket dat binnen een week een logeerplek regelt.",
           owner=_p("p-ingrid"), start=_d(5, 15), due=_d(12, 1), phase=Phase.PILOT,
           status=ActionStatus.ON_HOLD, goal_id="g-ervaring"),
    Action(id="a-clientenpanel", title="Ouderenpanel opzetten met de cliëntenraad",
           owner=_p("p-gerda"), start=_d(4, 15), due=_d(6, 1),
           phase=Phase.ANALYSIS, status=ActionStatus.DONE),
    Action(id="a-evaluatie-pilots", title="Evaluatie van de pilots",
           description="Met de procesevaluatie en de doelen uit het regiobeeld.",
           owner=_org("GGZ Dijkland"), start=_d(3, 1, 2027), due=_d(5, 1, 2027),
           phase=Phase.EVALUATION, status=ActionStatus.PLANNED),
    Action(id="a-jaarplannen", title="Afspraken opnemen in de jaarplannen 2027",
           description="Elke partner laat zien waar de routekaart in het eigen jaarplan "
           "staat.", owner=None, start=_d(9, 1), due=_d(12, 15),
           phase=Phase.IMPLEMENTATION, status=ActionStatus.PLANNED),
)

_MILESTONES: tuple[Milestone, ...] = (
    Milestone(id="m-regiobeeld", title="Regiobeeld ouderen vastgesteld", date=_d(7, 1),
              note="Besluit in de bestuurlijke tafel van juli."),
    Milestone(id="m-start-pilots", title="Start van de pilots", date=_d(9, 1)),
    Milestone(id="m-jaarplannen", title="Routekaart staat in alle jaarplannen 2027",
              date=_d(12, 31)),
)

_EVALUATIONS: tuple[EvaluationMoment, ...] = (
    EvaluationMoment(id="e-najaar", title="Procesevaluatie najaar 2026", date=_d(10, 15),
                     note="Scan vijf voorwaarden herhalen en vergelijken met vandaag."),
    EvaluationMoment(id="e-voorjaar", title="Evaluatie doelen en pilots", date=_d(4, 15, 2027),
                     note="Cijfers regiobeeld naast de nulmeting."),
)

# Five conditions scores, one row per present participant, in Condition order.
_SCORES: dict[str, tuple[int, int, int, int, int]] = {
    "p-anna": (4, 3, 4, 2, 3),
    "p-joost": (3, 2, 4, 2, 3),
    "p-fatima": (4, 3, 3, 2, 4),
    "p-ruud": (3, 2, 3, 2, 3),
    "p-ingrid": (4, 4, 4, 3, 4),
    "p-mehmet": (5, 3, 4, 2, 4),
    "p-els": (3, 2, 3, 3, 3),
    "p-gerda": (4, 2, 4, 1, 3),
}

# Spectrum marks on the eight built-in axes, in BUILTIN_AXES order.
_MARKS: dict[str, tuple[int, int, int, int, int, int, int, int]] = {
    "p-anna": (30, 40, 70, 40, 60, 35, 50, 60),
    "p-joost": (20, 25, 60, 20, 55, 20, 30, 40),
    "p-fatima": (45, 60, 80, 50, 75, 50, 55, 65),
    "p-ruud": (40, 50, 75, 30, 70, 40, 45, 50),
    "p-ingrid": (70, 75, 90, 45, 85, 70, 60, 70),
    "p-mehmet": (60, 80, 85, 35, 65, 85, 50, 55),
    "p-els": (35, 55, 60, 60, 50, 75, 85, 60),
    "p-gerda": (50, 45, 80, 25, 95, 40, 40, 35),
}

_FORMS: dict[str, tuple[CollaborationForm, ...]] = {
    "p-anna": (CollaborationForm.CARE_CHAIN,),
    "p-joost": (CollaborationForm.CARE_CHAIN, CollaborationForm.NEIGHBOURHOOD_NETWORK),
    "p-fatima": (CollaborationForm.TARGET_GROUP_NETWORK,),
    "p-ruud": (CollaborationForm.TARGET_GROUP_NETWORK, CollaborationForm.CARE_CHAIN),
    "p-ingrid": (CollaborationForm.NEIGHBOURHOOD_NETWORK,),
    "p-mehmet": (CollaborationForm.POPULATION_NETWORK,),
    "p-els": (CollaborationForm.POPULATION_NETWORK, CollaborationForm.ISSUE_NETWORK),
    "p-gerda": (CollaborationForm.NEIGHBOURHOOD_NETWORK,),
}


def _demo_diagnostics() -> Diagnostics:
    moment = Moment(id="mt-start", key="start_meeting",
                    taken_at=dt.datetime(2026, 3, 12, 14, 10))
    axes = default_axes()
    scores = [
        ConditionScore(moment_id=moment.id, participant_id=pid, condition=cond, score=value)
        for pid, values in _SCORES.items()
        for cond, value in zip(Condition, values, strict=True)
    ]
    spectrum = [
        SpectrumMark(moment_id=moment.id, participant_id=pid, axis_id=axis.id, value=value)
        for pid, values in _MARKS.items()
        for axis, value in zip(axes, values, strict=True)
    ]
    forms = [
        FormChoice(moment_id=moment.id, participant_id=pid, forms=list(chosen))
        for pid, chosen in _FORMS.items()
    ]
    return Diagnostics(moments=[moment], scores=scores, axes=axes, marks=spectrum,
                       forms=forms)

# --- commitments: who brings what, roles, year plans, closing clauses -----------------

_ZKH, _HA, _VVT, _GGZ = ("Waalzoom Ziekenhuis", "Huisartsencoöperatie Waalzoom",
                         "Zorggroep De Linde", "GGZ Dijkland")
_GEM, _GGD, _ZV = "Gemeente Waalzoom", "GGD Waalzoom-Betuwe", "Zorgverzekeraar Rivierzorg"
_CR, _WON = "Cliëntenraad Zorggroep De Linde", "Woonstichting Waalborg"
_PEOPLE, _MONEY, _KIND = (ContributionKind.PEOPLE, ContributionKind.MONEY,
                          ContributionKind.IN_KIND)

# (id, organisation, kind, amount, period, description)
_CONTRIBUTIONS: tuple[tuple[str, str, ContributionKind, int | None, Period, str], ...] = (
    ("c-zkh-geld", _ZKH, _MONEY, 25_000, Period.YEAR,
     "Aandeel in de programmaondersteuning (naar rato)"),
    ("c-zkh-transfer", _ZKH, _PEOPLE, 16, Period.MONTH,
     "Transferverpleegkundige voor de analyse van SEH-bezoeken"),
    ("c-zkh-zaal", _ZKH, _KIND, 1_500, Period.YEAR,
     "Vergaderzaal en catering voor de bestuurlijke tafel"),
    ("c-ha-kader", _HA, _PEOPLE, 24, Period.MONTH,
     "Kaderhuisarts ouderengeneeskunde (ongeveer 0,15 fte)"),
    ("c-ha-instap", _HA, _MONEY, 5_000, Period.ONE_OFF, "Instapbijdrage"),
    ("c-vvt-wijk", _VVT, _PEOPLE, 32, Period.MONTH,
     "Wijkverpleegkundige voor de businesscase één aanspreekpunt"),
    ("c-vvt-geld", _VVT, _MONEY, 15_000, Period.YEAR,
     "Aandeel in de programmaondersteuning (naar rato)"),
    ("c-ggz-consult", _GGZ, _PEOPLE, 60, Period.QUARTER,
     "Ouderenpsychiater en sociaal psychiatrisch verpleegkundige voor consultatie in "
     "de wijk"),
    ("c-ggz-geld", _GGZ, _MONEY, 10_000, Period.YEAR,
     "Aandeel in de programmaondersteuning (naar rato)"),
    ("c-gem-geld", _GEM, _MONEY, 40_000, Period.YEAR,
     "Aandeel in de programmaondersteuning (naar rato)"),
    ("c-gem-respijt", _GEM, _MONEY, 20_000, Period.ONE_OFF, "Startbudget snelle respijtzorg"),
    ("c-gem-buurthuis", _GEM, _KIND, None, Period.YEAR,
     "Ruimte in de buurthuizen voor beweeggroepen en ontmoeting"),
    ("c-ggd-epi", _GGD, _PEOPLE, 40, Period.MONTH, "Epidemioloog voor het regiobeeld"),
    ("c-ggd-data", _GGD, _KIND, 8_000, Period.ONE_OFF,
     "Gegevens uit de GGD-monitor, bewerkt per kern"),
    ("c-zv-geld", _ZV, _MONEY, 30_000, Period.YEAR,
     "Aandeel in de programmaondersteuning (naar rato)"),
    ("c-zv-pilots", _ZV, _MONEY, 50_000, Period.ONE_OFF,
     "Pilotbudget valpreventie en gedeeld zorgplan"),
)

_ROLES: tuple[Role, ...] = (
    Role(id="r-voorzitter", kind=RoleKind.CHAIR, holder=_p("p-ingrid"),
         term="Waarnemend voorzitter tot de onafhankelijk voorzitter begint (uiterlijk "
         "september 2026); die wordt benoemd voor twee jaar."),
    Role(id="r-pf-thuis", kind=RoleKind.PORTFOLIO_HOLDER, holder=_p("p-fatima"),
         theme="Langer en veilig thuis wonen", term="Twee jaar"),
    Role(id="r-pf-preventie", kind=RoleKind.PORTFOLIO_HOLDER, holder=_p("p-mehmet"),
         theme="Preventie en gezond leven", term="Twee jaar"),
    Role(id="r-pf-mensen", kind=RoleKind.PORTFOLIO_HOLDER, holder=_p("p-anna"),
         theme="Genoeg mensen, met plezier in het werk", term="Twee jaar"),
    Role(id="r-pf-informatie", kind=RoleKind.PORTFOLIO_HOLDER, holder=_p("p-joost"),
         theme="Informatie delen en samen plannen", term="Twee jaar"),
    Role(id="r-pf-netwerk", kind=RoleKind.PORTFOLIO_HOLDER, holder=_p("p-ruud"),
         theme="Eenzaamheid en mantelzorg", term="Twee jaar"),
    Role(id="r-programmabureau", kind=RoleKind.PROGRAMME_OFFICE, holder=_org(_GGD),
         term="Programmamanager (0,6 fte) en ondersteuning, ondergebracht bij de GGD "
         "voor de looptijd van deze afspraken."),
    Role(id="r-secretaris", kind=RoleKind.SECRETARY, holder=_org(_GGD),
         term="Agenda, stukken en besluitenlijst van de bestuurlijke tafel."),
    Role(id="r-gemeenten", kind=RoleKind.REPRESENTATIVE, holder=_p("p-ingrid"),
         represents=[_GEM],
         mandate="Spreekt aan tafel namens de drie gemeenten Waalzoom, Betuwedal en "
         "Ommeren; afspraken met budget gaan langs de drie colleges."),
    Role(id="r-clienten", kind=RoleKind.REPRESENTATIVE, holder=_p("p-gerda"),
         represents=[_CR],
         mandate="Spreekt namens cliënten en naasten van De Linde; stemt vooraf af met de "
         "andere cliëntenraden in de regio."),
)

# (id, organisation, text, due)
_YEAR_PLANS: tuple[tuple[str, str, str, dt.date | None], ...] = (
    ("j-zkh", _ZKH, "Transfer ouderen en analyse SEH-bezoeken opnemen in het jaarplan "
     "2027 van de zorgeenheid acute zorg.", _d(11, 1)),
    ("j-zkh-2", _ZKH, "Budget voor het aandeel programmaondersteuning vastleggen in de "
     "begroting 2027.", _d(12, 1)),
    ("j-ha", _HA, "Gedeeld zorgplan en taakherschikking in het beleidsplan van de "
     "coöperatie; voorleggen aan de ledenraad.", _d(10, 15)),
    ("j-vvt", _VVT, "Wijkcoördinator ouderen en de inzet van de wijkverpleging opnemen "
     "in het jaarplan en de formatie 2027.", _d(11, 15)),
    ("j-ggz", _GGZ, "Consultatie ouderenpsychiatrie in de wijk opnemen in het "
     "productieplan 2027.", _d(12, 1)),
    ("j-gem", _GEM, "Routekaart en respijtzorg in de kadernota en de Wmo-begroting "
     "2027 van de gemeente.", _d(9, 30)),
    ("j-ggd", _GGD, "Regiobeeld ouderen als vast product in het werkplan 2027 van de "
     "GGD.", _d(10, 1)),
    ("j-zv", _ZV, "Meerjarige inkoopafspraak voor de samenwerking in het inkoopbeleid "
     "2027.", _d(11, 30)),
)

# (id, kind, template key, text)
_CLAUSES: tuple[tuple[str, ClauseKind, str, str], ...] = (
    ("cl-aard", ClauseKind.NATURE, "clause.nature-effort",
     "Deze afspraken zijn een inspanningsverplichting: de partijen zetten zich naar "
     "vermogen in om de gezamenlijke ambitie te bereiken. De afspraken zijn niet in "
     "rechte afdwingbaar."),
    ("cl-looptijd", ClauseKind.DURATION, "clause.duration-fixed",
     "Deze afspraken gelden voor twee jaar na de inwerkingtreding. Uiterlijk december "
     "2027 evalueren de partijen de samenwerking en besluiten zij samen over "
     "voortzetting."),
    ("cl-ingang", ClauseKind.ENTRY_INTO_FORCE, "clause.entry-mandate",
     "Deze afspraken gaan in zodra alle partijen ze hebben ondertekend. Een partij die "
     "een besluit van haar bestuur, college of raad nodig heeft, tekent onder voorbehoud "
     "en bevestigt haar handtekening binnen zes weken."),
    ("cl-toetreden", ClauseKind.JOINING, "clause.joining",
     "Een nieuwe partij kan toetreden als zij de ambitie, de leidende principes en de "
     "spelregels onderschrijft en de partijen daarmee instemmen. De toetreding wordt "
     "vastgelegd in een ondertekende aanvulling op deze afspraken."),
    ("cl-uittreden", ClauseKind.LEAVING, "clause.leaving-effort",
     "Een partij kan uittreden door dit schriftelijk en met redenen aan de andere "
     "partijen te melden, met een opzegtermijn van drie maanden. Zij maakt lopende "
     "acties af of draagt ze over en overlegt met de andere partijen hoe haar bijdragen "
     "worden overgenomen."),
    ("cl-kosten", ClauseKind.COSTS, "clause.costs-ratio",
     "Gezamenlijke kosten, zoals programmaondersteuning en materiële kosten, worden "
     "verdeeld volgens het overzicht van bijdragen. Uitgaven boven het afgesproken "
     "budget doen de partijen alleen na instemming van allen."),
    ("cl-bescheiden", ClauseKind.CONFIDENTIALITY, "clause.communication-modesty",
     "Over de samenwerking communiceren de partijen pas breed als er resultaten zijn, "
     "en dan samen en in afgestemde woorden. Geen partij presenteert gezamenlijke "
     "resultaten als de hare."),
    ("cl-aanspreken", ClauseKind.ACCOUNTABILITY, "clause.accountability",
     "Komt een partij een afspraak niet na, dan spreken de voorzitter of de andere "
     "partijen haar daar direct en in het overleg op aan. Komen zij er samen niet uit, "
     "dan vragen zij een onafhankelijke bemiddelaar om te helpen."),
    ("cl-wijzigen", ClauseKind.AMENDMENTS, "clause.amendments",
     "Deze afspraken kunnen alleen worden gewijzigd met instemming van alle partijen. "
     "Een wijziging wordt schriftelijk vastgelegd en door alle partijen ondertekend."),
    ("cl-geschillen", ClauseKind.DISPUTES, "clause.disputes",
     "Ontstaat tussen partijen een geschil over deze afspraken, dan overleggen eerst de "
     "betrokken bestuurders. Komen zij er binnen zes weken niet uit, dan schakelen zij "
     "samen een mediator in. Pas daarna staat de weg naar de rechter open."),
    ("cl-recht", ClauseKind.GOVERNING_LAW, "clause.governing-law",
     "Op deze afspraken is Nederlands recht van toepassing."),
    ("cl-aansprakelijk", ClauseKind.LIABILITY, "clause.liability",
     "Elke partij draagt haar eigen risico's en is niet aansprakelijk voor schade die een "
     "andere partij lijdt door de uitvoering van deze afspraken, behalve bij opzet of "
     "grove schuld."),
    ("cl-privacy", ClauseKind.PRIVACY, "clause.privacy",
     "Onder deze afspraken delen partijen geen persoonsgegevens. Is dat voor een actie "
     "wel nodig, dan leggen de betrokken partijen vooraf vast op welke grondslag en hoe "
     "zij dat doen, in overeenstemming met de AVG."),
    ("cl-mededinging", ClauseKind.COMPETITION, "clause.competition",
     "Partijen werken samen binnen de kaders van de Mededingingswet en de richtsnoeren "
     "van de Autoriteit Consument & Markt voor samenwerking in de zorg. Zij maken geen "
     "afspraken over prijzen, tarieven of de verdeling van cliënten of markten, en delen "
     "geen concurrentiegevoelige informatie."),
    ("cl-woo", ClauseKind.PUBLIC_ACCESS, "clause.public-access",
     "Partijen weten dat documenten van de deelnemende bestuursorganen onder de Wet open "
     "overheid (Woo) openbaar kunnen worden. Een bestuursorgaan dat een verzoek krijgt, "
     "laat de betrokken partijen vooraf weten welke stukken het openbaar maakt."),
    ("cl-gegevens", ClauseKind.OTHER, "",
     "Voor de pilot met het gedeelde zorgplan sluiten de betrokken partijen vooraf een "
     "afspraak over het delen van gegevens, met toestemming van de oudere."),
)


# (organisation, legal name, form, seat, KvK, function, authority, money mandate)
_LEGAL: tuple[tuple[str, str, LegalForm, str, str, str, Authority, int | None], ...] = (
    (_ZKH, "Stichting Waalzoom Ziekenhuis", LegalForm.FOUNDATION, "Waalzoom", "41234567",
     "lid raad van bestuur", Authority.SUBJECT_TO_DECISION, None),
    (_HA, "Huisartsencoöperatie Waalzoom U.A.", LegalForm.COOPERATIVE, "Waalzoom",
     "52345678", "bestuurder", Authority.STATUTES, None),
    (_VVT, "Stichting Zorggroep De Linde", LegalForm.FOUNDATION, "Betuwedal", "41098765",
     "directeur-bestuurder", Authority.STATUTES, None),
    (_GGZ, "Stichting GGZ Dijkland", LegalForm.FOUNDATION, "Waalzoom", "41155566",
     "directeur behandelzaken", Authority.MANDATE, 10_000),
    (_GEM, "Gemeente Waalzoom", LegalForm.MUNICIPALITY, "Waalzoom", "50123456",
     "wethouder zorg, welzijn en wonen", Authority.SUBJECT_TO_DECISION, None),
    (_GGD, "Gemeenschappelijke Regeling GGD Waalzoom-Betuwe", LegalForm.PUBLIC_BODY,
     "Waalzoom", "61234560", "directeur publieke gezondheid", Authority.MANDATE, 0),
    (_ZV, "Rivierzorg Zorgverzekeraar N.V.", LegalForm.PUBLIC_COMPANY, "Rivierstad",
     "30123459", "regiomanager zorginkoop", Authority.MANDATE, 80_000),
)


def _demo_legal() -> LegalDetails:
    organisations = [
        Organisation(name=name, legal_name=legal, legal_form=form, seat=seat, kvk=kvk,
                     function=function, authority=authority,
                     money_mandate=None if money is None else Decimal(money))
        for name, legal, form, seat, kvk, function, authority, money in _LEGAL
    ]
    organisations += [
        Organisation(name=_CR, party=False,
                     involvement="Adviseert namens cliënten en naasten van De Linde en "
                     "levert leden voor het ouderenpanel; is geen rechtspersoon en tekent "
                     "niet als partij."),
        Organisation(name=_WON, legal_name="Stichting Woonstichting Waalborg",
                     legal_form=LegalForm.FOUNDATION, seat="Ommeren", kvk="41187654",
                     function="directeur wonen", authority=Authority.SUBJECT_TO_DECISION,
                     involvement="Was afwezig; sluit bij de volgende bijeenkomst aan en "
                     "kan dan toetreden."),
    ]
    return LegalDetails(organisations=organisations, place="Ommeren")


def _demo_commitments() -> Commitments:
    return Commitments(
        contributions=[
            Contribution(id=cid, organisation=org, kind=kind, amount=amount, period=period,
                         description=text)
            for cid, org, kind, amount, period, text in _CONTRIBUTIONS
        ],
        roles=list(_ROLES),
        year_plans=[YearPlanItem(id=yid, organisation=org, text=text, due=due)
                    for yid, org, text, due in _YEAR_PLANS],
        clauses=[Clause(id=cid, kind=kind, text=text, template_key=key)
                 for cid, kind, key, text in _CLAUSES],
    )



def demo_session() -> Session:
    """The fictitious start meeting of ``sessions/demo.workshop`` (no signatures yet)."""
    session = Session(
        id="s-demo-waalzoom",
        details=SessionDetails(
            name="Samen gezond ouder worden in de Waalzoom",
            region="Regio Waalzoom (fictief): Waalzoom, Betuwedal en Ommeren",
            date=_DEMO_DATE,
            venue="Dorpshuis De Wielewaal, Ommeren",
            facilitator="Marieke Hoogendoorn (procesbegeleider)",
            language="nl",
            forms=[CollaborationForm.POPULATION_NETWORK,
                   CollaborationForm.NEIGHBOURHOOD_NETWORK],
        ),
        participants=list(_PARTICIPANTS),
        ambition=Ambition(
            clusters=[Cluster(id=cid, name=name) for cid, name in _CLUSTERS],
            cards=[
                Card(id=cid, text=text, author_id=author, cluster_id=cluster)
                for cid, text, author, cluster in _CARDS
            ],
            votes=[Vote(participant_id=pid, card_id=card, dots=dots)
                   for pid, card, dots in _VOTES],
            vote_budget=3,
            statement=_STATEMENT,
            goals=list(_GOALS),
        ),
        interests=Interests(
            items=[
                InterestItem(id=iid, participant_id=pid, kind=kind, text=text,
                             private=private)
                for iid, pid, kind, text, private in _INTERESTS
            ],
            links=list(_LINKS),
        ),
        principles=list(_PRINCIPLES),
        rules=list(_RULES),
        consents=_demo_consents(),
        organising=_ORGANISING,
        roadmap=Roadmap(actions=list(_ACTIONS), milestones=list(_MILESTONES),
                        evaluations=list(_EVALUATIONS)),
        commitments=_demo_commitments(),
        legal=_demo_legal(),
        diagnostics=_demo_diagnostics(),
    )
    # The module-level parts are shared; hand out an independent copy.
    session = session.model_copy(deep=True)
    stamp_unversioned(session)  # the decisions were given to these very words
    return session


# =====================================================================================
# The large session: realistic size, synthetic content
# =====================================================================================

_FIRST_NAMES = (
    "Anouk", "Bas", "Carla", "Daan", "Eva", "Frank", "Gijs", "Hanneke", "Ilse", "Jeroen",
    "Karin", "Lars", "Marloes", "Niels", "Oksana", "Pieter", "Quinten", "Rianne",
    "Sander", "Tamara", "Umut", "Vera", "Wouter", "Yasmina", "Zoë", "Bram", "Lotte",
    "Sanne", "Thijs", "Nadia", "Koen", "Maaike", "Youssef", "Hilde", "Ruben", "Esther",
    "Martijn", "Sevda", "Willem", "Femke",
)
_LAST_NAMES = (
    "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Visser",
    "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
    "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf",
    "van der Meer", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "Yıldız",
    "Schouten", "Kuipers", "Verbeek", "Prins", "Ouali", "Post", "Huisman", "Kramer",
    "Bouwman", "Tahiri",
)
# (organisation, perspective, roles)
_ORGANISATIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Ziekenhuis Hoogeveld", "Ziekenhuis", ("Voorzitter raad van bestuur",
                                            "Manager zorgketens")),
    ("Ziekenhuis De Terp", "Ziekenhuis", ("Lid raad van bestuur", "Medisch manager")),
    ("Huisartsencoöperatie Noorderkwartier", "Huisartsenzorg", ("Bestuurder",
                                                                "Kaderhuisarts ouderen")),
    ("Huisartsenkring Lindeoever", "Huisartsenzorg", ("Voorzitter", "Praktijkmanager")),
    ("Zorggroep Veenhof", "Ouderenzorg (VVT)", ("Directeur-bestuurder",
                                                "Manager wijkverpleging")),
    ("Stichting Thuiszorg Heideland", "Ouderenzorg (VVT)", ("Bestuurder",
                                                            "Regiomanager")),
    ("Woonzorgcentrum De Akker", "Ouderenzorg (VVT)", ("Directeur", "Teamleider")),
    ("GGZ Oosterlicht", "Geestelijke gezondheidszorg", ("Directeur behandelzaken",
                                                        "Manager wijk-GGZ")),
    ("Gemeente Hoogeveld", "Gemeente / sociaal domein", ("Wethouder zorg",
                                                         "Beleidsadviseur Wmo")),
    ("Gemeente Noorderkwartier", "Gemeente / sociaal domein", ("Wethouder welzijn",
                                                               "Strateeg sociaal domein")),
    ("Gemeente Lindeoever", "Gemeente / sociaal domein", ("Wethouder",
                                                          "Teamleider sociaal team")),
    ("GGD Hoogeveld-Noord", "Publieke gezondheid (GGD)", ("Directeur publieke gezondheid",
                                                          "Epidemioloog")),
    ("Zorgverzekeraar Polderzorg", "Zorgverzekeraar", ("Regiomanager zorginkoop",
                                                       "Zorginkoper wijkverpleging")),
    ("Zorgkantoor Noord-Veen", "Zorgkantoor", ("Manager zorgkantoor", "Adviseur Wlz")),
    ("Woonstichting Thuisbasis", "Woningcorporatie", ("Directeur wonen",
                                                      "Manager vastgoed")),
    ("Welzijn Heideland", "Welzijn", ("Directeur", "Coördinator mantelzorg")),
    ("Apotheekcoöperatie Veenhof", "Farmacie", ("Bestuurder", "Openbaar apotheker")),
    ("Cliëntenraad Zorggroep Veenhof", "Cliënten en naasten", ("Voorzitter", "Lid")),
    ("Mantelzorgnetwerk Noorderkwartier", "Cliënten en naasten", ("Coördinator",
                                                                  "Vrijwilliger")),
    ("ROC Hoogeveld, opleiding zorg", "Onderwijs", ("Directeur zorg en welzijn",
                                                    "Opleidingsmanager")),
)
_THEMES = (
    "Langer thuis wonen", "Valpreventie", "Eenzaamheid", "Mantelzorgondersteuning",
    "Dementie", "Acute zorg voor ouderen", "Arbeidsmarkt", "Werkplezier",
    "Digitale zorg", "Gegevensuitwisseling", "Gezonde leefstijl", "Jeugd en gezin",
    "Psychische gezondheid", "Wonen met zorg", "Palliatieve zorg", "Schulden en stress",
    "Toegang tot zorg", "Gezondheidsverschillen", "Medicatieveiligheid",
    "Samenwerking in de wijk", "Passende zorg", "Opleiden in de regio",
    "Inkoop en contractering", "Burgerkracht", "Monitoring en data",
)
_CARD_OPENINGS = (
    "Over vijf jaar", "Als we niets doen,", "Vandaag al", "Samen kunnen we", "Wat moet anders:",
    "Waarom we elkaar nodig hebben:", "In elke kern", "Voor de inwoner", "Zonder elkaar",
)
_CARD_CORES = (
    "is {t} een gedeelde opgave van zorg, welzijn en gemeente",
    "loopt {t} vast op schotten tussen de financiers",
    "vraagt {t} om één aanspreekpunt in de wijk",
    "lukt {t} alleen met genoeg mensen die het werk volhouden",
    "moet {t} over de grenzen van organisaties heen worden geregeld",
    "hebben professionals voor {t} dezelfde informatie nodig",
    "kan {t} eerder en dichter bij huis",
    "willen inwoners bij {t} zelf de regie houden",
)
_CARD_ENDINGS = (
    ".", ", dat redt niemand alleen.", ", en dat kan goedkoper.", ", met de cliënt erbij.",
    ", ook in de kleine kernen.", ", zonder extra bureaucratie.",
)
_INTEREST_TEXTS: dict[InterestKind, tuple[str, ...]] = {
    InterestKind.INDIVIDUAL: (
        "Wil zichtbaar resultaat boeken in deze bestuursperiode.",
        "Is persoonlijk overtuigd van werken vanuit de wijk.",
        "Maakt zich zorgen over de eigen werkdruk.",
        "Wil als verbinder in de regio gezien worden.",
        "Heeft slechte ervaringen met eerdere regionale overleggen.",
        "Wil de eigen achterban niet voor het hoofd stoten.",
    ),
    InterestKind.ORGANISATIONAL: (
        "Continuïteit van de eigen dienstverlening.",
        "Een sluitende begroting in de komende jaren.",
        "Personeel behouden en nieuwe mensen aantrekken.",
        "Een duidelijke positie in de regionale zorgketen.",
        "Minder administratieve lasten voor de professionals.",
        "Geen dubbele financiering en heldere verantwoording.",
    ),
    InterestKind.COLLECTIVE: (
        "Toegankelijke zorg voor alle inwoners van de regio.",
        "Kleinere gezondheidsverschillen tussen de wijken.",
        "Inwoners die langer gezond en zelfstandig blijven.",
        "Een regio waar professionals graag willen werken.",
        "Betaalbare zorg, ook over tien jaar.",
        "Sterke sociale netwerken in de buurt.",
    ),
}
_PRINCIPLE_BASES: tuple[tuple[str, str], ...] = (
    ("De gezamenlijke ambitie en het publieke belang gaan voor het eigen belang",
     "Berenschot 2024"),
    ("We zijn open over onze rol en over hoe wij intern besluiten", "Berenschot 2024"),
    ("We houden rekening met de gevolgen van een afspraak voor elke partij",
     "Berenschot 2024"),
    ("We zijn zelf aanwezig en beperken vervanging", "Berenschot 2024"),
    ("Wat we afspreken, vertalen we naar onze eigen jaarplannen",
     "Zorgbestuurders 2020"),
    ("Het perspectief van de inwoner is het vertrekpunt", "Zorgbestuurders 2020"),
    ("We geven de samenwerking tijd en geduld", "RegioKracht 2023"),
    ("Inhoud gaat voor vorm", "Berenschot 2024"),
    ("We doen recht aan ieders belangen", "Kaats & Opheij 2012"),
    ("We werken in fasen en toetsen voordat we opschalen", "Bisnez/Corparis"),
)
_PRINCIPLE_SCOPES = (
    "bij elk besluit aan de bestuurlijke tafel", "in de werkgroepen",
    "ook als het ons eigen budget raakt",
)
_RULE_BASES: tuple[tuple[str, str], ...] = (
    ("We informeren elkaar vooraf: geen verrassingen", "Berenschot 2024"),
    ("Iedereen heeft dezelfde informatie op hetzelfde moment", "Berenschot 2024"),
    ("We spreken elkaar direct aan als afspraken niet worden nagekomen",
     "Berenschot 2024"),
    ("Fouten maken mag; we leren er samen van", "Berenschot 2024"),
    ("Wat aan tafel wordt gedeeld, blijft aan tafel", "Kaats & Opheij 2012"),
    ("We investeren in de relatie, ook buiten de vergadering", "RegioKracht 2023"),
    ("We houden ons aan de tijd en bereiden ons voor", "Bisnez/Corparis"),
    ("We zeggen het als we het ergens niet mee eens zijn", "Kaats & Opheij 2012"),
    ("We stemmen inhoud en relatie steeds opnieuw af", "RegioKracht 2023"),
    ("We nemen geen besluiten over partijen die niet aan tafel zitten",
     "Zorgbestuurders 2020"),
)
_RULE_SCOPES = ("in het overleg", "richting onze achterban")
_ACTION_VERBS = (
    "Inventariseren", "Uitwerken", "Beproeven", "Evalueren", "Invoeren", "Afstemmen",
    "Opschalen", "Verkennen",
)
_ACTION_OBJECTS = (
    "wijkgericht aanspreekpunt", "gedeeld zorgplan", "valpreventieprogramma",
    "respijtvoorziening", "regionale capaciteitsplanning", "gezamenlijke scholing",
    "datadeling huisarts en wijkverpleging", "inkoopafspraak wijkzorg",
    "ouderenpanel", "leefstijlprogramma", "transferpunt ziekenhuis",
    "mantelzorgondersteuning", "woonzorgvisie", "crisisbedden GGZ",
)


def _stroke(rng: random.Random, x0: float, width: float, baseline: float) -> Stroke:
    """One pen stroke: a smooth wandering curve with a pressure swell."""
    n = rng.randint(30, 120)
    loops = rng.uniform(0.75, 2.5)
    amp_x = rng.uniform(4.0, 22.0)
    amp_y = rng.uniform(15.0, 70.0)
    phase = rng.uniform(0.0, 2 * math.pi)
    slant = rng.uniform(-0.35, 0.1)
    drift = rng.uniform(-20.0, 20.0)
    wobble = rng.uniform(0.0, 0.35)
    p_base = rng.uniform(0.35, 0.6)
    points: list[Point] = []
    for k in range(n):
        t = k / (n - 1)
        angle = 2 * math.pi * loops * t + phase
        dy = amp_y * math.sin(angle) + drift * t
        dx = width * t + amp_x * math.cos(angle) + slant * dy
        dy += wobble * amp_y * 0.3 * math.sin(3.1 * angle + 0.7)
        x = min(1000.0, max(0.0, x0 + dx))
        y = min(400.0, max(0.0, baseline - dy))
        pressure = p_base + 0.45 * math.sin(math.pi * t) ** 0.6 - 0.08 * math.cos(angle)
        points.append((round(x, 1), round(y, 1), round(min(1.0, max(0.05, pressure)), 3)))
    return Stroke(points=points)


def _signature_strokes(rng: random.Random) -> list[Stroke]:
    count = rng.randint(3, 8)
    left = rng.uniform(60.0, 220.0)
    span = rng.uniform(450.0, 700.0)
    step = span / count
    baseline = rng.uniform(180.0, 240.0)
    strokes = []
    for i in range(count):
        x0 = left + i * step + rng.uniform(-10.0, 10.0)
        strokes.append(_stroke(rng, x0, step * rng.uniform(0.6, 1.1),
                               baseline + rng.uniform(-12.0, 12.0)))
    return strokes


def large_session(seed: int = 0) -> Session:
    """A big, valid session with signatures: the same for the same seed.

    40 participants, 1,000 cards in 25 clusters, 360 interests, 30 principles,
    20 rules, 250 actions, two diagnostic moments and 40 signatures that match the
    session's fingerprint.
    """
    rng = random.Random(seed)
    day0 = dt.date(2026, 1, 19)
    signed0 = dt.datetime(2026, 1, 19, 16, 30)

    participants: list[Participant] = []
    for i in range(40):
        org, perspective, roles = _ORGANISATIONS[i % len(_ORGANISATIONS)]
        role = roles[i // len(_ORGANISATIONS)]
        name = f"{_FIRST_NAMES[i]} {_LAST_NAMES[(i * 7 + seed) % len(_LAST_NAMES)]}"
        participants.append(Participant(
            id=f"p-{i:03d}", name=name, organisation=org, role=role,
            perspective=perspective, represents=org,
            mandate=rng.choice(("Volledig mandaat.", "Mandaat binnen de begroting.",
                                "Informerend; besluit via het eigen bestuur.")),
        ))
    pids = [p.id for p in participants]
    organisations = [org for org, _, _ in _ORGANISATIONS]

    clusters = [Cluster(id=f"cl-{i:02d}", name=theme) for i, theme in enumerate(_THEMES)]
    cards: list[Card] = []
    for i in range(1000):
        cluster = rng.randrange(len(_THEMES)) if rng.random() < 0.95 else None
        theme = _THEMES[cluster if cluster is not None else rng.randrange(len(_THEMES))]
        text = (f"{rng.choice(_CARD_OPENINGS)} "
                f"{rng.choice(_CARD_CORES).format(t=theme.lower())}"
                f"{rng.choice(_CARD_ENDINGS)}")
        cards.append(Card(
            id=f"k-{i:04d}", text=text,
            author_id=rng.choice(pids) if rng.random() < 0.85 else None,
            cluster_id=clusters[cluster].id if cluster is not None else None,
        ))
    votes: list[Vote] = []
    for pid in pids:
        chosen = rng.sample(range(len(cards)), 3)
        split = rng.choice(((1, 1, 1), (2, 1), (3,), (1, 1), (2,)))
        for card_index, dots in zip(chosen, split, strict=False):
            votes.append(Vote(participant_id=pid, card_id=cards[card_index].id, dots=dots))
    goals = [
        Goal(id=f"g-{i}", aim=aim, text=f"{theme}: meetbare verbetering in 2028.")
        for i, (aim, theme) in enumerate(zip(
            (QuadrupleAim.POPULATION_HEALTH, QuadrupleAim.EXPERIENCE_OF_CARE,
             QuadrupleAim.COSTS, QuadrupleAim.PROFESSIONAL_SATISFACTION,
             QuadrupleAim.EQUITY, QuadrupleAim.POPULATION_HEALTH,
             QuadrupleAim.EXPERIENCE_OF_CARE, QuadrupleAim.COSTS),
            _THEMES, strict=False))
    ]

    items: list[InterestItem] = []
    for pid in pids:
        for kind in InterestKind:
            for j, text in enumerate(rng.sample(_INTEREST_TEXTS[kind], 3)):
                items.append(InterestItem(
                    id=f"b-{pid[2:]}-{kind.value[0]}{j}", participant_id=pid, kind=kind,
                    text=text, private=rng.random() < 0.08,
                ))
    links: list[InterestLink] = []
    while len(links) < 60:
        a, b = rng.sample(items, 2)
        if a.participant_id == b.participant_id:
            continue
        link_kind = LinkKind.OVERLAP if rng.random() < 0.6 else LinkKind.TENSION
        links.append(InterestLink(id=f"l-{len(links):03d}", a_id=a.id, b_id=b.id,
                                  kind=link_kind,
                                  note="Besproken aan tafel." if rng.random() < 0.5 else ""))

    principles = [
        AgreementItem(id=f"pr-{i:02d}",
                      text=f"{base}, {_PRINCIPLE_SCOPES[i // len(_PRINCIPLE_BASES)]}.",
                      source=source)
        for i, (base, source) in enumerate(_PRINCIPLE_BASES * len(_PRINCIPLE_SCOPES))
    ]
    rules = [
        AgreementItem(id=f"sr-{i:02d}",
                      text=f"{base}, {_RULE_SCOPES[i // len(_RULE_BASES)]}.", source=source)
        for i, (base, source) in enumerate(_RULE_BASES * len(_RULE_SCOPES))
    ]
    consents: list[ConsentRecord] = []
    subjects = [AMBITION_SUBJECT] + [i.id for i in principles + rules] + [AGREEMENT_SUBJECT]
    for subject in subjects:
        for pid in pids:
            roll = rng.random()
            if subject == AGREEMENT_SUBJECT or roll < 0.9:
                consents.append(ConsentRecord(subject_id=subject, participant_id=pid,
                                              decision=Decision.CONSENT))
            elif roll < 0.97:
                consents.append(ConsentRecord(subject_id=subject, participant_id=pid,
                                              decision=Decision.CONCERN,
                                              note="Zorg over de uitvoerbaarheid."))
            else:
                consents.append(ConsentRecord(
                    subject_id=subject, participant_id=pid, decision=Decision.OBJECTION,
                    note="Tekst aangepast na bespreking.",
                    resolution=rng.choice((ObjectionResolution.AMENDED,
                                           ObjectionResolution.WITHDRAWN)),
                ))

    actions: list[Action] = []
    for i in range(250):
        roll = rng.random()
        owner: Owner | None
        if roll < 0.55:
            owner = Owner(kind="participant", ref=rng.choice(pids))
        elif roll < 0.9:
            owner = Owner(kind="organisation", ref=rng.choice(organisations))
        else:
            owner = None
        start = day0 + dt.timedelta(days=rng.randrange(0, 540))
        actions.append(Action(
            id=f"a-{i:03d}",
            title=f"{rng.choice(_ACTION_VERBS)} {rng.choice(_ACTION_OBJECTS)} "
                  f"({rng.choice(_THEMES).lower()})",
            description="Uitwerking volgens de afspraken van de startbijeenkomst."
            if rng.random() < 0.6 else "",
            owner=owner, start=start, due=start + dt.timedelta(days=rng.randrange(14, 240)),
            phase=rng.choice(list(Phase)), status=rng.choice(list(ActionStatus)),
            goal_id=rng.choice(goals).id if rng.random() < 0.5 else None,
        ))
    milestones = [
        Milestone(id=f"m-{i:02d}", title=f"Mijlpaal {i + 1}: {_THEMES[i]}",
                  date=day0 + dt.timedelta(days=60 * (i + 1)))
        for i in range(12)
    ]
    evaluations = [
        EvaluationMoment(id=f"e-{i}", title=f"Procesevaluatie {i + 1}",
                         date=day0 + dt.timedelta(days=182 * (i + 1)),
                         note="Scan vijf voorwaarden herhalen.")
        for i in range(6)
    ]

    axes = default_axes()
    moments = [
        Moment(id="mt-start", label="Start", taken_at=dt.datetime(2026, 1, 19, 14, 0)),
        Moment(id="mt-half", label="Na een half jaar",
               taken_at=dt.datetime(2026, 7, 20, 10, 30)),
    ]
    scores: list[ConditionScore] = []
    marks: list[SpectrumMark] = []
    forms: list[FormChoice] = []
    all_forms = list(CollaborationForm)
    for moment in moments:
        for pid in pids:
            scores += [
                ConditionScore(moment_id=moment.id, participant_id=pid, condition=cond,
                               score=rng.randint(1, 5))
                for cond in Condition
            ]
            marks += [
                SpectrumMark(moment_id=moment.id, participant_id=pid, axis_id=axis.id,
                             value=rng.randint(0, 100))
                for axis in axes
            ]
            forms.append(FormChoice(moment_id=moment.id, participant_id=pid,
                                    forms=rng.sample(all_forms, rng.randint(1, 2))))

    fields: dict[str, Any] = {
        "id": f"s-large-{seed}",
        "details": SessionDetails(
            name="Regionale samenwerking Hoogeveld-Noord (testsessie)",
            region="Hoogeveld-Noord (fictief)", date=day0,
            venue="Congreszaal Hoogeveld", facilitator="Procesbegeleider test",
            forms=[CollaborationForm.POPULATION_NETWORK],
        ),
        "participants": participants,
        "ambition": Ambition(
            cards=cards, clusters=clusters, votes=votes, vote_budget=3,
            statement="Samen zorgen we dat inwoners van Hoogeveld-Noord gezond en "
            "zelfstandig kunnen leven, met passende zorg dichtbij.",
            goals=goals,
        ),
        "interests": Interests(items=items, links=links),
        "principles": principles,
        "rules": rules,
        "consents": consents,
        "organising": Organising(
            decision_rule=DecisionRule.MAJORITY_PER_PERSPECTIVE,
            decision_rule_note="Eén stem per sector.", chair=ChairKind.ROTATING,
            cadence="Maandelijks.", annual_calendar="Q1 jaarplan, Q3 begroting.",
            representation=Representation.WHOLE_SYSTEM,
            financing=[Financing.ENTRY_FEE, Financing.IN_KIND],
            evaluation=EvaluationKind.PROCESS,
        ),
        "roadmap": Roadmap(actions=actions, milestones=milestones, evaluations=evaluations),
        "diagnostics": Diagnostics(moments=moments, scores=scores, axes=axes, marks=marks,
                                   forms=forms),
    }
    fields["commitments"] = _large_commitments(random.Random(seed + 1), participants,
                                               organisations, [c.name for c in clusters])
    fields["legal"] = _large_legal(random.Random(seed + 2), organisations)
    unsigned = Session(**fields)
    stamp_unversioned(unsigned)
    fields["consents"] = unsigned.consents
    signed_text = fingerprint(unsigned)
    signatures = [
        Signature(id=f"sig-{pid[2:]}", participant_id=pid,
                  signed_at=signed0 + dt.timedelta(minutes=i // 4, seconds=15 * (i % 4)),
                  strokes=_signature_strokes(rng), fingerprint=signed_text)
        for i, pid in enumerate(pids)
    ]
    return Session(**fields, signatures=signatures)


_LARGE_CLAUSES: tuple[tuple[ClauseKind, str], ...] = (
    (ClauseKind.NATURE, "Deze afspraken zijn een inspanningsverplichting en niet in rechte "
     "afdwingbaar."),
    (ClauseKind.DURATION, "Deze afspraken gelden voor drie jaar en worden elk jaar in "
     "december geëvalueerd."),
    (ClauseKind.ENTRY_INTO_FORCE, "Deze afspraken gaan in op de dag van ondertekening."),
    (ClauseKind.JOINING, "Nieuwe partijen treden toe met instemming van alle partijen."),
    (ClauseKind.LEAVING, "Uittreden kan met een opzegtermijn van drie maanden."),
    (ClauseKind.COSTS, "Gezamenlijke kosten worden naar rato verdeeld."),
    (ClauseKind.CONFIDENTIALITY, "Wat aan tafel gedeeld wordt, blijft aan tafel; naar "
     "buiten communiceren we samen en pas bij resultaten."),
    (ClauseKind.ACCOUNTABILITY, "We spreken elkaar direct aan; lukt het samen niet, dan "
     "vragen we een bemiddelaar."),
    (ClauseKind.AMENDMENTS, "Wijzigingen alleen met instemming van alle partijen."),
    (ClauseKind.DISPUTES, "Bij een geschil eerst bestuurlijk overleg, dan mediation."),
    (ClauseKind.GOVERNING_LAW, "Op deze afspraken is Nederlands recht van toepassing."),
    (ClauseKind.LIABILITY, "Elke partij draagt haar eigen risico's."),
    (ClauseKind.PRIVACY, "Onder deze afspraken worden geen persoonsgegevens gedeeld."),
    (ClauseKind.COMPETITION, "We blijven binnen de richtsnoeren van de ACM voor de zorg."),
    (ClauseKind.PUBLIC_ACCESS, "Stukken van bestuursorganen kunnen onder de Woo openbaar "
     "worden."),
)


_SEATS = ("Hoogeveld", "Maasdonk", "Rivierstad", "Ommeren", "Betuwedal", "Waalzoom")


def _large_legal(rng: random.Random, organisations: list[str]) -> LegalDetails:
    """Every organisation a party with a legal identity, signed for under its statutes."""
    out = []
    for org in organisations:
        municipality = org.startswith("Gemeente")
        out.append(Organisation(
            name=org, legal_name=org if municipality else f"Stichting {org}",
            legal_form=LegalForm.MUNICIPALITY if municipality else LegalForm.FOUNDATION,
            seat=rng.choice(_SEATS), kvk=f"{rng.randrange(10**7, 10**8)}",
            authority=(Authority.SUBJECT_TO_DECISION if municipality
                       else Authority.STATUTES)))
    return LegalDetails(organisations=out, place="Hoogeveld")


def _large_commitments(rng: random.Random, participants: list[Participant],
                       organisations: list[str], themes: list[str]) -> Commitments:
    """Two or three contributions per organisation in mixed periods, every role, a
    year-plan item or two per organisation and a clause of every kind."""
    contributions: list[Contribution] = []
    year_plans: list[YearPlanItem] = []
    for i, org in enumerate(organisations):
        for j in range(rng.randint(2, 3)):
            kind = rng.choice(list(ContributionKind))
            period = rng.choice(list(Period))
            if kind is ContributionKind.PEOPLE:
                amount: Decimal | None = Decimal(rng.choice((8, 16, 24, 40, 60)))
            else:
                amount = Decimal(rng.randrange(1, 60) * 1_000) if rng.random() < 0.9 else None
            contributions.append(Contribution(
                id=f"c-{i}-{j}", organisation=org, kind=kind, amount=amount, period=period,
                description=rng.choice(("Aandeel programmaondersteuning", "Projectleider",
                                        "Vergaderruimte", "Gegevens en analyse",
                                        "Instapbijdrage", "Detachering wijkverpleging"))))
        for j in range(rng.randint(1, 2)):
            year_plans.append(YearPlanItem(
                id=f"j-{i}-{j}", organisation=org,
                text=f"Routekaart opnemen in het jaarplan 2027 ({themes[(i + j) % len(themes)]})",
                due=dt.date(2026, rng.randint(9, 12), rng.randint(1, 28))))
    pids = [p.id for p in participants]
    roles = [Role(id="r-chair", kind=RoleKind.CHAIR, holder=Owner(kind="participant",
                                                                  ref=pids[0]),
                  term="Twee jaar, daarna roulerend")]
    roles += [Role(id=f"r-pf-{i}", kind=RoleKind.PORTFOLIO_HOLDER,
                   holder=Owner(kind="participant", ref=rng.choice(pids)), theme=theme,
                   term="Twee jaar")
              for i, theme in enumerate(themes)]
    roles.append(Role(id="r-office", kind=RoleKind.PROGRAMME_OFFICE,
                      holder=Owner(kind="organisation", ref=organisations[0])))
    roles.append(Role(id="r-secretary", kind=RoleKind.SECRETARY,
                      holder=Owner(kind="participant", ref=pids[1])))
    municipalities = [org for org in organisations if org.startswith("Gemeente")]
    roles.append(Role(id="r-gemeenten", kind=RoleKind.REPRESENTATIVE,
                      holder=Owner(kind="organisation", ref=municipalities[0]),
                      represents=municipalities,
                      mandate="Eén wethouder spreekt namens alle gemeenten."))
    clauses = [Clause(id=f"cl-{i}", kind=kind, text=text)
               for i, (kind, text) in enumerate(_LARGE_CLAUSES)]
    return Commitments(contributions=contributions, roles=roles, year_plans=year_plans,
                       clauses=clauses)
