"""French words the temporal tagger knows: months, weekdays, numbers, units.

Everything here is data plus two tiny helpers (``parse_number`` and
``alternation``); the patterns that use it live in ``timex.py``.
"""

from __future__ import annotations

import re
import unicodedata

MONTHS: dict[str, int] = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
    # abbreviations common in dispatches
    "janv.": 1, "févr.": 2, "sept.": 9, "oct.": 10, "nov.": 11, "déc.": 12,
}

WEEKDAYS: dict[str, int] = {  # ISO weekday numbers (lundi = 1)
    "lundi": 1, "mardi": 2, "mercredi": 3, "jeudi": 4, "vendredi": 5, "samedi": 6, "dimanche": 7,
}

# Parts of the day, TIMEX3 codes.
PARTS_OF_DAY: dict[str, str] = {
    "matin": "TMO", "matinée": "TMO", "après-midi": "TAF", "soir": "TEV", "soirée": "TEV",
    "nuit": "TNI", "journée": "TDT",
}

SEASONS: dict[str, str] = {
    "printemps": "SP", "été": "SU", "eté": "SU", "automne": "FA", "hiver": "WI",
}

_UNITS_0_19 = {
    "zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "quinze": 15, "seize": 16,
}
_TENS = {"vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60}

NUMBER_WORDS: dict[str, int] = {**_UNITS_0_19, **_TENS, "cent": 100, "cents": 100, "mille": 1000}


def _cardinal_words(n: int) -> list[str]:
    """French spellings of ``n`` (1-31), with and without hyphens around "et"."""
    small = {v: k for k, v in _UNITS_0_19.items() if k != "une"}
    small.update({17: "dix-sept", 18: "dix-huit", 19: "dix-neuf"})
    if n < 20:
        return [small[n]]
    tens, unit = divmod(n, 10)
    ten = {2: "vingt", 3: "trente"}[tens]
    if unit == 0:
        return [ten]
    if unit == 1:
        return [f"{ten} et un", f"{ten}-et-un"]
    return [f"{ten}-{small[unit]}"]


def _ordinal(cardinal: str) -> str:
    """"trois" -> "troisième", "dix-neuf" -> "dix-neuvième", "vingt et un" -> "vingt et unième"."""
    if cardinal.endswith("cinq"):
        return cardinal + "uième"
    if cardinal.endswith("neuf"):
        return cardinal[:-1] + "vième"
    return (cardinal[:-1] if cardinal.endswith("e") else cardinal) + "ième"


# Days of the month written as words ("le trois décembre"); 1 is "premier", in the rules.
DAY_WORDS: dict[str, int] = {w: n for n in range(2, 32) for w in _cardinal_words(n)}
# Ordinal words up to 31 ("vingtième siècle", "dix-septième siècle").
ORDINAL_WORDS: dict[str, int] = {
    "premier": 1, "première": 1, "second": 2, "seconde": 2,
    **{_ordinal(w): n for n in range(2, 32) for w in _cardinal_words(n)},
}

# Quantities that are not numbers but still quantify a duration (value "X").
VAGUE_QUANTIFIERS = ("quelques", "plusieurs", "des", "de nombreuses", "de longues", "de nombreux", "ces dernières", "ces derniers")

# Duration units: word -> (multiplier, TIMEX3 unit letter, is clock unit).
UNITS: dict[str, tuple[int, str, bool]] = {
    "an": (1, "Y", False), "ans": (1, "Y", False), "année": (1, "Y", False), "années": (1, "Y", False),
    "mois": (1, "M", False), "semaine": (1, "W", False), "semaines": (1, "W", False),
    "jour": (1, "D", False), "jours": (1, "D", False),
    "heure": (1, "H", True), "heures": (1, "H", True),
    "minute": (1, "M", True), "minutes": (1, "M", True),
    "seconde": (1, "S", True), "secondes": (1, "S", True),
    "décennie": (10, "Y", False), "décennies": (10, "Y", False),
    "siècle": (100, "Y", False), "siècles": (100, "Y", False),
    "trimestre": (3, "M", False), "trimestres": (3, "M", False),
    "semestre": (6, "M", False), "semestres": (6, "M", False),
    "millénaire": (1000, "Y", False), "millénaires": (1000, "Y", False),
}

# Nouns that are themselves durations ("un quinquennat").
TERM_NOUNS: dict[str, str] = {
    "quinquennat": "P5Y", "septennat": "P7Y", "mandat de cinq ans": "P5Y",
    "demi-siècle": "P50Y", "quart de siècle": "P25Y", "demi-heure": "PT30M",
    "quart d'heure": "PT15M", "quart d’heure": "PT15M",
}

# Set words: "chaque année", "tous les jours", "par an", "annuel".
SET_UNITS: dict[str, str] = {
    "an": "P1Y", "année": "P1Y", "ans": "P1Y", "années": "P1Y", "mois": "P1M",
    "semaine": "P1W", "semaines": "P1W", "jour": "P1D", "jours": "P1D", "journée": "P1D",
    "heure": "PT1H", "heures": "PT1H", "trimestre": "P3M", "semestre": "P6M", "été": "XXXX-SU",
    "hiver": "XXXX-WI", "printemps": "XXXX-SP", "automne": "XXXX-FA", "matin": "TMO", "soir": "TEV",
    "week-end": "XXXX-WXX-WE", "nuit": "TNI",
}
SET_ADJECTIVES: dict[str, str] = {
    "annuel": "P1Y", "annuelle": "P1Y", "annuels": "P1Y", "annuelles": "P1Y",
    # "quotidien(s)" is left out: in news it is mostly the noun "newspaper"
    # ("les quotidiens étrangers"), which TimeBank does not tag.
    "hebdomadaire": "P1W", "hebdomadaires": "P1W", "mensuel": "P1M", "mensuelle": "P1M",
    "mensuels": "P1M", "mensuelles": "P1M", "bimensuel": "P2W", "trimestriel": "P3M",
    "trimestrielle": "P3M", "semestriel": "P6M", "semestrielle": "P6M",
}

ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}

# Verbs whose infinitive complement describes a planned action: "sont convenus
# d'activer", "prévoit de", "doit", "va". The reporting verb may be past while
# the action it governs lies ahead.
INTENT_LEMMAS = frozenset({
    "convenir", "prévoir", "décider", "devoir", "aller", "vouloir", "compter", "envisager",
    "projeter", "promettre", "engager", "espérer", "souhaiter", "planifier", "apprêter",
    "entendre", "proposer", "programmer", "annoncer", "accepter", "menacer", "s'engager",
    "prévu", "s'apprêter", "comptent", "viser", "s'accorder", "accorder", "résoudre",
})

# Participles / adjectives meaning "scheduled": "la réunion prévue le 16 juillet".
PLANNED_WORDS = frozenset({
    "prévu", "prévue", "prévus", "prévues", "programmé", "programmée", "programmés", "programmées",
    "attendu", "attendue", "attendus", "attendues", "annoncé", "annoncée", "prochain", "prochaine",
    "fixé", "fixée", "reporté", "reportée", "planifié", "planifiée",
})


def strip_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")


def alternation(words: list[str] | tuple[str, ...] | set[str]) -> str:
    """A regex alternation of ``words``, longest first so that the longest wins."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


def parse_number(text: str) -> float | None:
    """Value of a number written in digits ("24", "30,4") or French words.

    Handles compounds such as "dix-huit", "vingt et un", "quatre-vingt-dix",
    "deux cents"; returns None when ``text`` is not a number.
    """
    text = text.strip().lower()
    if not text:
        return None
    if re.fullmatch(r"\d+(?:[.,]\d+)?", text):
        return float(text.replace(",", "."))
    words = [w for w in re.split(r"[\s\-]+", text) if w and w != "et"]
    total, current = 0, 0
    for i, w in enumerate(words):
        if w in ("vingt", "vingts") and i > 0 and words[i - 1] == "quatre":
            current = (current - 4) + 80
        elif w in ("cent", "cents"):
            current = max(current, 1) * 100
        elif w == "mille":
            total += max(current, 1) * 1000
            current = 0
        elif w in NUMBER_WORDS:
            current += NUMBER_WORDS[w]
        else:
            return None
    return float(total + current)


def roman_to_int(text: str) -> int | None:
    """Value of a Roman numeral ("XIX" -> 19), None if it is not one."""
    text = text.upper()
    if not text or any(c not in ROMAN for c in text):
        return None
    total = 0
    for i, c in enumerate(text):
        v = ROMAN[c]
        total += -v if i + 1 < len(text) and ROMAN[text[i + 1]] > v else v
    return total
