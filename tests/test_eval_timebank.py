"""The TimeBank scorer and raw-text extraction."""

from __future__ import annotations

import pytest

from eval.timebank import DATA, Span, load_corpus, load_doc, prf, score, strip_tags


def S(start, end, typ="DATE", value="2023"):
    return Span(start, end, "", typ, value)


def test_strict_vs_relaxed_vs_value():
    gold = [S(0, 10, "DATE", "2023-04-13"), S(20, 25, "TIME", "2023-04-13TEV"), S(40, 45, "DURATION", "P3Y")]
    system = [
        S(0, 10, "DATE", "2023-04-13"),  # exact, right value
        S(18, 25, "TIME", "2023-04-13TMO"),  # overlap only, wrong value
        S(60, 65, "DATE", "2024"),  # spurious
    ]
    c = score(gold, system)["ALL"]
    assert (c.gold, c.system, c.strict, c.relaxed, c.value, c.type) == (3, 3, 1, 2, 1, 2)
    assert prf(c.relaxed, c.system, c.gold)[2] == pytest.approx(2 / 3)
    per = score(gold, system)
    assert (per["TIME"].relaxed, per["TIME"].value) == (1, 0)
    assert (per["DURATION"].gold, per["DURATION"].relaxed) == (1, 0)
    assert per["DATE"].system == 2  # matched DATE + unmatched DATE


def test_one_gold_matches_one_system_timex():
    gold = [S(0, 20)]
    system = [S(0, 8), S(10, 20)]  # both overlap the same gold
    c = score(gold, system)["ALL"]
    assert (c.relaxed, c.system) == (1, 2)


def test_exact_match_is_preferred_over_overlap():
    gold = [S(0, 10, value="A"), S(12, 20, value="B")]
    system = [S(0, 20, value="B"), S(12, 20, value="B")]
    c = score(gold, system)["ALL"]
    assert (c.strict, c.relaxed, c.value) == (1, 2, 1)


def test_strip_tags_offsets_and_entities():
    body = ('Il a annulé <TIMEX3 tid="t2" type="DATE" value="1999-05-18">hier</TIMEX3> '
            'l&apos;<EVENT eid="e1">accord</EVENT> &amp; <TIMEX3 tid="t3" type="DURATION" value="P2Y">deux ans</TIMEX3>.')
    raw, spans = strip_tags(body)
    assert raw == "Il a annulé hier l'accord & deux ans."
    assert [(raw[s.start:s.end], s.value) for s in spans] == [("hier", "1999-05-18"), ("deux ans", "P2Y")]


@pytest.mark.skipif(not DATA.exists(), reason="TimeBank not copied")
def test_corpus_offsets_match_gold_text():
    docs = load_corpus()
    assert len(docs) == 108
    assert sum(len(d.timexes) for d in docs) == 425
    for d in docs:
        assert d.dct is not None
        for t in d.timexes:
            assert d.text[t.start:t.end] == t.text and t.text.strip()
    first = load_doc(DATA / "1999-05-17-0121.tml")
    assert first.dct.value == "1999-05-17"
    assert [t.text for t in first.timexes] == ["30,4 secondes"]
