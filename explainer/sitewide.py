"""Pages that span every article: actor pages, the site-wide timeline, archives.

Also the per-article machine-readable outputs (JSON-LD, TimelineJS3 JSON).

Everything here is linear in the number of articles, actors and events
(one pass to index, one sort per list), and every list that grows with the
corpus is capped or split over several pages, so that no page passes
``PAGE_BUDGET`` bytes even with thousands of articles.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import itertools
import json
import posixpath
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from markupsafe import escape

from . import dates_fr
from .model import BYLINE, CREDIT, Actor, Article, Event, Mention, PubDate, Seed, Timex

# Caps that keep every generated page well under 100 KB of HTML.
HOME_CARDS = 24          # cards on the home page; the rest go to the archive pages
ARCHIVE_PAGE = 150       # entries per archive page
ACTOR_INDEX_ALL = 300    # up to this many actors, the index lists them all on one page
ACTOR_INDEX_PAGE = 300   # entries per letter page when the index is split
ACTOR_TOP = 60           # "most cited" actors on a split index
ACTOR_ARTICLES = 60      # appearances listed on one actor page
ACTOR_EVENTS = 60        # events listed on one actor page
CHRONO_PAGE = 100        # events per chronology page
JSONLD_MENTIONS = 20     # actors besides the "about" ones in an explainer's JSON-LD
JSONLD_EVENTS = 12       # events in an explainer's JSON-LD

SCHEMA_TYPES = {
    "person": "Person", "organization": "Organization", "state": "Country", "place": "Place",
    "event": "Event", "work": "CreativeWork", "other": "Thing",
}


# The same few thousand names come back in every article: folding each once per
# process takes the site index from ~0.5 s to a few ms at 1000 articles.
@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Accent-, case- and punctuation-insensitive key: "Séoul" and "seoul" fold alike."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


@functools.lru_cache(maxsize=65536)
def _key(text: str) -> str:
    """``fold`` for ids and names, never empty: a name in another script gets a stable hash."""
    return fold(text) or "a-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def page_url(path: str) -> str:
    """The URL (relative to the site root) MkDocs gives ``path`` with directory URLs."""
    if not path.endswith(".md"):
        return path
    stem = path[:-3]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_url(from_page: str, to_path: str, anchor: str | None = None) -> str:
    """A link from page ``from_page`` to ``to_path`` (both docs-relative source paths)."""
    rel = _relative_page_url(from_page, to_path)
    return rel + (f"#{anchor}" if anchor else "")


@functools.lru_cache(maxsize=65536)
def _relative_page_url(from_page: str, to_path: str) -> str:
    # Pure string work: posixpath.relpath makes both paths absolute with a getcwd()
    # system call each time, and the chronology of a 1000-article site links ~10^4 times.
    base = page_url(from_page)
    base_dir = base if base.endswith("/") or not base else posixpath.dirname(base)
    start = [part for part in base_dir.split("/") if part and part != "."]
    target = [part for part in page_url(to_path).split("/") if part and part != "."]
    common = 0
    while common < min(len(start), len(target)) and start[common] == target[common]:
        common += 1
    rel = "/".join([".."] * (len(start) - common) + target[common:]) or "."
    if to_path.endswith(".md"):
        rel = "./" if rel == "." else rel + "/"
    return rel


def wikidata_url(item: str) -> str:
    """The item's page: a link for readers and ``sameAs`` for search engines (never fetched)."""
    return f"https://www.wikidata.org/wiki/{item}"


def article_path(article: Article | ArticleRef) -> str:
    return f"explainers/{article.slug}.md"


# -- what site-wide pages show of one article ---------------------------------------
# NamedTuples rather than dataclasses: a new process builds some 60,000 of them
# from the cache for a 1000-article site, and a tuple is several times faster to make.
class ActorRef(NamedTuple):
    """An actor as one article names it, without its mention offsets (only their number)."""

    id: str
    name: str
    type: str
    role: str | None
    aliases: tuple[str, ...]
    affiliation: str | None
    mentions: int
    digest: str  # of all that the actor's site-wide page shows of this article
    id_key: str  # _key(id) and _key(name), stored: folding every name again costs a new process ~50 ms
    name_key: str
    description: str | None = None  # from the knowledge file or a correction
    wikidata: str | None = None
    story_mentions: int | None = None  # ``story_mentions``: outside the byline, photo credit and dateline


def _editorial_end(seed: Seed) -> int:
    """Where the dateline ("(Séoul) ", "WASHINGTON, 12 nov. (AFP) — ") ends in the lead, or 0."""
    if not seed.dateline or not seed.paragraphs:
        return 0
    m = re.match(r"\(?" + re.escape(seed.dateline) + r"\)?(?:,[^()\n]{0,40}\([^()\n]{1,20}\))?", seed.paragraphs[0])
    return m.end() if m else 0


def story_mentions(seed: Seed, mentions: Sequence[Mention], dateline_end: int | None = None) -> int:
    """Mentions in the story itself: not in the byline ("Agence France-Presse"), the photo credit
    ("PHOTO KCNA VIA ...") or the dateline ("(Séoul)"), which name who wrote or where, not who acts."""
    end = _editorial_end(seed) if dateline_end is None else dateline_end
    return sum(1 for m in mentions
               if m.paragraph not in (BYLINE, CREDIT) and not (m.paragraph == 0 and m.end <= end))


class EventRef(NamedTuple):
    """A dated event as the site-wide pages show it (no source sentence)."""

    id: str
    summary: str
    actors: tuple[str, ...]
    status: str
    digest: str  # of all that a chronology page shows of it, but the linked actors' names


class DateRef(NamedTuple):
    """The date of an ``EventRef``: what ``render.date_label`` and the sort keys read."""

    id: str
    type: str
    value: str
    mod: str | None
    resolved: bool


@dataclass(frozen=True)
class ArticleRef:
    """What the home, archive, actor and chronology pages show of one article.

    A small fraction of the ``Article`` (no text, no offsets): a rebuild reads
    these back for every unchanged article instead of whole articles.  Each
    actor and event carries a digest of what the site-wide pages show of it,
    so that a page is re-rendered only when one of its rows changed.
    """

    slug: str
    source_file: str
    title: str
    published: PubDate | None
    dateline: str | None
    reviewed: bool
    actors: tuple[ActorRef, ...]
    events: tuple[tuple[EventRef, DateRef], ...]  # dated events only, in article order

    @classmethod
    def of(cls, article: Article) -> "ArticleRef":
        seed = article.seed
        timexes = {t.id: t for t in article.timexes}
        head = [article.slug, seed.title, seed.published.value if seed.published else None]
        events = []
        for e in article.events:
            t = timexes.get(e.timex)
            if t is not None:
                date = DateRef(t.id, t.type, t.value, t.mod, t.resolved)
                row = [*head, e.id, e.summary, e.status, list(e.actors), list(date)]
                events.append((EventRef(e.id, e.summary, tuple(e.actors), e.status, _digest(row)), date))
        actors = []
        dateline_end = _editorial_end(seed)
        for a in article.actors:
            row = [*head, a.id, a.name, a.type, a.role, list(a.aliases), a.affiliation, len(a.mentions),
                   [e.digest for e, _ in events if a.id in e.actors], a.description, a.wikidata]
            actors.append(ActorRef(a.id, a.name, a.type, a.role, tuple(a.aliases), a.affiliation, len(a.mentions),
                                   _digest(row), _key(a.id), _key(a.name), a.description, a.wikidata,
                                   story_mentions(seed, a.mentions, dateline_end)))
        return cls(slug=article.slug, source_file=seed.source_file, title=seed.title, published=seed.published,
                   dateline=seed.dateline, reviewed=article.review is not None, actors=tuple(actors),
                   events=tuple(events))

    def to_json(self) -> list:
        return [self.slug, self.source_file, self.title,
                [self.published.value, self.published.precision] if self.published else None,
                self.dateline, self.reviewed, [list(a) for a in self.actors],
                [[list(e), list(t)] for e, t in self.events]]

    @classmethod
    def from_json(cls, data: list) -> "ArticleRef":
        slug, source_file, title, published, dateline, reviewed, actors, events = data
        return cls(
            slug=slug, source_file=source_file, title=title,
            published=PubDate(*published) if published else None, dateline=dateline, reviewed=reviewed,
            actors=tuple(ActorRef(i, n, ty, r, tuple(al), *rest) for i, n, ty, r, al, *rest in actors),
            events=tuple((EventRef(i, summary, tuple(who), status, d), DateRef(*date))
                         for (i, summary, who, status, d), date in events),
        )


def _digest(row: list) -> str:
    return hashlib.sha256(json.dumps(row, ensure_ascii=False).encode()).hexdigest()[:16]


def as_ref(article: "Article | ArticleRef") -> ArticleRef:
    return article if isinstance(article, ArticleRef) else ArticleRef.of(article)


# -- actors across articles --------------------------------------------------------
@dataclass
class SiteActor:
    """One actor as the whole site knows it, merged across articles."""

    key: str
    names: Counter = field(default_factory=Counter)
    types: Counter = field(default_factory=Counter)
    appearances: list[tuple[ArticleRef, ActorRef]] = field(default_factory=list)
    events: list[tuple[ArticleRef, EventRef, DateRef]] = field(default_factory=list)
    mentions: int = 0  # of all its appearances: counted as ``SiteIndex`` adds them (the actor index sorts by it)

    # Read only once the index is built (``SiteIndex`` fills the counters first), and many
    # times by the pages: computed once.
    @functools.cached_property
    def name(self) -> str:
        return self.names.most_common(1)[0][0]

    @functools.cached_property
    def type(self) -> str:
        return self.types.most_common(1)[0][0]

    @property
    def path(self) -> str:
        return f"acteurs/{self.key}.md"

    @functools.cached_property
    def description(self) -> str | None:
        """One description: the knowledge file gives the same one to every article that names the actor."""
        return next((actor.description for _, actor in reversed(self.appearances) if actor.description), None)

    @functools.cached_property
    def wikidata(self) -> str | None:
        return next((actor.wikidata for _, actor in reversed(self.appearances) if actor.wikidata), None)

    @functools.cached_property
    def aliases(self) -> list[str]:
        seen = dict.fromkeys(itertools.chain.from_iterable((actor.name, *actor.aliases) for _, actor in self.appearances))
        seen.pop(self.name, None)
        return list(seen)


def pub_key(article: ArticleRef) -> str:
    return article.published.value if article.published else ""


class SiteIndex:
    """Actors merged by id, then by folded name, then by unambiguous alias; every dated event of the site."""

    def __init__(self, articles: Sequence[Article | ArticleRef]):
        self.articles = [as_ref(a) for a in articles]
        self.actors: dict[str, SiteActor] = {}
        # article slug → {actor id → site key}: by article, so that two indexes of nearly the
        # same site compare article by article (``IndexDelta``), each a dict comparison.
        self._by_local: dict[str, dict[str, str]] = {}
        by_id: dict[str, str] = {}
        by_name: dict[str, str] = {}
        actors, by_local = self.actors, self._by_local  # locals: this loop runs once per appearance
        pairs: dict[tuple[str, str], SiteActor] = {}  # (id key, name key) → its site actor, once decided
        alias_lists: dict[str, set[tuple[str, ...]]] = defaultdict(set)  # site key → its distinct alias lists
        for article in self.articles:
            local = by_local.setdefault(article.slug, {})
            for actor in article.actors:
                # Unpacked, not read field by field: ~40,000 appearances at 1000 articles.
                aid, name, type_, _role, aliases, _affiliation, mentions, _digest, fid, fname, *_ = actor
                entry = pairs.get((fid, fname))
                if entry is None:
                    # The same pair always lands on the same key: by_id and by_name only grow.
                    key = by_id.get(fid) or by_name.get(fname)
                    if key is None:
                        # A clash of ids between different names gets a suffix derived from the
                        # name, not from the order of the articles: actor URLs must not move
                        # when an unrelated article is added.
                        key = fid if fid not in actors else f"{fid}-{hashlib.sha1(fname.encode()).hexdigest()[:6]}"
                        actors[key] = SiteActor(key)
                    by_id.setdefault(fid, key)
                    by_name.setdefault(fname, key)
                    entry = pairs[(fid, fname)] = actors[key]
                names, types = entry.names, entry.types
                names[name] = names.get(name, 0) + (mentions or 1)
                types[type_] = types.get(type_, 0) + 1
                entry.appearances.append((article, actor))
                entry.mentions += mentions
                local[aid] = entry.key
                if aliases:
                    alias_lists[entry.key].add(aliases)
        # Each actor's distinct name keys: those of the (id, name) pairs that landed on it.
        names_of: dict[str, set[str]] = {key: set() for key in actors}
        for (_fid, fname), entry in pairs.items():
            names_of[entry.key].add(fname)
        self._merge_aliases(names_of, alias_lists)
        self.events: list[tuple[ArticleRef, EventRef, DateRef]] = []
        for article in self.articles:
            local = self._by_local.get(article.slug, {})
            for event, timex in article.events:
                self.events.append((article, event, timex))
                for actor_id in dict.fromkeys(event.actors):
                    key = local.get(actor_id)
                    if key:
                        self.actors[key].events.append((article, event, timex))

    def _merge_aliases(self, names_of: dict[str, set[str]], alias_lists: dict[str, set[tuple[str, ...]]]) -> None:
        """Fold a site actor named only by another's alias into it: "Austin" into "Lloyd Austin".

        Only aliases that can mean one actor count: several words ("M. Austin", "Maison
        Blanche") with a capital in them (no "le ministre"), or one word of a person's
        full name that no other known person's full name has ("Austin", not "Kim" when two
        Kims are known).  And only when exactly one site actor gives that alias, the types
        agree, and no article names both (the extraction kept them apart there).  Linear:
        a pass over the aliases, a pass over the actors.  ``names_of`` and ``alias_lists`` give
        each site actor's distinct name keys and alias lists (most appearances repeat them).
        """
        actors = self.actors
        claims: dict[str, set[str]] = defaultdict(set)  # folded alias → site actors that give it
        one_word: list[tuple[str, SiteActor]] = []
        for actor in actors.values():
            for aliases in alias_lists.get(actor.key, ()):
                for alias in aliases:
                    folded = fold(alias)
                    if not folded or not alias[:1].isupper():  # "le secrétaire d’État" describes, names no one
                        continue
                    if "-" in folded:
                        claims[folded].add(actor.key)
                    elif actor.type == "person":  # one word: only a word of a person's own name
                        one_word.append((folded, actor))
        if one_word:
            # Words of the persons' full names, each counted once per person; a name that is
            # another's several-word alias ("M. Austin") is not a full name of its own.
            person_words: Counter = Counter()
            for actor in actors.values():
                if actor.type != "person":
                    continue
                names = names_of[actor.key]
                if any(len(claims.get(name, ())) == 1 and actor.key not in claims[name] for name in names):
                    continue
                person_words.update({w for name in names if "-" in name for w in name.split("-")})
            own_words: dict[str, set[str]] = {}
            for folded, actor in one_word:
                if person_words[folded] != 1:
                    continue  # "Kim" when two Kims are known; a word of nobody's full name
                own = own_words.get(actor.key)
                if own is None:
                    own = own_words[actor.key] = {w for name in names_of[actor.key] for w in name.split("-")}
                if folded in own:
                    claims[folded].add(actor.key)
        if not claims:
            return
        into: dict[str, str] = {}
        for actor in actors.values():
            names = names_of[actor.key]
            targets = {t for name in names for t in claims.get(name, ())} - {actor.key}
            if len(targets) != 1 or any(len(claims.get(name, ())) > 1 for name in names if name in claims):
                continue
            target = actors[targets.pop()]
            if target.type != actor.type:
                continue
            if {a.slug for a, _ in actor.appearances} & {a.slug for a, _ in target.appearances}:
                continue
            into[actor.key] = target.key
        order = {a.slug: n for n, a in enumerate(self.articles)}
        changed: set[str] = set()
        for key, target in into.items():
            seen = {key}
            while target in into and target not in seen:  # "Austin" → "M. Austin" → "Lloyd Austin"
                seen.add(target)
                target = into[target]
            if target == key:
                continue  # two actors that are each other's alias: leave both
            moved = actors.pop(key)
            actors[target].appearances.extend(moved.appearances)
            actors[target].mentions += moved.mentions
            for article, local in moved.appearances:
                self._by_local[article.slug][local.id] = target
            changed.add(target)
        for key in changed:
            if key in actors:
                actors[key].appearances.sort(key=lambda p: order[p[0].slug])

    def link(self, article: ArticleRef, actor_id: str) -> tuple[str, str] | None:
        """Site key and name of an article's actor: what a link to its page shows."""
        site = self.actor_of(article, actor_id)
        return (site.key, site.name) if site else None

    def links(self, article: ArticleRef, actor_ids: Sequence[str]) -> list[tuple[str, str] | None]:
        """``link`` for several actors of an article (inlined: called for every event of the site)."""
        local, actors = self._by_local.get(article.slug, {}), self.actors
        keys = [local.get(actor_id) for actor_id in actor_ids]
        return [(key, actors[key].name) if key else None for key in keys]

    def keys(self, article: ArticleRef) -> list[str | None]:
        """``key_of`` each of the article's actors, in order."""
        local = self._by_local.get(article.slug, {})
        return [local.get(actor.id) for actor in article.actors]

    def key_of(self, article: Article | ArticleRef, actor_id: str) -> str | None:
        return self._by_local.get(article.slug, {}).get(actor_id)

    def actor_of(self, article: Article | ArticleRef, actor_id: str) -> SiteActor | None:
        key = self.key_of(article, actor_id)
        return self.actors[key] if key else None


@dataclass(frozen=True)
class IndexDelta:
    """How an index differs from the previous one of nearly the same site.

    What lets the site-wide pages keep the keys they had (``Renderer.site_specs``)
    instead of fingerprinting 1,300 pages again after one article changed.
    Articles are compared by identity: a rebuild holds the very ``ArticleRef``
    of every article it did not extract again.
    """

    changed: frozenset[str]  # slugs whose ref is not the previous index's object (edited, new or gone)
    stable: bool             # every other article's actors keep their site keys
    renamed: frozenset[str]  # site keys whose name changed, or that only one index has
    touched: frozenset[str]  # site keys (in either index) of the changed articles' actors

    @classmethod
    def between(cls, index: SiteIndex, previous: SiteIndex) -> "IndexDelta":
        before = {a.slug: a for a in previous.articles}
        now = {a.slug: a for a in index.articles}
        changed = frozenset({slug for slug, a in now.items() if before.get(slug) is not a} | (before.keys() - now.keys()))
        # Same articles, same actors: only the site key each is given can differ (a dict each).
        mine = index._by_local
        stable = all(mine.get(slug) == keys for slug, keys in previous._by_local.items() if slug not in changed)
        renamed = {key for key, actor in index.actors.items()
                   if key not in previous.actors or previous.actors[key].name != actor.name}
        renamed.update(previous.actors.keys() - index.actors.keys())
        touched = {key for ix, articles in ((index, now), (previous, before))
                   for slug in changed if slug in articles for key in ix.keys(articles[slug]) if key}
        return cls(changed, stable, frozenset(renamed), frozenset(touched))


def event_sort_key(item: tuple[ArticleRef, EventRef, DateRef]) -> tuple:
    article, event, timex = item
    return _sort_key(timex.value, timex.mod), pub_key(article), article.slug, event.id


@functools.lru_cache(maxsize=65536)
def _sort_key(value: str, mod: str | None) -> tuple:
    return dates_fr.sort_key(value, mod)  # the same few thousand values recur across articles


def newest_first(articles: Sequence[ArticleRef]) -> list[ArticleRef]:
    return sorted(articles, key=lambda a: (pub_key(a), a.slug), reverse=True)


# -- chronology --------------------------------------------------------------------
@dataclass
class ChronoPage:
    path: str
    title: str
    # (year, [(month heading, [(article, event, timex)])])
    years: list[tuple[str, list[tuple[str, list[tuple[ArticleRef, EventRef, DateRef]]]]]]
    count: int


def _year_month(timex: "DateRef") -> tuple[str, int | None]:
    return _value_year_month(timex.value, timex.mod)


@functools.lru_cache(maxsize=65536)
def _value_year_month(value: str, mod: str | None) -> tuple[str, int | None]:
    year = _sort_key(value, mod)[0]
    if year == 9999:
        return "Date inconnue", None
    m = re.match(r"^\d{4}-(\d{2})", value)
    return str(year), int(m[1]) if m else None


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]  # a heading: "Avril 2023", "Fin 2023"


def _month_heading(year: str, month: int | None) -> str:
    if month is None:
        return f"Dans l’année {year}" if year.isdigit() else "Sans date précise"
    return _capitalised(dates_fr.format_value(f"{year}-{month:02d}"))


def _group_months(items: list[tuple[ArticleRef, EventRef, DateRef]]) -> list[tuple[str, list]]:
    """Events of one year, already in order, under month headings.

    Consecutive runs share a heading, so an event known only to the year
    stays where the order puts it ("début 2023" before January, "fin 2023"
    after December, "2023" after that) under its own heading; so does a
    season, a quarter or a decade ("Été 2023", "Années 1990").
    """
    groups: list[tuple[str, list]] = []
    for item in items:
        heading = _heading(item[2].value, item[2].mod)
        if groups and groups[-1][0] == heading:
            groups[-1][1].append(item)
        else:
            groups.append((heading, [item]))
    return groups


@functools.lru_cache(maxsize=65536)
def _heading(value: str, mod: str | None) -> str:
    """The heading an event dated ``value`` (``mod``) goes under: "Avril 2023", "Fin 2023", "Dans l’année 2023"."""
    year, month = _value_year_month(value, mod)
    if month is None and year.isdigit() and (mod or value != year):
        return _capitalised(dates_fr.format_value(value, mod))
    return _month_heading(year, month)


def events_in_order(index: SiteIndex, previous: Sequence | None = None, delta: IndexDelta | None = None) -> list:
    """The site's dated events in ``event_sort_key`` order.

    With the previous index's ordered events and the ``delta`` to it, the
    changed articles' events are taken out and put in again, each by bisection,
    instead of sorting ~13,000 events: keys are unique (slug and event id), so
    the result is the sort's.
    """
    if previous is None or delta is None:
        return sorted(index.events, key=event_sort_key)
    changed = delta.changed
    ordered = [item for item in previous if item[0].slug not in changed]
    for item in index.events:
        if item[0].slug in changed:
            bisect.insort(ordered, item, key=event_sort_key)
    return ordered


def chronology_pages(index: SiteIndex, ordered: list | None = None) -> list[ChronoPage]:
    """The site-wide timeline: one page if it is small, else pages by year (and month, and number)."""
    if ordered is None:
        ordered = events_in_order(index)
    by_year: dict[str, list] = defaultdict(list)
    for item in ordered:
        by_year[_year_month(item[2])[0]].append(item)
    if len(ordered) <= CHRONO_PAGE:
        return [ChronoPage("chronologie/index.md", "Chronologie",
                           [(y, _group_months(items)) for y, items in by_year.items()], len(ordered))]
    pages: list[ChronoPage] = []
    used: set[str] = set()
    for year, items in by_year.items():
        slug = year if year.isdigit() else "sans-date"
        if len(items) <= CHRONO_PAGE:
            pages.append(ChronoPage(f"chronologie/{slug}.md", f"Chronologie : {year}",
                                    [(year, _group_months(items))], len(items)))
            continue
        for heading, month_items in _group_months(items):
            month = _year_month(month_items[0][2])[1]
            mslug = f"{slug}-{month:02d}" if month else f"{slug}-annee"
            for n, start in enumerate(range(0, len(month_items), CHRONO_PAGE), start=1):
                chunk = month_items[start:start + CHRONO_PAGE]
                path, k = f"chronologie/{mslug}.md", 1
                while path in used:  # a heading can come back (events known only to the year)
                    k += 1
                    path = f"chronologie/{mslug}-{k}.md"
                used.add(path)
                title = f"Chronologie : {heading}" + (f" ({n})" if n > 1 else "")
                pages.append(ChronoPage(path, title, [(year, [(heading, chunk)])], len(chunk)))
    return pages


def _chunks(items: list, size: int) -> list[list]:
    return [items[k:k + size] for k in range(0, len(items), size)] or [[]]


@dataclass
class ActorIndexPage:
    path: str
    title: str
    groups: list[tuple[str, list[SiteActor]]]  # (letter, actors)
    top: list[SiteActor]                        # "most cited", on the main page of a split index
    subpages: list[tuple[str, str, int]]        # (label, path, count), on the main page of a split index


def _initial(actor: SiteActor) -> str:
    initial = fold(actor.name)[:1].upper()
    return initial if initial.isalpha() else "#"


def actor_index_pages(index: SiteIndex) -> list[ActorIndexPage]:
    """The actor index: one page while it is small, else a main page plus pages by initial."""
    ordered = sorted(index.actors.values(), key=lambda a: (fold(a.name), a.key))
    groups: dict[str, list[SiteActor]] = {}
    for actor in ordered:
        groups.setdefault(_initial(actor), []).append(actor)
    if len(ordered) <= ACTOR_INDEX_ALL:
        return [ActorIndexPage("acteurs/index.md", "Acteurs", list(groups.items()), [], [])]
    pages: list[ActorIndexPage] = []
    subpages: list[tuple[str, str, int]] = []
    for letter, members in groups.items():
        slug = letter.lower() if letter != "#" else "autres"
        for n, chunk in enumerate(_chunks(members, ACTOR_INDEX_PAGE), start=1):
            label = letter + (f" ({n})" if n > 1 else "")
            path = f"acteurs/lettre-{slug}" + (f"-{n}" if n > 1 else "") + ".md"
            pages.append(ActorIndexPage(path, f"Acteurs : {label}", [(letter, chunk)], [], []))
            subpages.append((label, path, len(chunk)))
    top = sorted(ordered, key=lambda a: (-len(a.appearances), -a.mentions, a.key))[:ACTOR_TOP]
    return [ActorIndexPage("acteurs/index.md", "Acteurs", [], top, subpages)] + pages


def archive_pages(ordered: Sequence[ArticleRef]) -> list[tuple[str, list[ArticleRef]]]:
    """Articles past the home page's cards, newest first, in pages of ``ARCHIVE_PAGE``."""
    if len(ordered) <= HOME_CARDS:
        return []
    chunks = _chunks(list(ordered), ARCHIVE_PAGE)
    return [("archives/index.md" if n == 1 else f"archives/page-{n}.md", chunk)
            for n, chunk in enumerate(chunks, start=1)]


def actor_page_data(actor: SiteActor, index: SiteIndex) -> dict:
    """What one actor page shows: appearances oldest first (roles over time), events in order."""
    appearances = sorted(actor.appearances, key=lambda p: (pub_key(p[0]), p[0].slug))
    events = sorted({(a.slug, e.id): (a, e, t) for a, e, t in actor.events}.values(), key=event_sort_key)
    affiliations: dict[str, SiteActor] = {}
    for article, local in actor.appearances:
        if local.affiliation:
            other = index.actor_of(article, local.affiliation)
            if other is not None and other.key != actor.key:
                affiliations.setdefault(other.key, other)
    return {
        # The most recent appearances and events when there are too many for one page.
        "appearances": appearances[-ACTOR_ARTICLES:],
        "hidden_appearances": max(0, len(appearances) - ACTOR_ARTICLES),
        "events": events[-ACTOR_EVENTS:],
        "hidden_events": max(0, len(events) - ACTOR_EVENTS),
        "affiliations": list(affiliations.values()),
        "article_path": article_path,
    }


# -- machine-readable outputs ------------------------------------------------------
def _script_safe(text: str) -> str:
    """JSON that can sit inside ``<script>``: no ``</``, ``<!--`` or ``]]>`` can appear."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") \
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _iso_date(value: str) -> str | None:
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T(\d{2}:\d{2}))?$", value)
    if not m:
        m2 = re.match(r"^(\d{4}-\d{2}-\d{2})T", value)
        return m2[1] if m2 else None
    return value


def jsonld(article: Article, index: SiteIndex | None = None, *, about: int = 3) -> dict:
    """schema.org ``NewsArticle`` with the actors (about/mentions) and the dated events."""
    seed = article.seed
    ranked = sorted(article.actors, key=lambda a: (-len(a.mentions), a.name))

    def thing(actor: Actor) -> dict:
        node = {"@type": SCHEMA_TYPES.get(actor.type, "Thing"), "name": actor.name}
        if actor.aliases:
            node["alternateName"] = list(actor.aliases)
        if actor.role or actor.description:
            node["description"] = actor.description or actor.role
        if actor.type == "person" and actor.role:
            node["jobTitle"] = actor.role
        if actor.wikidata:
            node["sameAs"] = wikidata_url(actor.wikidata)
        return node

    timexes = {t.id: t for t in article.timexes}
    events = []
    for event in article.events:
        timex = timexes.get(event.timex)
        if timex is None:
            continue
        # Name and date only: the source sentence and the event's actors are already on the
        # page, and repeating them here made the JSON-LD a fifth of a long article's HTML.
        node = {"@type": "Event", "name": event.summary}
        start = _iso_date(timex.value)
        if start:
            node["startDate"] = start
        if event.status == "planned":
            node["eventStatus"] = "https://schema.org/EventScheduled"
        events.append(node)
    data: dict = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": seed.title,
        "inLanguage": seed.language or "fr",
    }
    if seed.published:
        data["datePublished"] = seed.published.value
    if seed.dateline:
        data["dateline"] = seed.dateline
    if seed.byline:
        data["author"] = {"@type": "Organization", "name": seed.byline}
    if seed.photo:
        data["image"] = {"@type": "ImageObject", "caption": seed.photo.caption,
                         **({"creditText": seed.photo.credit} if seed.photo.credit else {})}
    if ranked[:about]:
        data["about"] = [thing(a) for a in ranked[:about]]
    # Capped (most-mentioned actors, events in reading order): the JSON-LD sits in the
    # page's <head>, and a long article's full lists made it a tenth of the HTML
    # while the page itself and its JSON downloads carry every actor and event.
    mentions = [thing(a) for a in ranked[about:about + JSONLD_MENTIONS]] + events[:JSONLD_EVENTS]
    if mentions:
        data["mentions"] = mentions
    data["wordCount"] = sum(len(p.split()) for p in seed.paragraphs)
    return data


def jsonld_text(article: Article) -> str:
    """The JSON-LD as text that is safe inside a ``<script>`` element."""
    return _script_safe(json.dumps(jsonld(article), ensure_ascii=False, separators=(",", ":")))


def timelinejs(article: Article, label=None) -> dict:
    """The article's timeline in Knight Lab's TimelineJS3 JSON format."""
    from .render import date_label, timeline  # late import: render imports this module

    events = []
    for event, timex in timeline(article):
        m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", timex.value)
        if not m:
            continue
        start = {"year": m[1]}
        if m[2]:
            start["month"] = str(int(m[2]))
        if m[3]:
            start["day"] = str(int(m[3]))
        start["display_date"] = date_label(timex)
        events.append({
            "start_date": start,
            # TimelineJS inserts these strings as HTML: escape the seed's text.
            "text": {"headline": str(escape(event.summary)), "text": f"<blockquote>{escape(event.sentence)}</blockquote>"},
            "group": "prévu" if event.status == "planned" else "passé",
            "unique_id": event.id,
        })
    return {"title": {"text": {"headline": str(escape(article.seed.title)),
                               "text": "Chronologie extraite automatiquement de l’article."}},
            "events": events}
