"""Render: ``Article`` records → Markdown pages, through Jinja2 templates.

Everything that comes from a seed is HTML-escaped here (Jinja2 autoescape)
and placed inside raw HTML blocks, which Python-Markdown passes through
untouched: a ``*``, ``<script>`` or ``{{ }}`` in an article reaches the
reader as literal text.  Seed text is only ever template *data*, never
template source.  Headings are Markdown so that MkDocs builds the table of
contents from them; their text is ours, never the seed's.
"""

from __future__ import annotations

import hashlib
import json
import pathlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import jinja2
from markupsafe import Markup, escape

from . import dates_fr, sitewide
from .model import ACTOR_TYPES, Actor, Article, Event, Timex

TYPE_LABELS = {
    "person": ("Personne", "Personnes"),
    "state": ("État", "États"),
    "organization": ("Organisation", "Organisations"),
    "place": ("Lieu", "Lieux"),
    "event": ("Événement", "Événements"),
    "work": ("Œuvre ou arme", "Œuvres et armes"),
    "other": ("Autre", "Autres"),
}
TIMEX_LABELS = {"DATE": "date", "TIME": "heure", "DURATION": "durée", "SET": "fréquence"}
STATUS_LABELS = {"past": "passé", "planned": "prévu"}
WORDS_PER_MINUTE = 230


def actor_anchor(actor_id: str) -> str:
    return "qui-" + _safe_id(actor_id)


def event_anchor(event_id: str) -> str:
    return "chrono-" + _safe_id(event_id)


def actor_mention_anchor(actor_id: str) -> str:
    """The first mention of an actor in the text (the glossary links back to it)."""
    return "ma-" + _safe_id(actor_id)


def timex_anchor(timex_id: str) -> str:
    """A date expression in the text (the timeline links back to it)."""
    return "md-" + _safe_id(timex_id)


def _safe_id(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-") or "x"


@dataclass(frozen=True)
class Span:
    """One annotation to place in a segment of text."""

    start: int
    end: int
    html_open: Markup
    html_close: Markup


def date_label(timex: "Timex | sitewide.DateRef") -> str:
    """The French reading of a timex, honest about what is not known."""
    label = dates_fr.format_value(timex.value, timex.mod)
    if not timex.resolved:
        label += " (jour exact inconnu)" if re.fullmatch(r"\d{4}-\d{2}", timex.value) else " (approximatif)"
    return label


def actor_tip(actor: Actor) -> str:
    label = TYPE_LABELS.get(actor.type, TYPE_LABELS["other"])[0]
    return f"{label} : {actor.role}" if actor.role else label


class Annotator:
    """Turns one article's segments into HTML with linked mentions and dates."""

    def __init__(self, article: Article):
        self.article = article
        self.events_by_timex = {e.timex: e for e in article.events}
        self.spans: dict[int, list[Span]] = defaultdict(list)
        # Tooltip texts, also given to assistive technology through aria-describedby.
        self.tips: dict[str, str] = {}
        for actor in article.actors:
            self._add_actor(actor)
        for timex in article.timexes:
            self._add_timex(timex)

    def _add_actor(self, actor: Actor) -> None:
        tip_id = "tip-" + actor_anchor(actor.id)
        for k, m in enumerate(actor.mentions):
            self.tips[tip_id] = actor_tip(actor)
            attrs = {
                "class": f"ex-m ex-{actor.type}",
                "href": "#" + actor_anchor(actor.id),
                "data-tip": actor_tip(actor),
                "aria-describedby": tip_id,
            }
            if k == 0:
                attrs["id"] = actor_mention_anchor(actor.id)
            self.spans[m.paragraph].append(Span(m.start, m.end, _open("a", attrs), Markup("</a>")))

    def _add_timex(self, timex: Timex) -> None:
        event = self.events_by_timex.get(timex.id)
        tip = f"{TIMEX_LABELS.get(timex.type, 'date')} : {date_label(timex)}"
        if event:
            tip += f" · {STATUS_LABELS[event.status]}"
        time_attrs = {"datetime": dates_fr.html_datetime(timex.value)}
        tip_id = "tip-" + timex_anchor(timex.id)
        self.tips[tip_id] = tip
        cls = f"ex-d ex-{timex.type.lower()}" + ("" if timex.resolved else " ex-unresolved")
        if event:
            outer = {"class": cls, "href": "#" + event_anchor(event.id), "id": timex_anchor(timex.id),
                     "data-tip": tip, "aria-describedby": tip_id}
            html_open = _open("a", outer) + _open("time", time_attrs)
            html_close = Markup("</time></a>")
        else:
            attrs = {"class": cls, "id": timex_anchor(timex.id), "data-tip": tip, "tabindex": "0",
                     "aria-describedby": tip_id, **time_attrs}
            html_open, html_close = _open("time", attrs), Markup("</time>")
        self.spans[timex.paragraph].append(Span(timex.start, timex.end, html_open, html_close))

    def html(self, segment: int, text: str) -> Markup:
        """``text`` escaped, with this segment's annotations; overlaps keep the first, longest span."""
        spans = sorted(self.spans.get(segment, ()), key=lambda s: (s.start, -(s.end - s.start)))
        out: list[str] = []
        pos = 0
        for span in spans:
            if span.start < pos or span.end > len(text) or span.start >= span.end:
                continue  # overlapping or stale span: leave the text plain
            out.append(escape(text[pos:span.start]))
            out.append(span.html_open + escape(text[span.start:span.end]) + span.html_close)
            pos = span.end
        out.append(escape(text[pos:]))
        return Markup("").join(out)


def _open(tag: str, attrs: dict[str, str | None]) -> Markup:
    parts = "".join(f' {k}="{escape(v)}"' for k, v in attrs.items() if v is not None)
    return Markup(f"<{tag}{parts}>")


def reading_minutes(article: Article) -> int:
    words = sum(len(p.split()) for p in article.seed.paragraphs)
    return max(1, round(words / WORDS_PER_MINUTE))


def timeline(article: Article) -> list[tuple[Event, Timex]]:
    """The article's events with their timex, in chronological order (text order breaks ties)."""
    timexes = {t.id: t for t in article.timexes}
    pairs = [(e, timexes[e.timex]) for e in article.events if e.timex in timexes]
    order = {t.id: k for k, t in enumerate(article.timexes)}
    return sorted(pairs, key=lambda p: (dates_fr.sort_key(p[1].value, p[1].mod), order[p[1].id]))


def glossary(article: Article) -> list[tuple[str, str, list[Actor]]]:
    """``(type, French heading, actors)`` groups, most-mentioned first inside a group."""
    groups = []
    for kind in ACTOR_TYPES:
        members = [a for a in article.actors if a.type == kind]
        if members:
            members.sort(key=lambda a: (-len(a.mentions), a.name))
            groups.append((kind, TYPE_LABELS[kind][1], members))
    return groups


def key_facts(article: Article) -> dict:
    """"L'essentiel": who, when, where — derived from the extraction.

    Who and where count only the story's mentions: the agency of the byline or
    photo credit and the city of the dateline say who wrote and from where,
    not who acts.  When gives the first and last events dated at least to the
    month if there are any: "cette année" (2023) says little as a first date.
    """
    dateline_end = sitewide._editorial_end(article.seed)
    counts = {a.id: sitewide.story_mentions(article.seed, a.mentions, dateline_end) for a in article.actors}
    ranked = sorted((a for a in article.actors if counts[a.id]), key=lambda a: -counts[a.id])
    who = [a for a in ranked if a.type in ("person", "state", "organization")][:5]
    where = [a for a in ranked if a.type == "place"][:3]
    events = timeline(article)
    events = [p for p in events if dates_fr.precise_to_month(p[1].value)] or events
    when = [events[0], events[-1]] if len(events) > 1 else events
    return {"who": who, "where": where, "when": when}


def key_actors(article: "Article | sitewide.ArticleRef", limit: int = 4) -> list:
    """A home card's main actors: the most mentioned in the story (not the byline's agency, not the dateline)."""
    def story(actor: "sitewide.ActorRef") -> int:  # story_mentions is None only on a ref made without it
        return actor.mentions if actor.story_mentions is None else actor.story_mentions

    ranked = sorted((a for a in sitewide.as_ref(article).actors if story(a)), key=lambda a: (-story(a), a.name))
    return ranked[:limit]


_ELIDED = re.compile(r"[aeiouyàâäéèêëîïôöùûüœæ]", re.IGNORECASE)
# The h of most names is aspirated or unsettled ("de Hollande", "de Hong Kong", "de Hyundai"):
# only names known to take "d’" before their mute h are elided.
_MUTE_H = frozenset({"hélène", "héloïse", "hervé", "henri", "hector", "hugo", "hippolyte", "honoré", "horace",
                     "hermès", "hérault", "hanoï", "haïti", "helsinki", "hiroshima", "harry", "hillary", "hubert"})


def de(name: str) -> str:
    """French "de" before a name, elided before a vowel sound: "de Lloyd Austin", "d’Antony Blinken",
    "d’Yves", "d’Hélène"; but "de Yoon Suk Yeol" (a y before a vowel) and "de Hollande"."""
    low = name.lower()
    first_word = re.split(r"[\s-]", low, maxsplit=1)[0]
    if low[:1] == "y":
        elide = len(low) > 1 and not _ELIDED.match(low[1])
    elif low[:1] == "h":
        elide = first_word in _MUTE_H
    else:
        elide = bool(_ELIDED.match(low[:1]))
    return f"d’{name}" if elide else f"de {name}"


def datetime_attr(value: str) -> Markup:
    """`` datetime="…"`` for a ``<time>`` element, or nothing when HTML has no form for the value ("P1Y")."""
    machine = dates_fr.html_datetime(value)
    return Markup(f' datetime="{escape(machine)}"') if machine else Markup("")


def legend(article: Article) -> list[tuple[str, str]]:
    """The colour keys of the annotations the text shows: ``(type, label)`` in glossary order."""
    present = {a.type for a in article.actors if a.mentions}
    return [(kind, TYPE_LABELS[kind][0].lower() if kind != "state" else "État")
            for kind in ACTOR_TYPES if kind in present]


def published_label(article: "Article | sitewide.ArticleRef") -> str | None:
    pub = article.published if isinstance(article, sitewide.ArticleRef) else article.seed.published
    return dates_fr.format_value(pub.value) if pub else None


def yaml_string(text: str) -> Markup:
    """A YAML double-quoted scalar (JSON is valid YAML) holding HTML-escaped text.

    MkDocs' own templates do not autoescape ``page.title``, so the title is
    escaped before MkDocs sees it.
    """
    return Markup(json.dumps(str(escape(text)), ensure_ascii=False))


def yaml_raw(text: str) -> Markup:
    """A YAML double-quoted scalar holding ``text`` as is (for text that is already safe, e.g. JSON-LD)."""
    return Markup(json.dumps(text, ensure_ascii=False))


class Renderer:
    """Renders pages with the Jinja2 templates in ``templates_dir``."""

    def __init__(self, templates_dir: pathlib.Path, bytecode_dir: pathlib.Path | None = None):
        # Compiled templates kept on disk (checked against each template's source): compiling
        # them is ~40 ms of a new process that re-renders a few pages.
        bytecode = None
        if bytecode_dir is not None:
            bytecode_dir.mkdir(parents=True, exist_ok=True)
            bytecode = jinja2.FileSystemBytecodeCache(str(bytecode_dir))
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates_dir)),
            bytecode_cache=bytecode,
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.globals.update(
            actor_anchor=actor_anchor, event_anchor=event_anchor,
            actor_mention_anchor=actor_mention_anchor, timex_anchor=timex_anchor,
            format_value=dates_fr.format_value, html_datetime=dates_fr.html_datetime,
            date_label=date_label, actor_tip=actor_tip, yaml_string=yaml_string, yaml_raw=yaml_raw,
            datetime_attr=datetime_attr, de=de,
            TYPE_LABELS=TYPE_LABELS, STATUS_LABELS=STATUS_LABELS, TIMEX_LABELS=TIMEX_LABELS,
            wikidata_url=sitewide.wikidata_url,
        )

    def article(self, article: Article, generated_from: str, corrections_file: str,
                index: "sitewide.SiteIndex | None" = None) -> str:
        annotator = Annotator(article)
        actors_by_id = {a.id: a for a in article.actors}
        timexes = {t.id: t for t in article.timexes}
        mention_counts = Counter({a.id: len(a.mentions) for a in article.actors})
        here = sitewide.article_path(article)
        site_actor = (lambda actor_id: index.actor_of(article, actor_id)) if index else (lambda actor_id: None)
        return self.env.get_template("article.md.j2").render(
            a=article,
            seed=article.seed,
            generated_from=generated_from,
            corrections_file=corrections_file,
            html=annotator.html,
            tips=annotator.tips,
            published=published_label(article),
            reading_minutes=reading_minutes(article),
            timeline=timeline(article),
            glossary=glossary(article),
            facts=key_facts(article),
            legend=legend(article),
            actors_by_id=actors_by_id,
            timexes=timexes,
            mention_counts=mention_counts,
            site_actor=site_actor,
            link=_linker(here),
            jsonld=sitewide.jsonld_text(article),
            description=_description(article),
        )

    def home(self, articles: Sequence["Article | sitewide.ArticleRef"], problems: Sequence[str]) -> str:
        ordered = sitewide.newest_first([sitewide.as_ref(a) for a in articles])
        archive = sitewide.archive_pages(ordered)
        return self.env.get_template("index.md.j2").render(
            articles=ordered[:sitewide.HOME_CARDS], total=len(ordered), archive=archive,
            problems=problems, published_label=published_label, link=_linker("index.md"),
            key_actors=key_actors,
        )

    def site_pages(self, index: "sitewide.SiteIndex") -> dict[str, str]:
        """Every cross-article page: archives, actor pages and index, chronology."""
        return {page.path: page.render() for page in self.site_page_specs(index)}

    def site_page_specs(self, index: "sitewide.SiteIndex") -> list["SitePage"]:
        """Every cross-article page, each with a key of exactly what it shows, rendered on demand."""
        return self.site_specs(index).pages

    def site_specs(self, index: "sitewide.SiteIndex", previous: "SiteSpecs | None" = None,
                   delta: "sitewide.IndexDelta | None" = None) -> "SiteSpecs":
        """Every cross-article page, each with a key of exactly what it shows, rendered on demand.

        Keys are built from the digests of the rows a page lists
        (``ActorRef.digest``, ``EventRef.digest``) and the site-wide names and
        paths it links to, so that one changed article changes only the pages
        that show something of it that changed.  With the ``previous`` build's
        specs, an actor or chronology page whose rows are the very same objects,
        and whose linked actors kept their site keys and names, keeps its key
        without being fingerprinted again (most of a one-article rebuild's cost).
        ``delta`` is ``IndexDelta.between(index, previous.index)``, if the caller has it.
        """
        if previous is not None and delta is None:
            delta = sitewide.IndexDelta.between(index, previous.index)
        if delta is not None and not delta.stable:
            previous = delta = None  # the site's actors were grouped otherwise: fingerprint everything
        specs: list[SitePage] = []
        ordered = sitewide.newest_first(index.articles)
        archive = sitewide.archive_pages(ordered)
        archive_paths = [path for path, _ in archive]
        archive_tpl = self.env.get_template("archive.md.j2")
        for n, (path, chunk) in enumerate(archive, start=1):
            shown = [(a.slug, a.title, a.published, a.dateline) for a in chunk]
            specs.append(SitePage(path, _fingerprint("archive", path, n, archive_paths, shown),
                                  _later(archive_tpl.render, entries=chunk, number=n, archive=archive, here=path,
                                         link=_linker(path), published_label=published_label)))
        actor_keys: dict[str, tuple[list, str]] = {}
        relinked = self._relinked(index, delta.renamed) if delta is not None else set()
        for actor in index.actors.values():
            before = previous.actors.get(actor.path) if previous is not None else None
            if before is not None and actor.key not in delta.touched and actor.key not in relinked \
                    and before[0] == actor.appearances:
                key = before[1]
            else:
                # Everything an actor page shows (names, counts, roles, the articles and events
                # listed) follows from its appearances' digests, and its affiliations' names.
                key = _fingerprint("actor", actor.path, [
                    (local.digest, index.link(a, local.affiliation) if local.affiliation else None)
                    for a, local in actor.appearances])
            actor_keys[actor.path] = (actor.appearances, key)
            specs.append(SitePage(actor.path, key, _later(self._actor_page, actor, index)))
        index_tpl = self.env.get_template("actors.md.j2")
        listed = lambda actors: [(a.key, a.name, a.type, len(a.appearances)) for a in actors]  # noqa: E731
        for page in sitewide.actor_index_pages(index):
            key = _fingerprint("actors", page.path, page.title, [(letter, listed(m)) for letter, m in page.groups],
                               listed(page.top), page.subpages)
            specs.append(SitePage(page.path, key, _later(index_tpl.render, page=page, link=_linker(page.path))))
        chrono_tpl = self.env.get_template("chronology.md.j2")
        events = sitewide.events_in_order(index, previous.events if previous is not None else None, delta)
        chrono = sitewide.chronology_pages(index, events)
        main = "chronologie/index.md"
        total = len(index.events)
        if len(chrono) > 1:
            contents = [(p.title, p.path, p.count) for p in chrono]
            specs.append(SitePage(main, _fingerprint("chronology", main, contents, total),
                                  _later(chrono_tpl.render, page=None, contents=contents, total=total,
                                         link=_linker(main), index=index)))
        unsure = None  # (slug, event id) of the events that link an actor whose name changed
        if delta is not None:
            unsure = {(a.slug, e.id) for key in delta.renamed if key in index.actors
                      for a, e, _ in index.actors[key].events}
        chrono_keys: dict[str, tuple] = {}
        for page in chrono:
            # Only a site small enough for one chronology page shows the total on it: on a
            # page of a split chronology it would change with every article added anywhere.
            page_total = total if page.path == main else None
            seen = (page.title, page.count, page_total, page.years)
            before = previous.chronology.get(page.path) if previous is not None else None
            if before is not None and before[0] == seen and not any(
                    a.slug in delta.changed or (a.slug, e.id) in unsure
                    for _, months in page.years for _, items in months for a, e, _ in items):
                key = before[1]
            else:
                # Each event by its digest, plus the site-wide names and paths of its actors.
                shown = [(year, [(heading, [(e.digest, index.links(a, e.actors)) for a, e, _ in items])
                                 for heading, items in months]) for year, months in page.years]
                key = _fingerprint("chronology", page.path, page.title, page.count, page_total, shown)
            chrono_keys[page.path] = (seen, key)
            specs.append(SitePage(page.path, key, _later(chrono_tpl.render, page=page, contents=[], total=page_total,
                                                         link=_linker(page.path), index=index)))
        return SiteSpecs(specs, index, events, actor_keys, chrono_keys)

    @staticmethod
    def _relinked(index: "sitewide.SiteIndex", renamed: frozenset[str]) -> set[str]:
        """Site keys of the actors one of whose affiliations links to an actor whose name changed.

        An affiliation names an actor of the same article: only the articles in
        which a renamed actor appears are looked at.
        """
        relinked: set[str] = set()
        for key in renamed:
            actor = index.actors.get(key)
            for article in {a.slug: a for a, _ in actor.appearances}.values() if actor else ():
                for local in article.actors:
                    if local.affiliation and index.key_of(article, local.affiliation) in renamed:
                        relinked.add(index.key_of(article, local.id))
        return relinked

    def _actor_page(self, actor: "sitewide.SiteActor", index: "sitewide.SiteIndex") -> str:
        return self.env.get_template("actor.md.j2").render(
            actor=actor, link=_linker(actor.path), published_label=published_label,
            **sitewide.actor_page_data(actor, index))


@dataclass(frozen=True)
class SiteSpecs:
    """The cross-article pages of one build, and what the next build needs to keep their keys."""

    pages: list[SitePage]
    index: "sitewide.SiteIndex"
    events: list                                 # the site's events in order (``sitewide.events_in_order``)
    actors: dict[str, tuple[list, str]]          # actor page path → (its appearances, its key)
    chronology: dict[str, tuple[tuple, str]]     # chronology page path → (what it lists, its key)


@dataclass(frozen=True)
class SitePage:
    """A cross-article page: where it goes, a key of what it shows, and how to render it."""

    path: str
    key: str
    render: Callable[[], str]


def _fingerprint(*parts) -> str:
    # repr of tuples/lists of str, int and None is deterministic across runs.
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def _later(render: Callable[..., str], *args, **context) -> Callable[[], str]:
    return lambda: render(*args, **context)


def _linker(here: str):
    def link(to_path: str, anchor: str | None = None) -> str:
        return sitewide.relative_url(here, to_path, anchor)
    return link


def _description(article: Article, limit: int = 200) -> str:
    text = " ".join(article.seed.paragraphs[:1]) or article.seed.title
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"
