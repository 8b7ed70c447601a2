"""Correction files: validation (with lines and "did you mean") and every kind of correction.

Articles are built by hand: no model needed.
"""

from __future__ import annotations

import textwrap

import pytest

from explainer import corrections as corr
from explainer.model import Actor, Article, Event, Mention, PubDate, Review, Seed, Timex

FILE = "seeds/a.yaml"


def seed() -> Seed:
    return Seed(
        source_file="seeds/a.txt", slug="a", title="Titre d’origine", published=PubDate("2023-11", "month"),
        dateline="Séoul", byline=None, photo=None,
        paragraphs=(
            "Les ministres des États-Unis ont indiqué dimanche activer le mécanisme en décembre.",
            "Lloyd Austin a rencontré Shin Won-sik. M. Austin viendra dimanche.",
        ),
        lines=(3, 5),
    )


def article() -> Article:
    s = seed()
    p0, p1 = s.paragraphs
    usa = Actor("etats-unis", "États-Unis", "state", None, (), None,
                (Mention(0, p0.index("États-Unis"), p0.index("États-Unis") + 10, "États-Unis"),))
    austin = Actor("lloyd-austin", "Lloyd Austin", "person", None, ("le secrétaire",), None,
                   (Mention(1, 0, 12, "Lloyd Austin"),), confidence=0.4)
    m_austin = Actor("m-austin", "M. Austin", "person", None, (), None,
                     (Mention(1, p1.index("M. Austin"), p1.index("M. Austin") + 9, "M. Austin"),))
    shin = Actor("shin", "Shin Won-sik", "other", None, (), None,
                 (Mention(1, p1.index("Shin"), p1.index("Shin") + 12, "Shin Won-sik"),))
    t1 = Timex("t1", 0, p0.index("dimanche"), p0.index("dimanche") + 8, "dimanche", "DATE", "2023-11", None, False)
    t2 = Timex("t2", 0, p0.index("décembre"), p0.index("décembre") + 8, "décembre", "DATE", "2023-12", None, True)
    t3 = Timex("t3", 1, p1.index("dimanche"), p1.index("dimanche") + 8, "dimanche", "DATE", "2023-11", None, False)
    events = (
        Event("e1", "t1", "Les ministres indiquent", p0, ("etats-unis",), "past"),
        Event("e2", "t3", "Austin viendra", p1.split(". ")[1], ("m-austin",), "planned"),
    )
    return Article(seed=s, actors=(usa, austin, m_austin, shin), timexes=(t1, t2, t3), events=events)


def load(text: str) -> corr.Corrections:
    corrections, issues = corr.parse(textwrap.dedent(text), FILE)
    assert issues == [], issues
    assert corrections is not None
    return corrections


def apply(text: str) -> tuple[Article, list]:
    return corr.apply(article(), load(text))


def actor(art: Article, actor_id: str) -> Actor:
    return next(a for a in art.actors if a.id == actor_id)


# -- validation ------------------------------------------------------------------


def test_empty_file_is_no_correction():
    corrections, issues = corr.parse("", FILE)
    assert issues == [] and corrections is not None
    assert corr.apply(article(), corrections)[0] == article()


def test_unknown_keys_are_all_reported_with_line_and_did_you_mean():
    corrections, issues = corr.parse(textwrap.dedent("""\
        publshed: 2023-11-12
        title: Bon titre
        actors:
          Lloyd Austin:
            rôle: ministre
            typ: person
        dates:
          - {txt: dimanche, value: 2023-11-12}
        """), FILE)
    assert corrections is None  # refused as a whole: nothing applied
    messages = {(line, msg) for _sev, _file, line, msg in issues}
    assert (1, "unknown key `publshed` in the correction file; did you mean `published`?") in messages
    assert any(line == 5 and "`rôle`" in msg and "did you mean `role`?" in msg for line, msg in messages)
    assert any(line == 6 and "did you mean `type`?" in msg for line, msg in messages)
    assert any(line == 8 and "did you mean `text`?" in msg for line, msg in messages)
    assert all(sev == "error" and file == FILE for sev, file, _l, _m in issues)


def test_bad_values_are_reported_with_their_line():
    _, issues = corr.parse(textwrap.dedent("""\
        published: 12/11/2023
        timezone: Asia/Seol
        actors:
          Lloyd Austin: {type: persn, drop: maybe}
        dates:
          - {text: dimanche, mod: ENDD, occurrence: 0}
          - {text: décembre, value: le 12}
          - {text: jeudi}
        events_add:
          - {summary: sans date}
        reviewed: {by: Marie}
        """), FILE)
    by_line = {}
    for _sev, _file, line, msg in issues:
        by_line.setdefault(line, []).append(msg)
    assert "YYYY-MM-DD" in by_line[1][0]
    assert "did you mean `Asia/Seoul`?" in by_line[2][0]
    assert any("did you mean `person`?" in m for m in by_line[4])
    assert any("true or false" in m for m in by_line[4])
    assert any("did you mean `END`?" in m for m in by_line[6]) and any("occurrence" in m for m in by_line[6])
    assert "TIMEX3" in by_line[7][0]
    assert "changes nothing" in by_line[8][0]
    assert "`date:`" in by_line[10][0]
    assert "`by:`" in by_line[11][0] and "`date:`" in by_line[11][0]


def test_invalid_yaml_points_at_the_line():
    corrections, issues = corr.parse("title: ok\nactors:\n  - [unclosed\n", FILE)
    assert corrections is None
    assert len(issues) == 1 and issues[0][2] is not None and issues[0][2] >= 3
    assert "not valid YAML" in issues[0][3]


def test_top_level_must_be_a_mapping():
    corrections, issues = corr.parse("- a\n- b\n", FILE)
    assert corrections is None and issues[0][2] == 1


def test_same_actor_twice_after_folding_is_an_error():
    _, issues = corr.parse("actors:\n  Lloyd Austin: {role: a}\n  LLOYD AUSTIN: {role: b}\n", FILE)
    assert [i[2] for i in issues] == [3] and "twice" in issues[0][3]


# -- each correction kind ----------------------------------------------------------


def test_title_and_published():
    art, issues = apply("published: 2023-11-12\ntitle: Un meilleur titre\n")
    assert issues == []
    assert art.seed.title == "Un meilleur titre"
    assert art.seed.slug == "a"  # the URL does not move
    assert art.seed.published == PubDate("2023-11-12", "day")


def test_published_with_a_time_zone_gives_the_local_day():
    c = load("published: 2023-11-11T23:30\ntimezone: Asia/Seoul\n")  # a UTC wire timestamp
    assert c.published == PubDate("2023-11-12T08:30", "minute")
    assert c.timezone == "Asia/Seoul"
    assert c.extraction_key() != load("published: 2023-11-11T23:30\n").extraction_key()


def test_published_affects_extraction_but_other_corrections_do_not():
    assert load("published: 2023-11-12").extraction_key() != load("published: 2023-11-13").extraction_key()
    assert load("title: a").extraction_key() == load("title: b\nreviewed: {by: x, date: 2023-11-13}").extraction_key()


def test_actor_rename_retype_role_description_aliases():
    art, issues = apply("""\
        actors:
          lloyd austin:            # case-folded
            name: Lloyd J. Austin
            type: person
            role: secrétaire américain à la Défense
            description: Chef du Pentagone.
            aliases_add: [Austin]
            aliases_drop: [Le Secrétaire]
          etats-unis: {type: state, role: allié}   # accent-folded
          Shin Won-sik: {type: person}
        """)
    assert issues == []
    a = actor(art, "lloyd-austin")
    assert (a.name, a.type, a.role, a.description) == ("Lloyd J. Austin", "person",
                                                       "secrétaire américain à la Défense", "Chef du Pentagone.")
    assert a.aliases == ("Austin",)
    assert a.confidence == 1.0  # an editor confirmed the type
    assert actor(art, "etats-unis").role == "allié"
    assert actor(art, "shin").type == "person"


def test_actor_found_by_alias_or_mention_text():
    art, issues = apply("actors:\n  le secrétaire: {role: ministre}\n")
    assert issues == [] and actor(art, "lloyd-austin").role == "ministre"


def test_merge_moves_mentions_aliases_and_events():
    art, issues = apply("actors:\n  M. Austin: {merge_into: Lloyd Austin}\n")
    assert issues == []
    assert "m-austin" not in {a.id for a in art.actors}
    merged = actor(art, "lloyd-austin")
    assert [m.text for m in merged.mentions] == ["Lloyd Austin", "M. Austin"]
    assert "M. Austin" in merged.aliases
    assert art.events[1].actors == ("lloyd-austin",)


def test_drop_actor_removes_it_from_events():
    art, issues = apply("actors:\n  États-Unis: {drop: true}\n")
    assert issues == []
    assert "etats-unis" not in {a.id for a in art.actors}
    assert art.events[0].actors == ()


def test_affiliation_points_at_another_actor():
    art, issues = apply("actors:\n  Lloyd Austin: {affiliation: États-Unis}\n")
    assert issues == [] and actor(art, "lloyd-austin").affiliation == "etats-unis"


def test_date_value_resolves_it():
    art, issues = apply("dates:\n  - {text: Dimanche, value: 2023-11-12}\n")
    assert issues == []
    t1 = art.timexes[0]
    assert (t1.value, t1.resolved) == ("2023-11-12", True)
    assert art.timexes[2].resolved is False  # only the first occurrence


def test_date_occurrence_mod_and_drop():
    art, issues = apply("""\
        dates:
          - {text: dimanche, occurrence: 2, value: 2023-11-19, mod: APPROX}
          - {text: décembre, drop: true}
        """)
    assert issues == []
    assert [t.id for t in art.timexes] == ["t1", "t3"]
    assert (art.timexes[1].value, art.timexes[1].mod, art.timexes[1].resolved) == ("2023-11-19", "APPROX", True)


def test_dropping_a_date_drops_its_events():
    art, issues = apply("dates:\n  - {text: dimanche, drop: true}\n")
    assert issues == [] and [e.id for e in art.events] == ["e2"]


def test_events_add():
    art, issues = apply("""\
        events_add:
          - date: décembre
            summary: Activation du partage de données
            actors: [etats-unis, m. austin]
            status: planned
        """)
    assert issues == []
    added = art.events[-1]
    assert (added.timex, added.summary, added.status) == ("t2", "Activation du partage de données", "planned")
    assert added.actors == ("etats-unis", "m-austin")
    assert "décembre" in added.sentence


def test_reviewed():
    art, issues = apply("reviewed: {by: Marie Dupont, date: 2023-11-13}\n")
    assert issues == [] and art.review == Review("Marie Dupont", "2023-11-13")


# -- stale corrections --------------------------------------------------------------


def test_stale_entries_are_reported_with_their_line():
    art, issues = apply("""\
        title: ok
        actors:
          Lloyd Austen: {role: ministre}
          Lloyd Austin:
            aliases_drop: [Général]
        dates:
          - {text: dimanche, occurrence: 3, value: 2023-11-26}
          - {text: lundi, drop: true}
        events_add:
          - {date: janvier, summary: rien}
        """)
    by_line = {line: msg for _sev, _file, line, msg in issues}
    assert set(by_line) == {3, 5, 7, 8, 10}
    assert "did you mean `Lloyd Austin`?" in by_line[3]
    assert "Général" in by_line[5]
    assert "2 time(s)" in by_line[7]
    assert "lundi" in by_line[8]
    assert "janvier" in by_line[10]
    assert all(sev == "error" and file == FILE for sev, file, _l, _m in issues)
    assert art.seed.title == "ok"  # what still matches is applied


def test_merge_into_unknown_actor_is_reported():
    _, issues = apply("actors:\n  M. Austin:\n    merge_into: Joe Biden\n")
    assert [(i[2], "Joe Biden" in i[3]) for i in issues] == [(3, True)]


def test_fold():
    assert corr.fold("  États‐Unis ") == corr.fold("etats-unis") == "etats unis"


@pytest.mark.parametrize("value", ["2023", "2023-11", "2023-11-12", "2023-11-12T08:30", "2023-W46", "P3D",
                                   "PRESENT_REF", "2023-SU"])
def test_timex_values_accepted(value):
    load(f"dates:\n  - {{text: dimanche, value: '{value}'}}\n")


def test_split_moves_mentions_to_a_new_actor():
    art, issues = apply("""\
        actors:
          Lloyd Austin:
            aliases_add: [Austin]
          M. Austin:
            split:
              - {name: Un autre Austin, type: person, role: homonyme, mentions: [m. austin]}
        """)
    assert issues == []
    assert actor(art, "m-austin").mentions == ()
    new = actor(art, "m-austin--un-autre-austin")
    assert (new.name, new.type, new.role, [m.text for m in new.mentions]) == (
        "Un autre Austin", "person", "homonyme", ["M. Austin"])


def test_split_of_a_missing_mention_is_reported():
    _, issues = apply("""\
        actors:
          Lloyd Austin:
            split:
              - name: X
                mentions: [{text: Lloyd Austin, occurrence: 2}]
        """)
    assert [(i[2], "1 mention(s) « Lloyd Austin »" in i[3]) for i in issues] == [(4, True)]


def test_timezone_without_a_publication_time_is_an_error():
    _, issues = corr.parse("published: 2023-11-12\ntimezone: Asia/Seoul\n", FILE)
    assert [(i[2], "publication time" in i[3]) for i in issues] == [(2, True)]


def test_merge_into_an_actor_it_already_is_says_so():
    # « Le Secrétaire » is an alias of Lloyd Austin: the extraction already merged them.
    _, issues = apply("actors:\n  Le Secrétaire:\n    merge_into: Lloyd Austin\n")
    assert len(issues) == 1 and issues[0][2] == 3
    assert "already the same actor" in issues[0][3] and "did you mean" not in issues[0][3]


def test_the_gate_flags_untyped_doubtful_and_duplicate_actors_at_their_line():
    from explainer.check import review_article

    problems = review_article(article())
    warnings = {(p.line, p.message.split(":")[0]) for p in problems if p.severity == "warning"}
    assert (5, "actor « Shin Won-sik » has no type") in warnings
    assert (5, "actor « Lloyd Austin » typed person with low confidence (0.40)") in warnings
    assert (5, "possible duplicate actors") in warnings
    duplicate = next(p for p in problems if p.message.startswith("possible duplicate"))
    assert "Lloyd Austin / M. Austin" in duplicate.message and "merge_into: Lloyd Austin" in duplicate.message
    dates = [p for p in problems if "« dimanche »" in p.message]
    assert [(p.line, "occurrence: 1" in p.message) for p in dates] == [(3, True), (5, False)]
    assert "occurrence: 2" in dates[1].message
    # Once the editor has typed, confirmed and merged, the actor warnings are gone.
    fixed, _ = apply("actors:\n  Shin Won-sik: {type: person}\n  Lloyd Austin: {type: person}\n"
                     "  M. Austin: {merge_into: Lloyd Austin}\n")
    assert not any("actor" in p.message for p in review_article(fixed))
