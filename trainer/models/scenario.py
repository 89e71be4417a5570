"""A call situation: what went wrong, what the trainee may offer, how the call opens."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import Field, field_validator

from trainer.models.base import Strict, check_slots

Category = Literal[
    "billing",
    "delivery",
    "home_services",
    "outage",
    "travel",
    "retail",
    "healthcare",
    "banking",
    "other",
]

Keyword = Annotated[str, Field(min_length=2, max_length=60)]
Phrase = Annotated[str, Field(min_length=2, max_length=300)]
Line = Annotated[str, Field(min_length=1, max_length=600)]


class Brief(Strict):
    """What the trainee sees before and during the call."""

    company: str = Field(min_length=1)
    """The company the trainee works for; fills `{company}`."""
    product: str = Field(min_length=1)
    """The product or service involved; fills `{product}`."""
    account: list[str] = Field(default_factory=list)
    """What the account or order screen shows, one fact per line."""
    summary: str = Field(min_length=1)
    """Two or three sentences setting the scene."""


class Remedy(Strict):
    """Something the trainee is allowed to offer."""

    id: str = Field(pattern=r"^[a-z0-9_-]+$")
    """Short id, e.g. `refund_fee`."""
    label: str = Field(min_length=1)
    """What it is, as the trainee sees it: `Refund the late fee (up to 50)`."""
    keywords: list[Keyword] = Field(min_length=1)
    """Words that show the trainee offered it (any one, case-insensitive), e.g. `refund`, `credit`."""
    limit: float | None = Field(default=None, gt=0)
    """Largest amount the trainee may offer, if it is money; a larger figure counts as forbidden."""
    value: float = Field(default=0.6, ge=0, le=1)
    """How far it meets the customer's need for compensation, 0 to 1."""
    said_as: str = Field(default="", max_length=80)
    """How the customer names it in their own lines; fills `{remedy}` (e.g. `a hotel room`).
    Empty: the label in lower case, without amounts in brackets."""
    examples: list[Phrase] = Field(default_factory=list)
    """Ways a trainee might offer it in their own words ("I'll get you on the first plane out in
    the morning"). The customer recognises offers by meaning against these and the label, so a
    few varied phrasings without the keywords help most; `deescalate check --examples` checks
    that each one is heard as this offer."""
    asked_for: bool = False
    """Part of what the customer asks for (`customer_wants`). Once they have said what they want,
    agreement that points back at it ("go ahead with that", "yes, I can do both") offers these
    remedies. When no remedy is marked, the most valuable one is."""

    def spoken(self) -> str:
        """The remedy in the customer's words (`said_as`, else the label without amounts)."""
        if self.said_as:
            return self.said_as
        label = re.sub(r"\s*\([^)]*\)", "", self.label).strip().rstrip(".")
        return label[:1].lower() + label[1:]


class Forbidden(Strict):
    """Something policy forbids the trainee to promise."""

    label: str = Field(min_length=1)
    """What it is, e.g. `Waive the whole bill`."""
    keywords: list[Keyword] = Field(min_length=1)
    """Phrases that show the trainee promised it (any one, case-insensitive)."""


class Detail(Strict):
    """Something the customer tells the trainee when asked (a booking reference, an address)."""

    about: list[Keyword] = Field(min_length=1)
    """Words in the trainee's question that ask for it (any one, case-insensitive), e.g.
    `reference`, `booking`."""
    say: list[Line] = Field(min_length=1)
    """The customer's answer (several variants; slots allowed)."""

    @field_validator("say")
    @classmethod
    def _slots(cls, value: list[str]) -> list[str]:
        for line in value:
            check_slots(line)
        return value


class Hold(Strict):
    """Whether the trainee has to put the caller on hold to look something up."""

    required: bool = False
    """True when the answer is not on screen and the trainee must hold to find it."""
    reason: str = ""
    """What has to be looked up, shown in the brief."""
    seconds: int = Field(default=60, ge=5, le=1800)
    """How long the lookup takes, in simulated seconds."""
    finding: str = ""
    """What the trainee learns after the hold (shown when they come back)."""


class Scenario(Strict):
    """A call situation, authored as a YAML file in `scenarios/`."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=60)
    """Unique id, e.g. `double-billed`."""
    title: str = Field(min_length=1, max_length=120)
    """One-line title shown in lists."""
    category: Category
    """Industry area: billing, delivery, home_services, outage, travel, retail, healthcare, banking, other."""
    difficulty: int = Field(ge=1, le=5)
    """1 (gentle) to 5 (hardest)."""
    default_persona: str
    """Persona id played when the trainee does not pick one."""
    personas: list[str] = Field(default_factory=list)
    """Other persona ids whose lines fit this scenario, besides `default_persona`. The practice
    room pairs the scenario only with these (and says so before any other pairing); Surprise
    picks only from them."""
    brief: Brief
    """What the trainee sees."""
    problem: str = Field(min_length=1)
    """What went wrong, in a sentence or two."""
    issue: str = Field(min_length=1, max_length=120)
    """A short phrase for the problem, as the customer would say it; fills `{issue}`."""
    customer_wants: str = Field(min_length=1)
    """What the customer actually wants, in their own voice ("my wages", not "his"); fills
    `{want}` in lines such as "What I want is {want}"."""
    remedies: list[Remedy] = Field(default_factory=list)
    """What the trainee may offer, with limits."""
    forbidden: list[Forbidden] = Field(default_factory=list)
    """What policy forbids the trainee to promise."""
    near_misses: list[Phrase] = Field(default_factory=list)
    """Replies that mention a remedy without offering it: a refusal, a policy statement, a
    condition ("the 06:40 is full; a partner airline, if you're lucky"). `deescalate check
    --examples` checks that none is heard as an offer."""
    details: list[Detail] = Field(default_factory=list)
    """What the customer answers when the trainee asks for a detail (a booking reference, when
    it started); a question no detail covers gets the persona's `answer` lines."""
    needs_authority: bool = False
    """True when a proper fix needs a manager: a transfer after a genuine attempt is a fair result."""
    hold: Hold = Field(default_factory=Hold)
    """Whether a hold is needed to look something up."""
    turn_limit: int = Field(default=12, ge=2, le=60)
    """Replies after which the call ends whatever happens."""
    opening: list[str] = Field(min_length=1)
    """How the customer opens the call (one is picked; slots allowed)."""

    @field_validator("opening")
    @classmethod
    def _slots(cls, value: list[str]) -> list[str]:
        for line in value:
            check_slots(line)
        return value

    def allows(self, persona_id: str) -> bool:
        """Whether the persona was written for this scenario (its default or listed)."""
        return persona_id == self.default_persona or persona_id in self.personas

    def wanted(self) -> list[Remedy]:
        """The remedies the customer asks for: those marked `asked_for`, else the most valuable."""
        marked = [r for r in self.remedies if r.asked_for]
        if marked or not self.remedies:
            return marked
        return [max(self.remedies, key=lambda r: r.value)]
