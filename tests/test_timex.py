"""French temporal expressions: extent, type, value, mod, resolved."""

from __future__ import annotations

import pathlib
import re

import pytest

from explainer import timex
from explainer.model import PubDate

SEED = pathlib.Path(__file__).resolve().parent.parent / "seeds" / "000_f24bd75c494e3b1c.txt"
DAY = "2023-11-12"  # a Sunday


def find(text: str, dct: str | None, expected: str, doc=None):
    found = timex.tag(text, doc, PubDate.parse(dct) if dct else None)
    for t in found:
        assert text[t.start:t.end] == t.text
    matches = [t for t in found if t.text == expected]
    assert matches, f"{expected!r} not tagged; got {[t.text for t in found]}"
    return matches[0]


# sentence, dct, expected extent, type, value, mod
CASES = [
    ("L'accord a été signé le 13 avril 2023 à Séoul.", DAY, "le 13 avril 2023", "DATE", "2023-04-13", None),
    ("Il est né en 1975 à Vienne.", DAY, "1975", "DATE", "1975", None),
    ("Le texte entrera en vigueur en avril 2024.", DAY, "avril 2024", "DATE", "2024-04", None),
    ("Le chantier sera achevé fin 2023.", DAY, "fin 2023", "DATE", "2023", "END"),
    ("Le régiment partira début mai.", DAY, "début mai", "DATE", "2024-05", "START"),
    ("La ville est endettée depuis août 2017.", DAY, "août 2017", "DATE", "2017-08", "AFTER"),
    ("Le village a été fondé vers 1990.", DAY, "1990", "DATE", "1990", "APPROX"),
    ("Au début des années 60, il jouait du trombone.", DAY, "début des années 60", "DATE", "196X", "START"),
    ("Les canalisations datent de la fin du XIXe siècle.", DAY, "la fin du XIXe siècle", "DATE", "18XX", "END"),
    ("Les années 1990 ont été difficiles.", DAY, "Les années 1990", "DATE", "199X", None),
    ("Le ministre a démissionné hier.", DAY, "hier", "DATE", "2023-11-11", None),
    ("Il se rendra demain à Paris.", DAY, "demain", "DATE", "2023-11-13", None),
    ("Le président effectuera aujourd'hui un déplacement.", DAY, "aujourd'hui", "DATE", "2023-11-12", None),
    ("Aujourd'hui, la ville a changé d'ambiance.", DAY, "Aujourd'hui", "TIME", "PRESENT_REF", None),
    ("La France préside actuellement le Conseil.", DAY, "actuellement", "TIME", "PRESENT_REF", None),
    ("Les résultats ont été publiés la semaine dernière.", DAY, "la semaine dernière", "DATE", "2023-W44", None),
    ("Un journal a publié cette semaine la liste.", DAY, "cette semaine", "DATE", "2023-W45", None),
    ("Le club avait vécu la même saison l'an dernier.", DAY, "l'an dernier", "DATE", "2022", None),
    ("La manifestation sera renouvelée l'année prochaine.", DAY, "l'année prochaine", "DATE", "2024", None),
    ("Il a quitté le parti il y a trois ans.", DAY, "il y a trois ans", "DATE", "2020", None),
    ("Les coureurs se sont rendus ce week-end à Saint-Gervais.", DAY, "ce week-end", "DATE", "2023-W45-WE", None),
    ("Le Parlement a été élu le 6 mai dernier.", DAY, "le 6 mai dernier", "DATE", "2023-05-06", None),
    ("Le sommet aura lieu le 1er mars prochain.", DAY, "le 1er mars prochain", "DATE", "2024-03-01", None),
    ("Le Conseil a reconduit vendredi dernier les dispositions.", DAY, "vendredi dernier", "DATE", "2023-11-10", None),
    ("Il sera opéré lundi prochain à Strasbourg.", DAY, "lundi prochain", "DATE", "2023-11-13", None),
    ("Il a été arrêté dimanche matin.", DAY, "dimanche matin", "TIME", "2023-11-12TMO", None),
    ("Il est décédé hier matin.", DAY, "hier matin", "TIME", "2023-11-11TMO", None),
    ("Il a été hospitalisé hier soir.", DAY, "hier soir", "TIME", "2023-11-11TEV", None),
    ("Jospin reçoit ce soir les membres du gouvernement.", DAY, "ce soir", "TIME", "2023-11-12TEV", None),
    ("L'équipée de la nuit de vendredi à samedi a connu son épilogue.", DAY, "la nuit de vendredi à samedi", "TIME", "2023-11-10TNI", None),
    ("Le rendez-vous est fixé le 14 avril 2023 à 14 h 30.", DAY, "14 h 30", "TIME", "2023-04-14T14:30", None),
    ("Hier, vers midi, une femme est tombée.", DAY, "midi", "TIME", "2023-11-11T12:00", "APPROX"),
    ("Le 24 mars, elle avait passé la soirée chez un ami.", DAY, "la soirée", "TIME", "2023-03-24TEV", None),
    ("Il a été condamné à dix ans de prison.", DAY, "dix ans", "DURATION", "P10Y", None),
    ("Il a travaillé pendant trois ans à Lyon.", DAY, "trois ans", "DURATION", "P3Y", None),
    ("Elle est bénévole depuis deux semaines.", DAY, "deux semaines", "DURATION", "P2W", None),
    ("Le TGV a été retardé de quinze minutes.", DAY, "quinze minutes", "DURATION", "PT15M", None),
    ("Il devance Irvine de 30,4 secondes.", DAY, "30,4 secondes", "DURATION", "PT30.4S", None),
    ("Il a torturé un homme pendant près de 24 heures.", DAY, "près de 24 heures", "DURATION", "PT24H", "APPROX"),
    ("Le régiment totalise dix-huit mois de présence.", DAY, "dix-huit mois", "DURATION", "P18M", None),
    ("Le sous-marin échappe depuis plusieurs jours aux recherches.", DAY, "plusieurs jours", "DURATION", "PXD", None),
    ("Le local sert depuis un quart de siècle.", DAY, "un quart de siècle", "DURATION", "P25Y", None),
    ("Des millions de personnes visitent chaque année les parcs.", DAY, "chaque année", "SET", "P1Y", None),
    ("La croissance est de 0,38% par an.", DAY, "an", "SET", "P1Y", None),
    ("Les inscriptions ont lieu tous les jeudis.", DAY, "tous les jeudis", "SET", "XXXX-WXX-4", None),
    ("Neuf kilomètres de réseau sont renouvelés tous les ans.", DAY, "tous les ans", "SET", "P1Y", None),
    ("Les élections auront lieu à l'automne.", DAY, "l'automne", "DATE", "2024-FA", None),
    ("Les deux ruptures en 97 (en janvier rue Saint-Dizier, en octobre rue de Metz).", DAY, "janvier", "DATE", "1997-01", None),
    ("Trois ans plus tard, Onze mois après, il revint.", DAY, "Trois ans", "DURATION", "P3Y", None),
    ("La réunion est prévue le 16 juillet en Belgique.", "1999-07-09", "le 16 juillet", "DATE", "1999-07-16", None),
    ("Le bilan sera rendu public au premier trimestre 2024.", DAY, "premier trimestre 2024", "DATE", "2024-Q1", None),
    ("Les magasins seront ouverts à Noël.", DAY, "Noël", "DATE", "2023-12-25", None),
]


@pytest.mark.parametrize("sentence,dct,expected,typ,value,mod", CASES)
def test_table(sentence, dct, expected, typ, value, mod):
    t = find(sentence, dct, expected)
    assert (t.type, t.value, t.mod) == (typ, value, mod)


@pytest.mark.parametrize("sentence,not_expected", [
    ("Fernande, 87 ans, a été heurtée par une voiture.", "87 ans"),
    ("Une fillette de 6 ans s'est noyée.", "6 ans"),
    ("Un électricien allemand de 37 ans a témoigné.", "37 ans"),
    ("La commune compte 2000 habitants.", "2000"),
    ("Il a été élu en été 2020 puis a été réélu.", "été"),
    ("La sonde a atterri sur Mars hier.", "Mars"),
    ("Les Jeux olympiques d'hiver s'ouvrent.", "hiver"),
    ("Le quotidien Le Monde a publié l'information.", "quotidien"),
])
def test_not_temporal(sentence, not_expected):
    found = timex.tag(sentence, None, PubDate.parse(DAY))
    assert not_expected not in [t.text for t in found]


def test_ids_offsets_and_order():
    text = "Le 13 avril 2023, il est parti. Il est revenu hier et repartira dans trois jours."
    found = timex.tag(text, None, PubDate.parse(DAY))
    assert [t.id for t in found] == [f"t{i + 1}" for i in range(len(found))]
    assert [t.start for t in found] == sorted(t.start for t in found)
    assert all(t.paragraph == 0 and text[t.start:t.end] == t.text for t in found)
    assert [t.value for t in found] == ["2023-04-13", "2023-11-11", "2023-11-15"]


def test_coarse_dct_never_invents_a_day():
    t = find("Le ministre a démissionné dimanche.", "2023-11", "dimanche")
    assert (t.value, t.resolved) == ("2023-11", False)
    t = find("Le ministre a démissionné hier.", "2023", "hier")
    assert (t.value, t.resolved) == ("2023", False)
    t = find("Le texte sera voté en décembre.", "2023-11", "décembre")
    assert (t.value, t.resolved) == ("2023-12", True)


def test_no_dct_keeps_absolute_dates_and_marks_relative_ones():
    text = "Le 13 avril 2023, il a démissionné. Il reviendra dimanche, puis en décembre."
    found = {t.text: t for t in timex.tag(text, None, None)}
    assert (found["Le 13 avril 2023"].value, found["Le 13 avril 2023"].resolved) == ("2023-04-13", True)
    assert (found["dimanche"].value, found["dimanche"].resolved) == ("XXXX-WXX-7", False)
    assert (found["décembre"].value, found["décembre"].resolved) == ("XXXX-12", False)


def test_tense_without_parse():
    assert find("Blinken a dénoncé jeudi les liens.", DAY, "jeudi").value == "2023-11-09"
    assert find("Blinken se rendra jeudi à Séoul.", DAY, "jeudi").value == "2023-11-16"
    assert find("Ils ont convenu d'activer le mécanisme en janvier.", DAY, "janvier").value == "2024-01"
    assert find("Le mécanisme a été activé en janvier.", DAY, "janvier").value == "2023-01"


# --- the seed article -------------------------------------------------------

def seed_text() -> str:
    # the seed header ("date 2023-11") precedes the caption; it is not article text
    return re.sub(r"^\s*date\s+\S+\s*", "", SEED.read_text(encoding="utf-8"))


SEED_DAY = [
    ("le 13 avril 2023", "2023-04-13", None), ("le 14 avril", "2023-04-14", None),
    ("dimanche", "2023-11-12", None), ("décembre", "2023-12", None), ("décembre", "2023-12", None),
    ("fin 2023", "2023", "END"), ("janvier", "2024-01", None), ("août", "2023-08", None),
    ("cette année", "2023", None), ("jeudi", "2023-11-09", None),
]


def _seed_dates(doc, dct: str):
    text = seed_text()
    found = timex.tag(text, doc, PubDate.parse(dct))
    return [t for t in found if t.type == "DATE" and t.value[:1].isdigit() and not t.value.startswith("P")]


@pytest.mark.parametrize("use_model", [False, pytest.param(True, marks=pytest.mark.model)])
def test_seed_day_precision(use_model, request):
    doc = request.getfixturevalue("nlp")(seed_text()) if use_model else None
    got = [(t.text, t.value, t.mod) for t in _seed_dates(doc, "2023-11-12")]
    assert got == SEED_DAY
    assert "dès décembre"[4:] == got[3][0]  # "dès" stays outside the extent (TimeBank)


@pytest.mark.parametrize("use_model", [False, pytest.param(True, marks=pytest.mark.model)])
def test_seed_month_precision(use_model, request):
    doc = request.getfixturevalue("nlp")(seed_text()) if use_model else None
    got = {(t.text, t.start): t for t in _seed_dates(doc, "2023-11")}
    expected = {text: (value, True) for text, value, _ in SEED_DAY}
    expected["dimanche"] = ("2023-11", False)
    expected["jeudi"] = ("2023-11", False)
    assert [(t.text, t.value, t.resolved) for t in got.values()] == [
        (text, *expected[text]) for text, _, _ in SEED_DAY]


@pytest.mark.model
@pytest.mark.parametrize("sentence,expected,value", [
    ("En visite à Séoul jeudi, le secrétaire d'État a dénoncé les liens militaires.", "jeudi", "2023-11-09"),
    ("Le secrétaire d'État se rendra jeudi à Séoul.", "jeudi", "2023-11-16"),
    ("Les ministres ont indiqué dimanche être convenus d'activer dès décembre une opération.", "décembre", "2023-12"),
    ("Les ministres ont indiqué être convenus d'activer dès mars une opération.", "mars", "2024-03"),
    ("Le mécanisme a été activé dès mars.", "mars", "2023-03"),
    ("Les modifications annoncées mercredi vont abêtir la F1.", "mercredi", "2023-11-08"),
])
def test_tense_with_model(nlp, sentence, expected, value):
    assert find(sentence, DAY, expected, nlp(sentence)).value == value


# --- centuries ---------------------------------------------------------------

CENTURIES = [
    # "Le" at the head of a sentence is the article, not L (50) + the ending "e"
    ("Le siècle dernier a été marqué par deux guerres.", "Le siècle dernier", "19XX", None),
    ("Au siècle dernier, la ville comptait dix usines.", "siècle dernier", "19XX", None),
    ("Les halles datent de la fin du siècle dernier.", "la fin du siècle dernier", "19XX", "END"),
    ("Ce siècle verra la fin du charbon.", "Ce siècle", "20XX", None),
    ("Le XXe siècle a été violent.", "Le XXe siècle", "19XX", None),
]  # checked by test_dates_in_words below


@pytest.mark.parametrize("sentence", [
    "Le siècle des Lumières a changé la France.",
    "Le siècle de Périclès reste un modèle.",
    "Il a vécu un siècle entier.",
])
def test_an_article_is_not_a_roman_numeral(sentence):
    found = timex.tag(sentence, None, PubDate.parse(DAY))
    assert not [t for t in found if t.type == "DATE"], [(t.text, t.value) for t in found]


def test_relative_century_without_dct_is_unresolved():
    (t,) = timex.tag("Le siècle dernier a été violent.", None, None)
    assert (t.text, t.value, t.resolved) == ("Le siècle dernier", "XXXX", False)


@pytest.mark.model
@pytest.mark.parametrize("form,conditional", [
    ("démissionnerait", True), ("retireraient", True), ("prendrait", True), ("deviendrait", True),
    ("achèterait", True), ("appellerait", True), ("pourrait", True),
    ("déclarait", False), ("durait", False), ("ouvrait", False), ("préférait", False), ("tirait", False),
])
def test_conditional_forms_are_told_from_imperfects(nlp, form, conditional):
    from explainer.timex_resolve import _is_conditional_form
    assert _is_conditional_form(nlp(f"Il {form} en mars.")[1]) is conditional


# --- words for numbers, month-relative modifiers ------------------------------

@pytest.mark.parametrize("sentence,expected,value,mod", CENTURIES + [
    ("Au vingtième siècle, la ville a grandi.", "vingtième siècle", "19XX", None),
    ("Le château date du dix-septième siècle.", "dix-septième siècle", "16XX", None),
    ("Les halles datent de la fin du dix-neuvième siècle.", "la fin du dix-neuvième siècle", "18XX", "END"),
    ("Le vingt et unième siècle sera urbain.", "Le vingt et unième siècle", "20XX", None),
    ("Il est arrivé le trois décembre.", "le trois décembre", "2022-12-03", None),
    ("Il a été élu le vingt-trois mars 2021.", "le vingt-trois mars 2021", "2021-03-23", None),
    ("Il partira mardi deux janvier.", "mardi deux janvier", "2024-01-02", None),
    ("Le salaire sera versé à la fin du mois.", "la fin du mois", "2023-11", "END"),
    ("Les travaux ont commencé au début du mois.", "début du mois", "2023-11", "START"),
    ("Il est né en deux mille dix-neuf.", "deux mille dix-neuf", "2019", None),
    ("Il est né en mil neuf cent quatre-vingt-dix, à Paris.", "mil neuf cent quatre-vingt-dix", "1990", None),
    ("En l'an deux mille, tout a changé.", "l'an deux mille", "2000", None),
])
def test_dates_in_words(sentence, expected, value, mod):
    t = find(sentence, DAY, expected)
    assert (t.type, t.value, t.mod) == ("DATE", value, mod)


@pytest.mark.parametrize("sentence,not_expected", [
    ("Le vase a été découpé en mille morceaux.", "mille"),
    ("Il a vendu en deux mille exemplaires.", "deux mille"),
    ("Les trois mars de la saison ont été rudes.", "trois mars"),  # a count, not a day: no "le"
    ("Il a vécu un second siècle.", "second siècle"),
    ("Au début du mois de ramadan, les prix montent.", "début du mois"),
])
def test_number_words_that_are_not_dates(sentence, not_expected):
    found = timex.tag(sentence, None, PubDate.parse(DAY))
    assert not_expected not in [t.text for t in found]
