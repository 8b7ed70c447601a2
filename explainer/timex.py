"""French temporal expression tagger and normaliser (TIMEX3 style).

``tag(text, doc, dct)`` finds dates, times, durations and sets in French
news text and gives each a TIMEX3 value:

1. ``timex_rules`` proposes candidates with regexes compiled once; the
   longest non-overlapping ones are kept;
2. each candidate is resolved in text order: absolute ones as they are,
   relative ones against the publication date (DCT) or the date the text
   narrates from, in the direction given by the words around them and by
   the tense of the governing verb (``timex_resolve``);
3. clock times and parts of the day take the day in context (a date in the
   same sentence, else the last day mentioned, else the DCT).

A relative expression that needs more precision than the DCT has (a
weekday with only the month of publication) gets the DCT's own coarser
value and ``resolved=False``: the tagger never invents a day.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .model import PubDate, Timex
from .timex_resolve import (
    Direction, add_months, day_in_direction, iso_week, lexical_direction, month_in_direction,
    parse_direction, surface_direction, weekday_in_direction,
)
from .timex_rules import Candidate, Spec, candidates, find_all

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

_SENTENCE_END = re.compile(r"(?<=[.!?»])\s+(?=[«\"(]?[A-ZÀÂÉÈÊÎÔÛÇ0-9])|\n+")
_SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 12}
_MOD_BEFORE = (
    (re.compile(r"\bdepuis\s+(?:le\s+|la\s+|l['’])?$", re.I), "AFTER"),
    (re.compile(r"\b(?:vers|aux\s+alentours\s+d[eu]|autour\s+d[eu])\s+(?:le\s+|la\s+)?$", re.I), "APPROX"),
    (re.compile(r"\bavant\s+(?:le\s+|la\s+|l['’])?$", re.I), "BEFORE"),
    (re.compile(r"\baprès\s+(?:le\s+|la\s+|l['’])?$", re.I), "AFTER"),
)


def tag(text: str, doc: "Doc | None", dct: PubDate | None, *, checked: bool = False) -> list[Timex]:
    """Tag and normalise every temporal expression of ``text``.

    ``doc`` is the spaCy analysis of exactly ``text`` (or None: surface
    rules then guess tense); ``dct`` is the publication date with its
    precision (or None: relative expressions come out unresolved, with
    ``XXXX``-style values).  Returns ``Timex`` records with ``paragraph=0``,
    ids ``t1``, ``t2``… in text order and offsets into ``text``.  ``checked``:
    the caller has compared ``doc.text`` with ``text`` already (it costs a
    join of every token).
    """
    if doc is not None and not checked and doc.text != text:
        raise ValueError("doc.text must equal text")
    chosen = _select(candidates(text))
    resolver = _Resolver(text, doc, dct)
    results = resolver.run(chosen)
    out: list[Timex] = []
    for (start, end, typ, _spec), (value, resolved, mod, typ2) in zip(chosen, results):
        if value is None:
            continue
        out.append(Timex(
            id=f"t{len(out) + 1}", paragraph=0, start=start, end=end, text=text[start:end],
            type=typ2 or typ, value=value, mod=mod, resolved=resolved,  # type: ignore[arg-type]
        ))
    return out


def _select(cands: list[Candidate]) -> list[Candidate]:
    """Longest candidates first; drop any that overlaps one already kept."""
    kept: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: (-(c[1] - c[0]), c[0])):
        s, e = c[0], c[1]
        if s >= e:
            continue
        i = bisect.bisect_left(taken, (s, e))
        if i > 0 and taken[i - 1][1] > s:
            continue
        if i < len(taken) and taken[i][0] < e:
            continue
        taken.insert(i, (s, e))
        kept.append(c)
    return sorted(kept, key=lambda c: c[0])


@dataclass
class _Resolver:
    """Resolves candidates in text order, carrying the narrative anchors."""

    text: str
    doc: "Doc | None"
    dct: PubDate | None
    sentence_starts: list[int] = field(default_factory=list)
    last_day: dt.date | None = None
    explicit_years: list[tuple[int, int, int, bool, dt.date]] = field(default_factory=list)  # pos, sent, year, has month, date
    days: list[tuple[int, int, dt.date]] = field(default_factory=list)  # pos, sent, day

    def __post_init__(self) -> None:
        self.sentence_starts = [0] + [m.end() for m in find_all(_SENTENCE_END, self.text)]
        self.dct_day = self.dct.day if self.dct else None

    # -- helpers -------------------------------------------------------------

    def sentence(self, pos: int) -> int:
        return bisect.bisect_right(self.sentence_starts, pos) - 1

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        k = self.sentence(pos)
        end = self.sentence_starts[k + 1] if k + 1 < len(self.sentence_starts) else len(self.text)
        return self.sentence_starts[k], end

    def direction(self, start: int, end: int, spec: Spec) -> Direction:
        if spec.hint in ("past", "future"):
            return spec.hint  # type: ignore[return-value]
        lexical = lexical_direction(self.text, start, end)
        if lexical:
            return lexical
        if self.doc is not None:
            parsed = parse_direction(self.doc, start, end)
            if parsed:
                return parsed  # "nearest" too: a present-tense verb was found
        lo, hi = self.sentence_bounds(start)
        return surface_direction(self.text, lo, hi, start, end) or "nearest"

    def coarse(self) -> tuple[str, bool]:
        """The DCT's own value when an expression needs a finer anchor."""
        if self.dct is None:
            return "XXXX-XX-XX", False
        if self.dct.precision in ("day", "minute"):
            return self.dct.value[:10], True
        return self.dct.value, False

    def anchor_date(self) -> dt.date | None:
        """A stand-in day for direction arithmetic when the DCT has no day."""
        if self.dct is None:
            return None
        if self.dct_day:
            return self.dct_day
        return dt.date(self.dct.year, self.dct.month or 7, 15 if self.dct.month else 1)

    def narrative_anchor(self, pos: int, day_needed: bool = False) -> tuple[dt.date, bool] | None:
        """The explicit date the text is narrating from, if close enough.

        A month- or day-precise date earlier in the same sentence ("le 13
        avril 2023 … publiée le 14 avril").  A bare year only anchors what follows
        it closely in the same sentence ("en 97 (en janvier, en octobre)").
        """
        sent = self.sentence(pos)
        for p, s, year, has_month, day in reversed(self.explicit_years):
            if p >= pos:
                continue
            if has_month and s == sent:
                return day, True
            if not has_month and s == sent and pos - p < 60 and not day_needed:
                return day, False
            break
        return None

    # -- main ----------------------------------------------------------------

    def run(self, chosen: list[Candidate]) -> list[tuple[str | None, bool, str | None, str | None]]:
        results: list[tuple[str | None, bool, str | None, str | None]] = [(None, False, None, None)] * len(chosen)
        deferred = []
        for i, (start, end, typ, spec) in enumerate(chosen):
            if spec.kind in ("clock", "part"):
                deferred.append(i)
                continue
            value, resolved, day = self.resolve(start, end, typ, spec)
            mod = spec.mod or (self.context_mod(start) if typ == "DATE" else None)
            results[i] = (value, resolved, mod, None)
            if day is not None:
                self.last_day = day
                self.days.append((start, self.sentence(start), day))
            if spec.kind == "rel" and spec.unit == "Y" and value and value.isdigit():
                self.explicit_years.append((start, self.sentence(start), int(value), False, dt.date(int(value), 7, 1)))
            if spec.kind == "cal" and spec.year_explicit and spec.year:
                rep = dt.date(spec.year, spec.month or 7, spec.day or (15 if spec.month else 1))
                self.explicit_years.append((start, self.sentence(start), spec.year, bool(spec.month), rep))
        for i in deferred:
            start, end, typ, spec = chosen[i]
            value, resolved = self.resolve_in_day(start, spec)
            results[i] = (value, resolved, spec.mod, None)
        return results

    def context_mod(self, start: int) -> str | None:
        before = self.text[max(0, start - 30):start]
        for rx, mod in _MOD_BEFORE:
            if rx.search(before):
                return mod
        return None

    def resolve(self, start: int, end: int, typ: str, spec: Spec) -> tuple[str | None, bool, dt.date | None]:
        """Value, resolved flag, and the day it names (for later anchors)."""
        if spec.kind == "value":
            return spec.value, True, None
        if spec.kind == "rel":
            return self.resolve_rel(start, end, spec)
        if spec.kind == "ana":
            base = self.last_day or self.dct_day
            if base is None:
                value, _ = self.coarse()
                return value, False, None
            day = base + dt.timedelta(days=spec.offset)
            return day.isoformat() + (spec.part or ""), True, day
        return self.resolve_cal(start, end, spec)

    def resolve_rel(self, start: int, end: int, spec: Spec) -> tuple[str | None, bool, dt.date | None]:
        dct = self.dct
        unit, off = spec.unit, spec.offset
        if dct is None:
            return {"D": "XXXX-XX-XX", "C": "XXXX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Q": "XXXX-QX"}.get(unit or "", "XXXX"), False, None
        if unit == "Y":
            return str(dct.year + off), True, None
        if unit == "C":  # "le siècle dernier": centuries are written like "le XIXe siècle" (18XX)
            return f"{dct.year // 100 + off:02d}XX", True, None
        if unit in ("M", "Q"):
            if dct.month is None:
                return str(dct.year), False, None
            y, mth = add_months(dct.year, dct.month, off * (3 if unit == "Q" else 1))
            if unit == "Q":
                return f"{y}-Q{(mth - 1) // 3 + 1}", True, None
            return f"{y}-{mth:02d}", True, None
        if self.dct_day is None:
            value, _ = self.coarse()
            if unit in ("W", "WE") and dct.month is not None:
                pass
            return value, False, None
        if unit == "D":
            day = self.dct_day + dt.timedelta(days=off)
            return day.isoformat() + (spec.part or ""), True, day
        if unit == "W":
            return iso_week(self.dct_day + dt.timedelta(days=7 * off)), True, None
        if unit == "WE":
            direction: Direction = "past" if off < 0 else "future" if off > 0 else self.direction(start, end, spec)
            saturday = weekday_in_direction(self.dct_day, 6, direction, strict=off != 0)
            if direction == "past" and self.dct_day.isoweekday() == 7 and off == 0:
                saturday = self.dct_day - dt.timedelta(days=1)
            return iso_week(saturday) + "-WE", True, None
        if unit in ("Y",):
            return str(dct.year + off), True, None
        return None, False, None

    def resolve_cal(self, start: int, end: int, spec: Spec) -> tuple[str | None, bool, dt.date | None]:
        dct = self.dct
        if spec.value:  # holidays
            return self.resolve_holiday(start, end, spec)
        if spec.quarter:
            year = spec.year or (dct.year if dct else None)
            return (f"{year}-{spec.quarter}" if year else f"XXXX-{spec.quarter}"), year is not None, None
        if spec.season:
            return self.resolve_season(start, end, spec)
        if spec.weekday and not spec.month:
            base = self.dct_day
            if base is None:
                if dct is None:
                    return f"XXXX-WXX-{spec.weekday}", False, None
                value, _ = self.coarse()
                return value, False, None
            day = weekday_in_direction(base, spec.weekday, self.direction(start, end, spec), strict=spec.strict)
            return day.isoformat() + (spec.part or ""), True, day
        if spec.month is None:
            return (f"{spec.year}" if spec.year else None), spec.year is not None, None
        year = spec.year
        resolved = True
        anchor: dt.date | None = None
        if year is None:
            narrative = self.narrative_anchor(start, day_needed=spec.day is not None)
            lexical = spec.hint or lexical_direction(self.text, start, end)
            if narrative and narrative[1]:
                anchor = narrative[0]
            elif narrative and not lexical:
                year = narrative[0].year
        if year is None:
            from_text = anchor is not None
            anchor = anchor or self.anchor_date()
            if anchor is None:
                if spec.day:
                    return f"XXXX-{spec.month:02d}-{spec.day:02d}", False, None
                return f"XXXX-{spec.month:02d}", False, None
            direction = (spec.hint or lexical_direction(self.text, start, end) or "nearest") if from_text else self.direction(start, end, spec)
            resolved = from_text or (dct is not None and dct.precision != "year")
            if spec.day:
                day = day_in_direction(anchor, spec.month, spec.day, direction)
                if day is None:
                    return None, False, None
                if spec.strict and day == anchor:
                    day = day_in_direction(anchor + dt.timedelta(days=1 if direction == "future" else -1), spec.month, spec.day, direction)
                return day.isoformat(), resolved, day
            year = month_in_direction(anchor.year, anchor.month, spec.month, direction)
            if spec.hint and (year, spec.month) == (anchor.year, anchor.month):
                year += -1 if spec.hint == "past" else 1  # "novembre dernier" written in November
        if spec.day:
            try:
                day = dt.date(year, spec.month, spec.day)
            except ValueError:
                return f"{year}-{spec.month:02d}", False, None
            return day.isoformat(), resolved, day
        return f"{year}-{spec.month:02d}", resolved, None

    def resolve_season(self, start: int, end: int, spec: Spec) -> tuple[str | None, bool, dt.date | None]:
        code = spec.season or ""
        if spec.year:
            return f"{spec.year}-{code}", True, None
        anchor = self.anchor_date()
        if anchor is None:
            return f"XXXX-{code}", False, None
        direction = self.direction(start, end, spec)
        month = _SEASON_MONTH[code]
        year = month_in_direction(anchor.year, anchor.month, month, direction)
        in_season = {"SP": (3, 4, 5), "SU": (6, 7, 8), "FA": (9, 10, 11), "WI": (12, 1, 2)}[code]
        if anchor.month in in_season and direction == "nearest":
            year = anchor.year if not (code == "WI" and anchor.month in (1, 2)) else anchor.year - 1
        return f"{year}-{code}", self.dct is not None and self.dct.precision != "year", None

    def resolve_holiday(self, start: int, end: int, spec: Spec) -> tuple[str | None, bool, dt.date | None]:
        fixed = {"noel": (12, 25), "toussaint": (11, 1), "sylvestre": (12, 31), "newyear": (1, 1), "reveillon": (12, 31)}

        def on(year: int) -> dt.date:
            if spec.value in fixed:
                return dt.date(year, *fixed[spec.value])
            easter = _easter(year)
            return easter + dt.timedelta(days={"paques": 0, "pentecote": 49, "ascension": 39}[spec.value or "paques"])

        if spec.year:
            d = on(spec.year)
            return d.isoformat(), True, d
        anchor = self.anchor_date()
        if anchor is None:
            if spec.value in fixed:
                m, d0 = fixed[spec.value]
                return f"XXXX-{m:02d}-{d0:02d}", False, None
            return None, False, None
        direction = self.direction(start, end, spec)
        options = [on(y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
        if direction == "past":
            d = max([o for o in options if o <= anchor] or options[:1])
        elif direction == "future":
            d = min([o for o in options if o >= anchor] or options[-1:])
        else:
            d = min(options, key=lambda o: abs((o - anchor).days))
        return d.isoformat(), self.dct_day is not None, d

    def resolve_in_day(self, start: int, spec: Spec) -> tuple[str, bool]:
        """Clock times and parts of the day, on the day in context."""
        sent = self.sentence(start)
        same = [d for p, s, d in self.days if s == sent]
        before = [d for p, s, d in self.days if p < start]
        after_in_sentence = [d for p, s, d in self.days if s == sent and p > start]
        in_sentence_before = [d for p, s, d in self.days if s == sent and p < start]
        day = (in_sentence_before[-1] if in_sentence_before else after_in_sentence[0] if after_in_sentence
               else before[-1] if before else self.dct_day)
        del same
        if day is None:
            value, _ = self.coarse()
            return value, False
        if spec.kind == "part":
            return f"{day.isoformat()}{spec.part}", True
        hour, minute = spec.hour or 0, spec.minute or 0
        return f"{day.isoformat()}T{hour:02d}:{minute:02d}", True


def _easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)
