"""Timeline events: clause summary, actors in the clause, past vs planned."""

from __future__ import annotations

import pytest

from explainer import events, timex
from explainer.model import Actor, Mention, PubDate

DCT = PubDate.parse("2023-11-12")


def actor(aid: str, text: str, name: str, occurrence: int = 0) -> Actor:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(name, start + 1)
    return Actor(aid, name, "person", None, (), None, (Mention(0, start, start + len(name), name),))


def build(nlp, text, actors=()):
    doc = nlp(text)
    tx = timex.tag(text, doc, DCT)
    return tx, events.build_events(doc, tx, list(actors), DCT)


@pytest.mark.model
def test_status_past_and_planned(nlp):
    text = ("Les ministres ont indiqué dimanche être convenus d'activer dès décembre une opération de partage. "
            "Blinken a dénoncé jeudi les liens militaires. Il se rendra mardi à Tokyo.")
    tx, evs = build(nlp, text)
    by_text = {t.text: e for t in tx for e in evs if e.timex == t.id}
    assert by_text["dimanche"].status == "past"
    assert by_text["décembre"].status == "planned"
    assert by_text["jeudi"].status == "past"
    assert by_text["mardi"].status == "planned"


@pytest.mark.model
def test_summary_is_the_clause_not_the_paragraph(nlp):
    text = ("Le ministre, qui est à Séoul pour des négociations, a rencontré son homologue lundi, "
            "tandis que le ministre japonais a rejoint la réunion en ligne. Les discussions ont duré trois heures.")
    tx, evs = build(nlp, text)
    (ev,) = evs  # "trois heures" is a DURATION: no event
    assert "lundi" in ev.summary and "rencontré" in ev.summary
    assert "japonais" not in ev.summary  # the other clause is pruned
    assert "qui est à Séoul" not in ev.summary  # the relative clause too
    assert ev.sentence.startswith("Le ministre") and ev.sentence.endswith("en ligne.")
    assert len(ev.summary) < len(ev.sentence)


@pytest.mark.model
def test_actors_in_clause_then_sentence(nlp):
    text = "Austin a rencontré Shin lundi, tandis que Kihara a rejoint la réunion en ligne. Le sommet aura lieu en décembre."
    actors = [actor("a1", text, "Austin"), actor("a2", text, "Shin"), actor("a3", text, "Kihara")]
    tx, evs = build(nlp, text, actors)
    by_text = {t.text: e for t in tx for e in evs if e.timex == t.id}
    assert by_text["lundi"].actors == ("a1", "a2")  # not Kihara: other clause
    assert by_text["décembre"].actors == ()
    assert by_text["décembre"].status == "planned"
    assert [e.id for e in evs] == ["e1", "e2"]


@pytest.mark.model
def test_actors_named_in_several_tokens_are_in_the_clause(nlp):
    text = ("Lloyd Austin a rencontré Shin Won-sik lundi à Séoul, tandis que Minoru Kihara "
            "a rejoint la réunion en ligne.")
    actors = [actor("a1", text, "Lloyd Austin"), actor("a2", text, "Shin Won-sik"), actor("a3", text, "Minoru Kihara")]
    tx, evs = build(nlp, text, actors)
    (ev,) = evs
    assert ev.actors == ("a1", "a2")  # a multi-token mention counts; Kihara is in the other clause


@pytest.mark.model
def test_a_name_in_apposition_stays_in_the_summary(nlp):
    text = "Ils ont conclu un accord lors d'un sommet organisé par le président américain Joe Biden à Camp David en août."
    tx, evs = build(nlp, text, [actor("a1", text, "Joe Biden")])
    (ev,) = evs
    assert "Joe Biden" in ev.summary and ev.actors == ("a1",)


def test_no_event_for_durations_sets_or_present_ref(blank_nlp):
    text = "Actuellement, il travaille depuis trois ans, chaque année, et il est parti hier."
    doc = blank_nlp(text)
    tx = timex.tag(text, None, DCT)
    evs = events.build_events(doc, tx, [], DCT)
    assert [next(t.text for t in tx if t.id == e.timex) for e in evs] == ["hier"]
    assert evs[0].status == "past"


def test_value_after_publication_is_planned_without_parse(blank_nlp):
    text = "Le texte sera examiné le 4 janvier 2024, a-t-il dit."
    doc = blank_nlp(text)
    tx = timex.tag(text, None, DCT)
    (ev,) = events.build_events(doc, tx, [], DCT)
    assert ev.status == "planned"
    assert "a-t-il dit" not in ev.summary


@pytest.mark.model
@pytest.mark.parametrize("text,date", [
    # a present-tense intention verb governing an infinitive: the action is ahead
    ("Il prévoit de partir en 2023.", "2023"),
    ("Ils prévoient de se retirer du pays en 2023.", "2023"),
    ("Le groupe compte ouvrir une usine en 2023.", "2023"),  # "compte" tagged as a noun
    # the conditional, which the tagger often reads as a present or an imperfect
    ("Il a annoncé qu'il démissionnerait en 2023.", "2023"),
    ("La ministre a déclaré que la loi entrerait en vigueur en janvier.", "janvier"),
])
def test_intended_and_conditional_actions_are_planned(nlp, text, date):
    tx, evs = build(nlp, text)
    by_text = {t.text: e for t in tx for e in evs if e.timex == t.id}
    assert by_text[date].status == "planned"


@pytest.mark.model
@pytest.mark.parametrize("text,date", [
    ("Il déclarait en mars que tout allait bien.", "mars"),  # an imperfect in -rait is not a conditional
    ("Il aurait tué sa femme en mars.", "mars"),  # the compound conditional reports a past allegation
    ("Il annonce dimanche vouloir partir.", "dimanche"),  # the date is the announcement's, not the plan's
])
def test_past_and_announcement_dates_stay_past(nlp, text, date):
    tx, evs = build(nlp, text)
    by_text = {t.text: e for t in tx for e in evs if e.timex == t.id}
    assert by_text[date].status == "past"


@pytest.mark.model
def test_conditional_in_reported_speech_resolves_forward(nlp):
    text = "La ministre a déclaré que la loi entrerait en vigueur en janvier."
    (t,) = timex.tag(text, nlp(text), DCT)
    assert t.value == "2024-01"
