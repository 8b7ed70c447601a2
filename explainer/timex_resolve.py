"""Anchors and direction for relative French temporal expressions.

Two questions decide the value of "jeudi", "décembre" or "le 14 avril":

* *which anchor*: the publication date (DCT), or a date the text itself
  narrates from;
* *which direction*: the last Thursday or the next one.  The direction comes
  from, in order: words around the expression ("dernier", "prochain",
  "à partir de", "d'ici"), the tense and mood of the verb that governs it
  (spaCy morphology and dependencies, including a past reporting verb that
  governs a planned action: "ont indiqué être convenus d'activer dès
  décembre"), a cheap regex reading of nearby verb forms when there is no
  parse, and finally "nearest".
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Literal

from .nlp import lemma, sent_start
from .timex_lexicon import INTENT_LEMMAS, PLANNED_WORDS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

Direction = Literal["past", "future", "nearest"]

# --- lexical cues -----------------------------------------------------------

# Just before the expression: these prepositions look ahead from the anchor.
_FUTURE_PREFIX = re.compile(
    r"(?:\bà\s+partir\s+d[eu’']\s*|\bà\s+compter\s+d[eu’']\s*|\bd[’']ici\s+(?:à\s+)?|\bjusqu[’']\s*(?:à|au|en)\s+"
    r"|\bavant\s+(?:le\s+|la\s+)?)$",
    re.IGNORECASE,
)
_PAST_PREFIX = re.compile(r"(?:\bdepuis\s+(?:le\s+|la\s+)?|\bil\s+y\s+a\s+)$", re.IGNORECASE)


def lexical_direction(text: str, start: int, end: int) -> Direction | None:
    """Direction given by the words right around the expression, if any.

    "dès" is deliberately not a cue: "interpellés dès mardi soir" is past;
    the verb decides ("convenus d'activer dès décembre" is planned).
    """
    before = text[max(0, start - 25):start]
    if _PAST_PREFIX.search(before):
        return "past"
    if _FUTURE_PREFIX.search(before):
        return "future"
    return None


# --- tense from the parse ---------------------------------------------------

_MORPH_VALUES: dict[tuple[int, str], tuple[str, ...]] = {}


def morph_values(token: "Token", key: str) -> tuple[str, ...]:
    """``tuple(token.morph.get(key))``, read once per distinct analysis.

    ``MorphAnalysis.get`` splits the feature strings again on every call
    (~1.4 µs, more than the rest of a test on the token); the analysis's
    ``key`` is the hash of its whole feature string, so every token with the
    same key has the same values.
    """
    morph = token.morph
    found = _MORPH_VALUES.get((morph.key, key))
    if found is None:
        found = _MORPH_VALUES[(morph.key, key)] = tuple(morph.get(key))
    return found


def _morph(token: "Token", key: str) -> str | None:
    values = morph_values(token, key)
    return values[0] if values else None


# Future endings that no other finite form has ("déclara" and "entra" are
# passé simple, "déclarera" and "entrera" future).
_FUTURE_ENDING = re.compile(r"(?:era|ira|dra|rra|ura|eront|iront|dront|rront|uront|erai|irai|drai|rrai|urai|rons|rez)$")
_FORWARD_MARKS = frozenset({"avant", "pour", "afin", "jusque", "jusqu'", "jusqu’"})
_MODALS = frozenset({"pouvoir", "devoir", "aller", "vouloir"})

# The conditional is the future stem + the imperfect endings.  "-rait" alone
# does not tell it from an imperfect ("déclarait", "durait", "ouvrait"), and
# the tagger often reads "démissionnerait" as a present or an imperfect, so
# the stem is compared with the lemma: the infinitive for -er/-ir verbs
# ("démissionner-ait"), the infinitive less its "e" for -re verbs
# ("prendr-ait"), else an irregular future stem ("pourr-ait", "viendr-ait").
_CONDITIONAL_ENDING = re.compile(r"(?<=r)(?:ais|ait|aient|ions|iez)$")
_IRREGULAR_FUTURE_STEMS = (  # lemma ending -> future stem ending ("devenir" -> "deviendr")
    ("avoir", "aur"), ("être", "ser"), ("faire", "fer"), ("pouvoir", "pourr"), ("cevoir", "cevr"),
    ("devoir", "devr"), ("vouloir", "voudr"), ("aller", "ir"), ("venir", "viendr"), ("tenir", "tiendr"),
    ("falloir", "faudr"), ("savoir", "saur"), ("voir", "verr"), ("envoyer", "enverr"), ("valoir", "vaudr"),
    ("courir", "courr"), ("mourir", "mourr"), ("quérir", "querr"), ("pleuvoir", "pleuvr"),
)


def _is_conditional_form(token: "Token") -> bool:
    """True when ``token`` is a present-conditional form of its lemma ("démissionnerait")."""
    word = token.lower_
    m = _CONDITIONAL_ENDING.search(word)
    if not m:
        return False  # (tested first: a lemma not yet seen costs the lemmatizer ~0.2 ms)
    lem = lemma(token).lower()
    if not lem or lem == word:
        return False
    stem = word[:m.start()]
    # spelling changes of the future stem: "achèter-" (acheter), "appeller-", "emploier-"
    regular = re.sub(r"([lt])\1(?=er$)", r"\1", stem.replace("è", "e"))
    regular = re.sub(r"([oau])ier$", r"\1yer", regular)
    if lem in (stem, regular) or (lem.endswith("re") and stem == lem[:-1]):
        return True
    return any(lem.endswith(inf) and stem == lem[:-len(inf)] + fut for inf, fut in _IRREGULAR_FUTURE_STEMS)


def _verb_direction(verb: "Token", depth: int = 0) -> Direction | None:
    """Direction implied by ``verb``'s tense, mood and auxiliaries.

    "nearest" means a present-tense verb was found: the tense itself says
    nothing about past or future, and no other cue should be looked for.
    """
    if depth > 4:
        return None
    if verb.lower_ in PLANNED_WORDS and verb.lower_ not in ("annoncé", "annoncée"):
        return "future"
    if any(c.dep_ == "mark" and c.lower_ in _FORWARD_MARKS for c in verb.children):
        return "future"  # "avant de quitter", "avant que … soit rendu public", "pour signer"
    auxes = [c for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "cop"]
    form = _morph(verb, "VerbForm")
    for aux in auxes:
        if _morph(aux, "Tense") == "Fut":
            return "future"  # futur antérieur: "aura été signé"
    if form == "Inf":
        # An infinitive takes its time from the verb that governs it.  An
        # intention verb makes the action planned even when it is itself
        # past ("sont convenus d'activer", "a décidé de partir").
        gov = verb.head
        if gov is verb:
            return None
        if lemma(gov) in INTENT_LEMMAS or lemma(gov) in _MODALS or gov.lower_ in PLANNED_WORDS:
            return "future"
        if lemma(gov) == "venir":  # "vient de signer": recent past
            return "past"
        if gov.pos_ in ("VERB", "AUX"):
            return _verb_direction(gov, depth + 1)
        if _intent_word_before(verb):
            return "future"  # "Le groupe compte ouvrir …" with "compte" tagged as a noun
        return None
    mood = _morph(verb, "Mood") or next((_morph(a, "Mood") for a in auxes if _morph(a, "Mood")), None)
    if form == "Fin" and _is_conditional_form(verb) or any(_is_conditional_form(a) for a in auxes):
        mood = "Cnd"  # the tagger's "Ind" for "démissionnerait", "aurait"
    if mood == "Cnd":
        # simple conditional reports a plan ("devrait signer"); the compound
        # one a past allegation ("aurait tué").
        return "past" if auxes and form == "Part" else "future"
    tense = _morph(verb, "Tense")
    if form == "Fin" and tense != "Fut" and _FUTURE_ENDING.search(verb.lower_):
        return "future"  # the tagger sometimes reads "rendra" as a past form
    if form == "Part":
        if tense == "Pres":  # "prévoyant", "devant" -> look at the lemma
            return "future" if lemma(verb) in INTENT_LEMMAS else None
        aux_tense = next((_morph(a, "Tense") for a in auxes if _morph(a, "Tense")), None)
        if aux_tense == "Pres" and verb.dep_ != "ROOT" and any(a.dep_ == "aux:pass" for a in auxes) \
                and not any(a.dep_ == "aux:tense" for a in auxes):
            return "nearest"  # present passive "est fixé", "sont attendus"
        return "past"  # passé composé, plus-que-parfait, "les mesures annoncées mercredi"
    if tense == "Fut":
        return "future"
    if tense in ("Imp", "Past"):
        return "past"
    if tense == "Pres" or mood == "Sub":
        return "nearest"
    return None


def _predicate_direction(token: "Token") -> Direction | None:
    """Tense of a nominal/adjectival predicate through its copula ("sont incertains")."""
    for c in token.children:
        if c.dep_ == "cop":
            tense = _morph(c, "Tense")
            if tense == "Fut":
                return "future"
            if tense in ("Imp", "Past"):
                return "past"
            if _morph(c, "Mood") == "Cnd":
                return "future"
            return "nearest"
    return None


# Words that, before an infinitive (after "de"/"à" and clitics), make it an
# intention whatever their part-of-speech tag: "compte ouvrir", "prévoit de partir".
_INTENT_VERB = (
    r"convenu|convenus|convenue|convenues|décidé|décidée|décidés|prévu|prévue|prévus|promis|accepté|acceptée|"
    r"engagé|engagée|engagés|engagées|résolu|prévoyant|prévoit|prévoient|envisage|envisagent|envisagé|compte|"
    r"comptent|entend|entendent|apprête|apprêtent|propose|proposé|proposent|annoncé|annonce|annoncent|"
    r"menacé|menace|menacent|projette|projettent|souhaite|souhaitent|veut|veulent|voulu"
)
_INTENT_WORD = re.compile(rf"(?:{_INTENT_VERB})", re.IGNORECASE)
_BEFORE_INFINITIVE = frozenset({
    "de", "d'", "d’", "à", "ne", "n'", "n’", "pas", "se", "s'", "s’", "le", "la", "les", "l'", "l’", "y", "en",
    "lui", "leur", "me", "m'", "m’", "te", "t'", "t’", "nous", "vous",
})


def _intent_word_before(infinitive: "Token") -> bool:
    """True when the word before ``infinitive`` (past "de", "à", clitics) states an intention."""
    i = infinitive.i - 1
    doc = infinitive.doc
    while i >= 0 and i > infinitive.i - 5 and doc[i].lower_ in _BEFORE_INFINITIVE:
        i -= 1
    return i >= 0 and (
        bool(_INTENT_WORD.fullmatch(doc[i].lower_)) or (doc[i].pos_ in ("VERB", "AUX") and lemma(doc[i]) in INTENT_LEMMAS))


def _plans_infinitive_before(verb: "Token", date_start: int) -> bool:
    """A present-tense intention verb with an infinitive between it and the date.

    "Il prévoit de partir en 2023": the date belongs to the planned action
    even when the parse attaches it to "prévoit" (or to its "de").  A date
    before the infinitive ("Il annonce dimanche vouloir partir") dates the
    announcement and is left alone.
    """
    if not _INTENT_WORD.fullmatch(verb.lower_) and lemma(verb) not in INTENT_LEMMAS:  # the lemma last: it costs most
        return False
    for tok in verb.doc[verb.i + 1:date_start]:
        if "Inf" in morph_values(tok, "VerbForm") and _intent_word_before(tok):
            return True
        if "Fin" in morph_values(tok, "VerbForm"):
            return False  # another finite verb in between: its own clause
    return False


# How a date hangs on its verb when the parse can be trusted.
_ADVERBIAL_DEPS = frozenset({"obl", "obl:mod", "obl:arg", "obl:tmod", "nmod:tmod", "advmod"})


def adnominal_participle_before(span: "Span") -> "Token | None":
    """The participle whose phrase the date closes, when the parse hangs it elsewhere.

    "Cette photo prise le 13 avril 2023 et publiée par l'agence … le 14 avril
    montre …": the parser makes "le 13 avril 2023" a modifier of "photo" and
    "le 14 avril" the subject of "montre".  A date that is not an adverbial
    of a verb, and that comes right after the phrase of a participle
    modifying a noun ("prise", "publiée par l'agence …"), dates that
    participle.
    """
    root = span.root
    if root.dep_ in _ADVERBIAL_DEPS and root.head.pos_ in ("VERB", "AUX"):
        return None  # the parse is plausible: keep it
    doc = span.doc
    for i in range(span.start - 1, sent_start(doc, root.i) - 1, -1):
        tok = doc[i]
        pos = tok.pos_
        if pos not in ("VERB", "AUX"):
            continue  # (read first: the morphology costs more, and only a verb's matters)
        if "Part" not in morph_values(tok, "VerbForm"):
            return None  # a finite verb or an infinitive comes first: its own clause
        if pos == "VERB":
            adnominal = (tok.dep_ in ("acl", "amod") and tok.head.pos_ in ("NOUN", "PROPN")) \
                or (tok.dep_ == "conj" and "Part" in morph_values(tok.head, "VerbForm"))
            if adnominal and tok.right_edge.i + 1 == span.start:
                return tok
            return None
    return None


def parse_direction(doc: "Doc", start: int, end: int) -> Direction | None:
    """Direction from the verb governing the span ``start:end`` of ``doc``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    participle = adnominal_participle_before(span)
    if participle is not None:  # "La vidéo tournée le 12 mars montre …": "tournée" dates it
        found = _verb_direction(participle)
        if found:
            return found
    inside = range(span.start, span.end)
    token = span.root
    for _ in range(8):
        if token.i not in inside:
            if token.pos_ in ("VERB", "AUX"):
                found = _verb_direction(token)
                if found == "nearest" and _plans_infinitive_before(token, span.start):
                    return "future"
                if found:
                    return found
            elif token.lower_ in PLANNED_WORDS:
                return "future"
            else:
                found = _predicate_direction(token)
                if found:
                    return found
        if token.head is token:
            return None
        token = token.head
    return None


# --- tense from surface forms (no parse) ------------------------------------

_PAST_FORMS = re.compile(
    r"\b(?:a|ont|avait|avaient|ai|avons|avez|eu|est|sont|était|étaient|s['’]est|se\s+sont)\s+"
    r"(?:(?:pas|déjà|également|aussi|bien|ensuite|finalement|officiellement|notamment|été|encore|toutefois)\s+)*"
    r"\w+(?:é|ée|és|ées|i|ie|is|ies|it|u|ue|us|ert|erte|ort|int|eint|ait)\b"
    r"|\b\w{2,}[^r\W](?:ait|aient)\b",
    re.IGNORECASE,
)
_FUTURE_FORMS = re.compile(
    r"\b(?:\w{2,}(?:era|eront|ira|iront|dra|dront|ura|uront|rra|rront|era-t-il|era-t-elle)"
    r"|sera|seront|fera|feront|aura|auront|ira|iront|\w+rait|\w+raient"
    r"|va|vont|doit|doivent|devra|prévu|prévue|prévus|prévues|prévoit|prévoient)\b",
    re.IGNORECASE,
)


# An intention verb followed by "de"/"à" + infinitive: the action lies ahead
# even when the intention itself is reported in the past ("ont convenu
# d'activer le mécanisme en décembre").
_INTENT_FORMS = re.compile(rf"\b(?:{_INTENT_VERB})\s+(?:de\s+|d['’]\s*|à\s+)", re.IGNORECASE)


def surface_direction(text: str, lo: int, hi: int, start: int, end: int) -> Direction | None:
    """Direction from the verb form nearest to the expression within ``lo:hi``.

    Used only without a spaCy parse: finds past (auxiliary + participle,
    imperfect) and future/conditional forms in the sentence and keeps the one
    closest to the expression.
    """
    best: tuple[int, Direction] | None = None
    window = text[lo:hi]
    for rx, direction in ((_PAST_FORMS, "past"), (_FUTURE_FORMS, "future"), (_INTENT_FORMS, "future")):
        for m in rx.finditer(window):
            a, b = lo + m.start(), lo + m.end()
            dist = start - b if b <= start else a - end if a >= end else 0
            if dist < 0:
                continue
            if a >= end and re.search(r"[,»;:()]", text[end:a]):
                dist += 200  # a reporting verb after the quote or clause: "…», a déclaré"
            if best is None or dist < best[0] or (dist == best[0] and direction == "future"):
                best = (dist, direction)  # type: ignore[assignment]
    return best[1] if best else None


# --- calendar arithmetic ----------------------------------------------------

def month_in_direction(anchor_year: int, anchor_month: int, month: int, direction: Direction) -> int:
    """The year of ``month`` seen from ``anchor_year-anchor_month``.

    The anchor month itself counts as both past and future ("en novembre"
    written in November).
    """
    if direction == "past":
        return anchor_year if month <= anchor_month else anchor_year - 1
    if direction == "future":
        return anchor_year if month >= anchor_month else anchor_year + 1
    diff = month - anchor_month
    if diff > 6:
        return anchor_year - 1
    if diff < -6:
        return anchor_year + 1
    return anchor_year


def day_in_direction(anchor: dt.date, month: int, day: int, direction: Direction) -> dt.date | None:
    """The date ``day``/``month`` nearest ``anchor`` in ``direction``."""
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not options:
        return None
    if direction == "past":
        past = [d for d in options if d <= anchor]
        return max(past) if past else min(options)
    if direction == "future":
        fut = [d for d in options if d >= anchor]
        return min(fut) if fut else max(options)
    return min(options, key=lambda d: (abs((d - anchor).days), d > anchor))


def weekday_in_direction(anchor: dt.date, weekday: int, direction: Direction, strict: bool = False) -> dt.date:
    """The ISO ``weekday`` seen from ``anchor``.

    The anchor's own weekday is the anchor day ("dimanche" in Sunday's paper)
    unless ``strict`` ("dimanche dernier" / "dimanche prochain").
    """
    back = (anchor.isoweekday() - weekday) % 7
    fwd = (weekday - anchor.isoweekday()) % 7
    if strict:
        back, fwd = back or 7, fwd or 7
    if direction == "past":
        return anchor - dt.timedelta(days=back)
    if direction == "future":
        return anchor + dt.timedelta(days=fwd)
    return anchor - dt.timedelta(days=back) if back <= fwd else anchor + dt.timedelta(days=fwd)


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def iso_week(day: dt.date) -> str:
    y, w, _ = day.isocalendar()
    return f"{y}-W{w:02d}"
