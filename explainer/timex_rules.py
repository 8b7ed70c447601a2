"""Surface patterns for French temporal expressions.

Each rule is one compiled regex plus a function that turns a match into
candidates ``(start, end, type, Spec)``.  A ``Spec`` says *what* the text
names (a calendar date with some fields missing, a weekday, an offset from
the publication date, a clock time, a duration...); ``timex.py`` resolves it
against its anchor.  Extents follow the French TimeBank: determiners and
"la fin"/"début" are inside, prepositions ("en", "dès", "depuis", "vers",
"du", "au") are outside.
"""

from __future__ import annotations

import re
import re._compiler as _compiler  # the compiler's own prefix analysis (CPython 3.11+)
import re._constants as _sre
import re._parser as _parser
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .timex_lexicon import (
    DAY_WORDS, MONTHS, NUMBER_WORDS, ORDINAL_WORDS, PARTS_OF_DAY, SEASONS, SET_ADJECTIVES, SET_UNITS,
    TERM_NOUNS, UNITS, WEEKDAYS, alternation, parse_number, roman_to_int,
)


@dataclass(frozen=True)
class Spec:
    """What an expression names, before resolution.

    kind:
      ``value``  — already normalised (``value``), e.g. "P3Y", "PRESENT_REF", "1975";
      ``cal``    — calendar fields, some missing (year, month, day, weekday, season, quarter);
      ``rel``    — offset from the publication date in ``unit`` (D, W, WE, M, Y);
      ``ana``    — offset in days from the last day the text mentioned ("le lendemain");
      ``clock``  — a time of day, on the day in context;
      ``part``   — a part of day alone ("dans la soirée"), on the day in context.
    """

    kind: str
    value: str | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    season: str | None = None
    quarter: str | None = None
    decade: str | None = None
    part: str | None = None
    hour: int | None = None
    minute: int | None = None
    unit: str | None = None
    offset: int = 0
    hint: str | None = None  # "past"/"future" given by "dernier"/"prochain"
    strict: bool = False  # "dimanche dernier" excludes the anchor day itself
    mod: str | None = None
    year_explicit: bool = False


Candidate = tuple[int, int, str, Spec]

F = re.IGNORECASE
APOS = "['’]"

MONTH = r"\b(?P<m>" + alternation(list(MONTHS)) + r")(?!\w)"
MONTH2 = r"\b" + alternation(list(MONTHS)) + r"(?!\w)"
WD = alternation(list(WEEKDAYS))
DAYNUM = r"(?:1er|1re|premier|[12]\d|3[01]|0?[1-9])"
DAYWORD = alternation(list(DAY_WORDS))  # "le trois décembre": only after "le"/"ce" or a weekday
NUMWORD = alternation([w for w in NUMBER_WORDS if w not in ("zéro",)])
NUM = rf"(?:\d+(?:,\d+)?|{NUMWORD}(?:[- ](?:et[- ])?{NUMWORD})*)"
UNIT = alternation(list(UNITS))
PART = alternation(list(PARTS_OF_DAY))
YEAR4 = r"(?:1[0-9]\d\d|20\d\d)"
REL_PAST = r"(?:derni[eè]re?s?|pass[ée]e?s?|précédente?s?)"
REL_FUT = r"(?:prochaine?s?|suivante?s?)"
# "début", "fin", "mi-" before a date, with an optional "la" (inside the extent).
MOD_PREFIX = (
    rf"(?:(?:la\s+|le\s+)?(?P<modw>début|fin|mi|milieu|courant)"
    rf"(?:\s*-\s*|\s+d[eu]s?\s+(?:mois\s+d(?:e\s+|{APOS}))?|\s+d{APOS}|\s+(?=[^\W\d]|\d{{4}}))(?:l{APOS}|la\s+|le\s+)?)?"
)
MODS = {"début": "START", "fin": "END", "mi": "MID", "milieu": "MID", "courant": None}

# Words after a 4-digit number that show it is a quantity, not a year.
QUANTITY_AFTER = re.compile(
    r"\s*(?:%|€|\$|euros?\b|dollars?\b|francs?\b|F\b|habitants|personnes|km|kilo|mètres|m\b|m2|tonnes|voix|"
    r"salariés|emplois|exemplaires|fois\b|morts|victimes|points|hectares|ha\b|places|logements|élèves|"
    r"enfants|membres|participants|spectateurs|litres|kg|mégawatts|MW|dossiers|signatures|cas\b|"
    r"agents|soldats|hommes|femmes|militaires|manifestants|véhicules|voitures|entreprises|[.,]\d)",
    F,
)
# Person nouns before "de N ans": an age, not a duration.
AGE_BEFORE = re.compile(
    r"(?:\b[âa]g[ée]e?s?\s+d[e']\s*|\bles\s+(?:moins|plus)\s+d[e']\s*|\d\s*[-–]\s*|\d\s+(?:à|et)\s+|\bl[’']âge\s+d[e']\s*|(?:fillette|garçon|garçonnet|enfants?|homme|femme|jeunes?|filles?|fils|"
    r"adolescente?s?|bébés?|victime|conducteur|conductrice|retraitée?|automobiliste|motard|piéton|"
    r"cycliste|individu|suspect|mineure?s?|étudiante?|patient|patiente|soldat|militaire|joueur|"
    r"joueuse|père|mère|frère|sœur|veuve|veuf|octogénaire|policier|gendarme|lycéen|lycéenne)\s+d[e']\s*|,\s*)$",
    F,
)


# Nouns that take a length of time with "de": "une peine de 2 ans".
_DURATION_NOUNS = re.compile(
    r"\b(?:peine|période|durée|mandat|contrat|bail|plan|programme|absence|retard|emprisonnement|prison|"
    r"réclusion|travaux|exil|carrière|règne|guerre|attente|délai|moratoire|sursis|interdiction|suspension|"
    r"expérience|tractations|négociations|captivité|séjour|total|espace|intervalle|plus|moins|près|"
    r"environ|cours|bout|terme|lieu|âge)\s+d[e']\s*$",
    F,
)


def _age_after_noun(before: str) -> bool:
    """"un électricien allemand de 37 ans": "de N ans" after a non-duration noun is an age."""
    return bool(re.search(r"\w\s+de\s*$", before)) and not _DURATION_NOUNS.search(before)


def _num(text: str) -> float | None:
    return parse_number(text)


def _fmt_num(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def duration_value(n: float | None, unit_word: str, half: bool = False) -> str:
    """TIMEX3 duration value: ("3", "ans") -> P3Y, ("24", "heures") -> PT24H."""
    mult, letter, clock = UNITS[unit_word.lower()]
    if n is None:
        return ("PT" if clock else "P") + "X" + letter
    n = n * mult
    if half:  # "un an et demi" -> P18M, "deux heures et demie" -> PT150M
        if letter == "Y":
            return f"P{_fmt_num(n * 12 + 6)}M"
        if letter == "H":
            return f"PT{_fmt_num(n * 60 + 30)}M"
        if letter == "D":
            return f"P{_fmt_num(n * 24 + 12)}H".replace("P", "PT", 1)
        n += 0.5
    return ("PT" if clock else "P") + _fmt_num(n) + letter


def _two_digit_year(text: str) -> int:
    yy = int(text.lstrip("'’"))
    return 1900 + yy if yy >= 40 else 2000 + yy


def _mod(m: re.Match) -> str | None:
    w = m.groupdict().get("modw")
    return MODS.get(w.lower()) if w else None


def _day(text: str) -> int:
    t = text.lower()
    if t in DAY_WORDS:
        return DAY_WORDS[t]
    return 1 if t in ("1er", "1re", "premier") else int(t)


def _rel_hint(text: str | None) -> str | None:
    if not text:
        return None
    t = text.lower()
    if re.fullmatch(REL_PAST, t):
        return "past"
    if re.fullmatch(REL_FUT, t):
        return "future"
    return None


# --- rules ------------------------------------------------------------------

Rule = tuple[re.Pattern[str], Callable[[re.Match, str], Iterator[Candidate]]]
RULES: list[Rule] = []


def rule(pattern: str, flags: int = F):
    def register(fn):
        RULES.append((re.compile(pattern, flags), fn))
        return fn
    return register


@rule(
    rf"(?:\b(?P<det>le|les|ce)\s+)?(?:\b(?P<wd>{WD})\s+)?\b(?P<d>{DAYNUM}|(?P<dw>{DAYWORD})(?=\s))\s*{MONTH}"
    rf"(?:\s+(?P<y>{YEAR4}|['’]?\d\d)(?![\d,.]?\d)(?!\s*(?:h\b|heures|ans|%|km|personnes|morts)))?"
    rf"(?:\s+(?P<rel>{REL_PAST}|{REL_FUT}))?"
)
def _full_date(m: re.Match, text: str) -> Iterator[Candidate]:
    """"le 13 avril 2023", "samedi 24 juillet", "le 6 mai dernier", "10 novembre 93", "le trois décembre"."""
    if m.group("dw") and not m.group("wd") and (m.group("det") or "").lower() not in ("le", "ce"):
        return  # "les trois mars", "deux avril …": a count, or too unsure without "le"
    y = m.group("y")
    year = (int(y) if len(y.lstrip("'’")) == 4 else _two_digit_year(y)) if y else None
    start = m.start("det") if m.group("det") and m.group("det").lower() != "ce" else (m.start("wd") if m.group("wd") else m.start("d"))
    if m.group("det") and m.group("det").lower() == "ce":
        start = m.start("det")
    yield start, m.end(), "DATE", Spec(
        "cal", year=year, month=MONTHS[m.group("m").lower()], day=_day(m.group("d")),
        hint=_rel_hint(m.group("rel")), year_explicit=year is not None,
    )


@rule(
    rf"(?:\b(?P<det>les|le)\s+)?\b(?P<d1>{DAYNUM})(?=\s*(?:au|et|-|–|à|ou)\s*(?:le\s+)?(?:{WD}\s+)?{DAYNUM}\s+{MONTH}"
    rf"(?:\s+(?P<y>{YEAR4}))?)"
)
def _range_first_day(m: re.Match, text: str) -> Iterator[Candidate]:
    """The first day of "du 19 au 23 juillet", "les 6 et 13 avril"."""
    y = m.group("y")
    start = m.start("det") if m.group("det") else m.start("d1")
    yield start, m.end("d1"), "DATE", Spec(
        "cal", year=int(y) if y else None, month=MONTHS[m.group("m").lower()], day=_day(m.group("d1")),
        year_explicit=y is not None,
    )


@rule(
    rf"\b{MOD_PREFIX}(?:(?:le\s+)?mois\s+d(?:e\s+|{APOS}))?{MONTH}"
    rf"(?:\s+(?P<y>{YEAR4}|['’]\d\d|\d\d(?=\s*[,.;)]))(?![\d,.]?\d)(?!\s*(?:h\b|heures|ans|%|km|personnes|morts)))?"
    rf"(?:\s+(?P<rel>{REL_PAST}|{REL_FUT}))?"
)
def _month(m: re.Match, text: str) -> Iterator[Candidate]:
    """"avril 2001", "en juillet", "juin prochain", "fin septembre 2000", "mois de juin"."""
    word = m.group("m")
    if word in ("Mars", "Mai") and not _sentence_initial(text, m.start("m")) and not m.group("y"):
        return  # the planet, a name
    if word.lower() in ("sept.",) and not m.group("y"):
        return
    y = m.group("y")
    year = (int(y) if len(y.lstrip("'’")) == 4 else _two_digit_year(y)) if y else None
    yield m.start(), m.end(), "DATE", Spec(
        "cal", year=year, month=MONTHS[word.lower()], hint=_rel_hint(m.group("rel")), mod=_mod(m),
        year_explicit=year is not None,
    )


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[max(0, pos - 4):pos].rstrip(" «\"(")
    return not before or before[-1] in ".!?\n:;"


@rule(rf"\b{MOD_PREFIX}(?:(?P<an>l{APOS}an(?:née)?|année)\s+)?(?P<y>{YEAR4})\b(?!\s*[-–/]\s*\d\d\b(?!\d))")
def _year(m: re.Match, text: str) -> Iterator[Candidate]:
    """"1975", "fin 2023", "l'année 2001", "mi-2022"."""
    year = int(m.group("y"))
    before = text[max(0, m.start("y") - 3):m.start("y")]
    if re.search(r"\d[\s.,]?$", before) or QUANTITY_AFTER.match(text, m.end()):
        return
    if not (1800 <= year <= 2100):
        if not re.search(r"(?:\ben|\bde|\bdepuis|\ban)\s+$", text[max(0, m.start() - 8):m.start()], F):
            return
    yield m.start(), m.end(), "DATE", Spec("cal", year=year, mod=_mod(m), year_explicit=True)


@rule(r"(?<=\ben\s)(?P<y>\d\d)(?=\s*[,.;)]|\s+\()")
def _short_year(m: re.Match, text: str) -> Iterator[Candidate]:
    """"en 97" (followed by punctuation, so not "en 97 minutes")."""
    yield m.start(), m.end(), "DATE", Spec("cal", year=_two_digit_year(m.group("y")), year_explicit=True)


# After a year written in words, a clause goes on: punctuation or a function
# word, not a noun ("découpé en mille morceaux", "en deux mille exemplaires").
_AFTER_YEAR_WORDS = re.compile(
    r"\s*(?:$|[,.;:!?)»«\"(–-]|(?:à|au|aux|et|ou|mais|puis|lors|quand|alors|le|la|les|l['’]|il|elle|ils|elles|on|"
    r"ce|cette|ces|pour|par|dans|avec|sans|après|avant|déjà|qui|que|qu['’]|dont|où|en|sur|contre|chez|selon|"
    r"pendant|depuis|a|ont|est|sont|était|avait|avaient|étaient)(?!\w))",
    F,
)


@rule(rf"(?:\b(?P<an>l{APOS}an(?:née)?)\s+|(?<=\ben\s))(?P<y>(?:{NUMWORD}[- ](?:et[- ])?)*(?:mille|mil|cents|cent)(?!\w)(?:[- ](?:et[- ])?(?:{NUMWORD}|mil))*)(?!\w)")
def _year_words(m: re.Match, text: str) -> Iterator[Candidate]:
    """"en deux mille dix-neuf" -> 2019, "en mil neuf cent quatre-vingt" -> 1980, "l'an deux mille" -> 2000."""
    words = m.group("y").lower()  # holds "mil(le)" or "cent(s)": "en trois" is not a year
    n = parse_number(re.sub(r"\bmil\b", "mille", words))
    if n is None or not _AFTER_YEAR_WORDS.match(text, m.end()):
        return
    year = int(n)
    if not ((1000 if m.group("an") else 1500) <= year <= 2100):
        return
    yield m.start(), m.end(), "DATE", Spec("cal", year=year, year_explicit=True)


@rule(rf"\b{MOD_PREFIX}(?:les\s+)?années\s+(?P<d>(?:19|20)?\d0|vingt|trente|quarante|cinquante|soixante-dix|soixante|quatre-vingt-dix|quatre-vingts?)\b")
def _decade(m: re.Match, text: str) -> Iterator[Candidate]:
    """"les années 60" -> 196X, "début des années 1990" -> 199X START."""
    d = m.group("d").lower()
    if d.isdigit():
        value = (d[:3] if len(d) == 4 else "19" + d[0]) + "X"
    else:
        n = int(parse_number(d) or 0)
        value = f"19{n // 10}X"
    yield m.start(), m.end(), "DATE", Spec("value", value=value, mod=_mod(m))


# A century numeral: Roman or digits, never glued to a preceding letter, and
# never the article "Le" read as L (50) + the ordinal ending "e" ("Le siècle
# dernier" at the start of a sentence).
CENTURY_NUM = r"(?<![^\W\d_])(?!Le\b)(?P<n>[IVXL]+|\d{1,2})"
# ... or an ordinal word ("vingtième"); not "premier"/"second": "un second siècle" is a count.
CENTURY_WORD = alternation([w for w in ORDINAL_WORDS if w.endswith("ième")])


@rule(rf"\b{MOD_PREFIX}(?:(?P<det>[Ll]e|[Aa]u)\s+)?(?:{CENTURY_NUM}(?:e|ème|è|er)|(?P<ow>(?i:{CENTURY_WORD})))\s+siècle\b", 0)
def _century(m: re.Match, text: str) -> Iterator[Candidate]:
    """"le XXe siècle" -> 19XX, "la fin du XIXe siècle" -> 18XX END, "au dix-septième siècle" -> 16XX."""
    if m.group("ow"):
        n = ORDINAL_WORDS.get(m.group("ow").lower())
    else:
        n = roman_to_int(m.group("n")) if not m.group("n").isdigit() else int(m.group("n"))
    if not n:
        return
    det = (m.group("det") or "").lower()
    start = m.start() if m.group("modw") else (m.start("det") if det == "le" else m.start("n" if m.group("n") else "ow"))
    yield start, m.end(), "DATE", Spec("value", value=f"{n - 1:02d}XX", mod=_mod(m))


@rule(rf"\b{MOD_PREFIX}(?:(?P<det>le|ce)\s+)?siècle(?:\s+(?P<rel>{REL_PAST}|{REL_FUT}))?(?!\w)")
def _rel_century(m: re.Match, text: str) -> Iterator[Candidate]:
    """"le siècle dernier" -> 19XX (DCT 2023), "ce siècle" -> 20XX, "la fin du siècle dernier"."""
    det = (m.group("det") or "").lower()
    if not m.group("rel") and det != "ce":
        return  # "le siècle des Lumières", "un siècle": not the DCT's century
    hint = _rel_hint(m.group("rel"))
    offset = -1 if hint == "past" else 1 if hint == "future" else 0
    yield m.start(), m.end(), "DATE", Spec("rel", unit="C", offset=offset, mod=_mod(m))


@rule(
    rf"\b{MOD_PREFIX}(?:(?P<this>cette\s+année|cet\s+an|l{APOS}année\s+en\s+cours)|(?:l{APOS}an|l{APOS}année)\s+(?P<rel>{REL_PAST}|{REL_FUT})"
    rf"|(?P<this2>l{APOS}année)(?=\s*[,.;)]|\s+(?:qui|où)\b))"
)
def _rel_year(m: re.Match, text: str) -> Iterator[Candidate]:
    """"cette année", "l'an dernier", "l'année prochaine", "la fin de l'année"."""
    hint = _rel_hint(m.group("rel"))
    if m.group("this2") and not m.group("modw"):
        return  # bare "l'année" is only a date after "fin de"/"début de"
    offset = -1 if hint == "past" else 1 if hint == "future" else 0
    yield m.start(), m.end(), "DATE", Spec("rel", unit="Y", offset=offset, mod=_mod(m))


@rule(
    rf"\b{MOD_PREFIX}(?:(?P<this>ce\s+mois(?:-ci)?|cette\s+semaine|ce\s+week-end|ce\s+trimestre)"
    rf"|(?:le\s+|la\s+)?(?P<u>mois|semaine|week-end|trimestre)\s+(?P<rel>{REL_PAST}|{REL_FUT})"
    rf"|(?P<bare>mois)(?!\s+d(?:e\s|{APOS}))(?![-\w]))"
)
def _rel_period(m: re.Match, text: str) -> Iterator[Candidate]:
    """"cette semaine", "le mois dernier", "ce week-end", "la semaine prochaine", "à la fin du mois"."""
    if m.group("bare") and not m.group("modw"):
        return  # bare "mois" is only a date after "fin du"/"début du" (the month of publication)
    word = (m.group("this") or m.group("u") or m.group("bare")).lower()
    unit = "WE" if "week-end" in word else "W" if "semaine" in word else "Q" if "trimestre" in word else "M"
    hint = _rel_hint(m.group("rel"))
    offset = -1 if hint == "past" else 1 if hint == "future" else 0
    yield m.start(), m.end(), "DATE", Spec("rel", unit=unit, offset=offset, mod=_mod(m))


@rule(
    rf"\b(?P<w>avant-hier|après-demain|hier|demain|aujourd{APOS}hui)"
    rf"(?:(?P<sep>\s+(?:en\s+)?(?:(?P<modw>début|fin)\s+d[e'’]\s*)?|\s*,\s*(?:en\s+)?)(?P<part>{PART})\b)?"
    rf"(?:\s+(?P<wd>{WD})\b)?"
)
def _deictic_day(m: re.Match, text: str) -> Iterator[Candidate]:
    """"hier", "demain matin", "hier en début d'après-midi", "aujourd'hui vendredi"."""
    w = m.group("w").lower().replace("’", "'")
    offset = {"avant-hier": -2, "hier": -1, "aujourd'hui": 0, "demain": 1, "après-demain": 2}[w]
    part = PARTS_OF_DAY[m.group("part").lower()] if m.group("part") else None
    if part and "," in (m.group("sep") or ""):
        part = None  # "hier, soir" is not a pattern; keep the day only
        end = m.end("w")
    else:
        end = m.end()
    if w == "aujourd'hui" and not part and not m.group("wd") and _present_sense(text, m.start(), m.end()):
        yield m.start(), m.end("w"), "TIME", Spec("value", value="PRESENT_REF")
        return
    yield m.start(), end, "TIME" if part else "DATE", Spec("rel", unit="D", offset=offset, part=part, mod=_mod(m) if part else None)


_PRESENT_SENSE_BEFORE = re.compile(r"(?:^|[.!?:;«»\"]\s*|,\s*|\bet\s+|\bmais\s+|\bjusqu['’]\s*)$", F)


def _present_sense(text: str, start: int, end: int) -> bool:
    """"Aujourd'hui, la ville a changé": "nowadays" rather than the day itself.

    TimeBank tags the day (DATE) when the sentence reports an action on it and
    PRESENT_REF when the word stands at the head of the clause, between
    commas, or after "jusqu'".
    """
    before = text[max(0, start - 12):start]
    if re.search(r"d['’]\s*$", before) and not re.search(r"jusqu['’]\s*$", before):
        return False  # "les élections d'aujourd'hui"
    return bool(_PRESENT_SENSE_BEFORE.search(before))


@rule(
    rf"\b(?:(?P<det>ce|le|dès)\s+)?(?:même\s+)?(?P<wd>{WD})(?![-\w])(?:\s+(?P<rel>{REL_PAST}|{REL_FUT}))?"
    rf"(?:\s+(?:(?:en\s+)?(?P<modw>début|fin)\s+d[e'’]\s*)?(?P<part>{PART})\b)?(?:\s+(?P<rel2>{REL_PAST}|{REL_FUT}))?"
)
def _weekday(m: re.Match, text: str) -> Iterator[Candidate]:
    """"jeudi", "ce dimanche", "vendredi dernier", "lundi matin", "mardi soir"."""
    after = text[m.end():m.end() + 8]
    if re.match(r"\s+saint", after, F) or re.match(r"\s*-\s*saint", after, F):
        return  # "Vendredi saint" is a name here
    det = (m.group("det") or "").lower()
    start = m.start("det") if det in ("ce", "le") else m.start("wd")
    if det == "le" and not m.group("rel") and not m.group("part"):
        start = m.start("wd")  # "le mercredi" alone is habitual; keep the weekday only
    hint = _rel_hint(m.group("rel") or m.group("rel2"))
    part = PARTS_OF_DAY[m.group("part").lower()] if m.group("part") else None
    yield start, m.end(), "TIME" if part else "DATE", Spec(
        "cal", weekday=WEEKDAYS[m.group("wd").lower()], hint=hint, strict=hint is not None, part=part,
        mod=_mod(m) if part else None,
    )


@rule(rf"\bla\s+nuit\s+d[eu]\s+(?P<wd>{WD})\s+(?:à|au)\s+{WD}\b")
def _night_between(m: re.Match, text: str) -> Iterator[Candidate]:
    """"la nuit de vendredi à samedi" -> Friday TNI."""
    yield m.start(), m.end(), "TIME", Spec("cal", weekday=WEEKDAYS[m.group("wd").lower()], part="TNI")


@rule(
    rf"\b(?:(?P<this>ce|cet|cette)\s+(?P<part>matin|après-midi|soir|nuit)\b(?:-là)?"
    rf"|(?P<det>le|la|ce)\s+(?P<w>lendemain|surlendemain|veille|même\s+jour|jour\s+même|jour-là|avant-veille)"
    rf"(?:\s+(?:(?P<modw>début|fin)\s+d[e'’]\s*)?(?P<part2>{PART})\b)?"
    rf"|(?P<lend>lendemain)(?=\s+d[eu]\b)"
    rf"|le\s+(?P<part3>matin|soir)\s+même)"
)
def _anaphoric(m: re.Match, text: str) -> Iterator[Candidate]:
    """"ce matin", "ce soir" (DCT), "le lendemain (matin)", "la veille", "le matin même"."""
    if m.group("this"):
        part = PARTS_OF_DAY[m.group("part").lower()]
        if m.group(0).lower().endswith("-là"):
            yield m.start(), m.end(), "TIME", Spec("part", part=part)
        else:
            yield m.start(), m.end(), "TIME", Spec("rel", unit="D", offset=0, part=part)
        return
    if m.group("part3"):
        yield m.start(), m.end(), "TIME", Spec("ana", offset=0, part=PARTS_OF_DAY[m.group("part3").lower()])
        return
    w = re.sub(r"\s+", " ", (m.group("w") or m.group("lend")).lower())
    offset = {"lendemain": 1, "surlendemain": 2, "veille": -1, "avant-veille": -2}.get(w, 0)
    part = PARTS_OF_DAY[m.group("part2").lower()] if m.group("part2") else None
    start = m.start("lend") if m.group("lend") else m.start()
    yield start, m.end(), "TIME" if part else "DATE", Spec("ana", offset=offset, part=part, mod=_mod(m) if part else None)


@rule(
    rf"(?:\b(?:dans|durant|pendant|au\s+cours\s+de|en|tard\s+dans|tôt\s+dans|toute|pass[ée]e?s?|passer|et)\s+)"
    rf"(?P<x>(?:(?P<modw>début|fin)\s+d[e'’]\s*|la\s+)(?P<part>matinée|soirée|nuit|journée|après-midi|matin|soir)|l{APOS}(?P<part2>après-midi))\b"
)
def _part_in_context(m: re.Match, text: str) -> Iterator[Candidate]:
    """"dans la soirée", "au cours de la nuit", "en fin d'après-midi" — the day in context."""
    part = PARTS_OF_DAY[(m.group("part") or m.group("part2")).lower()]
    yield m.start("x"), m.end(), "TIME", Spec("part", part=part, mod=_mod(m))


@rule(
    r"(?<![\d/,.])\b(?P<h>[01]?\d|2[0-4])\s*(?:h|heures?)(?![\w/])(?:\s*(?P<mi>[0-5]\d)(?!\d)(?:\s*(?:min|minutes)\b)?)?"
    r"(?:\s+(?P<loc>locales?|GMT|heure\s+locale|heure\s+de\s+Paris|HEC|TU))?"
)
def _clock(m: re.Match, text: str) -> Iterator[Candidate]:
    """"14 h 30", "21h45", "à 18 heures" (but "pendant 24 heures" is a duration)."""
    word = re.search(r"h\w*", m.group(0)[len(m.group("h")):], F)
    before = text[max(0, m.start() - 30):m.start()]
    if word and word.group(0).lower().startswith("heure"):
        if not re.search(r"(?:\bà|\bvers|\bdès|\bjusqu['’]\s*à|\bavant|\baprès|\bentre|\bet|\bde|\bd['’]|\bsur|\bhier|\bdemain|\bsoir|\bmatin)\s*$", before, F):
            return
        if re.search(r"(?:\bpendant|\bdurant|\bdepuis|\ben|\bplus\s+de|\bmoins\s+de|\bprès\s+de|\benviron|\bde)\s*$", before, F) and not re.match(r"\s*(?:à|et)\s+\d", text[m.end():], F):
            return
    mod = "APPROX" if re.search(r"(?:\bvers|\baux\s+alentours\s+de|\bautour\s+de|\benviron)\s*$", before, F) else None
    yield m.start(), m.end(), "TIME", Spec("clock", hour=int(m.group("h")), minute=int(m.group("mi") or 0), mod=mod)


@rule(r"(?<![-\w])(?P<w>midi|minuit)\b(?!\s+(?:de\s+la\s+France|pyrénées))")
def _noon(m: re.Match, text: str) -> Iterator[Candidate]:
    """"vers midi", "à minuit"."""
    if m.group("w")[0] == "M" and not _sentence_initial(text, m.start()):
        return  # "le Midi": the south of France
    before = text[max(0, m.start() - 25):m.start()]
    if re.search(r"(?:\bdu|\bau|\ble)\s+$", before, F):
        return
    mod = "APPROX" if re.search(r"(?:\bvers|\baux\s+alentours\s+de|\bautour\s+de|\benviron)\s*$", before, F) else None
    hour = 12 if m.group("w").lower() == "midi" else 24
    yield m.start(), m.end(), "TIME", Spec("clock", hour=hour, minute=0, mod=mod)


@rule(
    rf"\b(?:(?P<q>environ|près\s+de|presque|plus\s+de|moins\s+de|au\s+moins|quelque|pas\s+moins\s+de|une\s+bonne|un\s+bon|les|ces|des|ses|leurs|aux|ces\s+dernières|ces\s+derniers|les\s+dernières|les\s+derniers)\s+)?"
    rf"(?P<n>{NUM})\s+(?P<u>{UNIT})(?!\w)(?P<half>\s+et\s+demie?)?"
)
def _duration(m: re.Match, text: str) -> Iterator[Candidate]:
    """"trois ans", "30,4 secondes", "près de 24 heures", "un an et demi"."""
    n = _num(m.group("n"))
    if n is None:
        return
    unit = m.group("u").lower()
    before = text[max(0, m.start() - 40):m.start()]
    q = (m.group("q") or "").lower()
    after = text[m.end():m.end() + 20]
    if unit in ("heure", "heures") and re.search(r"(?:\bà|\bvers|\bdès|\bjusqu['’]\s*à|\bavant|\baprès|\bentre)\s*$", before, F) and not q:
        return  # a clock time
    apposed_age = bool(re.search(r",\s*$", before)) and bool(re.match(r"\s*[,.;)]", after))  # "Fernande, 87 ans,"
    age_group = bool(q) and bool(re.search(r"\bles\s*$", before))  # "les moins de 17 ans"
    if unit in ("an", "ans") and (apposed_age or age_group or AGE_BEFORE.search(before) or _age_after_noun(before)) and not re.match(r"\s+(?:de\s+prison|d['’]emprisonnement|de\s+réclusion|ferme|avec\s+sursis)", after, F):
        return  # "Fernande, 87 ans", "une fillette de 6 ans"
    if re.match(r"\s*(?:plus\s+tôt|auparavant|plus\s+tard)", after, F) and False:
        return
    if n == 1 and not q and m.group("n").lower() in ("un", "une"):
        # "un jour" is vague unless a preposition makes it a length of time
        if not re.search(r"(?:\bpendant|\bdurant|\bdepuis|\ben|\bpour|\bsur|\bde|\bd['’]|\baprès|\bqu['’]|\bau\s+bout\s+de|\bil\s+y\s+a|\bd['’]ici\s+à?)\s*$", before, F) \
                and not re.match(r"\s*(?:plus\s+tard|après|avant|auparavant|de\b)", after, F):
            return
    mod = {"environ": "APPROX", "près de": "APPROX", "presque": "APPROX", "quelque": "APPROX",
           "plus de": "MORE_THAN", "moins de": "LESS_THAN", "au moins": "EQUAL_OR_MORE",
           "pas moins de": "EQUAL_OR_MORE"}.get(re.sub(r"\s+", " ", q))
    start = m.start() if q in ("environ", "près de", "presque", "plus de", "moins de", "au moins", "quelque", "pas moins de", "une bonne", "un bon") or q.startswith("ces dern") or q.startswith("les dern") else m.start("n")
    yield start, m.end(), "DURATION", Spec("value", value=duration_value(n, unit, bool(m.group("half"))), mod=mod)


@rule(
    r"\b(?P<v>quelques|plusieurs|des|de\s+longues|de\s+longs|de\s+nombreuses|de\s+nombreux|ces\s+derniers|ces\s+dernières|les\s+derniers|les\s+dernières)"
    r"\s+(?P<u>jours|semaines|mois|années|ans|heures|minutes|secondes|décennies|siècles)\b(?!\s+(?:\d|vingt|trente|quarante|cinquante|soixante|quatre-vingt))"
)
def _vague_duration(m: re.Match, text: str) -> Iterator[Candidate]:
    """"quelques jours" PXD, "depuis des années" PXY, "ces derniers jours" PXD."""
    v = m.group("v").lower()
    if v == "des" and not re.search(r"(?:\bdepuis|\bpendant|\bdurant|\bil\s+y\s+a|\bdes|\bpour)\s+$", text[max(0, m.start() - 15):m.start()], F):
        return
    start = m.start("u") if v == "des" else m.start()
    if v == "des":
        start = m.start()
    yield start, m.end(), "DURATION", Spec("value", value=duration_value(None, m.group("u")))


@rule(rf"\b(?:(?P<det>un|une)\s+)?(?P<t>{alternation(list(TERM_NOUNS))})(?!\w)")
def _term(m: re.Match, text: str) -> Iterator[Candidate]:
    """"un demi-siècle" P50Y, "un quinquennat" P5Y."""
    yield m.start(), m.end(), "DURATION", Spec("value", value=TERM_NOUNS[m.group("t").lower().replace("’", "'")])


@rule(rf"\bil\s+y\s+a\s+(?:(?P<q>environ|près\s+de|plus\s+de|moins\s+de)\s+)?(?P<n>{NUM})\s+(?P<u>{UNIT})(?!\w)")
def _ago(m: re.Match, text: str) -> Iterator[Candidate]:
    """"il y a trois ans" -> DCT minus three years, at year precision."""
    n = _num(m.group("n"))
    if n is None or n != int(n):
        return
    mult, letter, clock = UNITS[m.group("u").lower()]
    if clock:
        return
    unit = {"Y": "Y", "M": "M", "W": "D", "D": "D"}[letter]
    mult = mult * 7 if letter == "W" else mult  # "il y a une semaine": the day, seven days back
    mod = "APPROX" if m.group("q") and "plus" not in m.group("q") and "moins" not in m.group("q") else None
    yield m.start(), m.end(), "DATE", Spec("rel", unit=unit, offset=-int(n) * mult, mod=mod)


@rule(rf"\bdans\s+(?P<n>{NUM})\s+(?P<u>jours|semaines|mois|ans|années)\b")
def _in_future(m: re.Match, text: str) -> Iterator[Candidate]:
    """"dans trois jours" -> DCT plus three days."""
    n = _num(m.group("n"))
    if n is None or n != int(n):
        return
    mult, letter, _ = UNITS[m.group("u").lower()]
    yield m.start(), m.end(), "DATE", Spec("rel", unit=letter, offset=int(n) * mult)


@rule(
    rf"\b(?:(?P<chaque>chaque|chacune?\s+des)\s+(?P<u>{alternation(list(SET_UNITS))}|{WD})"
    rf"|(?P<tous>tous|toutes)\s+les\s+(?:(?P<n>{NUM})\s+)?(?P<u2>ans|jours|mois|semaines|heures|minutes|matins|soirs|week-ends|étés|hivers|{WD}s)"
    rf"|(?<=\bpar\s)(?P<u3>an|jour|mois|semaine|heure|trimestre|semestre|année|nuit)\b(?!\s+(?:de|d['’]|et)\b))"
)
def _set(m: re.Match, text: str) -> Iterator[Candidate]:
    """"chaque année" P1Y, "tous les jeudis" XXXX-WXX-4, "par an" (extent "an")."""
    if m.group("chaque"):
        u = m.group("u").lower()
        value = f"XXXX-WXX-{WEEKDAYS[u]}" if u in WEEKDAYS else SET_UNITS[u]
    elif m.group("tous"):
        u = m.group("u2").lower()
        if u[:-1] in WEEKDAYS:
            value = f"XXXX-WXX-{WEEKDAYS[u[:-1]]}"
        elif m.group("n"):
            n = _num(m.group("n"))
            if n is None:
                return
            value = duration_value(n, u if u in UNITS else u[:-1])
        else:
            value = SET_UNITS.get(u) or SET_UNITS.get(u[:-1], "P1D")
    else:
        value = SET_UNITS[m.group("u3").lower()]
    yield m.start(), m.end(), "SET", Spec("value", value=value)


@rule(rf"\b(?P<a>{alternation(list(SET_ADJECTIVES))})\b")
def _set_adjective(m: re.Match, text: str) -> Iterator[Candidate]:
    """"annuel", "quotidien" as adjectives (not "le quotidien Le Monde")."""
    before = text[max(0, m.start() - 8):m.start()]
    if re.search(r"(?:\b(?:le|un|du|au|des|les|ce|leur|notre|son|votre|l['’]|d['’]|quel)\s*)$", before, F):
        return
    if m.group("a")[0].isupper() and not _sentence_initial(text, m.start()):
        return  # part of a title
    yield m.start(), m.end(), "SET", Spec("value", value=SET_ADJECTIVES[m.group("a").lower()])


@rule(
    rf"\b(?:(?P<present>actuellement|maintenant|désormais|à\s+présent|de\s+nos\s+jours|pour\s+l{APOS}instant|pour\s+le\s+moment|"
    rf"à\s+l{APOS}heure\s+actuelle|en\s+ce\s+moment|actuel|actuelle|actuels|actuelles)"
    rf"|(?P<future>l{APOS}avenir|avenir|futur|future|futurs|futures|prochain|prochaine|prochains|prochaines|à\s+l{APOS}avenir|ultérieurement)"
    rf"|(?P<past>auparavant|autrefois|jadis|naguère|précédent|précédente|précédents|précédentes|jusqu{APOS}alors))\b"
)
def _reference(m: re.Match, text: str) -> Iterator[Candidate]:
    """PRESENT_REF/FUTURE_REF/PAST_REF words ("actuellement", "l'avenir", "auparavant")."""
    if m.group("present"):
        value = "PRESENT_REF"
    elif m.group("future"):
        w = m.group("future").lower()
        if w in ("futur", "future", "futurs", "futures") and re.match(r"\s+(?:simple|antérieur)", text[m.end():], F):
            return
        value = "FUTURE_REF"
    else:
        value = "PAST_REF"
    yield m.start(), m.end(), "TIME", Spec("value", value=value)


@rule(
    rf"\b(?:(?P<det>l{APOS}\s*|le\s+|cet\s+|ce\s+|cette\s+|au\s+|en\s+)?(?P<s>printemps|été|automne|hiver)(?!\w)"
    rf"(?:\s+(?P<y>{YEAR4})\b|\s+(?P<rel>{REL_PAST}|{REL_FUT}))?)"
)
def _season(m: re.Match, text: str) -> Iterator[Candidate]:
    """"l'automne" -> 1999-FA, "l'été 2022", "en été" (generic) -> XXXX-SU."""
    det = (m.group("det") or "").strip().lower()
    s = m.group("s")
    if s.lower() == "été":
        if not det and not m.group("y"):
            return  # the participle of "être"
        if det in ("en", "au") and re.search(r"\b(?:a|ont|avait|avaient|aurait|auraient|aura|ayant|avoir)\s+(?:\w+\s+)?$", text[max(0, m.start() - 20):m.start()], F):
            return
    code = SEASONS[s.lower()]
    start = m.start("s") if det in ("en", "au", "") else m.start()
    if not det and not m.group("y") and not m.group("rel"):
        return  # "les Jeux d'hiver", "le printemps arabe" without a determiner: not a date
    if det == "en" and not m.group("y") and not m.group("rel"):
        yield start, m.end(), "DATE", Spec("value", value=f"XXXX-{code}")  # generic "en été"
        return
    y = m.group("y")
    yield start, m.end(), "DATE", Spec("cal", season=code, year=int(y) if y else None, hint=_rel_hint(m.group("rel")),
                                       year_explicit=y is not None)


@rule(
    rf"\b(?:(?P<det>le|au|du)\s+)?(?P<o>premier|1er|deuxième|second|2e|2nd|troisième|3e|quatrième|4e|dernier)\s+(?P<u>trimestre|semestre)"
    rf"(?:\s+(?:de\s+l{APOS}année\s+)?(?P<y>{YEAR4}))?\b"
)
def _quarter(m: re.Match, text: str) -> Iterator[Candidate]:
    """"le premier trimestre 2023" -> 2023-Q1, "au second semestre" -> H2."""
    o = m.group("o").lower()
    n = {"premier": 1, "1er": 1, "deuxième": 2, "second": 2, "2e": 2, "2nd": 2, "troisième": 3, "3e": 3, "quatrième": 4, "4e": 4}.get(o)
    half = m.group("u").lower() == "semestre"
    if o == "dernier":
        n = 2 if half else 4
    if n is None or (half and n > 2):
        return
    code = f"H{n}" if half else f"Q{n}"
    y = m.group("y")
    start = m.start("det") if m.group("det") and m.group("det").lower() == "le" else m.start("o")
    yield start, m.end(), "DATE", Spec("cal", quarter=code, year=int(y) if y else None, year_explicit=y is not None)


@rule(r"\b(?:(?P<det>à\s+)?(?P<w>Noël|la\s+Toussaint|la\s+Saint-Sylvestre|Pâques|la\s+Pentecôte|Pentecôte|l['’]Ascension|le\s+Nouvel\s+An|le\s+jour\s+de\s+l['’]An|le\s+réveillon))(?!\w)(?:\s+(?P<y>" + YEAR4 + r"))?", 0)
def _holiday(m: re.Match, text: str) -> Iterator[Candidate]:
    """"Noël" -> YYYY-12-25, "Pâques" (computed), "la Toussaint"."""
    w = m.group("w").lower()
    y = m.group("y")
    key = "noel" if "noël" in w else "toussaint" if "toussaint" in w else "sylvestre" if "sylvestre" in w else \
        "paques" if "pâques" in w else "pentecote" if "pentecôte" in w else "ascension" if "ascension" in w else "newyear" if "an" in w.split()[-1] else "reveillon"
    yield m.start("w"), m.end(), "DATE", Spec("cal", value=key, year=int(y) if y else None, year_explicit=y is not None)


# --- matching fast -----------------------------------------------------------
#
# Python's re matches a case-insensitive pattern about half as fast as a
# case-sensitive one, and these rules are most of the tagger's time.  So each
# IGNORECASE rule also exists with its letters lowercased and no flag, run on
# the lowercased text: the same matches, at the same offsets, as long as
# "equal ignoring case" means "equal once lowercased" for every character of
# the text.  That holds for the alphabet of _CASE_SAFE (ASCII, Latin-1,
# œ/Ÿ, punctuation; tests/test_timex_rules.py checks it): a text with any
# other character (ſ, dotless ı, Kelvin sign…) takes the case-insensitive path.
_CASE_SAFE = re.compile(r"[\x00-\x7f\xa0-\xb4\xb6-\xff\u0152\u0153\u0178\u2000-\u206f\u20ac]*")


def lowercase_pattern(pattern: str) -> str:
    """``pattern`` with its literal letters lowercased; escapes and group names kept."""
    out, i = [], 0
    while i < len(pattern):
        if pattern[i] == "\\":
            out.append(pattern[i:i + 2])  # \S, \W, \D are not \s, \w, \d
            i += 2
        elif pattern.startswith(("(?P<", "(?P="), i):
            j = pattern.index(">" if pattern[i + 3] == "<" else ")", i) + 1
            out.append(pattern[i:j])
            i = j
        else:
            out.append(pattern[i].lower())
            i += 1
    return "".join(out)


# A scan tries the pattern at every position of the text.  sre skips the
# positions that cannot start a match, in a tight loop, only when the pattern
# begins with a literal or a character class; most rules begin with ``\b``
# and optional words ("le", "début de"…), so each position costs a try.  So
# each such rule also has a *finder*: ``[C](?<=(?=P)[C])``, where C holds the
# characters a match of P can start with (read off the parsed pattern by
# ``first_chars``).  It begins with a class, so sre skips to the next
# character in C, and it matches the one character at which P matches: its
# leftmost match from any position is where P's is (``_scan``).
_CATEGORIES = {
    _sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_NOT_DIGIT: r"\D", _sre.CATEGORY_SPACE: r"\s",
    _sre.CATEGORY_NOT_SPACE: r"\S", _sre.CATEGORY_WORD: r"\w", _sre.CATEGORY_NOT_WORD: r"\W",
}


def first_chars(pattern: str, flags: int = 0) -> str | None:
    """A character class (``[…]``) holding the first character of every match of
    ``pattern``, or None when that cannot be told (case folding, a pattern that can
    match the empty string, a construct not handled here)."""
    if flags & re.IGNORECASE:
        return None
    items: set[str] = set()

    def first(seq) -> bool | None:
        """Adds the possible first characters of ``seq`` to ``items``: whether
        ``seq`` can match the empty string, None when unknown."""
        for op, av in seq:
            if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
                continue  # zero width: the first character comes after
            if op is _sre.LITERAL:
                items.add(re.escape(chr(av)))
                return False
            if op is _sre.IN:
                for kind, value in av:
                    if kind is _sre.LITERAL:
                        items.add(re.escape(chr(value)))
                    elif kind is _sre.RANGE:
                        items.add(re.escape(chr(value[0])) + "-" + re.escape(chr(value[1])))
                    elif kind is _sre.CATEGORY and value in _CATEGORIES:
                        items.add(_CATEGORIES[value])
                    else:  # NEGATE, a set of code points: not unioned here
                        return None
                return False
            if op is _sre.SUBPATTERN:
                _group, add_flags, _del_flags, sub = av
                if add_flags & re.IGNORECASE:
                    return None
                nullable = first(sub)
            elif op is _sre.BRANCH:
                results = [first(alt) for alt in av[1]]
                nullable = None if None in results else any(results)
            elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
                low, _high, sub = av
                nullable = first(sub)
                nullable = None if nullable is None else (nullable or low == 0)
            elif op is _sre.ATOMIC_GROUP:
                nullable = first(av)
            else:  # ANY, NOT_LITERAL, a back reference…
                return None
            if nullable is None:
                return None
            if not nullable:
                return False
        return True

    if first(_parser.parse(pattern, flags)) is not False:
        return None
    return "[" + "".join(sorted(items)) + "]"


def finder(pattern: str, flags: int) -> re.Pattern[str] | None:
    """The finder of ``pattern`` (see above), or None where sre skips by itself or C is unknown."""
    parsed = _parser.parse(pattern, flags)
    if _compiler._get_literal_prefix(parsed, flags)[0] or _compiler._get_charset_prefix(parsed, flags):
        return None
    starts = first_chars(pattern, flags)  # None as well when P can match the empty string
    return None if starts is None else re.compile(f"{starts}(?<=(?={pattern}){starts})", flags)


def _scan(rx: re.Pattern[str], find: re.Pattern[str] | None, text: str) -> list[re.Match]:
    """``list(rx.finditer(text))``, jumping from one place ``find`` finds to the next."""
    if find is None:
        return list(rx.finditer(text))
    out, pos = [], 0
    while (hit := find.search(text, pos)) is not None:
        m = rx.match(text, hit.start())  # the leftmost match from pos, as finditer finds it
        assert m is not None and m.end() > m.start()
        out.append(m)
        pos = m.end()  # finditer goes on where a (non-empty) match ends
    return out


_ANY_FINDERS: dict[re.Pattern[str], re.Pattern[str] | None] = {}
_GLOBAL_FLAGS = re.compile(r"^\(\?[aiLmsux]+\)")


def find_all(rx: re.Pattern[str], text: str) -> list[re.Match]:
    """``list(rx.finditer(text))``, through ``rx``'s finder when it has one (made on first use).

    For the whole-text scans of the other stages (actors, roles), whose
    patterns also begin with a look-behind or an alternation of words.
    """
    try:
        find = _ANY_FINDERS[rx]
    except KeyError:
        # A leading global flag ("(?m)…") cannot go inside the finder: it is in rx.flags already.
        pattern = _GLOBAL_FLAGS.sub("", rx.pattern, count=1)
        try:
            find = finder(pattern, rx.flags)
        except re.error:  # a construct the finder cannot wrap: a plain scan
            find = None
        _ANY_FINDERS[rx] = find
    return _scan(rx, find, text)


_LOWERED = {rx: re.compile(lowercase_pattern(rx.pattern), rx.flags & ~re.IGNORECASE)
            for rx, _ in RULES if rx.flags & re.IGNORECASE}
_FINDERS = {rx: finder(lowered.pattern, lowered.flags) for rx, lowered in _LOWERED.items()}
# A case-sensitive rule scans the text itself.
_FINDERS.update({rx: finder(rx.pattern, rx.flags) for rx, _ in RULES if not rx.flags & re.IGNORECASE})


def _matches(rx: re.Pattern[str], text: str, lowered: str | None) -> list[re.Match]:
    """``rx.finditer(text)``, through the lowercased pattern when that is the same."""
    fast = _LOWERED.get(rx)
    if fast is None:
        return _scan(rx, _FINDERS.get(rx), text)
    if lowered is None:
        return list(rx.finditer(text))
    # The rules read their groups' original case ("Mai" the name, "mai" the
    # month): each match is taken again on the text itself, at its start.
    out = []
    for m in _scan(fast, _FINDERS[rx], lowered):
        real = rx.match(text, m.start())
        if real is None or real.end() != m.end():  # cannot happen on a _CASE_SAFE text
            return list(rx.finditer(text))
        out.append(real)
    return out


# A rule whose every match contains one of its keywords (lowercased) need not
# scan a text that contains none of them: most rules find nothing in most
# texts, and ``in`` costs far less than a regex scan.  Keywords are checked on
# the lowercased text, so only on a _CASE_SAFE text (elsewhere IGNORECASE
# folds more than lower() does); a case-sensitive rule's, as written, on the
# text itself.  A rule absent from both tables always runs.
# tests/test_timex_rules.py checks that every match holds a keyword and that
# the candidates are the same with and without this filter.
KEYWORDS: dict[str, tuple[str, ...]] = {
    "_range_first_day": tuple(MONTHS),  # the month is in the lookahead, still in the text
    "_decade": ("années",),
    "_rel_century": ("siècle",),
    "_rel_year": ("année", "cet", "l'an", "l’an"),
    "_rel_period": ("mois", "semaine", "week-end", "trimestre"),
    "_deictic_day": ("hier", "demain", "aujourd"),
    "_weekday": tuple(WEEKDAYS),
    "_night_between": ("nuit",),
    "_anaphoric": ("matin", "midi", "soir", "nuit", "lendemain", "veille", "même", "jour-là"),
    "_part_in_context": ("matin", "soir", "nuit", "journée", "midi"),
    "_noon": ("midi", "minuit"),
    "_term": ("quinquennat", "septennat", "mandat de cinq ans", "demi-siècle", "quart d", "demi-heure"),
    "_set_adjective": ("hebdomadaire", "trimestriel", "semestriel", "mensuel", "annuel"),
    "_quarter": ("trimestre", "semestre"),
}
# A case-sensitive rule's keywords are looked for in the text itself, as the rule writes them.
CASED_KEYWORDS: dict[str, tuple[str, ...]] = {
    "_century": ("siècle",),
    "_holiday": ("Noël", "Toussaint", "Saint-Sylvestre", "Pâques", "Pentecôte", "Ascension", "Nouvel", "An",
                 "réveillon"),
}
# A rule here scans only a (_CASE_SAFE) text where this pattern is found in
# the lowercased text: "mil"/"cent" as bare substrings are in nearly every
# text ("militaire", "récent"), while a year in words holds "mil(le)" or
# "cent(s)" as a whole word after a space or a hyphen (its number words are
# joined by [- ], and the year starts after "l'an(née)\s+" or "en\s").
KEY_PATTERNS: dict[str, re.Pattern[str]] = {
    "_year_words": re.compile(r"[\s-](?:mil|mille|cent|cents)(?!\w)"),
}
_RULE_KEY_PATTERNS = [KEY_PATTERNS.get(fn.__name__) for _, fn in RULES]
_RULE_KEYWORDS = [(CASED_KEYWORDS.get(fn.__name__, ()), True) if fn.__name__ in CASED_KEYWORDS
                  else (KEYWORDS.get(fn.__name__, ()), False) for rx, fn in RULES]
assert all(not cased or not rx.flags & re.IGNORECASE for (rx, _), (_, cased) in zip(RULES, _RULE_KEYWORDS))


def candidates(text: str, *, prefilter: bool = True) -> list[Candidate]:
    """Every match of every rule, overlapping ones included."""
    lowered = text.lower() if _CASE_SAFE.fullmatch(text) else None
    out: list[Candidate] = []
    for (rx, fn), (words, cased), key in zip(RULES, _RULE_KEYWORDS, _RULE_KEY_PATTERNS):
        if prefilter and words and (cased or lowered is not None) \
                and not any(w in (text if cased else lowered) for w in words):
            continue
        if prefilter and key is not None and lowered is not None and not key.search(lowered):
            continue
        for m in _matches(rx, text, lowered):
            out.extend(fn(m, text))
    return out
