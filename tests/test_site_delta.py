"""Site-wide page keys kept from the previous build (``Renderer.site_specs(index, previous)``).

After one article changes, the actor and chronology pages that show nothing
of it keep the keys the previous build computed instead of being
fingerprinted again.  The reference is the same index fingerprinted from
scratch: on random sites and random edits (an article edited, added, removed;
the site without the edited article, as a new process indexes it while the
model loads), every page's path and key, in order, must be the same.
"""

from __future__ import annotations

import pathlib
import random

import pytest

from explainer import render as render_mod
from explainer import sitewide
from explainer.model import PubDate
from explainer.render import Renderer
from explainer.sitewide import ActorRef, ArticleRef, DateRef, EventRef, SiteIndex

ROOT = pathlib.Path(__file__).resolve().parent.parent
# Names that share ids, words and aliases, so that grouping and alias merges happen.
PEOPLE = ["Lloyd Austin", "Kim Jong-un", "Kim Yo-jong", "Shin Won-sik", "Yoon Suk-yeol", "Austin"]
OTHERS = [("Japon", "state"), ("Séoul", "place"), ("OTAN", "organization"), ("Pentagone", "organization"),
          ("Corée du Nord", "state"), ("Tokyo", "place")]
DATES = ["2023-11-12", "2023-11", "2023", "2024-04", "2022-05-03", "2023-11-12", "1990", "2023-SU", "XXXX-12"]


def _actor(rng: random.Random, n: int, others: list[str]) -> ActorRef:
    if rng.random() < 0.5:
        name, type_ = rng.choice(PEOPLE), "person"
    else:
        name, type_ = rng.choice(OTHERS)
    ident = sitewide._key(name) if rng.random() < 0.8 else f"a{n}"  # now and then an id that clashes
    aliases = tuple(rng.sample(["M. Austin", "Austin", "Kim", "la Corée", "Pyongyang"], rng.randint(0, 2)))
    affiliation = rng.choice(others) if others and rng.random() < 0.3 else None
    return ActorRef(ident, name, type_, rng.choice([None, "ministre", "président"]), aliases, affiliation,
                    rng.randint(1, 4), f"d{rng.random():.6f}", sitewide._key(ident), sitewide._key(name),
                    None, None, 1)


def _article(rng: random.Random, slug: str) -> ArticleRef:
    actors: list[ActorRef] = []
    for n in range(rng.randint(1, 5)):
        actor = _actor(rng, n, [a.id for a in actors])
        if actor.id not in {a.id for a in actors}:
            actors.append(actor)
    events = []
    for n in range(rng.randint(0, 4)):
        who = tuple(a.id for a in rng.sample(actors, rng.randint(0, len(actors))))
        events.append((EventRef(f"e{n}", f"événement {n}", who, rng.choice(["past", "planned"]), f"d{rng.random():.6f}"),
                       DateRef(f"t{n}", "DATE", rng.choice(DATES), rng.choice([None, None, "START", "END"]), True)))
    published = PubDate(f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "day")
    return ArticleRef(slug, f"seeds/{slug}.txt", f"Titre {slug}", published, None, False, tuple(actors),
                      tuple(events))


def _keys(specs: render_mod.SiteSpecs) -> list[tuple[str, str]]:
    return [(page.path, page.key) for page in specs.pages]


@pytest.fixture
def small_pages(monkeypatch):
    """Page caps small enough that a dozen articles split the chronology and the actor index."""
    monkeypatch.setattr(sitewide, "CHRONO_PAGE", 3)
    monkeypatch.setattr(sitewide, "ACTOR_INDEX_ALL", 4)
    monkeypatch.setattr(sitewide, "ACTOR_INDEX_PAGE", 3)
    monkeypatch.setattr(sitewide, "ARCHIVE_PAGE", 4)
    monkeypatch.setattr(sitewide, "HOME_CARDS", 2)


def _edits(rng: random.Random, site: list[ArticleRef]):
    """(previous refs, current refs) pairs of each kind of rebuild."""
    j = rng.randrange(len(site))
    edited = site[:j] + [_article(rng, site[j].slug)] + site[j + 1:]
    yield "edited", site, edited
    yield "added", site, site + [_article(rng, "nouveau")]
    yield "removed", site, site[:j] + site[j + 1:]
    yield "prepared", site[:j] + site[j + 1:], edited  # a new process: the site without the seed being extracted
    yield "unchanged", site, list(site)


def test_kept_keys_are_those_a_build_from_scratch_computes(small_pages, monkeypatch):
    fingerprints = []
    fingerprint = render_mod._fingerprint
    monkeypatch.setattr(render_mod, "_fingerprint", lambda *parts: fingerprints.append(parts[0]) or fingerprint(*parts))
    renderer = Renderer(ROOT / "templates")
    kept = 0
    for trial in range(60):
        rng = random.Random(trial)
        site = [_article(rng, f"article-{n}") for n in range(rng.randint(2, 14))]
        for kind, before, now in _edits(rng, site):
            previous = renderer.site_specs(SiteIndex(before))
            index = SiteIndex(now)
            fingerprints.clear()
            reused = renderer.site_specs(index, previous)
            fingerprinted = len(fingerprints)
            fresh = renderer.site_specs(index)
            assert _keys(reused) == _keys(fresh), (trial, kind)
            assert reused.events == sorted(index.events, key=sitewide.event_sort_key), (trial, kind)
            kept += len(fingerprints) - fingerprinted - fingerprinted
    # Not a vacuous comparison: most pages kept their keys without being fingerprinted.
    assert kept > 1000


def test_a_new_name_for_an_actor_changes_the_pages_that_link_to_it(small_pages):
    """An unchanged article's event links to an actor that the edited article renames (most mentions win)."""
    def ref(slug: str, name: str, mentions: int, *dates: str) -> ArticleRef:
        actor = ActorRef("austin", name, "person", None, (), None, mentions, "d-" + slug + name,
                         "austin", sitewide._key(name), None, None, mentions)
        events = tuple((EventRef(f"e{n}", "visite", ("austin",), "past", f"d-{slug}-{n}"),
                        DateRef(f"t{n}", "DATE", date, None, True)) for n, date in enumerate(dates))
        return ArticleRef(slug, f"seeds/{slug}.txt", slug, PubDate("2023-11-12", "day"), None, False, (actor,), events)

    renderer = Renderer(ROOT / "templates")
    old = [ref("a", "Lloyd Austin", 2, "2023-01-02", "2023-02-03", "2023-03-04"), ref("b", "Austin", 1, "2022-05-03")]
    previous = renderer.site_specs(SiteIndex(old))
    now = [old[0], ref("b", "Austin", 9, "2022-05-03")]  # "Austin" is now the most mentioned name
    index = SiteIndex(now)
    assert index.actors["austin"].name == "Austin"
    reused, fresh = renderer.site_specs(index, previous), renderer.site_specs(index)
    assert _keys(reused) == _keys(fresh)
    # The 2023 page lists only the unchanged article's events, and shows the actor's new name.
    assert dict(_keys(reused))["chronologie/2023.md"] != dict(_keys(previous))["chronologie/2023.md"]


def test_a_new_name_for_an_affiliation_changes_the_page_of_its_member(small_pages):
    """An unchanged article says Shin works for "Pentagone"; the edited one names it "Département de la Défense" more."""
    def member(slug: str) -> ActorRef:
        return ActorRef("shin", "Shin Won-sik", "person", "ministre", (), "defense", 1, "d-shin-" + slug,
                        "shin", "shin-won-sik", None, None, 1)

    def ministry(slug: str, name: str, mentions: int) -> ActorRef:
        return ActorRef("defense", name, "organization", None, (), None, mentions, f"d-{slug}-{name}",
                        "defense", sitewide._key(name), None, None, mentions)

    def ref(slug: str, *actors: ActorRef) -> ArticleRef:
        return ArticleRef(slug, f"seeds/{slug}.txt", slug, PubDate("2023-11-12", "day"), None, False, actors, ())

    renderer = Renderer(ROOT / "templates")
    old = [ref("a", member("a"), ministry("a", "Pentagone", 2)), ref("b", ministry("b", "Département", 1))]
    previous = renderer.site_specs(SiteIndex(old))
    now = [old[0], ref("b", ministry("b", "Département", 5))]
    index = SiteIndex(now)
    assert index.actors["defense"].name == "Département"
    reused, fresh = renderer.site_specs(index, previous), renderer.site_specs(index)
    assert _keys(reused) == _keys(fresh)
    assert dict(_keys(reused))["acteurs/shin.md"] != dict(_keys(previous))["acteurs/shin.md"]
