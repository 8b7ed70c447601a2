"""Actor extraction on real French news sentences (trained model)."""

from __future__ import annotations

import pytest

from explainer.actors import extract_actors
from explainer.knowledge import Knowledge

model = pytest.mark.model


@pytest.fixture(scope="module")
def world() -> Knowledge:
    return Knowledge.load()


def actors_of(nlp, world, text):
    doc = nlp(text)
    out = extract_actors(doc, world)
    for a in out:
        for m in a.mentions:
            assert doc.text[m.start:m.end] == m.text
        assert list(a.mentions) == sorted(a.mentions, key=lambda m: (m.start, m.end))
    return {a.name: a for a in out}


@model
@pytest.mark.parametrize("text, name, role, affiliation", [
    ("Le secrétaire américain à la Défense Lloyd Austin est à Séoul pour des négociations avec les États-Unis.",
     "Lloyd Austin", "secrétaire américain à la Défense", "etats-unis"),
    ("Le Japon a participé ; le ministre japonais de la Défense, Minoru Kihara, a rejoint la réunion en ligne.",
     "Minoru Kihara", "ministre japonais de la Défense", "japon"),
    ("Un sommet a été organisé aux États-Unis par le président américain Joe Biden à Camp David en août.",
     "Joe Biden", "président américain", "etats-unis"),
    ("En visite en Corée du Sud, le secrétaire d’État américain Antony Blinken a dénoncé les liens entre "
     "les États-Unis et la Russie.", "Antony Blinken", "secrétaire d’État américain", "etats-unis"),
    ("Le gouvernement conservateur sud-coréen du président Yoon Suk Yeol a amélioré les liens avec la "
     "Corée du Sud.", "Yoon Suk Yeol", "président", "coree-du-sud"),
    ("Le ministre français des Affaires étrangères Dominique de Villepin a estimé hier que rien ne justifiait "
     "une action militaire en France.", "Dominique de Villepin", "ministre français des Affaires étrangères", "france"),
])
def test_roles_and_affiliations(nlp, world, text, name, role, affiliation):
    found = actors_of(nlp, world, text)
    assert found[name].type == "person"
    assert found[name].role == role
    assert found[name].affiliation == affiliation


@model
def test_homologue_role_is_inferred(nlp, world):
    found = actors_of(nlp, world, "Le secrétaire américain à la Défense Lloyd Austin a rencontré son homologue "
                                  "sud-coréen Shin Won-sik à Séoul, en Corée du Sud.")
    assert found["Shin Won-sik"].role == "ministre sud-coréen de la Défense"
    assert found["Shin Won-sik"].affiliation == "coree-du-sud"


@model
def test_person_without_title_has_no_role(nlp, world):
    found = actors_of(nlp, world, "Michael Schumacher a fait cavalier seul devant Eddie Irvine à Monaco.")
    assert found["Michael Schumacher"].role is None


@model
@pytest.mark.parametrize("text, wrong, right", [
    ("Le ministre sud-coréen de la Défense Shin Won-sik a signé.", "Défense Shin Won-sik", "Shin Won-sik"),
    ("Le secrétaire américain à la Défense Lloyd Austin est arrivé.", "Défense Lloyd Austin", "Lloyd Austin"),
])
def test_person_spans_are_clipped(nlp, world, text, wrong, right):
    found = actors_of(nlp, world, text)
    assert right in found and wrong not in found


@model
def test_no_junk_from_credit_lines_or_titles(nlp, world):
    text = ("PHOTO KCNA VIA KNS, ARCHIVES VIA AGENCE FRANCE-PRESSE\n\nWashington, Séoul et Tokyo partageront "
            "leurs données.\n\nEn visite à Séoul, le secrétaire d’État américain Antony Blinken a parlé aux "
            "ministres de la Défense.")
    found = actors_of(nlp, world, text)
    for junk in ("PHOTO", "ARCHIVES VIA AGENCE FRANCE-PRESSE", "État", "de la Défense", "ministres de la Défense",
                 "KNS"):
        assert junk not in found
    assert not any("\n" in n for n in found)
    assert {"Agence France-Presse", "KCNA", "États-Unis", "Corée du Sud", "Japon"} <= set(found)


@model
def test_capital_acting_is_state_capital_as_location_is_place(nlp, world):
    text = ("Séoul et Washington ont intensifié leur coopération face aux essais menés par Pyongyang. "
            "Le ministre est à Séoul. La Russie est sanctionnée : Moscou pour son invasion de l’Ukraine.")
    found = actors_of(nlp, world, text)
    assert found["Corée du Sud"].type == "state" and "Séoul" in found["Corée du Sud"].aliases
    assert found["États-Unis"].type == "state" and "Washington" in found["États-Unis"].aliases
    assert found["Corée du Nord"].type == "state" and "Pyongyang" in found["Corée du Nord"].aliases
    assert "Moscou" in found["Russie"].aliases and len(found["Russie"].mentions) == 2
    assert found["Séoul"].type == "place"
    assert found["Ukraine"].type == "state"  # "de l’Ukraine" → "Ukraine"


@model
def test_merging_surname_acronym_official_name(nlp, world):
    text = ("Le secrétaire américain à la Défense Lloyd Austin a parlé. Austin a ensuite rencontré des "
            "diplomates de l’Organisation des Nations unies. L’ONU a condamné la République populaire "
            "démocratique de Corée. La Corée du Nord a répondu.")
    found = actors_of(nlp, world, text)
    assert "Austin" not in found and len(found["Lloyd Austin"].mentions) == 2
    assert "Organisation des Nations unies" in found["ONU"].aliases
    assert len(found["ONU"].mentions) == 2
    assert "République populaire démocratique de Corée" in found["Corée du Nord"].aliases


@model
def test_ministry_pattern_found_and_affiliated(nlp, world):
    found = actors_of(nlp, world, "« Nous sommes prêts », a déclaré le ministère sud-coréen de la Défense après "
                                  "une réunion avec les États-Unis et la Corée du Sud.")
    ministry = found["ministère sud-coréen de la Défense"]
    assert ministry.type == "organization" and ministry.affiliation == "coree-du-sud"


@model
@pytest.mark.parametrize("text", [
    "Le président russe a annulé une rencontre avec le gouvernement.",
    "Les missiles nord-coréens inquiètent les diplomates sud-coréens.",
])
def test_no_actor_from_a_bare_adjective(nlp, world, text):
    assert actors_of(nlp, world, text) == {}


@model
def test_named_weapon_is_a_work(nlp, world):
    found = actors_of(nlp, world, "La photo montre le tir d’essai du nouveau missile balistique "
                                  "intercontinental Hwasongpho-18 de la Corée du Nord.")
    assert found["Hwasongpho-18"].type == "work"


def test_knowledge_only_on_a_blank_pipeline(blank_nlp, world):
    """Without NER, known names are still found and mentions point into the text."""
    doc = blank_nlp("Les ministres des États-Unis et du Japon ont rencontré l’ONU.")
    names = [a.name for a in extract_actors(doc, world)]
    assert names == ["États-Unis", "Japon", "ONU"]


def test_ids_are_slugs_and_order_is_first_mention(blank_nlp, world):
    doc = blank_nlp("Le Japon et les États-Unis, puis le Japon.")
    actors = extract_actors(doc, world)
    assert [a.id for a in actors] == ["japon", "etats-unis"]
    assert len(actors[0].mentions) == 2
