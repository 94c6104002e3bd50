"""The session: everything a start meeting produces, as pydantic v2 models.

No Qt and no I/O here. Cross-references (a card's author, an action's owner, a vote's
card) are checked in one place, ``Session._check_references``, so that every message
names the field the user has to fix.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from enum import Enum
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    FiniteFloat,
    PlainSerializer,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

from workshop.domain.steps import Step as Step  # re-exported: the models use it
from workshop.domain.validation import RuleProblems
from workshop.i18n import Message

FORMAT_MARKER: Literal["workshop-session"] = "workshop-session"
SCHEMA_VERSION: Literal[4] = 4

# The limits of the file format are the limits of the fields that edit it (issue 11.10):
# a name or a title is one line (MAX_NAME, a line edit), everything else a text up to
# MAX_TEXT (an editor made for long texts). Version 2 allowed 1,000,000 characters
# everywhere; migrations._v3_text_limits cuts longer texts of old files (the original
# file is kept as a backup when it is opened).
MAX_NAME = 300
MAX_TEXT = 10_000
Text = Annotated[str, StringConstraints(max_length=MAX_TEXT)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT, pattern=r"\S")]
"""Required text: an item's words (a card, a principle, a clause...)."""
Title = Annotated[str, StringConstraints(min_length=1, max_length=MAX_NAME, pattern=r"\S")]
"""Required and short: the name of a person, an organisation, a session; a title."""
Label = Annotated[str, StringConstraints(max_length=MAX_NAME)]
"""Optional and short: a role, a place, a perspective."""
Id = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")]


def new_id(prefix: str) -> str:
    """A short random id; stored, so saving twice still gives identical bytes."""
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, use_enum_values=False)


class CollaborationForm(str, Enum):
    """The seven forms of regional collaboration (seed 000)."""

    KNOWLEDGE_NETWORK = "knowledge_network"
    FACILITIES_SHARING = "facilities_sharing"
    CARE_CHAIN = "care_chain"
    TARGET_GROUP_NETWORK = "target_group_network"
    POPULATION_NETWORK = "population_network"
    NEIGHBOURHOOD_NETWORK = "neighbourhood_network"
    ISSUE_NETWORK = "issue_network"


# --- preparation -----------------------------------------------------------------


class SessionDetails(Strict):
    name: Title = "Nieuwe samenwerking"
    region: Label = ""
    date: dt.date | None = None
    venue: Label = ""
    facilitator: Label = ""
    language: Literal["nl", "en"] = "nl"
    forms: list[CollaborationForm] = Field(default_factory=list)


class Participant(Strict):
    id: Id
    name: Title
    organisation: Label = ""
    role: Label = ""
    perspective: Label = ""
    """A key of ``workshop.domain.perspectives`` ("hospital"), or the facilitator's own text."""
    represents: Label = ""
    mandate: Text = ""
    present: bool = True


class AgendaItem(Strict):
    step: Step
    minutes: int = Field(ge=0, le=24 * 60)


def default_agenda() -> list[AgendaItem]:
    minutes = {
        Step.PREPARATION: 15,
        Step.AMBITION: 40,
        Step.INTERESTS: 30,
        Step.PRINCIPLES: 20,
        Step.RULES: 15,
        Step.ORGANISING: 25,
        Step.ROADMAP: 30,
        Step.SIGNING: 15,
    }
    return [AgendaItem(step=s, minutes=m) for s, m in minutes.items()]


# --- ambition ----------------------------------------------------------------------


class Cluster(Strict):
    id: Id
    name: Text = ""


class Card(Strict, frozen=True):
    """A card written as people speak; a card retyped or moved is a new card in its
    place (with the same id)."""

    # Frozen, as a decision is: a card that is the same object is the same card.
    id: Id
    text: Name
    author_id: Id | None = None
    """A participant's id, or None for "the table"."""
    cluster_id: Id | None = None


class Vote(Strict):
    participant_id: Id
    card_id: Id
    dots: int = Field(default=1, ge=1, le=100)


class QuadrupleAim(str, Enum):
    POPULATION_HEALTH = "population_health"
    EXPERIENCE_OF_CARE = "experience_of_care"
    COSTS = "costs"
    PROFESSIONAL_SATISFACTION = "professional_satisfaction"
    EQUITY = "equity"
    """The fifth aim of the quintuple aim."""


class IndicatorValue(Strict):
    """An indicator's value as recorded at version ``version`` of the agreement."""

    version: int = Field(ge=1)
    value: FiniteFloat
    date: dt.date | None = None


class Indicator(Strict):
    """An existing indicator a goal is monitored by (seed 003), with its baseline at
    the start meeting and the values the evaluations recorded."""

    id: Id
    name: Name
    unit: Text = ""
    baseline: FiniteFloat | None = None
    values: list[IndicatorValue] = Field(default_factory=list)


class Goal(Strict):
    id: Id
    aim: QuadrupleAim
    text: Name
    indicators: list[Indicator] = Field(default_factory=list)


class Ambition(Strict):
    cards: list[Card] = Field(default_factory=list)
    clusters: list[Cluster] = Field(default_factory=list)
    votes: list[Vote] = Field(default_factory=list)
    vote_budget: int = Field(default=3, ge=0, le=100)
    statement: Text = ""
    goals: list[Goal] = Field(default_factory=list)


# --- interests ---------------------------------------------------------------------


class InterestKind(str, Enum):
    INDIVIDUAL = "individual"
    ORGANISATIONAL = "organisational"
    COLLECTIVE = "collective"


class InterestItem(Strict):
    id: Id
    participant_id: Id
    kind: InterestKind
    text: Name
    private: bool = False
    """"Not for print": never on the projector, never in a PDF."""


class LinkKind(str, Enum):
    OVERLAP = "overlap"
    TENSION = "tension"


class InterestLink(Strict):
    id: Id
    a_id: Id
    b_id: Id
    kind: LinkKind
    note: Text = ""


class Interests(Strict):
    items: list[InterestItem] = Field(default_factory=list)
    links: list[InterestLink] = Field(default_factory=list)


# --- principles, rules, consent ----------------------------------------------------


class AgreementItem(Strict):
    """A leading principle or a rule of play; the list order is the printed order."""

    id: Id
    text: Name
    source: Text = ""
    template_key: Text | None = None


class Decision(str, Enum):
    CONSENT = "consent"
    CONCERN = "concern"
    OBJECTION = "objection"


class ObjectionResolution(str, Enum):
    STANDING = "standing"
    AMENDED = "amended"
    """The item was amended so that the objection no longer applies."""
    WITHDRAWN = "withdrawn"


AMBITION_SUBJECT = "ambition"
AGREEMENT_SUBJECT = "agreement"


class ConsentRecord(Strict, frozen=True):
    """One participant's decision on one subject's words; a changed decision, note or
    resolution is a new record in its place."""

    # Frozen: a record that is the same object is the same decision, so the app's
    # snapshots and the agreement's printed items keep what they made of one.
    subject_id: Id
    """A principle's or rule's id, or "ambition" or "agreement"."""
    participant_id: Id
    decision: Decision
    note: Text = ""
    resolution: ObjectionResolution = ObjectionResolution.STANDING
    """Only meaningful for an objection."""
    version: Annotated[str, StringConstraints(pattern=r"^([0-9a-f]{16})?$")] = ""
    """The text this decision was given to (``workshop.domain.consent.subject_version``).

    A decision counts only for that text: once the words change it is kept as history
    ("given to an earlier version") and the round must be held again. Empty only in
    files of schema 2 and in memory before the next edit stamps it."""


class Amendment(Strict):
    """An item's text changed after an objection: what it was, when, and what became.

    The objections themselves stay in ``consents`` with the earlier version."""

    subject_id: Id
    before: Text
    after: Text
    before_version: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16}$")]
    after_version: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16}$")]
    at: dt.datetime


class StepAgreement(Strict):
    """The facilitator's "we agree this step" for a step without consent rounds
    (preparation, interests, organising, roadmap), recorded like a consent: it counts
    for the step's content as it was (``version``) and lapses when that changes."""

    step: Step
    version: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16}$")]
    at: dt.datetime


class Outcome(str, Enum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    OBJECTED = "objected"
    AGREED = "agreed"


# --- organising and deciding -------------------------------------------------------


class DecisionRule(str, Enum):
    CONSENT = "consent"
    CONSENSUS = "consensus"
    MAJORITY_PER_PERSPECTIVE = "majority_per_perspective"
    OTHER = "other"


class ChairKind(str, Enum):
    INDEPENDENT = "independent"
    ROTATING = "rotating"
    PROGRAMME_MANAGER = "programme_manager"
    OTHER = "other"


class Representation(str, Enum):
    WHOLE_SYSTEM = "whole_system"
    REPRESENTATIVES_PER_SECTOR = "representatives_per_sector"
    OTHER = "other"


class Financing(str, Enum):
    OWN_MEANS = "own_means"
    REGIONAL_FUNDS = "regional_funds"
    ENTRY_FEE = "entry_fee"
    IN_KIND = "in_kind"


class EvaluationKind(str, Enum):
    KPIS = "kpis"
    PROCESS = "process"
    BOTH = "both"
    OTHER = "other"


class Organising(Strict):
    decision_rule: DecisionRule | None = None
    decision_rule_note: Text = ""
    chair: ChairKind | None = None
    chair_note: Text = ""
    cadence: Text = ""
    annual_calendar: Text = ""
    representation: Representation | None = None
    representation_note: Text = ""
    financing: list[Financing] = Field(default_factory=list)
    financing_note: Text = ""
    evaluation: EvaluationKind | None = None
    evaluation_note: Text = ""


# --- roadmap -----------------------------------------------------------------------


class Phase(str, Enum):
    ANALYSIS = "analysis"
    BUSINESS_CASE = "business_case"
    PILOT = "pilot"
    EVALUATION = "evaluation"
    IMPLEMENTATION = "implementation"


class ActionStatus(str, Enum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    ON_HOLD = "on_hold"
    CANCELLED = "cancelled"


class Owner(Strict):
    kind: Literal["participant", "organisation"]
    ref: Title
    """A participant's id, or the name of an organisation of the session."""


class Action(Strict):
    id: Id
    title: Title
    description: Text = ""
    owner: Owner | None = None
    start: dt.date | None = None
    due: dt.date | None = None
    phase: Phase = Phase.ANALYSIS
    status: ActionStatus = ActionStatus.PLANNED
    goal_id: Id | None = None


class Milestone(Strict):
    id: Id
    title: Title
    date: dt.date
    note: Text = ""


class EvaluationMoment(Strict):
    id: Id
    title: Title
    date: dt.date
    note: Text = ""


class Roadmap(Strict):
    actions: list[Action] = Field(default_factory=list)
    milestones: list[Milestone] = Field(default_factory=list)
    evaluations: list[EvaluationMoment] = Field(default_factory=list)


# --- commitments: who brings what, roles, year plans, closing clauses ---------------

def plain_amount(value: Decimal) -> Decimal:
    """One way to write each amount: ``75000.00`` -> ``75000``, ``12.50`` -> ``12.5``.

    Refuses an amount that no float writes with the same digits: the fingerprint of a
    signed agreement prints amounts as schema 3's floats did
    (``workshop.domain.fingerprint``), and two amounts must never print alike."""
    if Decimal(repr(float(value))) != value:
        raise ValueError("the amount has more digits than Workshop keeps exactly")
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def amount_text(value: Decimal) -> str:
    """The amount as the file stores it: digits and a point, never an exponent."""
    return format(value, "f")


def canonical_number(value: object) -> float:
    """An amount as JSON for a fingerprint or a text version (``json.dumps(default=)``).

    Until schema 3 an amount was a float, and the canonical JSON wrote it as one
    (``12.25``, ``75000.0``). Schema 4 keeps amounts as exact Decimals; written as the
    float with the same digits, a signed file's fingerprint and the version of what the
    table consented to stay what they were. The conversion is exact for every amount
    the model accepts (``plain_amount`` refuses one no float writes with the same
    digits), and checked again here, so two different amounts never print alike."""
    if not isinstance(value, Decimal):
        raise TypeError(f"{type(value).__name__} is not JSON serializable")
    as_float = float(value)
    if Decimal(repr(as_float)) != value:
        raise ValueError(f"amount {value} has no exact canonical form")
    return as_float


AMOUNT_DIGITS = 20
"""Digits an amount may have in a file: the twelve (and two cents) the entry fields take,
and room for the up to 17 significant digits of an amount an older file kept as a
float (schema 3), which is kept exactly as it was rather than rounded."""

Amount = Annotated[
    Decimal,
    Field(ge=0, max_digits=AMOUNT_DIGITS, allow_inf_nan=False),
    AfterValidator(plain_amount),
    PlainSerializer(amount_text, return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "pattern": r"^[0-9]+(\.[0-9]+)?$",
                    "description": "exact decimal text, e.g. \"12.25\" (schema 4)"}),
]
"""Hours or euros per period: a non-negative exact ``Decimal`` (never a float), stored
in the file as text ("12.25"); see "The file format" in the README."""


class Period(str, Enum):
    ONE_OFF = "one_off"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


class ContributionKind(str, Enum):
    PEOPLE = "people"
    """amount = hours per period"""
    MONEY = "money"
    """amount = euros per period"""
    IN_KIND = "in_kind"
    """Rooms, data, ICT, secondment; amount = estimated euros per period, optional."""


class Contribution(Strict):
    id: Id
    organisation: Title
    """An organisation of the session (``Session.organisations()``)."""
    kind: ContributionKind
    amount: Amount | None = None
    period: Period = Period.YEAR
    description: Text = ""
    """E.g. "entry fee", "0.2 FTE programme manager", "meeting rooms"."""


class RoleKind(str, Enum):
    CHAIR = "chair"
    PORTFOLIO_HOLDER = "portfolio_holder"
    """*Bestuurlijk portefeuillehouder* for a roadmap theme."""
    SECRETARY = "secretary"
    PROGRAMME_OFFICE = "programme_office"
    REPRESENTATIVE = "representative"
    """Speaks for a group of parties."""


class Role(Strict):
    id: Id
    kind: RoleKind
    holder: Owner | None = None
    """A participant (id) or an organisation (name), like an action's owner."""
    theme: Text = ""
    """Portfolio holder: the roadmap theme."""
    term: Text = ""
    """E.g. "two years, then rotating"."""
    represents: list[Title] = Field(default_factory=list)
    """Representative: the organisations spoken for."""
    mandate: Text = ""


class YearPlanItem(Strict):
    """What one organisation will do internally (its year-plan translation), and by when."""

    id: Id
    organisation: Title
    text: Name
    due: dt.date | None = None


class ClauseKind(str, Enum):
    NATURE = "nature"
    """An effort, not a legal obligation (unless chosen otherwise)."""
    DURATION = "duration"
    """Duration and review date."""
    ENTRY_INTO_FORCE = "entry_into_force"
    JOINING = "joining"
    LEAVING = "leaving"
    COSTS = "costs"
    CONFIDENTIALITY = "confidentiality"
    """And communication: modesty, no publicity before results."""
    ACCOUNTABILITY = "accountability"
    """Calling each other to account, resolving disagreement."""
    AMENDMENTS = "amendments"
    DISPUTES = "disputes"
    """Escalation: administrative consultation, then mediation."""
    GOVERNING_LAW = "governing_law"
    LIABILITY = "liability"
    PRIVACY = "privacy"
    """No personal data shared under this agreement without a separate basis (AVG)."""
    COMPETITION = "competition"
    """Within the competition authority's guidance on cooperation in care (ACM)."""
    PUBLIC_ACCESS = "public_access"
    """Public bodies and the Open Government Act (Woo)."""
    OTHER = "other"


class Clause(Strict):
    """A closing clause; the list order is the printed order."""

    id: Id
    kind: ClauseKind
    text: Name
    template_key: Text = ""
    """The template it came from, "" when written new."""


class Commitments(Strict):
    contributions: list[Contribution] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    year_plans: list[YearPlanItem] = Field(default_factory=list)
    clauses: list[Clause] = Field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.contributions or self.roles or self.year_plans or self.clauses)


# --- the parties as legal entities (printed at the head of the agreement) ----------


class LegalForm(str, Enum):
    FOUNDATION = "foundation"
    """*stichting*"""
    ASSOCIATION = "association"
    """*vereniging*"""
    COOPERATIVE = "cooperative"
    """*coöperatie U.A.*"""
    PRIVATE_COMPANY = "private_company"
    """*besloten vennootschap (B.V.)*"""
    PUBLIC_COMPANY = "public_company"
    """*naamloze vennootschap (N.V.)*"""
    MUNICIPALITY = "municipality"
    """*gemeente*"""
    PUBLIC_BODY = "public_body"
    """*openbaar lichaam*, e.g. a GGD under a joint arrangement (*gemeenschappelijke regeling*)"""
    OTHER = "other"


class Authority(str, Enum):
    """On what basis the representative signs for the organisation."""

    STATUTES = "statutes"
    MANDATE = "mandate"
    SUBJECT_TO_DECISION = "subject_to_decision"
    """*Onder voorbehoud van besluitvorming*: the board or council still decides."""


KvkNumber = Annotated[str, StringConstraints(pattern=r"^([0-9]{8})?$")]
"""Eight digits (Kamer van Koophandel), or empty while unknown."""

Money = Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=2, allow_inf_nan=False)]
"""Euros, exact to the cent."""


class Organisation(Strict):
    """An organisation of the session (by the name its participants carry) as a party."""

    name: Name
    """The name as in ``Participant.organisation``."""
    party: bool = True
    """A contracting party that signs; False: involved and named, but not signing."""
    legal_name: Text = ""
    legal_form: LegalForm | None = None
    seat: Text = ""
    """*Statutaire zetel*."""
    kvk: KvkNumber = ""
    representative_id: Id | None = None
    """The participant who signs for it; None: its first participant present."""
    function: Text = ""
    """The representative's function as printed (*bestuurder*, *wethouder*)."""
    authority: Authority | None = None
    money_mandate: Money | None = None
    """Euros per year the representative may commit; None: not recorded."""
    involvement: Text = ""
    """For a non-party: how it is involved (e.g. "advises on behalf of clients")."""


class LegalDetails(Strict):
    organisations: list[Organisation] = Field(default_factory=list)
    considerations: list[Text] = Field(default_factory=list)
    """The recitals as edited; empty: drafted from the session when printed."""
    place: Text = ""
    """Where the agreement is signed (*te PLACE*)."""


# --- diagnostics -------------------------------------------------------------------


class Condition(str, Enum):
    """The five conditions of Kaats & Opheij (2012)."""

    SHARED_AMBITION = "shared_ambition"
    JUSTICE_TO_INTERESTS = "justice_to_interests"
    PERSONAL_COLLABORATION = "personal_collaboration"
    PROFESSIONAL_ORGANISING = "professional_organising"
    MEANINGFUL_PROCESS = "meaningful_process"


class Moment(Strict):
    """One measurement: a scan can be repeated later in the same session."""

    id: Id
    label: Text = ""
    key: Text | None = None
    """Set for a moment the app names itself ("start_meeting"): its words come from the
    catalogue, in the language shown, and ``label`` stays empty."""
    taken_at: dt.datetime


class ConditionScore(Strict):
    moment_id: Id
    participant_id: Id
    condition: Condition
    score: int = Field(ge=1, le=5)
    note: Text = ""


class SpectrumAxis(Strict):
    id: Id
    key: Text | None = None
    """Set for the eight built-in axes (labels come from the catalogue)."""
    title: Text = ""
    left: Text = ""
    right: Text = ""


BUILTIN_AXES = (
    "topic",
    "scope",
    "participants",
    "structure",
    "client_participation",
    "aim",
    "financiers",
    "leadership",
)


def default_axes() -> list[SpectrumAxis]:
    return [SpectrumAxis(id=f"axis-{key}", key=key) for key in BUILTIN_AXES]


class SpectrumMark(Strict):
    moment_id: Id
    participant_id: Id
    axis_id: Id
    value: int = Field(ge=0, le=100)


class FormChoice(Strict):
    moment_id: Id
    participant_id: Id
    forms: list[CollaborationForm] = Field(min_length=1)


class Diagnostics(Strict):
    moments: list[Moment] = Field(default_factory=list)
    scores: list[ConditionScore] = Field(default_factory=list)
    axes: list[SpectrumAxis] = Field(default_factory=default_axes)
    marks: list[SpectrumMark] = Field(default_factory=list)
    forms: list[FormChoice] = Field(default_factory=list)


# --- signatures --------------------------------------------------------------------

Point = tuple[FiniteFloat, FiniteFloat, FiniteFloat]
"""x and y in pad units (0..1000 wide), pressure 0..1; never NaN or infinite."""


class Stroke(Strict):
    points: list[Point] = Field(min_length=1)


class Signature(Strict):
    id: Id
    participant_id: Id
    signed_at: dt.datetime
    strokes: list[Stroke] = Field(default_factory=list)
    fingerprint: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    """SHA-256 of the agreement's canonical content at the moment of signing."""


# --- evaluation: the next version of a signed agreement ---------------------------


class ReviewStatus(str, Enum):
    """How a roadmap action stands at an evaluation meeting (looking back)."""

    DONE = "done"
    ON_TRACK = "on_track"
    LATE = "late"
    DROPPED = "dropped"


class ActionReview(Strict):
    action_id: Id
    status: ReviewStatus
    note: Text = ""


class MomentAnswer(Strict):
    """What the table answered to an evaluation moment of the roadmap."""

    evaluation_id: Id
    note: Text = ""


class ChainEntry(Strict):
    """An earlier version of the agreement: where it was and the text it held."""

    version: int = Field(ge=1)
    file_name: Text
    session_id: Id
    fingerprint: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    date: dt.date | None = None
    signed: int = Field(default=0, ge=0)
    """Valid signatures on that text when this version was made from it."""


class PrintedArticle(Strict):
    """One article of the agreement as printed (``workshop.domain.compare.articles``)."""

    key: Text
    section: Text
    title: Text = ""
    text: Text = ""


class Evaluation(Strict):
    """Set on a session made by "New evaluation meeting" from a signed one."""

    version: int = Field(default=2, ge=2)
    chain: list[ChainEntry] = Field(default_factory=list)
    """The earlier versions, oldest first; the last one is the version this one revises."""
    previous_articles: list[PrintedArticle] = Field(default_factory=list)
    """The revised version's articles, kept so the comparison needs no file."""
    start_moment_id: Text = ""
    """The measurement moment of the revised version the new scan is compared with."""
    reviews: list[ActionReview] = Field(default_factory=list)
    answers: list[MomentAnswer] = Field(default_factory=list)


# --- presentation only (never printed, never in the fingerprint) -------------------


class ViewState(Strict):
    current_step: Step = Step.PREPARATION
    projector_theme: Literal["light", "dark", "contrast"] = "light"
    projector_text_scale: float = Field(default=1.0, ge=0.25, le=4.0)
    window_geometry: Text | None = None


# --- the session -------------------------------------------------------------------


class Session(Strict):
    model_config = ConfigDict(
        extra="forbid", frozen=False, use_enum_values=False,
        # What the loader requires of a file (``workshop.storage.files.loads``); every
        # other key has a default.
        json_schema_extra={"required": ["format", "schema_version"]})

    format: Literal["workshop-session"] = FORMAT_MARKER
    schema_version: Literal[4] = SCHEMA_VERSION
    id: Id = Field(default_factory=lambda: new_id("s"))
    details: SessionDetails = Field(default_factory=SessionDetails)
    participants: list[Participant] = Field(default_factory=list)
    agenda: list[AgendaItem] = Field(default_factory=default_agenda)
    ambition: Ambition = Field(default_factory=Ambition)
    interests: Interests = Field(default_factory=Interests)
    principles: list[AgreementItem] = Field(default_factory=list)
    rules: list[AgreementItem] = Field(default_factory=list)
    consents: list[ConsentRecord] = Field(default_factory=list)
    amendments: list[Amendment] = Field(default_factory=list)
    step_agreements: list[StepAgreement] = Field(default_factory=list)
    organising: Organising = Field(default_factory=Organising)
    roadmap: Roadmap = Field(default_factory=Roadmap)
    commitments: Commitments = Field(default_factory=Commitments)
    legal: LegalDetails = Field(default_factory=LegalDetails)
    diagnostics: Diagnostics = Field(default_factory=Diagnostics)
    signatures: list[Signature] = Field(default_factory=list)
    evaluation: Evaluation | None = None
    """None for a start meeting; set on an evaluation meeting (``domain.evaluation``)."""
    view: ViewState = Field(default_factory=ViewState)

    @model_validator(mode="after")
    def _check_references(self) -> Session:
        problems = reference_problems(self)
        if problems:
            raise RuleProblems(problems)
        return self

    # Lookups used by views and exports; cheap enough to rebuild on demand.
    def participant(self, participant_id: str) -> Participant | None:
        return next((p for p in self.participants if p.id == participant_id), None)

    def organisations(self) -> list[str]:
        """Organisations of the session in order of first appearance."""
        seen: dict[str, None] = {}
        for p in self.participants:
            if p.organisation.strip():
                seen.setdefault(p.organisation.strip(), None)
        return list(seen)


def _duplicates(label: str, ids: list[str]) -> list[Message]:
    seen: set[str] = set()
    problems = []
    for index, value in enumerate(ids):
        if value in seen:
            problems.append(
                Message("{field}[{index}].id: the id '{value}' is used twice",
                        field=label, index=index, value=value)
            )
        seen.add(value)
    return problems


def reference_problems(session: Session) -> list[Message]:
    """Every broken rule across the session, each naming its field; empty when valid."""
    s = session
    problems: list[Message] = []
    participants = {p.id for p in s.participants}
    problems += _duplicates("participants", [p.id for p in s.participants])
    problems += _duplicates("ambition.cards", [c.id for c in s.ambition.cards])
    problems += _duplicates("ambition.clusters", [c.id for c in s.ambition.clusters])
    problems += _duplicates("ambition.goals", [g.id for g in s.ambition.goals])
    problems += _duplicates("interests.items", [i.id for i in s.interests.items])
    problems += _duplicates("interests.links", [i.id for i in s.interests.links])
    problems += _duplicates("principles+rules", [i.id for i in s.principles + s.rules])
    problems += _duplicates("roadmap.actions", [a.id for a in s.roadmap.actions])
    problems += _duplicates("roadmap.milestones", [m.id for m in s.roadmap.milestones])
    problems += _duplicates("roadmap.evaluations", [m.id for m in s.roadmap.evaluations])
    c = s.commitments
    problems += _duplicates("commitments.contributions", [x.id for x in c.contributions])
    problems += _duplicates("commitments.roles", [x.id for x in c.roles])
    problems += _duplicates("commitments.year_plans", [x.id for x in c.year_plans])
    problems += _duplicates("commitments.clauses", [x.id for x in c.clauses])
    problems += _duplicates("diagnostics.moments", [m.id for m in s.diagnostics.moments])
    problems += _duplicates("diagnostics.axes", [a.id for a in s.diagnostics.axes])
    problems += _duplicates("signatures", [g.id for g in s.signatures])

    steps = [a.step for a in s.agenda]
    if len(set(steps)) != len(steps):
        problems.append(Message("agenda: a step has more than one time box"))

    def unknown_participant(field: str, i: int, value: str) -> None:
        # The field's name is formatted only for a problem: this runs for every
        # reference in the session on every edit.
        if value not in participants:
            problems.append(
                Message("{field}: '{value}' is not a participant of this session",
                        field=field.format(i=i), value=value)
            )

    clusters = {c.id for c in s.ambition.clusters}
    cards = {c.id for c in s.ambition.cards}
    for i, card in enumerate(s.ambition.cards):
        if card.author_id is not None:
            unknown_participant("ambition.cards[{i}].author_id", i, card.author_id)
        if card.cluster_id is not None and card.cluster_id not in clusters:
            problems.append(
                Message("{field}: '{value}' is not a cluster of this session",
                        field=f"ambition.cards[{i}].cluster_id", value=card.cluster_id)
            )
    dots: dict[str, int] = {}
    voted: set[tuple[str, str]] = set()
    for i, vote in enumerate(s.ambition.votes):
        unknown_participant("ambition.votes[{i}].participant_id", i, vote.participant_id)
        if vote.card_id not in cards:
            problems.append(
                Message("{field}: '{value}' is not a card of this session",
                        field=f"ambition.votes[{i}].card_id", value=vote.card_id)
            )
        if (vote.participant_id, vote.card_id) in voted:
            problems.append(
                Message("{field}: this participant already voted on this card",
                        field=f"ambition.votes[{i}]")
            )
        voted.add((vote.participant_id, vote.card_id))
        dots[vote.participant_id] = dots.get(vote.participant_id, 0) + vote.dots
    for pid, used in dots.items():
        if used > s.ambition.vote_budget:
            problems.append(
                Message("ambition.votes: '{value}' used {used} dots, the budget is {budget}",
                        value=pid, used=used, budget=s.ambition.vote_budget)
            )

    items = {i.id: i for i in s.interests.items}
    for i, item in enumerate(s.interests.items):
        unknown_participant("interests.items[{i}].participant_id", i, item.participant_id)
    for i, link in enumerate(s.interests.links):
        a, b = items.get(link.a_id), items.get(link.b_id)
        for end, ref, found in (("a_id", link.a_id, a), ("b_id", link.b_id, b)):
            if found is None:
                problems.append(
                    Message("{field}: '{value}' is not an interest of this session",
                            field=f"interests.links[{i}].{end}", value=ref)
                )
        if a is not None and b is not None and a.participant_id == b.participant_id:
            problems.append(
                Message("{field}: a link joins interests of two different participants",
                        field=f"interests.links[{i}]")
            )

    subjects = {AMBITION_SUBJECT, AGREEMENT_SUBJECT}
    subjects |= {p.id for p in s.principles} | {r.id for r in s.rules}
    decided: set[tuple[str, str, str]] = set()
    for i, rec in enumerate(s.consents):
        unknown_participant("consents[{i}].participant_id", i, rec.participant_id)
        if rec.subject_id not in subjects:
            problems.append(
                Message("{field}: '{value}' is not a principle, rule, 'ambition' or 'agreement'",
                        field=f"consents[{i}].subject_id", value=rec.subject_id)
            )
        if (rec.subject_id, rec.participant_id, rec.version) in decided:
            problems.append(
                Message("{field}: this participant already has a decision on this item",
                        field=f"consents[{i}]")
            )
        decided.add((rec.subject_id, rec.participant_id, rec.version))
    for i, amendment in enumerate(s.amendments):
        if amendment.subject_id not in subjects:
            problems.append(
                Message("{field}: '{value}' is not a principle, rule, 'ambition' or 'agreement'",
                        field=f"amendments[{i}].subject_id", value=amendment.subject_id)
            )
    agreed_steps = [a.step for a in s.step_agreements]
    if len(set(agreed_steps)) != len(agreed_steps):
        problems.append(Message("step_agreements: a step is agreed more than once"))

    organisations = set(s.organisations())
    goals = {g.id for g in s.ambition.goals}
    for i, action in enumerate(s.roadmap.actions):
        if action.owner is not None:
            if action.owner.kind == "participant":
                unknown_participant("roadmap.actions[{i}].owner", i, action.owner.ref)
            elif action.owner.ref not in organisations:
                problems.append(
                    Message("{field}: '{value}' is not an organisation of this session",
                            field=f"roadmap.actions[{i}].owner", value=action.owner.ref)
                )
        if action.start and action.due and action.due < action.start:
            problems.append(
                Message("{field}: the due date {due} lies before the start {start}",
                        field=f"roadmap.actions[{i}].due", due=action.due.isoformat(),
                        start=action.start.isoformat())
            )
        if action.goal_id is not None and action.goal_id not in goals:
            problems.append(
                Message("{field}: '{value}' is not a goal of this session",
                        field=f"roadmap.actions[{i}].goal_id", value=action.goal_id)
            )

    def unknown_organisation(field: str, i: int, value: str) -> None:
        if value not in organisations:
            problems.append(
                Message("{field}: '{value}' is not an organisation of this session",
                        field=field.format(i=i), value=value)
            )

    for i, contribution in enumerate(c.contributions):
        unknown_organisation("commitments.contributions[{i}].organisation", i,
                             contribution.organisation)
    for i, plan in enumerate(c.year_plans):
        unknown_organisation("commitments.year_plans[{i}].organisation", i, plan.organisation)
    for i, role in enumerate(c.roles):
        if role.holder is not None:
            if role.holder.kind == "participant":
                unknown_participant("commitments.roles[{i}].holder", i, role.holder.ref)
            else:
                unknown_organisation("commitments.roles[{i}].holder", i, role.holder.ref)
        for j, name in enumerate(role.represents):
            unknown_organisation(f"commitments.roles[{{i}}].represents[{j}]", i, name)

    named: set[str] = set()
    for i, org in enumerate(s.legal.organisations):
        if org.name in named:
            problems.append(Message("{field}: '{value}' is listed twice",
                                    field=f"legal.organisations[{i}].name", value=org.name))
        named.add(org.name)
        if org.representative_id is not None:
            unknown_participant("legal.organisations[{i}].representative_id", i,
                                org.representative_id)

    d = s.diagnostics
    moments = {m.id for m in d.moments}
    axes = {a.id for a in d.axes}

    def check_moment(field: str, i: int, value: str) -> None:
        if value not in moments:
            problems.append(
                Message("{field}: '{value}' is not a measurement moment of this session",
                        field=field.format(i=i), value=value)
            )

    once: set[tuple[str, ...]] = set()
    for i, sc in enumerate(d.scores):
        check_moment("diagnostics.scores[{i}].moment_id", i, sc.moment_id)
        unknown_participant("diagnostics.scores[{i}].participant_id", i, sc.participant_id)
        key: tuple[str, ...] = ("score", sc.moment_id, sc.participant_id, sc.condition.value)
        if key in once:
            problems.append(Message("{field}: scored twice", field=f"diagnostics.scores[{i}]"))
        once.add(key)
    for i, mark in enumerate(d.marks):
        check_moment("diagnostics.marks[{i}].moment_id", i, mark.moment_id)
        unknown_participant("diagnostics.marks[{i}].participant_id", i, mark.participant_id)
        if mark.axis_id not in axes:
            problems.append(
                Message("{field}: '{value}' is not an axis of this session",
                        field=f"diagnostics.marks[{i}].axis_id", value=mark.axis_id)
            )
        key = ("mark", mark.moment_id, mark.participant_id, mark.axis_id)
        if key in once:
            problems.append(Message("{field}: marked twice", field=f"diagnostics.marks[{i}]"))
        once.add(key)
    for i, fc in enumerate(d.forms):
        check_moment("diagnostics.forms[{i}].moment_id", i, fc.moment_id)
        unknown_participant("diagnostics.forms[{i}].participant_id", i, fc.participant_id)
        key = ("form", fc.moment_id, fc.participant_id)
        if key in once:
            problems.append(Message("{field}: chosen twice", field=f"diagnostics.forms[{i}]"))
        once.add(key)

    signed: set[str] = set()
    for i, sig in enumerate(s.signatures):
        unknown_participant("signatures[{i}].participant_id", i, sig.participant_id)
        if sig.participant_id in signed:
            problems.append(
                Message("{field}: this participant has signed twice", field=f"signatures[{i}]")
            )
        signed.add(sig.participant_id)
        signer = s.participant(sig.participant_id)
        if signer is not None and not signer.present:
            problems.append(
                Message("{field}: {name} is marked absent and cannot have signed",
                        field=f"signatures[{i}]", name=signer.name)
            )
    return problems
