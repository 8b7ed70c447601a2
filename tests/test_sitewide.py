"""Site-wide pages and machine-readable companions, on hand-built articles (no model)."""

from __future__ import annotations

import json
import pathlib

from explainer import sitewide
from explainer.model import Actor, Article, Event, Mention, PubDate, Seed, Timex
from explainer.render import Renderer

ROOT = pathlib.Path(__file__).resolve().parent.parent


def article(slug: str, published: str, title: str, role: str | None, when: str, status: str = "past") -> Article:
    text = "Le ministre Jean Dupont a parlé lundi à Paris."
    seed = Seed(f"seeds/{slug}.txt", slug, title, PubDate.parse(published), None, None, None, (text,), (3,))
    dupont = Actor("jean-dupont", "Jean Dupont", "person", role, (), None, (Mention(0, 12, 23, "Jean Dupont"),))
    paris = Actor("paris", "Paris", "place", None, (), None, (Mention(0, 40, 45, "Paris"),))
    timex = Timex("t1", 0, 34, 39, "lundi", "DATE", when, None, True)
    event = Event("e1", "t1", "Jean Dupont a parlé lundi", text, ("jean-dupont",), status)
    return Article(seed, (dupont, paris), (timex,), (event,))


A = article("a", "2023-11-12", "Premier </script> article", "ministre", "2023-11-06")
B = article("b", "2024-02-01", "Second article", "ancien ministre", "2024-01-29", "planned")


def test_same_actor_in_two_articles_is_one_record_with_roles_over_time():
    records = sitewide.collect_actors([B, A])
    assert set(records) == {"jean-dupont", "paris"}
    dupont = records["jean-dupont"]
    assert [a.slug for a, _ in dupont.appearances] == ["b", "a"]
    assert dupont.roles == [("2023-11-12", "ministre"), ("2024-02-01", "ancien ministre")]
    assert [t.value for _, _, t in dupont.events] == ["2023-11-06", "2024-01-29"]


def test_chronology_groups_by_year_in_order():
    years = sitewide.chronology([B, A])
    assert list(years) == ["2023", "2024"]
    assert [x[0].slug for x in years["2023"]] == ["a"]


def test_json_ld_is_valid_and_cannot_close_the_script_element():
    text = sitewide.json_ld(A)
    assert "</script" not in text
    data = json.loads(text)
    assert data["@type"] == "NewsArticle" and data["headline"] == "Premier </script> article"
    kinds = {x["@type"] for x in data["about"] + data["mentions"]}
    assert {"Person", "Place", "Event"} <= kinds


def test_timeline_js_shape():
    data = json.loads(sitewide.timeline_js(B))
    assert data["title"]["text"]["headline"] == "Second article"
    (event,) = data["events"]
    assert event["start_date"] == {"year": "2024", "month": "1", "day": "29"}
    assert event["group"] == "prévu" and event["text"]["text"] == "Jean Dupont a parlé lundi"


def test_actor_page_and_indexes_render_escaped():
    renderer = Renderer(ROOT / "templates")
    records = sitewide.collect_actors([A, B])
    page = renderer.actor_page(records["jean-dupont"])
    assert "Premier &lt;/script&gt; article" in page and "../../explainers/a/#qui-jean-dupont" in page
    index = renderer.actors_index(list(records.values()))
    assert '<a href="jean-dupont/">Jean Dupont</a>' in index
    year = renderer.chronology_year("2024", sitewide.chronology([A, B])["2024"])
    assert "## Janvier 2024" in year
