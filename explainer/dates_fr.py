"""TIMEX3 values → French reader-facing text, at their true precision.

"2023-04-13" → "13 avril 2023", "2023-11" → "novembre 2023", "2023" with
mod END → "fin 2023", "P3Y" → "3 ans".  Month and day names come from babel
(CLDR) for the ``fr`` locale rather than from a list of our own.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from babel.dates import format_date, get_month_names

LOCALE = "fr"

_DATE = re.compile(
    r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?"
    r"(?:T(?P<t>\d{2}:\d{2}(?::\d{2})?|MO|AF|EV|NI|DT))?$"
)
_WEEK = re.compile(r"^(?P<y>\d{4})-W(?P<w>\d{2})(?:-WE)?$")
_SEASON = re.compile(r"^(?P<y>\d{4})-(?P<s>SP|SU|FA|WI)$")
_QUARTER = re.compile(r"^(?P<y>\d{4})-Q(?P<q>[1-4])$")
_HALF = re.compile(r"^(?P<y>\d{4})-H(?P<h>[12])$")
_DECADE = re.compile(r"^(?P<c>\d{3})X$")
_CENTURY = re.compile(r"^(?P<c>\d{2})(?:XX)?$")  # "18" and French TimeBank's "18XX"
_DURATION = re.compile(r"^P(?:(?P<n>\d+(?:\.\d+)?|X)(?P<u>[YMWD]))$|^PT(?P<tn>\d+(?:\.\d+)?|X)(?P<tu>[HMS])$")

_PARTS_OF_DAY = {"MO": "matin", "AF": "après-midi", "EV": "soir", "NI": "nuit", "DT": "journée"}
_SEASONS = {"SP": "printemps", "SU": "été", "FA": "automne", "WI": "hiver"}
_MOD_PREFIX = {
    "START": "début {}", "MID": "mi-{}", "END": "fin {}", "APPROX": "vers {}",
    "BEFORE": "avant {}", "AFTER": "après {}", "ON_OR_BEFORE": "au plus tard {}",
    "ON_OR_AFTER": "à partir de {}", "LESS_THAN": "moins de {}", "MORE_THAN": "plus de {}",
    "EQUAL_OR_LESS": "au plus {}", "EQUAL_OR_MORE": "au moins {}",
}
_UNITS = {
    "Y": ("an", "ans"), "M": ("mois", "mois"), "W": ("semaine", "semaines"), "D": ("jour", "jours"),
    "H": ("heure", "heures"), "MIN": ("minute", "minutes"), "S": ("seconde", "secondes"),
}
_REFS = {"PRESENT_REF": "actuellement", "PAST_REF": "dans le passé", "FUTURE_REF": "à l'avenir"}


@functools.lru_cache(maxsize=1)
def _months() -> dict[int, str]:
    return dict(get_month_names("wide", locale=LOCALE))


def _roman(n: int) -> str:
    numerals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, letters in numerals:
        while n >= value:
            out, n = out + letters, n - value
    return out


@functools.lru_cache(maxsize=65536)  # a site repeats the same few thousand dates; babel is slow
def format_value(value: str, mod: str | None = None) -> str:
    """French text for a TIMEX3 value and modifier; the value itself if unknown."""
    text = _format_plain(value)
    if mod in _MOD_PREFIX:
        text = _MOD_PREFIX[mod].format(text)
    return text


def _format_plain(value: str) -> str:
    if value in _REFS:
        return _REFS[value]
    if m := _DATE.match(value):
        return _format_date(int(m["y"]), m["m"], m["d"], m["t"])
    if m := _WEEK.match(value):
        weekend = value.endswith("-WE")
        return f"{'week-end de la ' if weekend else ''}semaine {int(m['w'])} de {m['y']}"
    if m := _SEASON.match(value):
        return f"{_SEASONS[m['s']]} {m['y']}"
    if m := _QUARTER.match(value):
        return f"{'1er' if m['q'] == '1' else m['q'] + 'e'} trimestre {m['y']}"
    if m := _HALF.match(value):
        return f"{'1er' if m['h'] == '1' else '2e'} semestre {m['y']}"
    if m := _DECADE.match(value):
        return f"années {m['c']}0"
    if m := _CENTURY.match(value):
        return f"{_roman(int(m['c']) + 1)}e siècle"
    if value.startswith("P"):
        return format_duration(value)
    if value.startswith("XXXX-"):
        return _format_yearless(value[5:])
    return value


def _format_date(year: int, month: str | None, day: str | None, time: str | None) -> str:
    if month is None:
        return str(year)
    if day is None:
        return f"{_months()[int(month)]} {year}"
    date = dt.date(year, int(month), int(day))
    text = format_date(date, "d MMMM y", locale=LOCALE)
    if date.day == 1:  # French writes "1er avril", CLDR gives "1 avril"
        text = "1er" + text[1:]
    if time in _PARTS_OF_DAY:
        return f"{text} ({_PARTS_OF_DAY[time]})"
    if time:
        hours, minutes = time.split(":")[:2]
        return f"{text} à {int(hours)} h {minutes}" if minutes != "00" else f"{text} à {int(hours)} h"
    return text


def _format_yearless(rest: str) -> str:
    parts = rest.split("-")
    try:
        month = int(parts[0])
        if len(parts) == 1:
            return _months()[month]
        day = int(parts[1])
        return f"{'1er' if day == 1 else day} {_months()[month]}"
    except (ValueError, KeyError):
        return "XXXX-" + rest


def format_duration(value: str) -> str:
    """"P3Y" → "3 ans", "PT2H" → "2 heures", "PXY" → "plusieurs années"."""
    m = _DURATION.match(value)
    if not m:
        return value
    number, unit = (m["n"], m["u"]) if m["u"] else (m["tn"], "MIN" if m["tu"] == "M" else m["tu"])
    singular, plural = _UNITS[unit]
    if number == "X":
        return f"plusieurs {'années' if unit == 'Y' else plural}"
    n = float(number)
    shown = f"{n:g}".replace(".", ",")
    return f"{shown} {singular if n < 2 else plural}"


@functools.lru_cache(maxsize=65536)
def html_datetime(value: str) -> str | None:
    """A valid HTML ``<time datetime>`` for the value, or None.

    HTML accepts years, months, dates, weeks and date-times but not TIMEX3's
    parts of day or seasons, so those fall back to their date part.  HTML
    durations have no years, months or weeks ("P1Y" is invalid HTML: a year
    has no fixed length), so a duration in years or months gets None and a
    duration in weeks is given in days.
    """
    if m := _DATE.match(value):
        base = m["y"] + (f"-{m['m']}" if m["m"] else "") + (f"-{m['d']}" if m["d"] else "")
        if m["t"] and m["t"][0].isdigit() and m["d"]:
            return f"{base}T{m['t']}"
        return base
    if m := _WEEK.match(value):
        return f"{m['y']}-W{m['w']}"
    if m := (_SEASON.match(value) or _QUARTER.match(value) or _HALF.match(value)):
        return m["y"]
    if (m := _DURATION.match(value)) and "X" not in value:
        return _html_duration(m)
    return None


_SECONDS = {"W": 7 * 86400, "D": 86400, "H": 3600, "MIN": 60, "S": 1}


def _html_duration(m: re.Match) -> str | None:
    """An HTML duration ("P14D", "PT1H30M"): days, hours and minutes whole, seconds may have decimals."""
    number, unit = (m["n"], m["u"]) if m["u"] else (m["tn"], "MIN" if m["tu"] == "M" else m["tu"])
    if unit not in _SECONDS:
        return None  # years and months
    seconds = float(number) * _SECONDS[unit]
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    time = (f"{int(hours)}H" if hours else "") + (f"{int(minutes)}M" if minutes else "") \
        + (f"{secs:g}S" if secs else "")
    text = "P" + (f"{int(days)}D" if days else "") + (f"T{time}" if time else "")
    return text if text != "P" else "PT0S"


def precise_to_month(value: str) -> bool:
    """True for a date known at least to its month (a month, a week, a day), not "2023" or "été 2023"."""
    m = _DATE.match(value)
    return bool(m and m["m"]) or bool(_WEEK.match(value))


# Where a value sits in a timeline.  A period sorts at its end, after the finer dates it
# contains, as newsroom timelines do: "13 avril 2023", then "avril 2023", then "2023" (a
# year-only date placed at the start of its year would come before everything it
# contains, and "cette année" would open the article's timeline).  A modifier moves it:
# "début 2023" before January, "mi-2023" mid-year, "fin 2023" after December but before
# the whole year.  The rank breaks ties at one point in time: finer dates first.
_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "quarter": 3, "half": 4, "year": 5}
_PART_OF_DAY_TIME = {"MO": "09:00", "AF": "15:00", "EV": "19:00", "NI": "23:00", "DT": "12:00"}
_SEASON_SPAN = {"WI": ((1, 1), (3, 20)), "SP": ((3, 21), (6, 20)), "SU": ((6, 21), (9, 22)),
                "FA": ((9, 23), (12, 21))}


def _span(value: str) -> tuple[dt.date, dt.date, str, str] | None:
    """First and last day of the period a value names, its kind, and a time of day if any."""
    try:
        if m := _DATE.match(value):
            year = int(m["y"])
            month = int(m["m"]) if m["m"] and 1 <= int(m["m"]) <= 12 else None  # "2023-13": the year
            if month and m["d"]:
                end = _month_end(year, month)
                day = end.replace(day=max(1, min(int(m["d"]), end.day)))  # "30 février": its month's end
                time = m["t"] or ""
                return day, day, "day", _PART_OF_DAY_TIME.get(time, time)
            if month:
                return dt.date(year, month, 1), _month_end(year, month), "month", ""
            return dt.date(year, 1, 1), dt.date(year, 12, 31), "year", ""
        if m := _WEEK.match(value):
            year = int(m["y"])
            first, last = dt.date.fromisocalendar(year, int(m["w"]), 1), dt.date.fromisocalendar(year, int(m["w"]), 7)
            # Kept inside its year: the chronology files a week under the year it names.
            first, last = max(first, dt.date(year, 1, 1)), min(last, dt.date(year, 12, 31))
            return first, last, "week", ""
        if m := _SEASON.match(value):
            year = int(m["y"])
            (m1, d1), (m2, d2) = _SEASON_SPAN[m["s"]]
            return dt.date(year, m1, d1), dt.date(year, m2, d2), "season", ""
        if m := _QUARTER.match(value):
            year, q = int(m["y"]), int(m["q"])
            return dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q), "quarter", ""
        if m := _HALF.match(value):
            year, h = int(m["y"]), int(m["h"])
            return dt.date(year, 6 * h - 5, 1), _month_end(year, 6 * h), "half", ""
    except ValueError:  # "2023-W60", year 0: no such day
        return None
    return None


def _month_end(year: int, month: int) -> dt.date:
    return (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))


@functools.lru_cache(maxsize=65536)
def sort_key(value: str, mod: str | None = None) -> tuple[int, int, int, float, str]:
    """Chronological key ``(year, month, day, rank, time)``: where the value sits in a timeline.

    The same key orders an article's timeline, the site chronology and the
    actor pages, so that they agree.
    """
    span = _span(value)
    if span is not None:
        first, last, kind, time = span
        rank = _RANK[kind]
        if mod in ("START", "BEFORE", "ON_OR_BEFORE"):
            # At the start of the period, before the dates it contains ("avant" before "début").
            at, rank, time = first, -rank - (0.5 if mod != "START" else 0), ""
        elif mod == "MID":
            at, rank, time = first + (last - first) / 2, -rank, ""
        elif mod == "END":
            at, rank = last, rank - 0.5  # "fin 2023" after December, before the whole of 2023
        elif mod in ("AFTER", "ON_OR_AFTER"):
            at, rank = last, rank + 0.5
        else:
            at = last
        return at.year, at.month, at.day, rank, time
    if m := _DECADE.match(value):
        # Decades and centuries keep their first year: the chronology files them under it.
        return int(m["c"]) * 10, 0, 0, 6, ""
    if m := _CENTURY.match(value):
        return int(m["c"]) * 100, 0, 0, 7, ""
    return 9999, 0, 0, 0, value
