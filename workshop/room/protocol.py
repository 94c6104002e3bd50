"""What a phone may send, validated before anything else looks at it.

Every model forbids unknown fields and bounds every string and number: a message that
does not fit is refused whole. Texts are kept as typed (markup stays text: the wall,
the PDF and the phone page all show text, never interpret it).
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from workshop.domain.model import CollaborationForm, Condition, Decision, InterestKind

MAX_BODY = 16 * 1024
"""Bytes of one request or WebSocket message; anything longer is refused unread."""
MAX_CARD = 280
MAX_NOTE = 1000

MessageId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{8,64}$")]
"""Made by the phone for each message; the same id sent twice is applied once."""
Token = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{16,64}$")]
RefId = Annotated[str, StringConstraints(min_length=1, max_length=64,
                                         pattern=r"^[A-Za-z0-9_.-]+$")]
CardText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                            max_length=MAX_CARD)]
NoteText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=MAX_NOTE)]
Lang = Literal["nl", "en"]


class Closed(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ActivityKind(str, Enum):
    """What the phones can do, one at a time, as the facilitator opens it."""

    NONE = "none"
    CARDS = "cards"
    DOTS = "dots"
    INTERESTS = "interests"
    SCAN = "scan"
    """The five conditions, the expectation spectra and the forms, in participant mode."""
    CONSENT = "consent"


# --- joining -----------------------------------------------------------------------


class JoinRequest(Closed):
    """The join token from the QR code, or the short code typed from the projector."""

    token: Token | None = None
    code: Annotated[str, StringConstraints(strip_whitespace=True, to_upper=True,
                                           max_length=16)] | None = None
    lang: Lang = "nl"


class BindRequest(Closed):
    participant_id: RefId


# --- actions -----------------------------------------------------------------------


class AddCard(Closed):
    kind: Literal["add_card"]
    text: CardText


class Dot(Closed):
    kind: Literal["dot"]
    card_id: RefId
    delta: Literal[1, -1]


class AddInterest(Closed):
    kind: Literal["add_interest"]
    interest: InterestKind
    text: CardText
    private: bool = False


class Score(Closed):
    kind: Literal["score"]
    condition: Condition
    score: int = Field(ge=1, le=5)


class Mark(Closed):
    kind: Literal["mark"]
    axis_id: RefId
    value: int = Field(ge=0, le=100)


class Forms(Closed):
    kind: Literal["forms"]
    forms: list[CollaborationForm] = Field(max_length=len(CollaborationForm))


class Consent(Closed):
    kind: Literal["consent"]
    subject_id: RefId
    decision: Decision
    note: NoteText = ""


Action = Annotated[AddCard | Dot | AddInterest | Score | Mark | Forms | Consent,
                   Field(discriminator="kind")]


class Envelope(Closed):
    """One message from a bound phone: its own id, the activity it answers, the action."""

    id: MessageId
    activity: Annotated[str, StringConstraints(max_length=64)]
    """The activity key the phone saw when the participant tapped (``Activity.key``):
    an answer to a question that has since closed is refused, not applied elsewhere."""
    action: Action
