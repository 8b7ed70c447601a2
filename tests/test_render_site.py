"""Rendering of the reader's site, without model or browser: hand-built articles."""

from __future__ import annotations

import dataclasses
import json
import pathlib
import posixpath
import re
import time

import pytest
import yaml

from explainer import sitewide
from explainer.model import BYLINE, CREDIT, Actor, Article, Event, Mention, Photo, PubDate, Review, Seed, Timex
from explainer.render import Renderer, de, key_facts, timeline
from explainer.site import Generator, SiteConfig

ROOT = pathlib.Path(__file__).resolve().parent.parent


def make_article(slug: str, title: str, published: str, paragraphs: list[str], actors: list[tuple],
                 timexes: list[tuple], events: list[tuple], photo: Photo | None = None,
                 byline: str | None = "Agence France-Presse") -> Article:
    """actors: (id, name, type, role, [(paragraph, text)]); timexes: (id, paragraph, text, value, mod);
    events: (id, timex id, summary, actor ids, status)."""
    seed = Seed(source_file=f"seeds/{slug}.txt", slug=slug, title=title, published=PubDate.parse(published),
                dateline="Séoul", byline=byline, photo=photo, paragraphs=tuple(paragraphs),
                lines=tuple(range(1, len(paragraphs) + 1)))

    def mentions(spans):
        out = []
        for paragraph, text in spans:
            start = paragraphs[paragraph].index(text)
            out.append(Mention(paragraph, start, start + len(text), text))
        return tuple(out)

    built_actors = tuple(Actor(id=i, name=n, type=t, role=r, aliases=(), affiliation=None, mentions=mentions(m))
                         for i, n, t, r, m in actors)
    built_timexes = []
    for tid, paragraph, text, value, mod in timexes:
        start = paragraphs[paragraph].index(text)
        built_timexes.append(Timex(tid, paragraph, start, start + len(text), text, "DATE", value, mod))
    built_events = tuple(Event(eid, tid, summary, summary + ".", tuple(ids), status)
                         for eid, tid, summary, ids, status in events)
    return Article(seed=seed, actors=built_actors, timexes=tuple(built_timexes), events=built_events)


def two_articles() -> tuple[Article, Article]:
    a = make_article(
        "sommet", "Sommet à Séoul", "2023-11-12",
        ["Lloyd Austin a rencontré Shin Won-sik le 13 avril 2023 à Séoul.", "Un accord sera signé fin 2023."],
        [("lloyd-austin", "Lloyd Austin", "person", "secrétaire américain à la Défense", [(0, "Lloyd Austin")]),
         ("shin-won-sik", "Shin Won-sik", "person", "ministre sud-coréen de la Défense", [(0, "Shin Won-sik")]),
         ("seoul", "Séoul", "place", None, [(0, "Séoul")])],
        [("t1", 0, "13 avril 2023", "2023-04-13", None), ("t2", 1, "fin 2023", "2023", "END")],
        [("e1", "t1", "Rencontre à Séoul", ["lloyd-austin", "shin-won-sik"], "past"),
         ("e2", "t2", "Signature d’un accord", [], "planned")])
    b = make_article(
        "visite", "Visite au Japon", "2024-01",
        ["Le secrétaire Lloyd Austin ira au Japon en août 2023.", "SEOUL a réagi."],
        # Same person under another id spelling, and the same place without its accent.
        [("Lloyd_Austin", "Lloyd Austin", "person", "chef du Pentagone", [(0, "Lloyd Austin")]),
         ("japon", "Japon", "state", None, [(0, "Japon")]),
         ("seoul-2", "SEOUL", "place", None, [(1, "SEOUL")])],
        [("t1", 0, "août 2023", "2023-08", None)],
        [("e1", "t1", "Voyage au Japon", ["Lloyd_Austin", "japon"], "past")])
    return a, b


def renderer() -> Renderer:
    return Renderer(ROOT / "templates")


def front_matter(page: str) -> dict:
    _, head, _ = page.split("---\n", 2)
    return yaml.safe_load(head)


# -- JSON-LD ---------------------------------------------------------------------
def test_jsonld_is_valid_newsarticle_with_actors_and_events():
    a, _ = two_articles()
    page = renderer().article(a, "seeds/sommet.txt", "seeds/sommet.yaml", sitewide.SiteIndex([a]))
    data = json.loads(front_matter(page)["jsonld"])
    assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
    assert data["headline"] == "Sommet à Séoul" and data["datePublished"] == "2023-11-12"
    things = data["about"] + data["mentions"]
    assert {"@type": "Person", "name": "Lloyd Austin", "description": "secrétaire américain à la Défense",
            "jobTitle": "secrétaire américain à la Défense"} in things
    assert any(t["@type"] == "Place" and t["name"] == "Séoul" for t in things)
    events = [t for t in things if t["@type"] == "Event"]
    assert {e["name"] for e in events} == {"Rencontre à Séoul", "Signature d’un accord"}
    assert next(e for e in events if e["name"] == "Rencontre à Séoul")["startDate"] == "2023-04-13"


def test_jsonld_cannot_close_its_script_element():
    a = make_article("x", "Titre </script><script>alert(1)</script> & <!-- c", "2023-11",
                     ["Texte </script> ici."], [], [], [])
    text = sitewide.jsonld_text(a)
    assert "</" not in text and "<!--" not in text and "<" not in text and "&" not in text
    assert json.loads(text)["headline"] == "Titre </script><script>alert(1)</script> & <!-- c"
    page = renderer().article(a, "s", "c")
    assert json.loads(front_matter(page)["jsonld"])["headline"].startswith("Titre </script>")
    assert "</script>" not in page.split("---\n", 2)[1]


# -- TimelineJS --------------------------------------------------------------------
def test_timelinejs_shape():
    a, _ = two_articles()
    data = sitewide.timelinejs(a)
    assert data["title"]["text"]["headline"] == "Sommet à Séoul"
    assert [e["start_date"] for e in data["events"]] == [
        {"year": "2023", "month": "4", "day": "13", "display_date": "13 avril 2023"},
        {"year": "2023", "display_date": "fin 2023"},
    ]
    for event in data["events"]:
        assert set(event) >= {"start_date", "text", "group"}
        assert set(event["text"]) == {"headline", "text"}
    assert [e["group"] for e in data["events"]] == ["passé", "prévu"]
    json.dumps(data)  # serialisable


def test_timelinejs_escapes_html():
    a = make_article("x", "<b>T</b>", "2023-11", ["Le <script>x</script> 13 avril 2023."], [],
                     [("t1", 0, "13 avril 2023", "2023-04-13", None)], [("e1", "t1", "<img src=x>", [], "past")])
    data = sitewide.timelinejs(a)
    assert "<img" not in json.dumps(data) and "&lt;img src=x&gt;" in data["events"][0]["text"]["headline"]


# -- actors across articles ----------------------------------------------------------
def test_same_actor_in_two_articles_is_one_page():
    a, b = two_articles()
    index = sitewide.SiteIndex([a, b])
    austin = index.actor_of(a, "lloyd-austin")
    assert austin is index.actor_of(b, "Lloyd_Austin")
    assert index.actor_of(a, "seoul") is index.actor_of(b, "seoul-2")  # merged by folded name
    assert len(index.actors) == 4
    assert [ar.slug for ar, _ in austin.appearances] == ["sommet", "visite"]
    pages = renderer().site_pages(index)
    page = pages[austin.path]
    # Roles over time, oldest first, each linking to its article.
    assert page.index("secrétaire américain à la Défense") < page.index("chef du Pentagone")
    assert 'href="../../explainers/sommet/#qui-lloyd-austin"' in page
    assert 'href="../../explainers/visite/#qui-Lloyd_Austin"' in page
    assert "Rencontre à Séoul" in page and "Voyage au Japon" in page
    assert "Cité dans 2 explications" in page
    # The index lists each merged actor once; the article's glossary links to the page.
    index_page = pages["acteurs/index.md"]
    assert index_page.count(">Lloyd Austin</a>") == 1
    article_page = renderer().article(a, "s", "c", index)
    assert f'href="../../{austin.path[:-3]}/"' in article_page


def test_chronology_grouped_by_year_and_month_in_order():
    a, b = two_articles()
    pages = renderer().site_pages(sitewide.SiteIndex([a, b]))
    page = pages["chronologie/index.md"]
    datetimes = re.findall(r'<time datetime="([^"]+)" class="ex-event-date"', page)
    assert datetimes == ["2023-04-13", "2023-08", "2023"]  # "fin 2023" sorts at the end of the year
    assert page.count("<h2 ") == 1 and ">2023</h2>" in page
    months = re.findall(r"<h3 [^>]*>([^<]+)</h3>", page)
    assert months == ["Avril 2023", "Août 2023", "Fin 2023"]  # headings start with a capital
    assert "prévu" in page and "fin 2023" in page


def test_relative_urls():
    assert sitewide.relative_url("acteurs/x.md", "explainers/a.md", "e1") == "../../explainers/a/#e1"
    assert sitewide.relative_url("index.md", "explainers/a.md") == "explainers/a/"
    assert sitewide.relative_url("acteurs/index.md", "acteurs/x.md") == "x/"
    assert sitewide.relative_url("explainers/a.md", "explainers/a.json") == "../a.json"
    assert sitewide.relative_url("chronologie/index.md", "acteurs/index.md") == "../acteurs/"


# -- hostile text ------------------------------------------------------------------
HOSTILE_TITLE = 'Le <script>alert("x")</script> {{ 7*7 }} {% raw %} **gras** [lien](http://evil.example)'
HOSTILE_NAME = 'Jean "Le <b>Grand</b>" d’Arc'


def hostile_article() -> Article:
    text = (f"{HOSTILE_NAME} a dit <img src=x onerror=alert(1)> {{{{ config }}}} {{% include 'x' %}} "
            "# pas un titre *ni* `code` le 13 avril 2023.")
    return make_article(
        "hostile", HOSTILE_TITLE, "2023-11", [text, "<!-- commentaire --> </div></article> & &amp; ]]>"],
        [("jean", HOSTILE_NAME, "person", 'chef "<i>" des {{ x }}', [(0, HOSTILE_NAME)])],
        [("t1", 0, "13 avril 2023", "2023-04-13", None)],
        [("e1", "t1", "<script>bad()</script>", ["jean"], "past")],
        photo=Photo("<iframe src=x>", "© <b>x</b>"), byline="{% if %}Par <em>X</em>")


def test_hostile_text_stays_literal_in_every_page(tmp_path):
    config = SiteConfig(root=tmp_path, seeds_dir=tmp_path / "seeds", templates_dir=ROOT / "templates",
                        docs_dir=tmp_path / "docs", cache_dir=None, knowledge_files=())
    problems: list = []
    pages = Generator(config).render([hostile_article()], problems)
    assert problems == []
    article_page = pages["explainers/hostile.md"]
    for path, page in pages.items():
        if not path.endswith(".md"):
            continue
        body = page.split("---\n", 2)[2]
        for raw in ("<script", "<img", "<iframe", "<b>", "<i>", "<em>", "<!--", "</div></article>"):
            assert raw not in body, f"{raw!r} reached {path} unescaped"
        assert "49" not in body  # {{ 7*7 }} was not evaluated
        meta = front_matter(page)
        assert "<script" not in meta.get("title", "")
    assert "&lt;script&gt;" in article_page
    assert "{{ 7*7 }}" in article_page and "{% include &#39;x&#39; %}" in article_page
    assert "**gras**" in article_page and "[lien](http://evil.example)" in article_page
    # Quote characters in a name survive inside attributes without breaking them.
    assert 'data-tip="Personne : chef &#34;&lt;i&gt;&#34; des {{ x }}"' in article_page
    assert front_matter(article_page)["title"] == (HOSTILE_TITLE.replace("&", "&amp;").replace("<", "&lt;")
                                                   .replace(">", "&gt;").replace('"', "&#34;"))
    # The markup we add is balanced: every <a> we open inside the text is closed.
    body = article_page.split("---\n", 2)[2]
    assert body.count("<a ") + body.count("<a>") == body.count("</a>")


# -- scale -------------------------------------------------------------------------
def test_sitewide_pages_scale_to_a_thousand_articles():
    countries = [f"Pays {k}" for k in range(300)]
    articles = []
    for n in range(1000):
        names = [f"Personne {n % 700}", countries[n % 300], "États-Unis", "Agence France-Presse"]
        text = " et ".join(names) + f" se sont réunis le {n % 28 + 1} avril 2023 puis en mai 2024."
        articles.append(make_article(
            f"article-{n}", f"Article numéro {n}", f"2023-{n % 12 + 1:02d}-{n % 28 + 1:02d}", [text],
            [(f"id-{fold}", name, "person", f"rôle {n}", [(0, name)])
             for name, fold in ((nm, sitewide.fold(nm)) for nm in names)],
            [("t1", 0, f"{n % 28 + 1} avril 2023", f"2023-04-{n % 28 + 1:02d}", None),
             ("t2", 0, "mai 2024", "2024-05", None)],
            [("e1", "t1", f"Réunion {n}", [f"id-{sitewide.fold(x)}" for x in names], "past"),
             ("e2", "t2", f"Suite prévue {n}", [f"id-{sitewide.fold(names[0])}"], "planned")]))
    t0 = time.perf_counter()
    index = sitewide.SiteIndex(articles)
    r = renderer()
    pages = r.site_pages(index)
    pages["index.md"] = r.home(articles, [])
    elapsed = time.perf_counter() - t0
    assert elapsed < 20, f"site-wide pages took {elapsed:.1f}s for 1000 articles"
    assert len(index.actors) == 1002
    sizes = {path: len(page.encode()) for path, page in pages.items()}
    # Material's chrome adds ~15 KB of HTML to each page: keep our part under 80 KB.
    big = {p: s for p, s in sizes.items() if s > 80_000}
    assert big == {}, big
    assert "archives/index.md" in pages and "archives/page-7.md" in pages
    assert sum(p.startswith("chronologie/") for p in pages) > 10
    assert "acteurs/lettre-p.md" in pages
    # The actor cited by every article lists the most recent ones and says how many are left out.
    usa = pages["acteurs/id-etats-unis.md"]
    assert "Cité dans 1000 explications" in usa and "plus anciennes ne sont pas listées" in usa


def test_actors_named_in_other_scripts_do_not_merge():
    a = make_article("x", "T", "2023-11", ["東京 et 大阪 et 東京."],
                     [("東京", "東京", "place", None, [(0, "東京")]), ("大阪", "大阪", "place", None, [(0, "大阪")])],
                     [], [])
    index = sitewide.SiteIndex([a])
    assert len(index.actors) == 2
    assert index.actor_of(a, "東京").path != index.actor_of(a, "大阪").path


@pytest.mark.parametrize("from_page", ["index.md", "acteurs/index.md", "acteurs/x.md", "explainers/a.md",
                                       "chronologie/index.md", "chronologie/2023/11.md", "a/b/c.md", "x.json"])
@pytest.mark.parametrize("to_path", ["index.md", "acteurs/index.md", "acteurs/y.md", "explainers/a.md",
                                     "explainers/a.json", "chronologie/2023/index.md", "a/b/d.md", "a/e.md"])
def test_relative_urls_agree_with_posixpath(from_page, to_path):
    # The string-only computation must give what posixpath.relpath gives on the MkDocs URLs.
    base = sitewide.page_url(from_page) or "."
    base_dir = base if base.endswith("/") or base == "." else posixpath.dirname(base)
    expected = posixpath.relpath(sitewide.page_url(to_path) or ".", base_dir.rstrip("/") or ".")
    if to_path.endswith(".md"):
        expected = "./" if expected == "." else expected + "/"
    assert sitewide.relative_url(from_page, to_path) == expected
    assert sitewide.relative_url(from_page, to_path, "x") == expected + "#x"


# -- dates: where coarse dates sit, "L'essentiel", HTML datetimes --------------------------
def this_year_article() -> Article:
    return make_article(
        "annee", "Cette année", "2023-11-12",
        ["Les essais se sont multipliés cette année.", "Le 13 avril 2023, un missile a été tiré.",
         "Un système sera activé en décembre.", "Les exercices commenceront en 2024."],
        [], [("t1", 0, "cette année", "2023", None), ("t2", 1, "13 avril 2023", "2023-04-13", None),
             ("t3", 2, "décembre", "2023-12", None), ("t4", 3, "2024", "2024", None)],
        [("e1", "t1", "Série d’essais", [], "past"), ("e2", "t2", "Tir d’un missile", [], "past"),
         ("e3", "t3", "Activation du système", [], "planned"), ("e4", "t4", "Exercices", [], "planned")])


def test_year_only_dates_follow_the_dates_they_contain_in_timeline_and_chronology():
    a = this_year_article()
    assert [e.id for e, _ in timeline(a)] == ["e2", "e3", "e1", "e4"]
    page = renderer().article(a, "s", "c")
    timeline_html = page[page.index('<ol class="ex-timeline"'):]
    assert re.findall(r'<time datetime="([^"]+)" class="ex-event-date"', timeline_html) == [
        "2023-04-13", "2023-12", "2023", "2024"]
    # The site chronology orders them the same way.
    chrono = renderer().site_pages(sitewide.SiteIndex([a]))["chronologie/index.md"]
    assert re.findall(r'<time datetime="([^"]+)" class="ex-event-date"', chrono) == [
        "2023-04-13", "2023-12", "2023", "2024"]
    assert re.findall(r"<h3 [^>]*>([^<]+)</h3>", chrono) == [
        "Avril 2023", "Décembre 2023", "Dans l’année 2023", "Dans l’année 2024"]


def test_essentials_when_prefers_dates_known_to_the_month():
    a = this_year_article()
    first, last = key_facts(a)["when"]
    assert first[1].value == "2023-04-13" and last[1].value == "2023-12"
    page = renderer().article(a, "s", "c")
    when = page[page.index("<dt>Quand</dt>"):page.index("</dd>", page.index("<dt>Quand</dt>"))]
    assert re.findall(r'<a href="#chrono-[^"]+">([^<]+)</a>', when) == ["13 avril 2023", "décembre 2023"]
    # Only coarse dates: they are shown rather than nothing.
    coarse = make_article("c", "T", "2023-11", ["Cette année, puis en 2024."], [],
                          [("t1", 0, "Cette année", "2023", None), ("t2", 0, "2024", "2024", None)],
                          [("e1", "t1", "A", [], "past"), ("e2", "t2", "B", [], "planned")])
    assert [t.value for _, t in key_facts(coarse)["when"]] == ["2023", "2024"]


def test_durations_in_years_get_no_invalid_datetime():
    a = make_article("d", "T", "2023-11", ["Des négociations annuelles et un mandat de 3 ans."], [],
                     [("t1", 0, "annuelles", "P1Y", None), ("t2", 0, "3 ans", "P3Y", None)], [])
    a = dataclasses.replace(a, timexes=tuple(dataclasses.replace(t, type="SET" if t.id == "t1" else "DURATION")
                                             for t in a.timexes))
    page = renderer().article(a, "s", "c")
    assert 'id="md-t1"' in page and 'id="md-t2"' in page  # still annotated, with their tooltips
    assert 'datetime="P1Y"' not in page and 'datetime="P3Y"' not in page and 'datetime="None"' not in page


# -- actors merged through their aliases --------------------------------------------------
def alias_article(slug: str, actors: list[tuple], published: str = "2023-11-12") -> Article:
    """actors: (id, name, type, aliases); each is mentioned once, by its name."""
    text = " ; ".join(name for _, name, _, _ in actors) + "."
    built = make_article(slug, f"Article {slug}", published, [text],
                         [(i, n, t, None, [(0, n)]) for i, n, t, _ in actors], [], [])
    return dataclasses.replace(built, actors=tuple(dataclasses.replace(a, aliases=tuple(al))
                                                   for a, (_, _, _, al) in zip(built.actors, actors)))


def test_an_article_naming_only_the_alias_joins_the_actor_page():
    full = alias_article("sommet", [("lloyd-austin", "Lloyd Austin", "person", ["Austin", "M. Austin"])])
    short = alias_article("visite", [("austin", "Austin", "person", [])], "2024-01")
    titled = alias_article("conference", [("m-austin", "M. Austin", "person", [])], "2024-02")
    # Whatever order the articles come in, "Austin" is the page of "Lloyd Austin".
    for articles in ([full, short, titled], [short, titled, full], [titled, full, short]):
        index = sitewide.SiteIndex(articles)
        austin = index.actor_of(full, "lloyd-austin")
        assert index.actor_of(short, "austin") is austin and index.actor_of(titled, "m-austin") is austin
        assert len(index.actors) == 1 and austin.name == "Lloyd Austin" and austin.key == "lloyd-austin"
        assert sorted(a.slug for a, _ in austin.appearances) == ["conference", "sommet", "visite"]
    pages = renderer().site_pages(index)
    assert "Cité dans 3 explications" in pages["acteurs/lloyd-austin.md"]
    assert "acteurs/austin.md" not in pages
    assert 'href="../../acteurs/lloyd-austin/"' in renderer().article(short, "s", "c", index)


def test_aliases_that_could_mean_someone_else_do_not_merge():
    kims = alias_article("coree", [("kim-jong-un", "Kim Jong-un", "person", ["Kim"]),
                                   ("kim-yo-jong", "Kim Yo-jong", "person", ["Kim"])])
    just_kim = alias_article("kim", [("kim", "Kim", "person", [])])
    # A lowercase phrase is a description, not a name; a place is not the person of the same name.
    lowered = alias_article("blinken", [("antony-blinken", "Antony Blinken", "person", ["le secrétaire d’État"]),
                                        ("lloyd-austin", "Lloyd Austin", "person", ["Austin"])])
    other = alias_article("texas", [("secretaire", "le secrétaire d’État", "person", []),
                                    ("austin", "Austin", "place", [])])
    # One article that names both as different actors keeps them apart everywhere.
    both = alias_article("deux", [("joe-biden", "Joe Biden", "person", ["Biden"]),
                                  ("hunter", "Biden", "person", [])])
    # A one-word alias of a non-person is not indexed ("Séoul" for Corée du Sud, "Bonn" for Allemagne).
    metonymy = alias_article("seoul-cs", [("coree-du-sud", "Corée du Sud", "state", ["Séoul"])])
    seoul = alias_article("ville", [("seoul", "Séoul", "state", [])])
    index = sitewide.SiteIndex([kims, just_kim, lowered, other, both, metonymy, seoul])
    assert index.actor_of(just_kim, "kim").key == "kim"
    assert index.actor_of(other, "secretaire") is not index.actor_of(lowered, "antony-blinken")
    assert index.actor_of(other, "austin") is not index.actor_of(lowered, "lloyd-austin")
    assert index.actor_of(both, "hunter") is not index.actor_of(both, "joe-biden")
    assert index.actor_of(seoul, "seoul") is not index.actor_of(metonymy, "coree-du-sud")
    assert len(index.actors) == 11  # no merge at all


def test_alias_merging_stays_linear():
    articles = []
    for n in range(1000):
        r = n % 50
        actors = [(f"p{k}", f"Prénom{k} Nom{k}", "person", [f"Nom{k}", f"M. Nom{k}"]) for k in range(r, r + 8)]
        actors += [(f"s{n}", f"Nom{(r + 25) % 50}", "person", []),  # a surname alone, its full name elsewhere
                   (f"o{n}", f"Organisation {n % 300}", "organization", [f"Org {n % 300}", "ONU"])]
        articles.append(alias_article(f"a{n}", actors))
    refs = [sitewide.ArticleRef.of(a) for a in articles]
    t0 = time.perf_counter()
    index = sitewide.SiteIndex(refs)
    elapsed = time.perf_counter() - t0
    assert elapsed < 0.5, f"indexing 1000 articles took {elapsed:.2f}s"
    assert index.actor_of(refs[0], "s0") is index.actor_of(refs[25], "p25")
    assert len(index.actors) == 57 + 300


# -- what the pages say -------------------------------------------------------------------
def test_reviewed_page_says_who_reviewed_it():
    a, _ = two_articles()
    page = renderer().article(dataclasses.replace(a, review=Review("Marie Dupont", "2023-11-13")), "s", "c")
    assert "<strong>Annotations relues</strong> par Marie Dupont le 13 novembre 2023." in page
    assert "Annotations automatiques" not in page
    assert "Annotations automatiques" in renderer().article(a, "s", "c")


@pytest.mark.parametrize("name, expected", [
    ("Lloyd Austin", "de Lloyd Austin"), ("Antony Blinken", "d’Antony Blinken"), ("Emmanuel Macron", "d’Emmanuel Macron"),
    ("États-Unis", "d’États-Unis"), ("ONU", "d’ONU"), ("Yves Le Drian", "d’Yves Le Drian"),
    ("Yoon Suk Yeol", "de Yoon Suk Yeol"), ("Hélène Carrère", "d’Hélène Carrère"), ("Hollande", "de Hollande"),
    ("Hong Kong", "de Hong Kong"), ("Œuvre", "d’Œuvre"), ("2023", "de 2023")])
def test_de_elides_before_a_vowel_sound(name, expected):
    assert de(name) == expected


def test_glossary_groups_legend_and_roles():
    a = make_article(
        "types", "Types", "2023-11",
        ["Antony Blinken, l’OTAN, la France, Kyiv, la guerre du Golfe et le Hwasong-18."],
        [("otan", "OTAN", "organization", None, [(0, "OTAN")]), ("kyiv", "Kyiv", "place", None, [(0, "Kyiv")]),
         ("france", "France", "state", None, [(0, "France")]),
         ("golfe", "guerre du Golfe", "event", None, [(0, "guerre du Golfe")]),
         ("hwasong", "Hwasong-18", "work", None, [(0, "Hwasong-18")]),
         ("blinken", "Antony Blinken", "person", None, [(0, "Antony Blinken")])], [], [])
    index = sitewide.SiteIndex([a])
    page = renderer().article(a, "s", "c", index)
    assert re.findall(r'<h3 id="groupe-(\w+)">', page) == ["person", "state", "organization", "place", "event", "work"]
    legend = page[page.index('<p class="ex-legend"'):page.index("</p>", page.index('<p class="ex-legend"'))]
    assert re.findall(r'class="ex-key ex-(\w+)">([^<]+)<', legend) == [
        ("person", "personne"), ("state", "État"), ("organization", "organisation"), ("place", "lieu"),
        ("event", "événement"), ("work", "œuvre ou arme"), ("dkey", "date")]
    assert "première mention d’Antony Blinken" in page and "fiche<span class=\"ex-sr\"> d’Antony Blinken" in page
    # The legend names only the kinds the text shows.
    plain = renderer().article(this_year_article(), "s", "c")
    assert "ex-key ex-person" not in plain and "ex-key ex-dkey" in plain
    # An actor page says "rôle non précisé" for a person only: a state or a place has no role.
    pages = renderer().site_pages(index)
    assert "rôle non précisé" in pages[index.actor_of(a, "blinken").path]
    for actor_id in ("france", "kyiv", "otan"):
        assert "rôle non précisé" not in pages[index.actor_of(a, actor_id).path], actor_id


def test_home_card_leaves_out_the_agency_and_the_dateline():
    paragraphs = ("(Séoul) Lloyd Austin a rencontré Shin Won-sik à Tokyo.", "Lloyd Austin est reparti.")
    seed = Seed(source_file="seeds/x.txt", slug="x", title="T", published=PubDate.parse("2023-11"), dateline="Séoul",
                byline="Agence France-Presse", photo=Photo("Lloyd Austin à Tokyo.", "PHOTO KCNA VIA AFP"),
                paragraphs=paragraphs, lines=(1, 2))

    def actor(i, name, kind, *where):
        return Actor(i, name, kind, None, (), None, tuple(Mention(p, s, s + len(name), name) for p, s in where))
    article = Article(seed=seed, timexes=(), events=(), actors=(
        actor("afp", "Agence France-Presse", "organization", (BYLINE, 0)),
        actor("kcna", "KCNA", "organization", (CREDIT, 6)),
        actor("seoul", "Séoul", "place", (0, 1)),
        actor("austin", "Lloyd Austin", "person", (0, 8), (1, 0), (-1, 0)),
        actor("shin", "Shin Won-sik", "person", (0, 30)),
        actor("tokyo", "Tokyo", "place", (0, 45), (-1, 15))))
    home = renderer().home([article], [])
    card = re.search(r'<p class="ex-card-actors">(.*?)</p>', home)[1]
    assert card.endswith("Lloyd Austin, Tokyo, Shin Won-sik"), card
    # "L’essentiel" too: who acts and where, not who wrote and from where.
    facts = key_facts(article)
    assert [a.id for a in facts["who"]] == ["austin", "shin"] and [a.id for a in facts["where"]] == ["tokyo"]
    # The same from the stored ArticleRef (what a rebuild reads back from the cache).
    ref = sitewide.ArticleRef.from_json(json.loads(json.dumps(sitewide.ArticleRef.of(article).to_json())))
    assert renderer().home([ref], []) == home
