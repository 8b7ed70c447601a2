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
    parts of day or seasons, so those fall back to their date part.
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
    if _DURATION.match(value) and "X" not in value:
        return value
    return None


@functools.lru_cache(maxsize=65536)
def sort_key(value: str, mod: str | None = None) -> tuple[int, int, int, str]:
    """Chronological key: year, month, day (unknown parts by the modifier)."""
    m = _DATE.match(value)
    if m:
        year = int(m["y"])
        default_month = 12 if mod == "END" else 6 if mod == "MID" else 0
        month = int(m["m"]) if m["m"] else default_month
        default_day = 28 if mod == "END" else 15 if mod == "MID" else 0
        day = int(m["d"]) if m["d"] else default_day
        return year, month, day, m["t"] or ""
    for pattern, months in ((_WEEK, None), (_SEASON, {"WI": 1, "SP": 4, "SU": 7, "FA": 10}),
                            (_QUARTER, None), (_HALF, None)):
        m = pattern.match(value)
        if m:
            year = int(m["y"])
            if months is not None:
                return year, months[m["s"]], 0, ""
            if "w" in m.groupdict():
                return year, max(1, min(12, int(m["w"]) * 12 // 53 + 1)), 0, ""
            if "q" in m.groupdict():
                return year, (int(m["q"]) - 1) * 3 + 1, 0, ""
            return year, 1 if m["h"] == "1" else 7, 0, ""
    if m := _DECADE.match(value):
        return int(m["c"]) * 10, 0, 0, ""
    if m := _CENTURY.match(value):
        return int(m["c"]) * 100, 0, 0, ""
    return 9999, 0, 0, value
