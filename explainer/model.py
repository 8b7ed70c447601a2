"""Typed, immutable records that flow through the pipeline.

read → ``Seed``; extract → ``Timex``, ``Actor`` (with ``Mention``), ``Event``;
the three together → ``Article``, which render and write consume and which
``Article.to_json()`` turns into the public ``explainer/article@1`` contract.

Offsets (``start``/``end``) are Python string indices into
``Seed.paragraphs[paragraph]``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Precision = Literal["year", "month", "day", "minute"]
ActorType = Literal["person", "organization", "state", "place", "event", "work", "other"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Mod = Literal["START", "MID", "END", "APPROX", "BEFORE", "AFTER", "MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS", "ON_OR_BEFORE", "ON_OR_AFTER"]
Status = Literal["past", "planned"]

# Mentions and timexes point into ``Seed.paragraphs`` by index; text outside
# the body that is still shown and annotated uses these negative indices.
CAPTION, CREDIT, BYLINE = -1, -2, -3
SEGMENT_NAMES = {CAPTION: "photo.caption", CREDIT: "photo.credit", BYLINE: "byline"}

# In the order readers look for them (the glossary groups follow it): people, then states, then
# organisations, places, events, works and weapons.
ACTOR_TYPES: tuple[str, ...] = ("person", "state", "organization", "place", "event", "work", "other")


@dataclass(frozen=True)
class PubDate:
    """A publication date that keeps the precision the seed gives.

    ``value`` is ISO-like: ``2023``, ``2023-11``, ``2023-11-12`` or
    ``2023-11-12T08:30``.  ``precision`` says which of those it is, so that
    "dimanche" is never resolved to a day the seed does not name.
    """

    value: str
    precision: Precision

    @classmethod
    def parse(cls, text: str) -> "PubDate":
        """Parse ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM``.

        Raises ``ValueError`` with a message that says what form is expected.
        """
        text = text.strip()
        forms: tuple[tuple[str, Precision], ...] = (
            ("%Y-%m-%dT%H:%M", "minute"),
            ("%Y-%m-%d %H:%M", "minute"),
            ("%Y-%m-%d", "day"),
            ("%Y-%m", "month"),
            ("%Y", "year"),
        )
        for fmt, precision in forms:
            try:
                parsed = dt.datetime.strptime(text, fmt)
            except ValueError:
                continue
            value = {
                "minute": parsed.strftime("%Y-%m-%dT%H:%M"),
                "day": parsed.strftime("%Y-%m-%d"),
                "month": parsed.strftime("%Y-%m"),
                "year": parsed.strftime("%Y"),
            }[precision]
            return cls(value=value, precision=precision)
        raise ValueError(
            f"invalid date {text!r}: expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM"
        )

    @property
    def year(self) -> int:
        return int(self.value[:4])

    @property
    def month(self) -> int | None:
        return int(self.value[5:7]) if self.precision != "year" else None

    @property
    def day(self) -> dt.date | None:
        """The calendar day, when the seed names one."""
        if self.precision in ("day", "minute"):
            return dt.date.fromisoformat(self.value[:10])
        return None

    def to_json(self) -> dict:
        return {"value": self.value, "precision": self.precision}


@dataclass(frozen=True)
class Photo:
    caption: str
    credit: str | None


@dataclass(frozen=True)
class Seed:
    """One parsed seed article, before any NLP.

    ``lines[i]`` is the 1-based line number in ``source_file`` where
    ``paragraphs[i]`` starts, so later stages can point editors at the file.
    """

    source_file: str
    slug: str
    title: str
    published: PubDate | None
    dateline: str | None
    byline: str | None
    photo: Photo | None
    paragraphs: tuple[str, ...]
    lines: tuple[int, ...]
    language: str = "fr"

    def segments(self) -> tuple[tuple[int, str], ...]:
        """Every annotated piece of text as ``(index, text)``, in reading order.

        The caption and credit come first (they sit above the article), the
        byline last; indices follow the ``CAPTION``/``CREDIT``/``BYLINE``
        convention so offsets stay local to one piece of text.
        """
        pieces: list[tuple[int, str]] = []
        if self.photo:
            pieces.append((CAPTION, self.photo.caption))
            if self.photo.credit:
                pieces.append((CREDIT, self.photo.credit))
        pieces.extend(enumerate(self.paragraphs))
        if self.byline:
            pieces.append((BYLINE, self.byline))
        return tuple(pieces)

    def segment_text(self, index: int) -> str:
        return dict(self.segments())[index]


@dataclass(frozen=True)
class Mention:
    paragraph: int
    start: int
    end: int
    text: str

    def to_json(self) -> dict:
        return {"paragraph": self.paragraph, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Actor:
    """One real-world actor with every mention of it in the article."""

    id: str
    name: str
    type: ActorType
    role: str | None
    aliases: tuple[str, ...]
    affiliation: str | None
    mentions: tuple[Mention, ...]
    description: str | None = None
    confidence: float = 1.0
    wikidata: str | None = None  # item id from the knowledge file, e.g. "Q2582640"

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "role": self.role,
            "aliases": list(self.aliases),
            "affiliation": self.affiliation,
            "description": self.description,
            "wikidata": self.wikidata,
            "confidence": round(self.confidence, 3),
            "mentions": [m.to_json() for m in self.mentions],
        }


@dataclass(frozen=True)
class Timex:
    """A TIMEX3-style temporal expression.

    ``resolved`` is False when the text names a precision that the anchor
    cannot give (e.g. "dimanche" when only the month of publication is
    known); ``value`` is then the best coarser value.
    """

    id: str
    paragraph: int
    start: int
    end: int
    text: str
    type: TimexType
    value: str
    mod: Mod | None
    resolved: bool = True

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "mod": self.mod,
            "resolved": self.resolved,
        }


@dataclass(frozen=True)
class Event:
    """A dated event for the timeline: the clause a DATE/TIME timex governs."""

    id: str
    timex: str
    summary: str
    sentence: str
    actors: tuple[str, ...]
    status: Status

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "timex": self.timex,
            "summary": self.summary,
            "sentence": self.sentence,
            "actors": list(self.actors),
            "status": self.status,
        }


@dataclass(frozen=True)
class Review:
    """An editor's sign-off, from the seed's correction file."""

    by: str
    date: str


@dataclass(frozen=True)
class Article:
    """Everything the renderer needs for one explainer page."""

    seed: Seed
    actors: tuple[Actor, ...]
    timexes: tuple[Timex, ...]
    events: tuple[Event, ...]
    review: Review | None = None
    warnings: tuple[str, ...] = field(default=())

    @property
    def slug(self) -> str:
        return self.seed.slug

    def to_json(self) -> dict:
        seed = self.seed
        return {
            "schema": "explainer/article@1",
            "slug": seed.slug,
            "source_file": seed.source_file,
            "language": seed.language,
            "title": seed.title,
            "published": seed.published.to_json() if seed.published else None,
            "dateline": seed.dateline,
            "byline": seed.byline,
            "photo": {"caption": seed.photo.caption, "credit": seed.photo.credit} if seed.photo else None,
            "paragraphs": list(seed.paragraphs),
            "lines": list(seed.lines),
            "actors": [a.to_json() for a in self.actors],
            "timexes": [t.to_json() for t in self.timexes],
            "events": [e.to_json() for e in self.events],
            "review": {"by": self.review.by, "date": self.review.date} if self.review else None,
        }


def article_from_json(data: dict) -> Article:
    """Rebuild an ``Article`` from ``Article.to_json()`` output (the cache format)."""
    published = data.get("published")
    photo = data.get("photo")
    seed = Seed(
        source_file=data["source_file"],
        slug=data["slug"],
        title=data["title"],
        published=PubDate(published["value"], published["precision"]) if published else None,
        dateline=data.get("dateline"),
        byline=data.get("byline"),
        photo=Photo(photo["caption"], photo.get("credit")) if photo else None,
        paragraphs=tuple(data["paragraphs"]),
        lines=tuple(data.get("lines", ())),
        language=data.get("language", "fr"),
    )
    actors = tuple(
        Actor(
            id=a["id"], name=a["name"], type=a["type"], role=a.get("role"),
            aliases=tuple(a.get("aliases", ())), affiliation=a.get("affiliation"),
            mentions=tuple(Mention(**m) for m in a.get("mentions", ())),
            description=a.get("description"), confidence=a.get("confidence", 1.0), wikidata=a.get("wikidata"),
        )
        for a in data.get("actors", ())
    )
    timexes = tuple(Timex(**t) for t in data.get("timexes", ()))
    events = tuple(
        Event(id=e["id"], timex=e["timex"], summary=e["summary"], sentence=e["sentence"],
              actors=tuple(e.get("actors", ())), status=e["status"])
        for e in data.get("events", ())
    )
    review = data.get("review")
    return Article(seed=seed, actors=actors, timexes=timexes, events=events,
                   review=Review(review["by"], review["date"]) if review else None)
