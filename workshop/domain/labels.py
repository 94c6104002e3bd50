"""The words for every choice in the model, in one place for the UI, projector and PDFs.

``label(value, lang)`` translates any enum value of ``workshop.domain.model``; the
English text is the message id, so the Dutch lives in the catalogue like every other
string. No Qt here.
"""

from __future__ import annotations

from enum import Enum

from workshop.domain import model as m
from workshop.domain.steps import STEP_LABELS
from workshop.i18n import N_, Language, tr

_LABELS: dict[Enum, str] = {
    **STEP_LABELS,
    # forms of collaboration
    m.CollaborationForm.KNOWLEDGE_NETWORK: N_("Knowledge network"),
    m.CollaborationForm.FACILITIES_SHARING: N_("Sharing facilities"),
    m.CollaborationForm.CARE_CHAIN: N_("Care chain"),
    m.CollaborationForm.TARGET_GROUP_NETWORK: N_("Target-group network"),
    m.CollaborationForm.POPULATION_NETWORK: N_("Population-oriented network"),
    m.CollaborationForm.NEIGHBOURHOOD_NETWORK: N_("Neighbourhood network"),
    m.CollaborationForm.ISSUE_NETWORK: N_("Issue-oriented network"),
    # quadruple (quintuple) aim
    m.QuadrupleAim.POPULATION_HEALTH: N_("Population health"),
    m.QuadrupleAim.EXPERIENCE_OF_CARE: N_("Experience of care"),
    m.QuadrupleAim.COSTS: N_("Costs"),
    m.QuadrupleAim.PROFESSIONAL_SATISFACTION: N_("Professional satisfaction"),
    m.QuadrupleAim.EQUITY: N_("Equity"),
    # interests
    m.InterestKind.INDIVIDUAL: N_("Individual interest"),
    m.InterestKind.ORGANISATIONAL: N_("Organisational interest"),
    m.InterestKind.COLLECTIVE: N_("Collective interest"),
    m.LinkKind.OVERLAP: N_("Overlap"),
    m.LinkKind.TENSION: N_("Tension"),
    # consent
    m.Decision.CONSENT: N_("Consent"),
    m.Decision.CONCERN: N_("Concern"),
    m.Decision.OBJECTION: N_("Objection"),
    m.ObjectionResolution.STANDING: N_("Standing"),
    m.ObjectionResolution.AMENDED: N_("Resolved by amending"),
    m.ObjectionResolution.WITHDRAWN: N_("Withdrawn"),
    m.Outcome.OPEN: N_("Open"),
    m.Outcome.IN_PROGRESS: N_("Round in progress"),
    m.Outcome.OBJECTED: N_("Objection standing"),
    m.Outcome.AGREED: N_("Agreed"),
    # organising and deciding
    m.DecisionRule.CONSENT: N_("Consent (no standing objection)"),
    m.DecisionRule.CONSENSUS: N_("Consensus"),
    m.DecisionRule.MAJORITY_PER_PERSPECTIVE: N_("Majority, one vote per perspective"),
    m.DecisionRule.OTHER: N_("Other"),
    m.ChairKind.INDEPENDENT: N_("Independent chair"),
    m.ChairKind.ROTATING: N_("Rotating chair"),
    m.ChairKind.PROGRAMME_MANAGER: N_("Programme manager"),
    m.ChairKind.OTHER: N_("Other"),
    m.Representation.WHOLE_SYSTEM: N_("The whole system at the table"),
    m.Representation.REPRESENTATIVES_PER_SECTOR: N_("Representatives per sector"),
    m.Representation.OTHER: N_("Other"),
    m.Financing.OWN_MEANS: N_("Own means"),
    m.Financing.REGIONAL_FUNDS: N_("Regional funds"),
    m.Financing.ENTRY_FEE: N_("Entry fee"),
    m.Financing.IN_KIND: N_("In kind"),
    m.EvaluationKind.KPIS: N_("Indicators (KPIs)"),
    m.EvaluationKind.PROCESS: N_("Process evaluation"),
    m.EvaluationKind.BOTH: N_("Indicators and process"),
    m.EvaluationKind.OTHER: N_("Other"),
    # roadmap
    m.Phase.ANALYSIS: N_("Analysis"),
    m.Phase.BUSINESS_CASE: N_("Business case"),
    m.Phase.PILOT: N_("Pilot"),
    m.Phase.EVALUATION: N_("Evaluation"),
    m.Phase.IMPLEMENTATION: N_("Implementation"),
    m.ActionStatus.PLANNED: N_("Planned"),
    m.ActionStatus.IN_PROGRESS: N_("In progress"),
    m.ActionStatus.DONE: N_("Done"),
    m.ActionStatus.ON_HOLD: N_("On hold"),
    m.ActionStatus.CANCELLED: N_("Cancelled"),
    # commitments
    # parties as legal entities
    m.LegalForm.FOUNDATION: N_("Foundation (stichting)"),
    m.LegalForm.ASSOCIATION: N_("Association (vereniging)"),
    m.LegalForm.COOPERATIVE: N_("Cooperative (coöperatie)"),
    m.LegalForm.PRIVATE_COMPANY: N_("Private company (B.V.)"),
    m.LegalForm.PUBLIC_COMPANY: N_("Public company (N.V.)"),
    m.LegalForm.MUNICIPALITY: N_("Municipality (gemeente)"),
    m.LegalForm.PUBLIC_BODY: N_("Public body (joint arrangement)"),
    m.LegalForm.OTHER: N_("Other legal form"),
    m.Authority.STATUTES: N_("Under the statutes"),
    m.Authority.MANDATE: N_("By mandate"),
    m.Authority.SUBJECT_TO_DECISION: N_("Subject to the decision of its board or council"),
    m.Period.ONE_OFF: N_("One-off"),
    m.Period.MONTH: N_("Per month"),
    m.Period.QUARTER: N_("Per quarter"),
    m.Period.YEAR: N_("Per year"),
    m.ContributionKind.PEOPLE: N_("People (hours)"),
    m.ContributionKind.MONEY: N_("Money (euros)"),
    m.ContributionKind.IN_KIND: N_("In kind"),
    m.RoleKind.CHAIR: N_("Chair"),
    m.RoleKind.PORTFOLIO_HOLDER: N_("Portfolio holder"),
    m.RoleKind.SECRETARY: N_("Secretary"),
    m.RoleKind.PROGRAMME_OFFICE: N_("Programme office"),
    m.RoleKind.REPRESENTATIVE: N_("Representative"),
    m.ClauseKind.NATURE: N_("Nature of the agreement"),
    m.ClauseKind.DURATION: N_("Duration and review"),
    m.ClauseKind.ENTRY_INTO_FORCE: N_("Entry into force"),
    m.ClauseKind.JOINING: N_("Joining"),
    m.ClauseKind.LEAVING: N_("Leaving"),
    m.ClauseKind.COSTS: N_("Costs"),
    m.ClauseKind.CONFIDENTIALITY: N_("Confidentiality and communication"),
    m.ClauseKind.ACCOUNTABILITY: N_("Calling each other to account"),
    m.ClauseKind.AMENDMENTS: N_("Amendments"),
    m.ClauseKind.DISPUTES: N_("Disputes"),
    m.ClauseKind.GOVERNING_LAW: N_("Governing law"),
    m.ClauseKind.LIABILITY: N_("Liability"),
    m.ClauseKind.PRIVACY: N_("Privacy"),
    m.ClauseKind.COMPETITION: N_("Competition law"),
    m.ClauseKind.PUBLIC_ACCESS: N_("Public access to documents"),
    m.ClauseKind.OTHER: N_("Other"),
    # diagnostics
    m.Condition.SHARED_AMBITION: N_("Shared ambition"),
    m.Condition.JUSTICE_TO_INTERESTS: N_("Doing justice to interests"),
    m.Condition.PERSONAL_COLLABORATION: N_("Good personal collaboration"),
    m.Condition.PROFESSIONAL_ORGANISING: N_("Professional organising"),
    m.Condition.MEANINGFUL_PROCESS: N_("Meaningful process"),
}

# The eight expectation spectra: title, left end, right end.
AXES: dict[str, tuple[str, str, str]] = {
    "topic": (N_("Topic"), N_("One theme"), N_("Many themes")),
    "scope": (N_("Scope"), N_("Improve today's care"), N_("Innovate")),
    "participants": (N_("Participants"), N_("One domain"), N_("Several domains")),
    "structure": (N_("Structure"), N_("Light network"), N_("Association or foundation")),
    "client_participation": (N_("Patient and client participation"), N_("No"), N_("Yes")),
    "aim": (N_("Aim"), N_("Administrative lubricant"), N_("Population funding")),
    "financiers": (N_("Role of financiers"), N_("None"), N_("Co-financing participant")),
    "leadership": (N_("Leadership"), N_("Missing or diffuse"), N_("Engaged and shared")),
}

MOMENTS: dict[str, str] = {
    "start_meeting": N_("Start meeting"),
}
"""Names the app gives to measurement moments (``Moment.key``)."""

THE_TABLE = N_("the table")
"""The author of a card nobody in particular wrote."""


def label(value: Enum, lang: Language) -> str:
    """The translated word for an enum value of the model."""
    return tr(_LABELS[value], lang)


def moment_label(moment: m.Moment, lang: Language) -> str:
    """A measurement moment's name: the app's in ``lang``, or the facilitator's words."""
    if moment.key in MOMENTS:
        return tr(MOMENTS[moment.key], lang)
    return moment.label


def axis_texts(axis: m.SpectrumAxis, lang: Language) -> tuple[str, str, str]:
    """Title, left and right of an axis: built-in ones from the catalogue."""
    if axis.key in AXES:
        title, left, right = AXES[axis.key]
        return tr(title, lang), tr(left, lang), tr(right, lang)
    return axis.title, axis.left, axis.right
