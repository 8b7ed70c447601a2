"""French words the date tagger needs: months, weekdays, numbers, units, parts of day."""

from __future__ import annotations

import re
import unicodedata

MONTHS = {
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fév": 2, "mars": 3, "avril": 4, "avr": 4,
    "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9, "sept": 9,
    "octobre": 10, "oct": 10, "novembre": 11, "nov": 11, "décembre": 12, "decembre": 12, "déc": 12, "dec": 12,
}
# Full names only in patterns: abbreviations like "mars"/"mai" are fine, but "sept" (7) and
# "dec" are too ambiguous without a following day number or year.
MONTH_NAMES = ("janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout",
               "septembre", "octobre", "novembre", "décembre", "decembre")
WEEKDAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6}
PARTS_OF_DAY = {
    "matin": "MO", "matinée": "MO", "après-midi": "AF", "soir": "EV", "soirée": "EV", "nuit": "NI",
    "journée": "DT",
}
SEASONS = {"printemps": "SP", "été": "SU", "automne": "FA", "hiver": "WI"}

UNITS = {
    "seconde": ("S", True), "secondes": ("S", True), "minute": ("M", True), "minutes": ("M", True),
    "heure": ("H", True), "heures": ("H", True), "jour": ("D", False), "jours": ("D", False),
    "journée": ("D", False), "journées": ("D", False), "semaine": ("W", False), "semaines": ("W", False),
    "mois": ("M", False), "an": ("Y", False), "ans": ("Y", False), "année": ("Y", False), "années": ("Y", False),
    "décennie": ("DE", False), "décennies": ("DE", False), "siècle": ("CE", False), "siècles": ("CE", False),
}

NUMBER_WORDS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
    "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19, "vingt": 20, "vingt-cinq": 25, "trente": 30,
    "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100, "mille": 1000,
    "demi": 0.5, "quelques": "X", "plusieurs": "X", "des": "X",
}
ORDINAL_WORDS = {"premier": 1, "première": 1, "deuxième": 2, "second": 2, "seconde": 2, "troisième": 3,
                 "quatrième": 4, "cinquième": 5, "dernier": -1, "dernière": -1}

PRESENT_REF = ("actuellement", "maintenant", "désormais", "aujourd'hui", "aujourd’hui", "à présent",
               "pour l'instant", "pour l’instant", "pour le moment", "en ce moment", "de nos jours")
PAST_REF = ("auparavant", "autrefois", "jadis", "naguère")
FUTURE_REF = ("à l'avenir", "à l’avenir", "l'avenir", "l’avenir", "avenir", "prochainement", "bientôt")

# Nouns that make a four-digit number a quantity, not a year ("2000 euros").
QUANTITY_NOUNS = frozenset(
    "euros euro francs franc f € $ dollars dollar livres personnes habitants mètres m km kilomètres kg tonnes "
    "voix emplois salariés places logements élèves spectateurs visiteurs participants exemplaires hectares ha "
    "signatures victimes morts soldats hommes femmes enfants adhérents membres points voitures véhicules "
    "litres l mégawatts mw kw fois".split()
)


def fold(text: str) -> str:
    """Lower-case without accents, apostrophes unified (for lexicon lookups)."""
    text = text.lower().replace("’", "'")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def alternation(words) -> str:
    """A regex alternation, longest first so "dix-sept" wins over "dix"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def number_value(word: str) -> float | str | None:
    """"3" → 3, "trois" → 3, "quelques" → "X"; None if not a number."""
    word = word.lower().replace(",", ".")
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word) if "." in word else int(word)
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    parts = word.split("-")
    if all(p in NUMBER_WORDS and isinstance(NUMBER_WORDS[p], int) for p in parts if p != "et"):
        return sum(NUMBER_WORDS[p] for p in parts if p != "et")
    return None
