"""Timeline events: clause summary, actors in the clause, past vs planned."""

from __future__ import annotations

import pathlib

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


# --- summaries: the clause each date governs ----------------------------------

def _by_date(tx, evs):
    return {t.text: e for t in tx for e in evs if e.timex == t.id}


@pytest.mark.model
def test_two_dates_of_one_caption_get_their_own_participle_clauses(nlp):
    # the parser hangs the first date on the noun and makes the second the
    # subject of "annonce"; each still dates its own participle
    text = ("Cette lettre écrite le 3 mai 2021 et envoyée par le ministre de l'Intérieur le 5 mai "
            "annonce la réforme.")
    tx, evs = build(nlp, text)
    first, second = _by_date(tx, evs)["le 3 mai 2021"], _by_date(tx, evs)["le 5 mai"]
    assert first.summary == "Cette lettre écrite le 3 mai 2021"
    assert second.summary == "Cette lettre envoyée par le ministre de l'Intérieur le 5 mai"
    assert (first.status, second.status) == ("past", "past")


@pytest.mark.model
def test_a_participle_before_the_date_gives_its_tense(nlp):
    text = "La vidéo tournée le 12 mars montre les manifestants."
    tx, evs = build(nlp, text)
    (t,) = tx
    assert (t.value, evs[0].summary, evs[0].status) == ("2023-03-12", "La vidéo tournée le 12 mars", "past")


@pytest.mark.model
def test_seed_caption_dates_have_separate_summaries(nlp):
    from explainer.extract import Layout
    from explainer.read import read_seed

    seed = pathlib.Path(__file__).resolve().parent.parent / "seeds" / "000_f24bd75c494e3b1c.txt"
    layout = Layout.of(read_seed(seed))
    doc = nlp(layout.text)
    tx = timex.tag(layout.text, doc, DCT)
    by_date = _by_date(tx, events.build_events(doc, tx, [], DCT))
    first, second = by_date["le 13 avril 2023"].summary, by_date["le 14 avril"].summary
    assert first.startswith("Cette photo prise le 13 avril 2023") and "14 avril" not in first
    assert "publiée par l’agence" in second and second.endswith("le 14 avril") and "13 avril" not in second
    assert "montre" not in first + second


LONG = ("Les ministres de la Défense des États-Unis, de la Corée du Sud et du Japon ont signé dimanche un accord "
        "de partage de données en temps réel sur les lancements de missiles nord-coréens, sur les mouvements "
        "de navires dans la région et sur les exercices militaires conduits par les forces armées des trois pays "
        "depuis le début de l'année.")


@pytest.mark.model
def test_a_long_clause_is_cut_between_phrases_and_keeps_its_subject(nlp):
    actors = [actor("us", LONG, "États-Unis"), actor("jp", LONG, "Japon")]
    tx, evs = build(nlp, LONG, actors)
    ev = _by_date(tx, evs)["dimanche"]
    words = [w for w in ev.summary.split() if w not in (",", "«", "»")]
    assert len(words) <= events._MAX_TOKENS
    assert ev.summary.startswith("Les ministres de la Défense des États-Unis, de la Corée du Sud et du Japon ont signé dimanche")
    assert ev.actors == ("us", "jp")
    doc = nlp(ev.summary)
    assert doc[-1].pos_ not in ("ADP", "DET", "CCONJ")  # never "… une opération de"


@pytest.mark.model
@pytest.mark.parametrize("text,date,expected", [
    ("Fermeture à partir de janvier.", "janvier", "Fermeture à partir de janvier"),
    ("La loi s'applique à compter du 1er mars.", "1er mars", "La loi s'applique à compter du 1er mars"),
    ("Les trains circuleront à nouveau à partir de janvier.", "janvier",
     "Les trains circuleront à nouveau à partir de janvier"),
])
def test_a_summary_is_more_than_the_dates_own_preposition(nlp, text, date, expected):
    tx, evs = build(nlp, text)
    assert _by_date(tx, evs)[date].summary == expected


@pytest.mark.model
def test_a_coordinated_verb_keeps_the_shared_subject(nlp):
    tx, evs = build(nlp, "Ils ont conclu des accords et signé un traité en mars.")
    assert _by_date(tx, evs)["mars"].summary == "Ils ont signé un traité en mars"
