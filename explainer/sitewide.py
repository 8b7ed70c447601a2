"""Pages across articles: one page per actor, the actors index, the chronology by year,
and the machine-readable companions of each explainer (JSON-LD, TimelineJS3).

Everything here is one pass over the articles (dictionaries keyed by actor id
or year), so the site-wide pages stay linear in the number of articles.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from . import dates_fr
from .model import Actor, Article, Event, Timex
from .render import timeline


@dataclass
class ActorRecord:
    """One actor seen across the site."""

    id: str
    name: str
    type: str
    appearances: list[tuple[Article, Actor]] = field(default_factory=list)
    events: list[tuple[Article, Event, Timex]] = field(default_factory=list)

    @property
    def roles(self) -> list[tuple[str, str]]:
        """``(date, role)`` in publication order, each role once."""
        seen: dict[str, str] = {}
        for article, actor in sorted(self.appearances, key=lambda p: _published(p[0])):
            if actor.role and actor.role not in seen:
                seen[actor.role] = _published(article)
        return [(date, role) for role, date in seen.items()]

    @property
    def aliases(self) -> list[str]:
        return sorted({alias for _, actor in self.appearances for alias in actor.aliases} - {self.name})


def _published(article: Article) -> str:
    return article.seed.published.value if article.seed.published else ""


def collect_actors(articles: Sequence[Article]) -> dict[str, ActorRecord]:
    """Actors merged across articles by id (ids come from the same merging rules)."""
    records: dict[str, ActorRecord] = {}
    for article in articles:
        timexes = {t.id: t for t in article.timexes}
        for actor in article.actors:
            record = records.setdefault(actor.id, ActorRecord(actor.id, actor.name, actor.type))
            record.appearances.append((article, actor))
        for event in article.events:
            for actor_id in event.actors:
                if actor_id in records and event.timex in timexes:
                    records[actor_id].events.append((article, event, timexes[event.timex]))
    for record in records.values():
        # The most frequent type across articles wins (a capital can be a place here, a state there).
        types = [actor.type for _, actor in record.appearances]
        record.type = max(set(types), key=types.count)
        record.events.sort(key=lambda x: dates_fr.sort_key(x[2].value, x[2].mod))
    return records


def chronology(articles: Sequence[Article]) -> dict[str, list[tuple[Article, Event, Timex]]]:
    """Every dated event of the site, by year, in order."""
    by_year: dict[str, list[tuple[Article, Event, Timex]]] = defaultdict(list)
    for article in articles:
        for event, timex in timeline(article):
            by_year[timex.value[:4]].append((article, event, timex))
    for events in by_year.values():
        events.sort(key=lambda x: dates_fr.sort_key(x[2].value, x[2].mod))
    return dict(sorted(by_year.items()))


def month_label(timex: Timex) -> str:
    if len(timex.value) >= 7 and timex.value[4] == "-" and timex.value[5:7].isdigit():
        return dates_fr.format_value(timex.value[:7])
    return f"{timex.value[:4]}, sans mois précis"


SCHEMA_TYPES = {"person": "Person", "organization": "Organization", "state": "Country", "place": "Place",
                "event": "Event", "work": "CreativeWork", "other": "Thing"}


def json_ld(article: Article) -> str:
    """schema.org NewsArticle with its actors and events, safe to embed in a <script>."""
    seed = article.seed
    main = sorted(article.actors, key=lambda a: -len(a.mentions))
    timexes = {t.id: t for t in article.timexes}
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": seed.title,
        "inLanguage": seed.language,
        "datePublished": seed.published.value if seed.published else None,
        "author": {"@type": "Organization", "name": seed.byline} if seed.byline else None,
        "dateline": seed.dateline,
        "about": [_thing(a) for a in main[:3]],
        "mentions": [_thing(a) for a in main[3:]] + [
            {"@type": "Event", "name": e.summary, "startDate": dates_fr.html_datetime(timexes[e.timex].value)}
            for e in article.events if e.timex in timexes],
    }
    text = json.dumps({k: v for k, v in data.items() if v is not None}, ensure_ascii=False)
    # Inside <script>, "</script>" or "<!--" in a string would end or confuse the element:
    # JSON allows every "<", ">" and "&" to be written as a \u escape instead.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _thing(actor: Actor) -> dict:
    thing = {"@type": SCHEMA_TYPES.get(actor.type, "Thing"), "name": actor.name}
    if actor.role:
        thing["jobTitle" if actor.type == "person" else "description"] = actor.role
    return thing


def timeline_js(article: Article) -> str:
    """The article's timeline in Knight Lab's TimelineJS3 JSON format."""
    events = []
    for event, timex in timeline(article):
        date = _tl_date(timex.value)
        if date is None:
            continue
        events.append({
            "start_date": date,
            "text": {"headline": dates_fr.format_value(timex.value, timex.mod), "text": event.summary},
            "group": "prévu" if event.status == "planned" else "passé",
        })
    data = {"title": {"text": {"headline": article.seed.title,
                               "text": "Chronologie extraite automatiquement de l’article"}},
            "events": events}
    return json.dumps(data, ensure_ascii=False) + "\n"


def _tl_date(value: str) -> dict | None:
    parts = value[:10].split("-")
    if not parts[0].isdigit():
        return None
    date = {"year": parts[0]}
    if len(parts) > 1 and parts[1].isdigit():
        date["month"] = str(int(parts[1]))
    if len(parts) > 2 and parts[2].isdigit():
        date["day"] = str(int(parts[2]))
    return date
