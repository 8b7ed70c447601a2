"""Timeline events: one per DATE/TIME expression, with the clause it dates.

The clause is the subtree of the verb that governs the date, without the
side clauses (relative, adverbial, coordinated) that do not contain it: for
"Les ministres ont indiqué dimanche être convenus d'activer dès décembre une
opération …", "dimanche" dates "Les ministres ont indiqué …" and "décembre"
dates "activer dès décembre une opération …".  Whether an event is past or
planned comes from its date against the publication date, and, within the
publication period, from the tense and the words around the date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .timex_resolve import lexical_direction, parse_direction
from .dates_fr import sort_key
from .model import Actor, Event, PubDate, Timex

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

MAX_SUMMARY_TOKENS = 28
_SIDE_CLAUSES = {"advcl", "acl:relcl", "parataxis", "conj", "dislocated", "vocative", "discourse"}
_DATELINE = re.compile(r"^\([^()]{2,60}\)\s*")
# Values that are not points on a calendar (PRESENT_REF…) have no place on a timeline.
_CALENDAR = re.compile(r"^\d{4}")


def build_events(doc: "Doc", timexes: Sequence[Timex], actors: Sequence[Actor], dct: PubDate | None) -> list[Event]:
    """The timeline events of one article (offsets of ``timexes``/``actors`` are into ``doc.text``)."""
    events: list[Event] = []
    for t in timexes:
        if t.type not in ("DATE", "TIME") or not _CALENDAR.match(t.value):
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        clause = _clause(span)
        sentence = span.sent
        start, end = clause[0].idx, clause[-1].idx + len(clause[-1])
        in_clause = _actors_within(actors, start, end) or _actors_within(actors, sentence.start_char, sentence.end_char)
        events.append(Event(
            id=f"e{len(events) + 1}",
            timex=t.id,
            summary=_summary(clause),
            sentence=_DATELINE.sub("", sentence.text.strip()),
            actors=tuple(in_clause),
            status=status(doc, t, dct),
        ))
    return events


def status(doc: "Doc", t: Timex, dct: PubDate | None) -> str:
    """"planned" if the date lies after publication, or in the publication period with a future reading."""
    if dct is not None:
        date_key = sort_key(t.value, t.mod)[:3]
        dct_key = sort_key(dct.value)[:3]
        # Compare only at the precision both have: "décembre" vs a DCT of "2023-11".
        depth = min(_precision(t.value), _precision(dct.value))
        if date_key[:depth] > dct_key[:depth]:
            return "planned"
        if date_key[:depth] < dct_key[:depth]:
            return "past"
    return "planned" if _direction(doc, t) == "future" else "past"


def _direction(doc: "Doc", t: Timex) -> str | None:
    """The words around the date first ("d'ici", "depuis"), then the governing verb's tense."""
    return lexical_direction(doc.text, t.start, t.end) or parse_direction(doc, t.start, t.end)


def _precision(value: str) -> int:
    m = re.match(r"^\d{4}(-\d\d)?(-\d\d)?", value)
    if not m:
        return 0
    return 1 + bool(m.group(1)) + bool(m.group(2))


def _governor(span: "Span") -> "Token":
    token = span.root
    for _ in range(5):
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "aux:tense", "aux:pass", "cop"):
            return token
        if token.head is token:
            break
        token = token.head
    return span.root.head if span.root.head is not span.root else span.root


def _clause(span: "Span") -> list["Token"]:
    """The governing verb's subtree, minus side clauses that do not hold the date."""
    verb = _governor(span)
    inside = {tok.i for tok in span}
    removed: set[int] = set()
    for child in verb.children:
        if child.dep_ in _SIDE_CLAUSES:
            sub = {t.i for t in child.subtree}
            if not sub & inside:
                removed |= sub
    tokens = [t for t in verb.subtree if t.i not in removed and t.sent == span.sent]
    while tokens and (tokens[0].is_punct or tokens[0].is_space) and tokens[0].text not in "«(":
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space) and tokens[-1].text not in "»)":
        tokens.pop()
    return tokens or list(span)


def _summary(tokens: list["Token"]) -> str:
    text = "".join(t.text_with_ws for t in tokens[:MAX_SUMMARY_TOKENS]).strip()
    text = _DATELINE.sub("", text)
    if len(tokens) > MAX_SUMMARY_TOKENS:
        text = text.rstrip(" ,;:") + " …"
    if text.count("«") > text.count("»"):
        text += " »"
    return text[:1].upper() + text[1:]


def _actors_within(actors: Sequence[Actor], start: int, end: int) -> list[str]:
    return [a.id for a in actors if any(start <= m.start and m.end <= end for m in a.mentions)]
