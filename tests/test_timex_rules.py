"""The French date tagger on real French phrases: a table of (sentence, DCT, text, type, value, mod).

Most rows run without the trained model (rules and cue words only); rows whose
direction depends on the verb's tense use the trained pipeline.
"""

from __future__ import annotations

import pathlib
import re

import pytest

from explainer import timex
from explainer.events import build_events
from explainer.extract import Layout
from explainer.model import PubDate
from explainer.read import read_seed

ROOT = pathlib.Path(__file__).resolve().parent.parent

RULES = [
    ("Le sommet a eu lieu le 13 avril 2023 à Séoul.", "2023-11-12", "le 13 avril 2023", "DATE", "2023-04-13", None),
    ("Il est arrivé le 1er mars dernier.", "2023-11-12", "le 1er mars dernier", "DATE", "2023-03-01", None),
    ("Les élections auront lieu les 6 et 13 avril prochains.", "2003-02-24", "13 avril prochains", "DATE", "2003-04-13", None),
    ("Il est mort en mai 1988.", "2002-01-03", "mai 1988", "DATE", "1988-05", None),
    ("Le projet sera achevé d'ici fin 2023.", "2023-11-12", "fin 2023", "DATE", "2023", "END"),
    ("La réforme entrera en vigueur début mai 2024.", "2023-11-12", "début mai 2024", "DATE", "2024-05", "START"),
    ("Une opération sera lancée dès décembre.", "2023-11-12", "décembre", "DATE", "2023-12", None),
    ("Une formation commencera à partir de janvier.", "2023-11-12", "janvier", "DATE", "2024-01", None),
    ("Il l'avait rencontré en octobre 98.", "1999-05-23", "octobre 98", "DATE", "1998-10", None),
    ("Le festival a attiré du monde cette année.", "1999-07-29", "cette année", "DATE", "1999", None),
    ("L'an dernier, la ville a grandi.", "2023-11-12", "L'an dernier", "DATE", "2022", None),
    ("La semaine dernière, il pleuvait.", "2023-11-12", "La semaine dernière", "DATE", "2023-W44", None),
    ("Hier soir, les pompiers sont intervenus.", "1999-05-29", "Hier soir", "TIME", "1999-05-28TEV", None),
    ("Il a été interpellé hier.", "2002-05-07", "hier", "DATE", "2002-05-06", None),
    ("Le match a lieu à 20 h 30.", "1999-09-30", "20 h 30", "TIME", "1999-09-30T20:30", None),
    ("Il est parti il y a trois ans.", "2023-11-12", "il y a trois ans", "DATE", "2020", None),
    ("Il a dirigé le club pendant douze ans.", "2003-02-23", "douze ans", "DURATION", "P12Y", None),
    ("Elle participait depuis trois ans au repas.", "2003-02-23", "trois ans", "DURATION", "P3Y", None),
    ("Il a gagné de 30,4 secondes.", "1999-05-17", "30,4 secondes", "DURATION", "PT30.4S", None),
    ("Il y travaille depuis plus de vingt ans.", "2003-02-23", "plus de vingt ans", "DURATION", "P20Y", "MORE_THAN"),
    ("Le marché a lieu tous les jeudis.", "1999-09-05", "tous les jeudis", "SET", "XXXX-WXX-4", None),
    ("La fête est organisée chaque année.", "2002-02-09", "chaque année", "SET", "P1Y", None),
    ("La mode des années 60 revient.", "1999-07-29", "années 60", "DATE", "196X", None),
    ("Le bâtiment date du XIXe siècle.", "1999-07-29", "XIXe siècle", "DATE", "18XX", None),
    ("Actuellement, la mairie étudie le dossier.", "2002-10-31", "Actuellement", "TIME", "PRESENT_REF", None),
    ("Mercredi dernier, le conseil a voté.", "1999-07-28", "Mercredi dernier", "DATE", "1999-07-21", None),
    ("Le concert aura lieu le jeudi 12 septembre.", "2002-09-10", "le jeudi 12 septembre", "DATE", "2002-09-12", None),
    ("La nuit de vendredi à samedi a été agitée.", "2023-11-12", "La nuit de vendredi à samedi", "TIME", "2023-11-10TNI", None),
]


@pytest.mark.parametrize("sentence, dct, text, ttype, value, mod", RULES, ids=[r[2] for r in RULES])
def test_rules_without_model(sentence, dct, text, ttype, value, mod):
    found = {t.text: t for t in timex.tag(sentence, None, PubDate.parse(dct))}
    assert text in found, sorted(found)
    t = found[text]
    assert (t.type, t.value, t.mod) == (ttype, value, mod)
    assert sentence[t.start:t.end] == t.text


@pytest.mark.parametrize("sentence, value", [
    ("Un homme de 54 ans a été blessé.", None),
    ("Âgé de 38 ans, il dirige l'entreprise.", None),
    ("Il a payé 2000 euros.", None),
])
def test_not_temporal(sentence, value):
    assert timex.tag(sentence, None, PubDate.parse("2003-02-23")) == []


def test_coarse_dct_gives_a_coarser_value_never_an_invented_day():
    (t,) = timex.tag("Les ministres ont indiqué dimanche leur accord.", None, PubDate.parse("2023-11"))
    assert (t.value, t.resolved) == ("2023-11", False)


def test_without_dct_absolute_dates_stay_and_relative_ones_are_unresolved():
    found = timex.tag("Le 13 avril 2023, puis lundi.", None, None)
    assert [(t.value, t.resolved) for t in found] == [("2023-04-13", True), ("XXXX-WXX-1", False)]


SEED = ROOT / "seeds" / "000_f24bd75c494e3b1c.txt"
SEED_DATES_DAY = {
    "le 13 avril 2023": "2023-04-13", "le 14 avril": "2023-04-14", "dimanche": "2023-11-12",
    "décembre": "2023-12", "fin 2023": "2023", "janvier": "2024-01", "août": "2023-08",
    "cette année": "2023", "jeudi": "2023-11-09",
}


@pytest.mark.model
@pytest.mark.parametrize("dct", ["2023-11-12", "2023-11"])
def test_the_seed_dates(nlp, dct):
    text = Layout.of(read_seed(SEED)).text
    found = timex.tag(text, nlp(text), PubDate.parse(dct))
    values = {}
    for t in found:
        values.setdefault(t.text, []).append((t.value, t.resolved))
    for text_, value in SEED_DATES_DAY.items():
        for got, resolved in values[text_]:
            if dct == "2023-11" and text_ in ("dimanche", "jeudi"):
                assert (got, resolved) == ("2023-11", False), text_
            else:
                assert (got, resolved) == (value, True), text_
    assert len(values["décembre"]) == 2
    fin = next(t for t in found if t.text == "fin 2023")
    assert fin.mod == "END"


@pytest.mark.model
@pytest.mark.parametrize("sentence, text, value", [
    ("Le ministre a dénoncé jeudi la décision.", "jeudi", "2023-11-09"),
    ("Le ministre se rendra jeudi à Paris.", "jeudi", "2023-11-16"),
    ("Les ministres ont convenu d'activer le mécanisme en décembre.", "décembre", "2023-12"),
    ("Le sommet organisé en août a marqué les esprits.", "août", "2023-08"),
])
def test_tense_gives_the_direction(nlp, sentence, text, value):
    found = {t.text: t for t in timex.tag(sentence, nlp(sentence), PubDate.parse("2023-11-12"))}
    assert found[text].value == value


@pytest.mark.model
def test_events_are_clauses_with_past_or_planned_status(nlp):
    text = Layout.of(read_seed(SEED)).text
    doc = nlp(text)
    dct = PubDate.parse("2023-11-12")
    found = timex.tag(text, doc, dct)
    events = {next(t.text for t in found if t.id == e.timex) + f"#{e.timex}": e for e in build_events(doc, found, [], dct)}
    by_text = {}
    for key, event in events.items():
        by_text.setdefault(key.split("#")[0], []).append(event)
    assert all(e.status == "planned" for e in by_text["décembre"] + by_text["janvier"] + by_text["fin 2023"])
    assert all(e.status == "past" for e in by_text["dimanche"] + by_text["août"] + by_text["jeudi"])
    paragraph = text.split("\n\n")[3]
    for event in by_text["décembre"]:
        assert len(event.summary) < len(paragraph) and "décembre" in event.summary
    assert not any(t.type in ("DURATION", "SET") for t in found if t.id in {e.timex for e in events.values()})


# --- the lowercased fast path matches exactly what the rules match ----------

def test_case_safe_alphabet_lowercases_like_ignorecase():
    """On _CASE_SAFE characters, "equal ignoring case" is "equal once lowercased"."""
    import re

    from explainer.timex_rules import _CASE_SAFE

    alphabet = [c for c in map(chr, range(0x2100)) if _CASE_SAFE.fullmatch(c)]
    for c in alphabet:
        assert len(c.lower()) == 1 and _CASE_SAFE.fullmatch(c.lower())
        for cls in (r"\w", r"\d", r"\s", r"\b\w"):
            assert bool(re.match(cls, c)) == bool(re.match(cls, c.lower())), (c, cls)
    by_lower: dict[str, set[str]] = {}
    for c in alphabet:
        by_lower.setdefault(c.lower(), set()).add(c)
    for d in alphabet:
        rx = re.compile(re.escape(d), re.IGNORECASE)
        assert {c for c in alphabet if rx.fullmatch(c)} == by_lower[d.lower()], d


def test_lowercased_rules_match_like_the_rules():
    """Same matches through the lowercased patterns, on real texts in three cases."""
    from explainer.timex_rules import RULES, _CASE_SAFE, _matches, lowercase_pattern

    assert lowercase_pattern(r"(?P<Wd>Mai)\S\W\D[A-Z]") == r"(?P<Wd>mai)\S\W\D[a-z]"
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "eval" / "data" / "fr-timebank").glob("*.txt"))]
    texts += [Layout.of(read_seed(p)).text for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for text in texts:
        for variant in (text, text.upper(), text.title()):
            assert _CASE_SAFE.fullmatch(variant), "a test text outside the fast alphabet tests nothing"
            lowered = variant.lower()
            for rx, _fn in RULES:
                fast = [(m.span(), m.groupdict()) for m in _matches(rx, variant, lowered)]
                slow = [(m.span(), m.groupdict()) for m in rx.finditer(variant)]
                assert fast == slow, rx.pattern[:60]


def test_text_outside_the_alphabet_takes_the_slow_path():
    text = "Le 13 avril 2023, le ſénat a voté mardi."
    found = timex.tag(text, None, PubDate.parse("2023-11-12"))
    assert [t.text for t in found] == ["Le 13 avril 2023", "mardi"]


def _prefilter_texts() -> list[str]:
    from eval.timebank import DATA, load_corpus

    texts = [d.text for d in load_corpus()] if DATA.exists() else []
    texts += [Layout.of(read_seed(p)).text for p in sorted((ROOT / "seeds").glob("*.txt"))]
    assert texts
    return texts


def test_every_match_holds_one_of_its_rule_keywords():
    """The keyword prefilter's premise, rule by rule, on TimeBank and the seeds in three cases."""
    from explainer.timex_rules import _RULE_KEYWORDS, RULES

    for text in _prefilter_texts():
        for variant in (text, text.upper(), text.title()):
            for (rx, fn), (words, cased) in zip(RULES, _RULE_KEYWORDS):
                if not words or fn.__name__ == "_range_first_day":  # its month is in a lookahead
                    continue
                for m in rx.finditer(variant):
                    found = m.group(0) if cased else m.group(0).lower()
                    assert any(w in found for w in words), (fn.__name__, m.group(0))


def test_prefilter_changes_no_candidate():
    from explainer.timex_rules import candidates

    for text in _prefilter_texts():
        for variant in (text, text.upper(), text.title(), text + " ſ"):  # the last one takes the slow path
            assert candidates(variant) == candidates(variant, prefilter=False)


def test_first_chars_of_a_pattern():
    """The lookahead's class holds the first character of every match; unknown stays None."""
    from explainer.timex_rules import first_chars

    assert first_chars(r"\b(?:le\s+)?(?P<d>[12]\d|3[01]|premier)\b") == "[123lp]"
    assert first_chars(r"(?<=\ben\s)\d\d") == r"[\d]"
    assert first_chars(r"(?:la\s+)?x*y") == "[lxy]"
    assert first_chars(r"a?") is None  # can match the empty string
    assert first_chars(r"[^a]b") is None  # a negated class
    assert first_chars(r".b") is None
    assert first_chars(r"(?i:a)b") is None  # case folding
    assert first_chars(r"ab", re.IGNORECASE) is None


def test_scans_through_a_finder_match_like_the_plain_patterns():
    """A finder only skips positions where nothing can start: _scan lists what finditer lists."""
    from explainer.timex_rules import RULES, _FINDERS, _LOWERED, _scan, finder

    assert finder(r"\bab", 0).pattern == r"[a](?<=(?=\bab)[a])"
    assert finder(r"ab", 0) is None  # sre skips to "a" by itself
    assert sum(f is not None for f in _FINDERS.values()) > 20
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "eval" / "data" / "fr-timebank").glob("*.txt"))]
    texts += [Layout.of(read_seed(p)).text for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts += ["Le 1er mai, à 14 h, 1999-2000", "en l'an mil.", ""]
    for rx, _fn in RULES:
        plain = _LOWERED.get(rx, rx)
        for text in texts:
            for variant in ((text.lower(),) if rx in _LOWERED else (text, text.upper())):
                assert [(m.span(), m.groupdict()) for m in _scan(plain, _FINDERS[rx], variant)] == \
                       [(m.span(), m.groupdict()) for m in plain.finditer(variant)], rx.pattern[:60]


def test_every_match_holds_its_rule_key_pattern():
    """The pattern prefilter's premise: found in the lowercased match with the character before it."""
    from explainer.timex_rules import KEY_PATTERNS, RULES

    assert KEY_PATTERNS
    texts = _prefilter_texts() + ["en deux mille dix-neuf,", "l'an mil.", "l’année mille neuf cent quatre-vingt."]
    for text in texts:
        for variant in (text, text.upper(), text.title()):
            for rx, fn in RULES:
                key = KEY_PATTERNS.get(fn.__name__)
                for m in rx.finditer(variant) if key else ():
                    assert key.search(variant.lower()[max(0, m.start() - 1):m.end()]), (fn.__name__, m.group(0))
    from explainer.timex_rules import candidates

    for phrase in ("Né en l'an mil, il", "en deux mille dix-neuf, il", "l’année mille neuf cent quatre-vingt.",
                   "en mil neuf cent quatre-vingt, "):
        found = candidates(phrase)
        assert any(c[3].year for c in found) and found == candidates(phrase, prefilter=False), phrase
