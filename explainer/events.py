"""Timeline events: the clause each DATE/TIME expression dates.

For every DATE or TIME timex the event is the clause built on the verb that
governs it (its dependency subtree, without the coordinated or subordinate
clauses that do not contain the date), the sentence around it, the actors
mentioned in that clause, and whether the event is past or planned.

The summary is that clause, read so that it stands on its own: an
adnominal participle brings the noun it qualifies ("Cette photo prise le 13
avril 2023"), a coordinated verb the subject it shares; a verb that only
introduces the date ("à partir de") is not its governor; a clause longer
than ``_MAX_TOKENS`` words loses whole phrases from its edges, never part of
one, and keeps its subject.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from .model import Actor, Event, PubDate, Timex
from .timex_resolve import adnominal_participle_before, lexical_direction, morph_values, parse_direction

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

# Dependents that start another clause: dropped from the summary unless they
# contain the date itself.
_OTHER_CLAUSE = frozenset({"conj", "parataxis", "advcl", "ccomp", "acl:relcl", "acl", "appos", "dislocated", "vocative"})
_EDGE_JUNK = frozenset({"PUNCT", "CCONJ", "SCONJ"})
_NOT_DATABLE = re.compile(r"^(?:PRESENT_REF|PAST_REF|FUTURE_REF)$")
_MAX_TOKENS = 40  # words (punctuation not counted) in a summary
# Dependents that are whole phrases: a long summary loses them one at a time,
# so it is cut between phrases, never inside one ("une opération de").
_PHRASE_DEPS = frozenset({
    "nmod", "obl", "obl:mod", "obl:arg", "obl:agent", "obl:tmod", "obj", "iobj", "advmod", "appos", "conj",
    "acl", "acl:relcl", "advcl", "ccomp", "xcomp", "dep", "parataxis", "dislocated", "nmod:poss",
})
# Light dependents of the noun an adnominal verb modifies ("Cette photo prise …").
_NOUN_CORE = frozenset({"det", "amod", "nummod", "compound", "flat", "flat:name", "flat:foreign", "fixed", "nmod:poss"})


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
    spans = {t.id: doc.char_span(t.start, t.end, alignment_mode="expand")
             for t in timexes if t.type in ("DATE", "TIME")}
    mentions = _Mentions(actors)
    dated: set[int] = set()  # tokens of every date, so that one date's summary does not borrow another's
    for span in spans.values():
        if span is not None:
            dated.update(range(span.start, span.end))
    for t in timexes:
        if t.type not in ("DATE", "TIME") or _NOT_DATABLE.match(t.value):
            continue
        span = spans[t.id]
        if span is None or len(span) == 0:
            continue
        if parsed:
            sent = span.root.sent
            tokens = _clause_tokens(span, dated)
        else:
            sent, tokens = _fallback_clause(doc, span)
        runs = _runs(tokens)
        # A span's text is the doc's text between its first and last characters
        # (``Span.text`` joins its tokens again on every access).
        sentence = text[sent.start_char:sent.end_char].strip()
        summary = _text_of(text, runs) or sentence
        in_clause = mentions.actors_in(runs)
        if not in_clause:
            in_clause = mentions.actors_in([(sent.start_char, sent.end_char)])
        events.append(Event(
            id=f"e{len(events) + 1}", timex=t.id, summary=summary, sentence=sentence,
            actors=tuple(in_clause), status=_status(doc, text, t, dct, parsed),
        ))
    return events


def _is_predicate(token: "Token") -> bool:
    return token.pos_ in ("VERB", "AUX") or "Part" in morph_values(token, "VerbForm") \
        or any(c.dep_ == "cop" for c in token.children)


def _in_date_preposition(token: "Token", span: "Span") -> bool:
    """"partir" in "à partir de janvier", "compter" in "à compter du 1er mars".

    A verb that only introduces the date (it comes right before it, with
    nothing but "de"/"du" and a determiner in between) is part of the date's
    own prepositional phrase, not the verb the date dates.
    """
    if token.i >= span.start:
        return False
    between = token.doc[token.i + 1:span.start]
    if not between or not all(t.pos_ in ("ADP", "DET") for t in between):
        return False
    if not any(t.lower_ in ("de", "du", "d'", "d’", "des") for t in between):
        return False
    before = token.doc[token.i - 1] if token.i > 0 else None
    return token.dep_ in ("fixed", "case", "mark") or (before is not None and before.pos_ == "ADP")


def _governor(span: "Span") -> "Token":
    """The verb (or copular predicate) that the date depends on."""
    participle = adnominal_participle_before(span)
    if participle is not None:
        return participle
    token = span.root
    inside = range(span.start, span.end)
    for _ in range(8):
        if token.i not in inside and _is_predicate(token) and not _in_date_preposition(token, span):
            # an infinitive governed by an intention/modal verb reads better
            # with that verb: "être convenus d'activer dès décembre …"
            return token
        if token.head is token:
            return token
        token = token.head
    return token


def _clause_tokens(span: "Span", dated: AbstractSet[int] = frozenset()) -> list["Token"]:
    """Tokens of the governing clause, other clauses pruned, cut to size, edges trimmed.

    ``dated``: token indices of every date of the text (another date's phrase
    is not borrowed into this one's summary).
    """
    head = _governor(span)
    doc = span.doc
    date_tokens = set(range(span.start, span.end))
    drop: set[int] = {c.i for c in head.children if c.dep_ == "cc"}  # "et publiée …": the coordinator
    # Another clause below the governor leaves with its whole subtree, unless
    # the date is in it.  One pass over the subtree finds them all: a clause
    # nested in one that leaves goes with it anyway (its subtree is part of
    # that one's), so each dependent is tested on its own.
    clause = list(head.subtree)
    for tok in clause:
        if tok.dep_ in _OTHER_CLAUSE and tok.i != head.i and _clause_like(tok):
            sub = {t.i for t in tok.subtree}  # only here: a subtree per token would be quadratic
            if not (sub & date_tokens):
                drop |= sub
    kept = {t.i for t in clause if t.i not in drop}
    # The date itself, when the governor was found by position rather than
    # by the tree ("publiée par l'agence … le 14 avril"), hangs elsewhere.
    if span.root.i not in kept:
        kept |= {t.i for t in span.root.subtree}
    kept |= _noun_of(head, dated)
    kept |= _shared_subject(head, dated)
    if not any(doc[i].pos_ not in ("ADP", "DET", "PUNCT", "SPACE", "CCONJ") and i not in date_tokens
               and not _in_date_preposition(doc[i], span) for i in kept):
        # only the date's own phrase ("à partir de janvier" in a verbless
        # sentence, which the parser may even split off as a sentence of its
        # own): the sentence, up to its punctuation, says more than that
        kept = {t.i for t in _fallback_clause(doc, span)[0]}
    kept = _fit(doc, kept, head, span)
    tokens = [tok for tok in map(doc.__getitem__, sorted(kept)) if not tok.is_space]
    while tokens and (_junk(tokens[0]) or tokens[0].dep_ == "mark"):
        tokens.pop(0)
    while tokens and _junk(tokens[-1]) and not _closes_open_quote(tokens):
        tokens.pop()
    return tokens


def _clause_like(child: "Token") -> bool:
    """Whether a dependent whose relation can start a clause (``_OTHER_CLAUSE``) does start one."""
    dep = child.dep_
    if dep == "appos" and child.pos_ == "PROPN":
        return False  # "le président américain Joe Biden": the name is who acted
    if dep in ("acl", "appos") and child.n_lefts + child.n_rights == 0:
        return False  # one word: "une série record", "les mesures annoncées"
    return dep != "conj" or child.pos_ in ("VERB", "AUX") or any(
        c.dep_.startswith("nsubj") or c.dep_ == "cop" for c in child.children)


def _junk(token: "Token") -> bool:
    """Punctuation or a conjunction at the edge of a summary ("h." in "à 17 h." is a word)."""
    return token.pos_ in _EDGE_JUNK and not (token.pos_ == "PUNCT" and any(c.isalnum() for c in token.text))


def _closes_open_quote(tokens: list["Token"]) -> bool:
    """The last token closes a « or ( opened inside ``tokens``: keep it."""
    pairs = {"»": "«", ")": "(", "”": "“"}
    last = tokens[-1].text
    if last not in pairs:
        return False
    texts = [t.text for t in tokens[:-1]]
    return texts.count(pairs[last]) > texts.count(last)


def _noun_of(head: "Token", dated: AbstractSet[int]) -> set[int]:
    """The noun an adnominal verb modifies, with its determiner and adjectives.

    "prise le 13 avril 2023" says nothing without "Cette photo"; a verb
    parsed as a modifier of the noun before it ("Les trains circuleront …"
    with "trains" as the root) has that noun for subject.  The noun's other
    clauses and dates stay out; its modifiers between it and the verb stay in
    ("les ministres de la Défense réunis dimanche").
    """
    if any((c.dep_.startswith(("nsubj", "csubj", "expl:subj")) and "Rel" not in morph_values(c, "PronType"))
           or c.dep_ == "mark" for c in head.children):
        return set()  # a clause with its own subject or conjunction ("… puisqu'il fut directeur …")
    anchor = head
    while anchor.dep_ == "conj" and anchor.head is not anchor and "Part" in morph_values(anchor.head, "VerbForm"):
        anchor = anchor.head  # "écrite le 3 mai et envoyée … le 5 mai": the noun of the first participle
    noun = anchor.head
    adnominal = anchor.dep_ in ("acl", "acl:relcl", "amod") \
        or (anchor.dep_ == "conj" and "Part" in morph_values(anchor, "VerbForm"))  # "lettre … et envoyée"
    if not adnominal or noun is anchor or noun.pos_ not in ("NOUN", "PROPN") or noun.i > head.i:
        return set()
    out: set[int] = set()
    below = anchor
    while True:
        out.add(noun.i)
        for child in noun.children:
            if child is below:
                continue
            sub = {t.i for t in child.subtree}
            if sub & dated or any(_is_predicate(t) for t in child.subtree):
                continue  # another date or another clause: "prise le 13 avril 2023", "et publiée …"
            if child.dep_ in _NOUN_CORE or (child.dep_ in ("nmod", "appos") and noun.i < child.i < head.i):
                out |= sub
        # a modifier without a preposition is an adjective the tagger took for a
        # noun ("un sommet tripartite organisé …"): the noun is the one before it
        up = noun.head
        if noun.dep_ not in ("nmod", "amod", "compound") or up is noun or up.pos_ not in ("NOUN", "PROPN") \
                or up.i > noun.i or any(c.dep_ == "case" for c in noun.children):
            # "… de la région conduits par …": a verb that does not agree
            # with the noun was hung on the wrong one; leave the noun out
            return out if _agrees(head, noun) else set()
        below, noun = noun, up


def _shared_subject(head: "Token", dated: AbstractSet[int]) -> set[int]:
    """The subject a coordinated verb shares with the first one ("Ils ont conclu … et signé …").

    A participle also takes the first verb's auxiliary: "Ils ont signé un
    traité en mars", not "Ils signé …".
    """
    first = head.head
    if head.dep_ != "conj" or first is head or first.pos_ not in ("VERB", "AUX") \
            or any(c.dep_.startswith("nsubj") for c in head.children):
        return set()
    out: set[int] = set()
    for child in first.children:
        if child.dep_.startswith("nsubj") and "Fin" in morph_values(head, "VerbForm") \
                and morph_values(head, "Number") and morph_values(child, "Number") \
                and morph_values(head, "Number") != morph_values(child, "Number"):
            return set()  # "dont le montant devrait … se dérouleront": not that subject (a participle
            # after "avoir" does not agree, so only a finite verb is checked)
    for child in first.children:
        if child.dep_.startswith("nsubj") or (child.dep_.startswith("aux") and "Part" in morph_values(head, "VerbForm")
                                              and not any(c.dep_.startswith("aux") for c in head.children)):
            sub = {t.i for t in child.subtree}
            if not sub & dated:
                out |= sub
    return out


def _agrees(verb: "Token", noun: "Token") -> bool:
    """Number and gender, where both words have them, are the same."""
    for key in ("Number", "Gender"):
        a, b = morph_values(verb, key), morph_values(noun, key)
        if a and b and a != b:
            return False
    return True


def _words(doc: "Doc", kept: set[int]) -> int:
    return sum(1 for i in kept if not doc[i].is_punct and not doc[i].is_space)


def _fit(doc: "Doc", kept: set[int], head: "Token", span: "Span") -> set[int]:
    """``kept`` cut to ``_MAX_TOKENS`` words by dropping whole phrases, farthest first.

    The governor, the date, the path between them and the subject's head
    always stay; the subject's own modifiers go last ("Les ministres de la
    Défense des États-Unis, … ont indiqué dimanche …" keeps its actors).
    Each step drops the smallest phrase holding the word farthest from the
    stretch between the governor and the date, so the cut falls between
    phrases.
    """
    if _words(doc, kept) <= _MAX_TOKENS:
        return kept
    core = set(range(span.start, span.end)) | {head.i}
    tok = span.root
    for _ in range(16):
        core.add(tok.i)
        if tok is head or tok.head is tok:
            break
        tok = tok.head
    subject = {t.i for c in head.children if c.dep_.startswith("nsubj") for t in c.subtree}
    # words between the governor and the date are the heart of the clause:
    # distance counts from that stretch outwards
    lo, hi = min(head.i, span.start), max(head.i, span.end - 1)
    before = set(kept)
    while _words(doc, kept) > _MAX_TOKENS:
        units: list[tuple[int, int, int, set[int]]] = []  # (tier, -distance, size, tokens)
        for i in kept:
            child = doc[i]
            if child.dep_ not in _PHRASE_DEPS or child.i in core or child.head.i not in kept or child.head is child \
                    or child.pos_ == "PUNCT" or child.head.pos_ in ("NUM", "SYM"):
                continue  # the "3" of "(1-3)" is not a phrase of its own
            sub = {t.i for t in child.subtree} & kept
            if sub & core:
                continue
            distance = max(max(lo - j, j - hi, 0) for j in sub)
            units.append((1 if child.i in subject else 0, -distance, len(sub), sub))
        if not units:
            break
        tier, far, _, _ = min(units, key=lambda u: (u[0], u[1]))
        # among the phrases holding that farthest word, the smallest
        _, _, _, unit = min((u for u in units if u[0] == tier and u[1] == far), key=lambda u: u[2])
        kept -= unit
    # a comma left next to a dropped phrase: "des États-Unis, ont indiqué"
    for i in sorted(kept):
        if doc[i].is_punct and doc[i].text in (",", ";") and (
                (i + 1 in before and i + 1 not in kept) or (i - 1 in before and i - 1 not in kept)):
            kept.discard(i)
    return kept


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


def _text_of(text: str, runs: list[tuple[int, int]]) -> str:
    """The summary's text: its runs of consecutive tokens (``_runs``), one space between runs.

    A run of tokens reads as the doc's text from its first token to the end
    of its last one (each token's text and trailing space, the last one's text).
    """
    text = re.sub(r"\s+", " ", " ".join(text[a:b] for a, b in runs)).strip()
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


class _Mentions:
    """Every actor mention of a text by its start, read once per text rather than once per event."""

    def __init__(self, actors: list[Actor]) -> None:
        self.ids = [actor.id for actor in actors]
        self.mentions = sorted((m.start, m.end, k) for k, actor in enumerate(actors) for m in actor.mentions)
        self.starts = [start for start, _, _ in self.mentions]

    def actors_in(self, intervals: list[tuple[int, int]]) -> list[str]:
        """Actors with a mention inside one of ``intervals``, in the actors' order."""
        # The mentions inside (a, b) start in a..b: one bisection per
        # interval, then only those mentions.
        found: set[int] = set()
        for a, b in intervals:
            j = bisect_left(self.starts, a)
            while j < len(self.mentions) and self.mentions[j][0] <= b:
                if self.mentions[j][1] <= b:
                    found.add(self.mentions[j][2])
                j += 1
        return [self.ids[k] for k in sorted(found)]


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
