"""Render: ``Article`` records → Markdown pages, through Jinja2 templates.

Everything that comes from a seed is HTML-escaped here (Jinja2 autoescape)
and placed inside raw HTML blocks, which Python-Markdown passes through
untouched: a ``*``, ``<script>`` or ``{{ }}`` in an article reaches the
reader as literal text.  Seed text is only ever template *data*, never
template source.  Headings are Markdown so that MkDocs builds the table of
contents from them; their text is ours, never the seed's.
"""

from __future__ import annotations

import json
import pathlib
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import jinja2
from markupsafe import Markup, escape

from . import dates_fr
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


def date_label(timex: Timex) -> str:
    """The French reading of a timex, honest about what is not known."""
    label = dates_fr.format_value(timex.value, timex.mod)
    if not timex.resolved:
        label += " (jour exact inconnu)" if re.fullmatch(r"\d{4}-\d{2}", timex.value) else " (approximatif)"
    return label


def actor_tip(actor: Actor) -> str:
    label = TYPE_LABELS.get(actor.type, TYPE_LABELS["other"])[0]
    return f"{actor.name} — {actor.role}" if actor.role else f"{actor.name} — {label}"


class Annotator:
    """Turns one article's segments into HTML with linked mentions and dates."""

    def __init__(self, article: Article):
        self.article = article
        self.events_by_timex = {e.timex: e for e in article.events}
        self.spans: dict[int, list[Span]] = defaultdict(list)
        for actor in article.actors:
            self._add_actor(actor)
        for timex in article.timexes:
            self._add_timex(timex)

    def _add_actor(self, actor: Actor) -> None:
        for k, m in enumerate(actor.mentions):
            attrs = {
                "class": f"ex-m ex-{actor.type}",
                "href": "#" + actor_anchor(actor.id),
                "data-tip": actor_tip(actor),
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
        cls = f"ex-d ex-{timex.type.lower()}" + ("" if timex.resolved else " ex-unresolved")
        if event:
            outer = {"class": cls, "href": "#" + event_anchor(event.id), "id": timex_anchor(timex.id),
                     "data-tip": tip}
            html_open = _open("a", outer) + _open("time", time_attrs)
            html_close = Markup("</time></a>")
        else:
            attrs = {"class": cls, "id": timex_anchor(timex.id), "data-tip": tip, "tabindex": "0", **time_attrs}
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
    """"L'essentiel": who, when, where — derived from the extraction."""
    who = sorted((a for a in article.actors if a.type in ("person", "state", "organization")),
                 key=lambda a: -len(a.mentions))[:5]
    where = sorted((a for a in article.actors if a.type == "place"), key=lambda a: -len(a.mentions))[:3]
    events = timeline(article)
    when = [events[0], events[-1]] if len(events) > 1 else events
    return {"who": who, "where": where, "when": when}


def published_label(article: Article) -> str | None:
    pub = article.seed.published
    return dates_fr.format_value(pub.value) if pub else None


def yaml_string(text: str) -> Markup:
    """A YAML double-quoted scalar (JSON is valid YAML) holding HTML-escaped text.

    MkDocs' own templates do not autoescape ``page.title``, so the title is
    escaped before MkDocs sees it.
    """
    return Markup(json.dumps(str(escape(text)), ensure_ascii=False))


class Renderer:
    """Renders pages with the Jinja2 templates in ``templates_dir``."""

    def __init__(self, templates_dir: pathlib.Path):
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates_dir)),
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
            date_label=date_label, actor_tip=actor_tip, yaml_string=yaml_string,
            TYPE_LABELS=TYPE_LABELS, STATUS_LABELS=STATUS_LABELS, TIMEX_LABELS=TIMEX_LABELS,
        )

    def article(self, article: Article, generated_from: str, corrections_file: str) -> str:
        annotator = Annotator(article)
        actors_by_id = {a.id: a for a in article.actors}
        timexes = {t.id: t for t in article.timexes}
        mention_counts = Counter({a.id: len(a.mentions) for a in article.actors})
        from .sitewide import json_ld

        return self.env.get_template("article.md.j2").render(
            a=article,
            json_ld=Markup(json_ld(article)),
            seed=article.seed,
            generated_from=generated_from,
            corrections_file=corrections_file,
            html=annotator.html,
            published=published_label(article),
            reading_minutes=reading_minutes(article),
            timeline=timeline(article),
            glossary=glossary(article),
            facts=key_facts(article),
            actors_by_id=actors_by_id,
            timexes=timexes,
            mention_counts=mention_counts,
        )

    def actor_page(self, record) -> str:
        return self.env.get_template("actor.md.j2").render(r=record, published_label=published_label)

    def actors_index(self, records) -> str:
        groups = []
        for kind in ACTOR_TYPES:
            members = sorted((r for r in records if r.type == kind), key=lambda r: (-len(r.appearances), r.name))
            if members:
                groups.append((kind, TYPE_LABELS[kind][1], members))
        return self.env.get_template("actors_index.md.j2").render(groups=groups)

    def chronology_year(self, year: str, events) -> str:
        from .sitewide import month_label

        months: dict[str, list] = {}
        for item in events:
            months.setdefault(month_label(item[2]), []).append(item)
        return self.env.get_template("chronology.md.j2").render(year=year, months=months,
                                                                  published_label=published_label)

    def chronology_index(self, years) -> str:
        return self.env.get_template("chronology_index.md.j2").render(years=years)

    def home(self, articles: Sequence[Article], problems: Sequence[str]) -> str:
        """The newest explainers as cards; older ones are on the yearly archive pages."""
        ordered = newest_first(articles)
        return self.env.get_template("index.md.j2").render(
            articles=ordered[:HOME_CARDS], more=len(ordered) > HOME_CARDS, years=archive_years(ordered),
            problems=problems, published_label=published_label, key_actors=key_actors,
        )

    def archive(self, year: str, articles: Sequence[Article]) -> str:
        return self.env.get_template("archive.md.j2").render(
            year=year, articles=newest_first(articles), published_label=published_label, key_actors=key_actors)


HOME_CARDS = 60  # keeps the home page light (≤ 100 KB) whatever the archive's size


def newest_first(articles: Sequence[Article]) -> list[Article]:
    return sorted(articles, key=lambda a: (a.seed.published.value if a.seed.published else "", a.slug), reverse=True)


def archive_years(articles: Sequence[Article]) -> list[tuple[str, int]]:
    counts = Counter(a.seed.published.value[:4] if a.seed.published else "sans-date" for a in articles)
    return sorted(counts.items(), reverse=True)


def key_actors(article: Article) -> list[Actor]:
    return sorted(article.actors, key=lambda x: -len(x.mentions))[:4]
