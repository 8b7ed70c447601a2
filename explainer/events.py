"""Timeline events: the clause each DATE/TIME expression dates.

For every DATE or TIME timex the event is the clause built on the verb that
governs it (its dependency subtree, without the coordinated or subordinate
clauses that do not contain the date), the sentence around it, the actors
mentioned in that clause, and whether the event is past or planned.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from typing import TYPE_CHECKING

from .model import Actor, Event, PubDate, Timex
from .timex_resolve import lexical_direction, parse_direction

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

# Dependents that start another clause: dropped from the summary unless they
# contain the date itself.
_OTHER_CLAUSE = frozenset({"conj", "parataxis", "advcl", "ccomp", "acl:relcl", "acl", "appos", "dislocated", "vocative"})
_EDGE_JUNK = frozenset({"PUNCT", "CCONJ", "SCONJ"})
_NOT_DATABLE = re.compile(r"^(?:PRESENT_REF|PAST_REF|FUTURE_REF)$")
_MAX_TOKENS = 40


def build_events(doc: "Doc", timexes: list[Timex], actors: list[Actor], dct: PubDate | None,
                 *, text: str | None = None) -> list[Event]:
    """One ``Event`` per datable DATE/TIME timex, in text order.

    ``timexes`` and the actors' mentions carry offsets into ``doc.text``.
    Expressions that name no point in time ("actuellement" = PRESENT_REF)
    give no event.  ``text`` is ``doc.text`` when the caller has it already.
    """
    events: list[Event] = []
    parsed = doc.has_annotation("DEP")
    if text is None:
        text = doc.text  # spaCy joins every token on each access: read it once
    for t in timexes:
        if t.type not in ("DATE", "TIME") or _NOT_DATABLE.match(t.value):
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if parsed:
            sent = span.root.sent
            tokens = _clause_tokens(span)
        else:
            sent, tokens = _fallback_clause(doc, span)
        summary = _text_of(tokens) or sent.text.strip()
        in_clause = _actors_in(actors, _runs(tokens))
        if not in_clause:
            in_clause = _actors_in(actors, [(sent.start_char, sent.end_char)])
        events.append(Event(
            id=f"e{len(events) + 1}", timex=t.id, summary=summary, sentence=sent.text.strip(),
            actors=tuple(in_clause), status=_status(doc, text, t, dct, parsed),
        ))
    return events


def _governor(span: "Span") -> "Token":
    """The verb (or copular predicate) that the date depends on."""
    token = span.root
    inside = range(span.start, span.end)
    for _ in range(8):
        if token.i not in inside and (token.pos_ in ("VERB", "AUX") or "Part" in token.morph.get("VerbForm")
                                      or any(c.dep_ == "cop" for c in token.children)):
            # an infinitive governed by an intention/modal verb reads better
            # with that verb: "être convenus d'activer dès décembre …"
            return token
        if token.head is token:
            return token
        token = token.head
    return token


def _clause_tokens(span: "Span") -> list["Token"]:
    """Tokens of the governing clause, other clauses pruned, edges trimmed."""
    head = _governor(span)
    date_tokens = set(range(span.start, span.end))
    drop: set[int] = set()

    def prune(tok: "Token") -> None:
        for child in tok.children:
            clause_like = child.dep_ != "conj" or child.pos_ in ("VERB", "AUX") or any(
                c.dep_.startswith("nsubj") or c.dep_ == "cop" for c in child.children)
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                clause_like = False  # "le président américain Joe Biden": the name is who acted
            if child.dep_ in _OTHER_CLAUSE and clause_like:
                sub = {t.i for t in child.subtree}  # only here: a subtree per child would be quadratic
                if not (sub & date_tokens):
                    drop.update(sub)
                    continue
            prune(child)

    prune(head)
    tokens = [t for t in head.subtree if t.i not in drop]
    if len(tokens) > _MAX_TOKENS:
        # still long: keep a window around the verb and the date
        lo = min(head.i, span.start) - 8
        hi = max(head.i, span.end) + 8
        tokens = [t for t in tokens if lo <= t.i <= hi]
    while tokens and (tokens[0].pos_ in _EDGE_JUNK or tokens[0].dep_ == "mark"):
        tokens.pop(0)
    while tokens and tokens[-1].pos_ in _EDGE_JUNK:
        tokens.pop()
    return tokens


def _fallback_clause(doc: "Doc", span: "Span") -> tuple["Span", list["Token"]]:
    """Without a parse: the sentence, and its comma-delimited piece holding the date."""
    text = doc.text
    start = max(text.rfind(c, 0, span.start_char) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, span.end_char) for c in ".!?\n") if i != -1]
    end = min(ends) + 1 if ends else len(text)
    sent = doc.char_span(start, end, alignment_mode="expand") or span
    lo = max(text.rfind(c, start, span.start_char) for c in ",;:«»") + 1
    lo = max(lo, start)
    his = [i for i in (text.find(c, span.end_char, end) for c in ",;:«»") if i != -1]
    hi = min(his) if his else end
    piece = doc.char_span(lo, hi, alignment_mode="expand")
    tokens = [t for t in (piece or sent) if not t.is_space]
    while tokens and tokens[-1].pos_ in _EDGE_JUNK | {""} and tokens[-1].is_punct:
        tokens.pop()
    return sent, tokens


def _text_of(tokens: list["Token"]) -> str:
    out = []
    for i, tok in enumerate(tokens):
        last = i + 1 == len(tokens) or tokens[i + 1].i != tok.i + 1
        out.append(tok.text if last else tok.text_with_ws)
        if last and i + 1 < len(tokens):
            out.append(" ")
    text = re.sub(r"\s+", " ", "".join(out)).strip()
    return re.sub(r"\s*\(\s*\)|«\s*»", "", text).strip()  # brackets emptied by pruning


def _runs(tokens: list["Token"]) -> list[tuple[int, int]]:
    """Character ranges of the runs of consecutive tokens: a mention of
    several tokens ("Lloyd Austin") lies inside a run, never inside one token."""
    runs: list[tuple[int, int]] = []
    previous = None
    for tok in sorted(tokens, key=lambda t: t.i):
        end = tok.idx + len(tok.text)
        if previous is not None and tok.i == previous + 1:
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((tok.idx, end))
        previous = tok.i
    return runs


def _actors_in(actors: list[Actor], intervals: list[tuple[int, int]]) -> list[str]:
    """Actors with a mention inside one of ``intervals``, in the actors' order."""
    # A mention lies inside some interval iff the intervals starting at or
    # before it reach past its end: one bisection per mention, not a scan.
    intervals = sorted(intervals)
    starts = [a for a, _ in intervals]
    reach = list(accumulate((b for _, b in intervals), max))
    found = []
    for actor in actors:
        for m in actor.mentions:
            k = bisect_right(starts, m.start) - 1
            if k >= 0 and m.end <= reach[k]:
                found.append(actor.id)
                break
    return found


def _after_dct(value: str, dct: PubDate | None) -> bool:
    """True when ``value`` (a TIMEX3 date) lies after the DCT at their common precision."""
    if dct is None:
        return False
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not m:
        return False
    parts = [p for p in m.groups() if p]
    ref = dct.value[:10].split("-")
    n = min(len(parts), len(ref))
    return tuple(map(int, parts[:n])) > tuple(map(int, ref[:n]))


def _status(doc: "Doc", text: str, t: Timex, dct: PubDate | None, parsed: bool) -> str:
    """"planned" for a date after publication or a future/intended action (``text`` is ``doc.text``)."""
    if t.resolved and _after_dct(t.value, dct):
        return "planned"
    if lexical_direction(text, t.start, t.end) == "future":
        return "planned"
    if parsed and parse_direction(doc, t.start, t.end) == "future":
        return "planned"
    return "past"
