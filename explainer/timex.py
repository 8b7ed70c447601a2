"""Find and normalise French temporal expressions (TIMEX3).

Two passes over the text:

1. **find**: compiled regular expressions propose candidate spans (full
   dates, months, years, weekdays, deictics such as "hier", periods such as
   "l'an dernier", times, durations, sets); overlapping candidates are
   resolved longest-first.
2. **resolve**: each candidate gets a TIMEX3 value.  Relative expressions are
   anchored on the publication date (DCT) or, for a day and month without a
   year, on the last year the text itself gave ("le 13 avril 2023 … le 14
   avril").  Their direction (past or future) comes from the words around
   them ("dès", "à partir de", "dernier"…) and, when a spaCy ``Doc`` is
   given, from the tense and mood of the governing verb: an infinitive
   without auxiliary ("convenus d'activer dès décembre") is a planned action.

When the DCT is coarser than an expression needs ("dimanche" with a DCT of
``2023-11``) the value is the best coarser one and ``resolved`` is False:
the tagger never invents a day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import timex_lexicon as lex
from .model import PubDate, Timex

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

Direction = str | None  # "past", "future" or None (unknown: nearest)

_M = lex.alternation(lex.MONTH_NAMES)
_WD = lex.alternation(lex.WEEKDAYS)
_POD = lex.alternation(lex.PARTS_OF_DAY)
_NUMW = lex.alternation([w for w in lex.NUMBER_WORDS if w != "des"])
_UNIT = lex.alternation(lex.UNITS)
_DAY = r"(?:1er|1re|premier|[12]\d|3[01]|0?[1-9])"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_YEAR2 = r"(?:1[5-9]\d\d|20\d\d|['’]?\d\d)"  # after a month, "octobre 98" is a year too
_REL = r"(?:derni[eè]re?s?|prochaine?s?|pass[ée]e?s?|précédente?s?|suivante?s?)"
_NUM = rf"(?:\d+(?:[.,]\d+)?|{_NUMW})"

FLAGS = re.IGNORECASE | re.UNICODE
# "un homme de 54 ans", "âgé de 54 ans", "à 54 ans", "(54 ans)": ages, not durations.
_AGE_BEFORE = (r"(?:\b(?:âgée?s?(?:\s+de)?|à\s+l['’]âge\s+de|à|homme|femme|garçon|fille|enfant|bébé|jeune|"
               r"adolescente?|retraitée?|vieillard|quadragénaire|quinquagénaire|sexagénaire|septuagénaire|"
               r"octogénaire|patron|victime|conducteur|conductrice|mère|père|fils|frère|sœur)(?:\s+de)?|\(|,)\s*$")


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    kind: str
    match: re.Match


def _rx(pattern: str) -> re.Pattern:
    return re.compile(rf"(?<![\w-]){pattern}(?![\w-])", FLAGS)


PATTERNS: tuple[tuple[str, re.Pattern], ...] = (
    ("night_span", _rx(rf"(?:dans\s+)?la\s+nuit\s+(?:de|du)\s+(?P<wd>{_WD})\s+(?:à|au)\s+(?:{_WD})")),
    ("full", _rx(rf"(?:(?:le|ce)\s+)?(?:(?P<wd>{_WD})\s+)?(?P<day>{_DAY})\s+(?P<month>{_M})"
                 rf"(?:\s+(?P<year>{_YEAR2}))?(?:\s+(?P<rel>{_REL}))?"
                 rf"(?:\s+(?:à|vers)\s+(?P<h>\d{{1,2}})\s*h\s*(?P<min>\d\d)?)?")),
    ("month_year", _rx(rf"(?:(?P<mod>début|fin|mi|courant)[\s-]+(?:de\s+|d['’]\s*)?)?(?P<month>{_M})\s+(?P<year>{_YEAR2})")),
    ("month", _rx(rf"(?:(?P<mod>début|fin|mi|courant)[\s-]+(?:de\s+|d['’]\s*)?)?(?P<month>{_M})(?:\s+(?P<rel>{_REL}))?")),
    ("decade", _rx(r"(?:(?:les|des)\s+)?années\s+(?P<dec>(?:19|20)?\d0)(?:\s*['’]?s)?")),
    ("century", _rx(r"(?:(?P<mod>début|fin|milieu)\s+du\s+)?(?P<c>[XVI]{1,5}|\d{1,2})(?:e|ème|è)\s+siècle")),
    ("year", _rx(rf"(?:(?P<mod>début|fin|mi|courant)[\s-]+)?(?:(?:l['’]\s*an|l['’]\s*année)\s+)?(?P<year>{_YEAR})")),
    ("season", _rx(rf"(?:(?P<det>cet|cette|l['’]|au|en)\s*)(?P<season>printemps|été|automne|hiver)"
                   rf"(?:\s+(?P<year>{_YEAR})|\s+(?P<rel>{_REL}))?")),
    ("deictic", _rx(rf"(?P<word>avant-hier|après-demain|hier|demain)(?:\s+(?:en\s+)?(?P<podmod>début|fin)?\s*(?:d['’]\s*|de\s+)?(?P<pod>{_POD}))?")),
    ("this_pod", _rx(rf"(?:ce|cette|cet)\s+(?:même\s+)?(?P<pod>{_POD})")),
    ("weekday", _rx(rf"(?:(?:ce|le)\s+)?(?:même\s+)?(?P<wd>{_WD})(?:\s+(?P<pod>{_POD}))?(?:\s+(?P<rel>{_REL}))?")),
    ("period", _rx(rf"(?P<det>cette|ce|cet|la|le|l['’])\s*(?P<unit>semaine|mois|année|an|week-end|trimestre|semestre)"
                   rf"(?:\s+(?P<rel>{_REL}|-ci|en\s+cours))?")),
    ("ago", _rx(rf"il\s+y\s+a\s+(?P<num>{_NUM})\s+(?P<unit>{_UNIT})")),
    ("set", _rx(rf"(?:chaque|tous\s+les|toutes\s+les)\s+(?P<unit>{_UNIT}|(?:{_WD})s?)")),
    ("set_per", _rx(r"par\s+(?P<unit>an|année|jour|semaine|mois)")),
    ("set_adj", _rx(r"(?P<adj>annuel|annuelle|quotidien|quotidienne|mensuel|mensuelle|hebdomadaire|bimensuel|trimestriel|trimestrielle)s?")),
    ("term", _rx(r"(?P<term>quinquennat|septennat|mandat\s+de\s+cinq\s+ans)")),
    ("day_part", _rx(rf"(?:(?P<podmod>fin|début)\s+(?:de\s+|d['’]\s*)|(?:dans\s+)?la\s+|en\s+)(?P<pod>nuit|soirée|matinée|après-midi)")),
    ("time", _rx(r"(?:vers\s+)?(?P<h>[01]?\d|2[0-3])\s*h\s*(?P<min>[0-5]\d)?(?:\s+(?P<local>locales?))?")),
    ("noon", _rx(r"(?:vers\s+)?(?P<word>midi|minuit)")),
    ("duration", _rx(rf"(?:(?P<cmp>plus\s+de|moins\s+de|près\s+de|environ|au\s+moins|quelque)\s+)?(?P<num>{_NUM})\s+(?P<unit>{_UNIT})")),
    ("fraction", _rx(r"(?:un|une)\s+(?P<frac>demi-siècle|quart\s+de\s+siècle|demi-heure|quart\s+d['’]heure|demi-journée)")),
    ("vague_span", _rx(r"(?:ces|les)\s+(?:derni[eè]re?s|prochaine?s)\s+(?P<unit>jours|semaines|mois|années|ans)|des\s+(?P<unit2>années|mois|semaines|décennies)(?!\s+\d)")),
    ("next_day", _rx(rf"(?:le\s+)?(?P<word>lendemain|veille|surlendemain)(?:\s+(?P<pod>{_POD}))?")),
    ("period_edge", _rx(r"(?:à\s+)?la\s+(?P<edge>fin|début|mi)[\s-]+(?:de\s+l['’]année|d['’]année|du\s+mois|de\s+la\s+semaine)(?:\s+(?P<rel>derni[eè]re|prochaine|passée|dernier|prochain|passé))?")),
    ("present", _rx(lex.alternation(lex.PRESENT_REF))),
    ("past_ref", _rx(lex.alternation(lex.PAST_REF))),
    ("future_ref", _rx(lex.alternation(lex.FUTURE_REF))),
    ("ref_adj", _rx(r"(?P<adj>actuel|actuelle|actuels|actuelles|futur|future|futurs|futures)")),
)

# Words just before a month or weekday that say which way it points.
_FUTURE_CUE = re.compile(r"(?:dès|à\s+partir\s+d[eu']|d['’]ici|jusqu['’]\s*(?:à|en|au)|avant|prochain|pour|à\s+compter\s+d[eu']|en\s+vue\s+d[eu'])\s*(?:le\s+|la\s+|l['’]|fin\s+|début\s+)?$", FLAGS)
_PAST_CUE = re.compile(r"(?:depuis|dernier|il\s+y\s+a|en\s+date\s+d[eu'])\s*(?:le\s+|la\s+|l['’]|fin\s+|début\s+)?$", FLAGS)
# Months and bare years need a cue to be dates at all ("mars" the planet, "mai" …).
_MONTH_CUE = re.compile(r"(?:\b(?:en|dès|depuis|de|d['’]|du|d['’]ici|à\s+partir\s+d[eu']|jusqu['’]\s*en|au\s+mois\s+d[eu']|mois\s+d[eu']|avant|après|fin|début|mi|courant|pour|et|ou|,)\s*)$", FLAGS)


def direction(text: str, doc: "Doc | None", start: int, end: int, rel: str | None = None) -> Direction:
    """Past or future for the expression at ``start:end``: its own words ("dernier"),
    the words just before it ("dès", "depuis"), then the governing verb's tense."""
    rel = (rel or "").lower()
    if rel.startswith(("dernier", "dernière", "pass", "précéd")):
        return "past"
    if rel.startswith(("prochain", "suivant")):
        return "future"
    before = text[max(0, start - 30):start]
    if _FUTURE_CUE.search(before):
        return "future"
    if _PAST_CUE.search(before):
        return "past"
    return _tense_direction(doc, start, end) if doc is not None else None


def tag(text: str, doc: "Doc | None", dct: PubDate | None) -> list[Timex]:
    """All temporal expressions of ``text``, in order, normalised against ``dct``."""
    candidates = _select(_find(text))
    resolver = _Resolver(text, doc, dct)
    out: list[Timex] = []
    for cand in candidates:
        found = resolver.resolve(cand)
        if found is None:
            continue
        ttype, value, mod, resolved = found
        out.append(Timex(id=f"t{len(out) + 1}", paragraph=0, start=cand.start, end=cand.end,
                         text=text[cand.start:cand.end], type=ttype, value=value, mod=mod, resolved=resolved))
        resolver.remember(out[-1])
    return out


def _find(text: str) -> list[Candidate]:
    found = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if m.end() > m.start():
                found.append(Candidate(m.start(), m.end(), kind, m))
    return found


def _select(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longest first, then earliest, then pattern order."""
    order = {kind: k for k, (kind, _) in enumerate(PATTERNS)}
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for cand in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start, order[c.kind])):
        if any(cand.start < e and s < cand.end for s, e in taken):
            continue
        chosen.append(cand)
        taken.append((cand.start, cand.end))
    return sorted(chosen, key=lambda c: c.start)


# -- resolution -------------------------------------------------------------

Resolved = tuple[str, str, str | None, bool]


class _Resolver:
    """Turns candidates into TIMEX3 values, remembering the text's own reference dates."""

    def __init__(self, text: str, doc: "Doc | None", dct: PubDate | None):
        self.text = text
        self.doc = doc
        self.dct = dct
        self.last_year: tuple[int, int] | None = None  # (year, offset) of the last explicit year
        self.last_day: tuple[dt.date, int] | None = None  # last day-precision date and its offset
        self.handlers: dict[str, Callable[[Candidate], Resolved | None]] = {
            "night_span": self._night_span, "full": self._full, "month_year": self._month_year,
            "month": self._month, "decade": self._decade, "century": self._century, "year": self._year,
            "season": self._season, "deictic": self._deictic, "this_pod": self._this_pod,
            "weekday": self._weekday, "period": self._period, "ago": self._ago, "set": self._set,
            "set_per": self._set, "set_adj": self._set_adj, "term": self._term, "day_part": self._day_part,
            "ref_adj": lambda c: ("TIME", "FUTURE_REF" if c.match.group("adj").lower().startswith("fut") else "PRESENT_REF", None, True),
            "fraction": self._fraction, "vague_span": self._vague_span, "next_day": self._next_day,
            "period_edge": self._period_edge,
            "time": self._time, "noon": self._time, "duration": self._duration,
            "present": lambda c: ("TIME", "PRESENT_REF", None, True),
            "past_ref": lambda c: ("TIME", "PAST_REF", None, True),
            "future_ref": lambda c: ("TIME", "FUTURE_REF", None, True),
        }

    def resolve(self, cand: Candidate) -> Resolved | None:
        return self.handlers[cand.kind](cand)

    def remember(self, timex: Timex) -> None:
        m = re.match(r"^(\d{4})(?:-(\d\d)-(\d\d))?", timex.value)
        if not m:
            return
        if re.search(r"\b" + m.group(1) + r"\b", timex.text):
            self.last_year = (int(m.group(1)), timex.start)
        if m.group(2) and timex.resolved:
            self.last_day = (dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))), timex.start)

    # -- context ------------------------------------------------------------
    def _before(self, cand: Candidate, chars: int = 30) -> str:
        return self.text[max(0, cand.start - chars):cand.start]

    def direction(self, cand: Candidate) -> Direction:
        return direction(self.text, self.doc, cand.start, cand.end, cand.match.groupdict().get("rel"))

    def _anchor_year(self) -> int | None:
        return self.dct.year if self.dct else None

    def _same_sentence(self, start: int, end: int) -> bool:
        return end - start < 250 and not re.search(r"[.!?]\s", self.text[start:end])

    # -- handlers -----------------------------------------------------------
    def _set_adj(self, cand: Candidate) -> Resolved:
        adj = cand.match.group("adj").lower()
        code = {"annu": "P1Y", "quot": "P1D", "mens": "P1M", "hebd": "P1W", "bime": "P2W", "trim": "P3M"}[adj[:4]]
        return "SET", code, None, True

    def _term(self, cand: Candidate) -> Resolved:
        return "DURATION", "P7Y" if cand.match.group("term").lower() == "septennat" else "P5Y", None, True

    def _day_part(self, cand: Candidate) -> Resolved:
        pod = lex.PARTS_OF_DAY[cand.match.group("pod").lower()]
        if self.last_day and cand.start - self.last_day[1] < 300:
            day, resolved = self.last_day[0].isoformat(), True
        else:
            day, resolved = self._day_relative(0)
        return "TIME", (day + "T" + pod) if resolved else day, _mod(cand.match.group("podmod")), resolved

    def _full(self, cand: Candidate) -> Resolved | None:
        g = cand.match.groupdict()
        day = 1 if g["day"].lower() in ("1er", "1re", "premier") else int(g["day"])
        month = lex.MONTHS[lex.fold(g["month"])] if lex.fold(g["month"]) in lex.MONTHS else lex.MONTHS[g["month"].lower()]
        resolved = True
        if g["year"]:
            year = _full_year(g["year"])
        elif g["wd"] and self.dct:
            # "mardi 1er juin": the year in which that day is a Tuesday, nearest the DCT.
            year = _year_with_weekday(self.dct.year, month, day, lex.WEEKDAYS[g["wd"].lower()])
        elif self.last_year and self._same_sentence(self.last_year[1], cand.start):
            year = self.last_year[0]  # the text narrates from a date it gave
        elif self.dct:
            year = _year_for_month(self.dct, month, self.direction(cand), day)
        else:
            year, resolved = None, False
        try:
            dt.date(year or 2000, month, day)  # "31 avril" is no date
        except ValueError:
            return None
        value = f"{year:04d}-{month:02d}-{day:02d}" if year else f"XXXX-{month:02d}-{day:02d}"
        if g["h"]:
            return "TIME", f"{value}T{int(g['h']):02d}:{g['min'] or '00'}", None, resolved
        return "DATE", value, None, resolved

    def _month_year(self, cand: Candidate) -> Resolved:
        g = cand.match.groupdict()
        month = _month_number(g["month"])
        return "DATE", f"{_full_year(g['year']):04d}-{month:02d}", _mod(g.get("mod")), True

    def _month(self, cand: Candidate) -> Resolved | None:
        g = cand.match.groupdict()
        if not (g.get("mod") or g.get("rel") or _MONTH_CUE.search(self._before(cand, 25))):
            return None
        month = _month_number(g["month"])
        if g["month"].lower() in ("mars", "mai") and not (g.get("mod") or g.get("rel")) and \
                not re.search(r"(?:\ben|dès|depuis|d['’]ici|à\s+partir\s+de|mois\s+de|fin|début)\s*$", self._before(cand, 25), FLAGS):
            return None  # "de Mars", "du mai" are rarely dates
        if self.dct is None:
            return "DATE", f"XXXX-{month:02d}", _mod(g.get("mod")), False
        year = _year_for_month(self.dct, month, self.direction(cand))
        return "DATE", f"{year:04d}-{month:02d}", _mod(g.get("mod")), True

    def _year(self, cand: Candidate) -> Resolved | None:
        g = cand.match.groupdict()
        after = self.text[cand.end:cand.end + 20]
        next_word = re.match(r"\s*([\w€$%]+)", after)
        if next_word and next_word.group(1).lower() in lex.QUANTITY_NOUNS:
            return None
        before = self.text[max(0, cand.start - 2):cand.start]
        if re.search(r"[\d.,]$", before.rstrip()) and not before.endswith(", ") or re.match(r"[.,]\d", after):
            return None
        return "DATE", g["year"], _mod(g.get("mod")), True

    def _decade(self, cand: Candidate) -> Resolved:
        dec = cand.match.group("dec")
        if len(dec) == 2:
            dec = ("19" if int(dec) >= 30 else "20") + dec
        return "DATE", dec[:3] + "X", None, True

    def _century(self, cand: Candidate) -> Resolved | None:
        raw = cand.match.group("c")
        number = _roman(raw) if not raw.isdigit() else int(raw)
        if not number or number > 21:
            return None
        mod = {"début": "START", "fin": "END", "milieu": "MID"}.get((cand.match.group("mod") or "").lower())
        return "DATE", f"{number - 1:02d}", mod, True

    def _season(self, cand: Candidate) -> Resolved | None:
        g = cand.match.groupdict()
        code = lex.SEASONS[g["season"].lower()]
        if g["year"]:
            return "DATE", f"{g['year']}-{code}", None, True
        if not self.dct:
            return "DATE", f"XXXX-{code}", None, False
        year = self.dct.year
        direction = self.direction(cand)
        if direction == "past" and g["rel"] and code == "WI":
            year -= 1
        elif direction == "future" and g["rel"] and (self.dct.month or 0) > 6 and code != "WI":
            year += 1
        return "DATE", f"{year}-{code}", None, True

    def _day_relative(self, offset_days: int) -> tuple[str, bool]:
        if self.dct and self.dct.day:
            return (self.dct.day + dt.timedelta(days=offset_days)).isoformat(), True
        return self._coarse(), False

    def _coarse(self) -> str:
        return self.dct.value[:7] if self.dct else "XXXX-XX-XX"

    def _deictic(self, cand: Candidate) -> Resolved:
        g = cand.match.groupdict()
        offset = {"avant-hier": -2, "hier": -1, "demain": 1, "après-demain": 2}[g["word"].lower()]
        value, resolved = self._day_relative(offset)
        if g["pod"]:
            pod = lex.PARTS_OF_DAY[g["pod"].lower()]
            return "TIME", (value + "T" + pod) if resolved else value, _mod(g.get("podmod")), resolved
        return "DATE", value, None, resolved

    def _this_pod(self, cand: Candidate) -> Resolved:
        value, resolved = self._day_relative(0)
        pod = lex.PARTS_OF_DAY[cand.match.group("pod").lower()]
        return "TIME", (value + "T" + pod) if resolved else value, None, resolved

    def _weekday(self, cand: Candidate) -> Resolved | None:
        g = cand.match.groupdict()
        weekday = lex.WEEKDAYS[g["wd"].lower()]
        direction = self.direction(cand)
        if self.dct and self.dct.day:
            date = _nearest_weekday(self.dct.day, weekday, direction, strict=bool(g.get("rel")))
            value, resolved = date.isoformat(), True
        else:
            value, resolved = self._coarse(), False
        if g["pod"]:
            pod = lex.PARTS_OF_DAY[g["pod"].lower()]
            return "TIME", (value + "T" + pod) if resolved else value, None, resolved
        return "DATE", value, None, resolved

    def _night_span(self, cand: Candidate) -> Resolved:
        weekday = lex.WEEKDAYS[cand.match.group("wd").lower()]
        if self.dct and self.dct.day:
            date = _nearest_weekday(self.dct.day, weekday, self.direction(cand))
            return "TIME", date.isoformat() + "TNI", None, True
        return "TIME", self._coarse(), None, False

    def _period(self, cand: Candidate) -> Resolved | None:
        g = cand.match.groupdict()
        det, unit, rel = g["det"].lower(), g["unit"].lower(), (g.get("rel") or "").lower()
        this = det in ("cette", "ce", "cet") or rel in ("-ci", "en cours")
        if not this and not rel:
            return None
        step = -1 if rel.startswith(("dernier", "dernière", "pass", "précéd")) else 1 if rel.startswith(("prochain", "suivant")) else 0
        if not self.dct:
            return "DATE", {"an": "XXXX", "année": "XXXX", "mois": "XXXX-XX"}.get(unit, "XXXX-WXX"), None, False
        if unit in ("an", "année"):
            return "DATE", str(self.dct.year + step), None, True
        if unit == "mois":
            if self.dct.month is None:
                return "DATE", str(self.dct.year), None, False
            y, m = divmod(self.dct.year * 12 + self.dct.month - 1 + step, 12)
            return "DATE", f"{y:04d}-{m + 1:02d}", None, True
        if unit in ("trimestre", "semestre"):
            if self.dct.month is None:
                return "DATE", str(self.dct.year), None, False
            if unit == "trimestre":
                q = (self.dct.month - 1) // 3 + step
                y, q = divmod(self.dct.year * 4 + q, 4)
                return "DATE", f"{y}-Q{q + 1}", None, True
            h = (self.dct.month - 1) // 6 + step
            y, h = divmod(self.dct.year * 2 + h, 2)
            return "DATE", f"{y}-H{h + 1}", None, True
        # semaine, week-end
        if not self.dct.day:
            return "DATE", self._coarse(), None, False
        day = self.dct.day + dt.timedelta(weeks=step)
        iso = day.isocalendar()
        suffix = "-WE" if unit == "week-end" else ""
        return "DATE", f"{iso[0]}-W{iso[1]:02d}{suffix}", None, True

    def _ago(self, cand: Candidate) -> Resolved | None:
        g = cand.match.groupdict()
        n = lex.number_value(g["num"])
        code, _ = lex.UNITS[g["unit"].lower()]
        if not isinstance(n, int) or not self.dct:
            return "DATE", "PAST_REF", None, True
        if code == "Y":
            return "DATE", str(self.dct.year - n), None, True
        if code == "M" and self.dct.month:
            y, m = divmod(self.dct.year * 12 + self.dct.month - 1 - n, 12)
            return "DATE", f"{y:04d}-{m + 1:02d}", None, True
        if code in ("D", "W"):
            value, resolved = self._day_relative(-n * (7 if code == "W" else 1))
            return "DATE", value, None, resolved
        return "DATE", "PAST_REF", None, True

    def _set(self, cand: Candidate) -> Resolved:
        unit = cand.match.group("unit").lower()
        if unit.rstrip("s") in lex.WEEKDAYS:
            return "SET", f"XXXX-WXX-{lex.WEEKDAYS[unit.rstrip('s')] + 1}", None, True
        code, is_time = lex.UNITS.get(unit, ("D", False))
        return "SET", f"P{'T' if is_time else ''}1{code}", None, True

    def _time(self, cand: Candidate) -> Resolved | None:
        g = cand.match.groupdict()
        if g.get("word"):
            hour, minute = (12, "00") if g["word"].lower() == "midi" else (0, "00")
        else:
            hour, minute = int(g["h"]), g["min"] or "00"
            before = self._before(cand, 15)
            if not g["min"] and re.search(r"(?:pendant|durant|en|depuis|sur|toutes\s+les)\s*$", before, FLAGS):
                return "DURATION", f"PT{hour}H", None, True  # "en 48 h", "24 h sur 24"
        mod = "APPROX" if cand.match.group(0).lower().startswith("vers") else None
        if self.last_day and cand.start - self.last_day[1] < 200:
            day, resolved = self.last_day[0].isoformat(), True
        elif self.dct and self.dct.day:
            day, resolved = self.dct.day.isoformat(), True
        else:
            day, resolved = "XXXX-XX-XX", False
        return "TIME", f"{day}T{hour:02d}:{minute}", mod, resolved

    def _fraction(self, cand: Candidate) -> Resolved:
        frac = lex.fold(cand.match.group("frac"))
        value = {"demi-siecle": "P50Y", "quart de siecle": "P25Y", "demi-heure": "PT30M",
                 "quart d'heure": "PT15M", "demi-journee": "PT12H"}.get(re.sub(r"\s+", " ", frac), "PXY")
        return "DURATION", value, None, True

    def _vague_span(self, cand: Candidate) -> Resolved:
        unit = (cand.match.group("unit") or cand.match.group("unit2")).lower()
        code = {"jours": "D", "semaines": "W", "mois": "M", "années": "Y", "ans": "Y", "décennies": "DE"}[unit]
        return "DURATION", "PXDE" if code == "DE" else f"PX{code}", None, True

    def _next_day(self, cand: Candidate) -> Resolved:
        g = cand.match.groupdict()
        offset = {"lendemain": 1, "veille": -1, "surlendemain": 2}[g["word"].lower()]
        if self.last_day and self._same_sentence(self.last_day[1], cand.start) or \
                self.last_day and cand.start - self.last_day[1] < 400:
            value, resolved = (self.last_day[0] + dt.timedelta(days=offset)).isoformat(), True
        else:
            value, resolved = self._day_relative(offset)
        if g["pod"] and resolved:
            return "TIME", value + "T" + lex.PARTS_OF_DAY[g["pod"].lower()], None, True
        return ("TIME" if g["pod"] else "DATE"), value, None, resolved

    def _period_edge(self, cand: Candidate) -> Resolved:
        edge = cand.match.group("edge").lower()
        mod = _mod(edge)
        text = cand.match.group(0).lower()
        step = {"d": -1, "p": 1}.get((cand.match.group("rel") or " ")[0].lower(), 0)
        if (cand.match.group("rel") or "").lower().startswith("pass"):
            step = -1
        if not self.dct:
            return "DATE", "XXXX", mod, False
        if step and "année" in text:
            return "DATE", str(self.dct.year + step), mod, True
        if "mois" in text and self.dct.month:
            return "DATE", self.dct.value[:7], mod, True
        if "semaine" in text and self.dct.day:
            iso = self.dct.day.isocalendar()
            return "DATE", f"{iso[0]}-W{iso[1]:02d}", mod, True
        return "DATE", str(self.dct.year), mod, True

    def _duration(self, cand: Candidate) -> Resolved | None:
        g = cand.match.groupdict()
        n = lex.number_value(g["num"])
        if n is None:
            return None
        code, is_time = lex.UNITS[g["unit"].lower()]
        if isinstance(n, (int, float)) and n == 0:
            return None
        if code == "Y" and (re.search(_AGE_BEFORE, self._before(cand, 30), FLAGS)
                            or re.match(r"\s*\)", self.text[cand.end:])):
            return None  # an age: "un homme de 54 ans", "(38 ans)"
        amount = "X" if n == "X" else (f"{n:g}" if isinstance(n, float) else str(n))
        if code == "DE":
            code, amount = "Y", "X" if amount == "X" else str(int(float(amount) * 10))
        elif code == "CE":
            code, amount = "Y", "X" if amount == "X" else str(int(float(amount) * 100))
        cmp = {"plus de": "MORE_THAN", "moins de": "LESS_THAN", "pres de": "APPROX", "environ": "APPROX",
               "au moins": "EQUAL_OR_MORE", "quelque": "APPROX"}.get(re.sub(r"\s+", " ", lex.fold(g.get("cmp") or "")))
        return "DURATION", f"P{'T' if is_time else ''}{amount}{code}", cmp, True


def _full_year(text: str) -> int:
    digits = text.lstrip("'’")
    if len(digits) == 2:
        return (1900 if int(digits) >= 30 else 2000) + int(digits)
    return int(digits)


def _year_with_weekday(year: int, month: int, day: int, weekday: int) -> int:
    for candidate in (year, year + 1, year - 1):
        try:
            if dt.date(candidate, month, day).weekday() == weekday:
                return candidate
        except ValueError:
            continue
    return year


def _mod(word: str | None) -> str | None:
    return {"début": "START", "fin": "END", "mi": "MID", "courant": None}.get((word or "").lower())


def _month_number(word: str) -> int:
    return lex.MONTHS.get(word.lower()) or lex.MONTHS[lex.fold(word)]


def _roman(text: str) -> int:
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for k, ch in enumerate(text.upper()):
        v = values[ch]
        total += -v if k + 1 < len(text) and values[text[k + 1].upper()] > v else v
    return total


def _year_for_month(dct: PubDate, month: int, direction: Direction, day: int = 1) -> int:
    """The year of a month named without one, seen from the DCT in ``direction``."""
    year = dct.year
    ref_month = dct.month
    if ref_month is None:
        return year
    ref = (ref_month, dct.day.day if dct.day else 15)
    target = (month, day)
    if direction == "past":
        return year if target <= ref else year - 1
    if direction == "future":
        return year if target >= (ref_month, 1) else year + 1
    # Unknown direction: the nearest occurrence.
    diff = month - ref_month
    if diff > 6:
        return year - 1
    if diff < -6:
        return year + 1
    return year


def _nearest_weekday(anchor: dt.date, weekday: int, direction: Direction, strict: bool = False) -> dt.date:
    """The weekday nearest ``anchor`` in ``direction``; ``strict`` ("mercredi dernier") skips the anchor day."""
    back = (anchor.weekday() - weekday) % 7 or (7 if strict else 0)
    ahead = (weekday - anchor.weekday()) % 7 or (7 if strict else 0)
    if direction == "future":
        return anchor + dt.timedelta(days=ahead)
    if direction == "past" or back <= ahead:
        return anchor - dt.timedelta(days=back)
    return anchor + dt.timedelta(days=ahead)


# -- tense ---------------------------------------------------------------------

_AUX_PERFECT = {"avoir", "être"}
_PLANNING_VERBS = {"convenir", "prévoir", "décider", "envisager", "projeter", "annoncer", "promettre",
                   "compter", "devoir", "vouloir", "espérer", "s'engager", "accepter", "programmer"}


def _tense_direction(doc: "Doc", start: int, end: int) -> Direction:
    """"past"/"future" from the verb that governs the span, or None for the present."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    token = span.root
    for _ in range(5):
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "aux:tense", "aux:pass", "cop"):
            return _verb_direction(token)
        if token.head is token:
            break
        token = token.head
    return None


def _verb_direction(verb) -> Direction:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "aux:tense", "aux:pass")]
    morph = verb.morph
    if "Fut" in morph.get("Tense") or "Cnd" in morph.get("Mood"):
        return "future"
    if any("Fut" in a.morph.get("Tense") or "Cnd" in a.morph.get("Mood") for a in auxes):
        return "future"
    if "Inf" in morph.get("VerbForm"):
        if any(a.lemma_ in _AUX_PERFECT for a in auxes) and "Part" in morph.get("VerbForm"):
            return "past"
        # An infinitive after "venir de" is a recent past; otherwise a plan or an intention.
        if verb.head.lemma_ == "venir":
            return "past"
        if any(a.lemma_ in _AUX_PERFECT for a in auxes):
            return "past"
        return "future"
    if "Part" in morph.get("VerbForm"):
        # Passé composé, or a past participle on its own ("organisé … en août").
        if verb.head is not verb and "Inf" in verb.head.morph.get("VerbForm") and verb.head.lemma_ in _AUX_PERFECT:
            return "past"
        return "past"
    if "Imp" in morph.get("Tense") or "Past" in morph.get("Tense"):
        return "past"
    return None
