"""Corrections: an editor's fixes to one page, kept beside its seed.

``seeds/<stem>.yaml`` sits next to ``seeds/<stem>.txt``.  Generated pages are
never edited by hand; this file is where a human says what the machine got
wrong, and it is re-applied on every build, so fixes survive re-extraction.

Corrections point at things by *stable keys*, never by offsets:

* an actor by its name, one of its aliases or the text of one of its
  mentions, compared with case and accents folded ("etats-unis" finds
  "États-Unis");
* a date by its text as it appears in the article plus an occurrence number
  (the 2nd "jeudi" of the page is ``{text: jeudi, occurrence: 2}``).

A correction that no longer matches anything (the seed changed, the actor
extraction improved…) is an error with the file and line of the entry, never
silently ignored.  The whole file is validated before anything is applied:
every unknown key is reported at once, with a "did you mean", and then the
file is not applied at all.

Only ``published`` and ``timezone`` change what extraction sees (relative
dates are resolved against the publication date), so the Generator passes
them to extraction and they are part of the cache key; everything else is
applied to the extracted ``Article`` after the cache, on every build.

Schema (every key optional)::

    published: 2023-11-12            # YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM[±HH:MM]
    timezone: Asia/Seoul             # with a time: the local day of publication
    title: Un meilleur titre
    actors:
      Lloyd Austin:                  # name, alias or mention text of an actor
        role: secrétaire américain à la Défense
        type: person                 # person organization state place event work other
        name: Lloyd J. Austin
        description: Chef du Pentagone depuis 2021.
        affiliation: États-Unis      # another actor of the page
        aliases_add: [Austin]
        aliases_drop: [le secrétaire]
      Pyongyang: {merge_into: Corée du Nord}
      Camp David: {drop: true}
      Corée:                         # one extracted actor that is really two
        split:
          - {name: Corée du Sud, type: state, mentions: [{text: Corée, occurrence: 2}]}
    dates:
      - {text: dimanche, occurrence: 1, value: 2023-11-12}
      - {text: fin 2023, mod: END}
      - {text: cette année, drop: true}
    events_add:
      - date: décembre               # a date of the text (text + occurrence)
        summary: Activation du partage de données antimissile
        actors: [Corée du Sud, Japon]
        status: planned              # past or planned
    reviewed: {by: Marie Dupont, date: 2023-11-13}
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import pathlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from .knowledge import fold
from .model import ACTOR_TYPES, Actor, Article, Event, PubDate, Review, Timex

# Problems are plain tuples here (severity, file, line, message) turned into
# ``site.Problem`` by the caller, so this module does not import the site.
Issue = tuple[str, str, "int | None", str]

TOP_KEYS = ("published", "timezone", "title", "actors", "dates", "events_add", "reviewed")
ACTOR_KEYS = ("name", "type", "role", "description", "affiliation", "aliases_add", "aliases_drop",
              "merge_into", "split", "drop")
SPLIT_KEYS = ("name", "type", "role", "description", "mentions")
DATE_KEYS = ("text", "occurrence", "value", "mod", "drop")
EVENT_KEYS = ("date", "occurrence", "summary", "sentence", "actors", "status")
REVIEW_KEYS = ("by", "date")
MODS = ("START", "MID", "END", "APPROX", "BEFORE", "AFTER")
STATUSES = ("past", "planned")
# TIMEX3 values an editor may write: calendar dates and times, ISO weeks,
# seasons, durations and the reference values.
_TIMEX_VALUE = re.compile(
    r"^(?:\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}(?::\d{2}(?::\d{2})?)?)?)?)?"
    r"|\d{4}-W\d{2}(?:-\d)?|\d{4}-(?:SP|SU|FA|WI|Q[1-4]|H[12])"
    r"|P(?:\d+(?:\.\d+)?[YMWD])*(?:T(?:\d+(?:\.\d+)?[HMS])+)?|PRESENT_REF|PAST_REF|FUTURE_REF)$")


def corrections_path(seed_path: pathlib.Path) -> pathlib.Path:
    """``seeds/a.txt`` → ``seeds/a.yaml``."""
    return seed_path.with_suffix(".yaml")


# -- records -------------------------------------------------------------------


@dataclass(frozen=True)
class ActorFix:
    key: str
    line: int
    name: str | None = None
    type: str | None = None
    role: str | None = None
    description: str | None = None
    affiliation: str | None = None
    aliases_add: tuple[str, ...] = ()
    aliases_drop: tuple[tuple[str, int], ...] = ()  # (alias, line)
    merge_into: str | None = None
    split: tuple["SplitOff", ...] = ()
    drop: bool = False
    lines: tuple[tuple[str, int], ...] = ()  # field → line

    def line_of(self, name: str) -> int:
        return dict(self.lines).get(name, self.line)


@dataclass(frozen=True)
class SplitOff:
    """A new actor taken out of an extracted one, with the mentions that are really its own."""

    name: str
    line: int
    mentions: tuple[tuple[str, int], ...]  # (mention text, occurrence among that text's mentions)
    type: str | None = None
    role: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class DateFix:
    text: str
    line: int
    occurrence: int = 1
    value: str | None = None
    mod: str | None = None
    set_mod: bool = False  # ``mod: null`` clears the modifier
    drop: bool = False


@dataclass(frozen=True)
class EventAdd:
    date: str
    line: int
    summary: str
    occurrence: int = 1
    sentence: str | None = None
    actors: tuple[str, ...] = ()
    status: str = "past"


@dataclass(frozen=True)
class Corrections:
    """A validated correction file."""

    file: str
    published: PubDate | None = None
    timezone: str | None = None
    title: str | None = None
    actors: tuple[ActorFix, ...] = ()
    dates: tuple[DateFix, ...] = ()
    events_add: tuple[EventAdd, ...] = ()
    reviewed: Review | None = None
    lines: tuple[tuple[str, int], ...] = ()

    def line_of(self, key: str) -> int | None:
        return dict(self.lines).get(key)

    def extraction_key(self) -> str:
        """What extraction depends on (part of the cache key)."""
        if self.published is None and self.timezone is None:
            return ""  # same key as no correction file: nothing to re-extract
        return f"{self.published.value if self.published else ''}|{self.timezone or ''}"

    @property
    def empty(self) -> bool:
        return self == Corrections(file=self.file, lines=self.lines)


# -- loading and validation ----------------------------------------------------


class _Reader:
    """Walks the YAML node tree, converting values and collecting every problem."""

    def __init__(self, file: str):
        self.file = file
        self.issues: list[Issue] = []
        self._constructor = yaml.SafeLoader("")

    def error(self, node_or_line: Any, message: str) -> None:
        line = node_or_line if isinstance(node_or_line, int) else _line(node_or_line)
        self.issues.append(("error", self.file, line, message))

    def value(self, node: yaml.Node) -> Any:
        return self._constructor.construct_object(node, deep=True)

    def mapping(self, node: yaml.Node, allowed: tuple[str, ...], what: str) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        """``{key: (key node, value node)}``; unknown and duplicate keys are reported."""
        if not isinstance(node, yaml.MappingNode):
            self.error(node, f"{what} must be a mapping of `key: value` lines (keys: {', '.join(allowed)})")
            return {}
        out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            key = str(self.value(key_node))
            if key in out:
                self.error(key_node, f"`{key}` is given twice in {what}")
                continue
            if key not in allowed:
                self.error(key_node, f"unknown key `{key}` in {what}{did_you_mean(key, allowed)}")
                continue
            out[key] = (key_node, value_node)
        return out

    def text(self, node: yaml.Node, what: str, *, allow_null: bool = False) -> str | None:
        value = self.value(node)
        if value is None and allow_null:
            return None
        if isinstance(value, (dt.date, dt.datetime)):
            return value.isoformat()
        if isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value).strip():
            return str(value).strip()
        self.error(node, f"{what} must be a text, not {_describe(value)}")
        return None

    def flag(self, node: yaml.Node, what: str) -> bool:
        value = self.value(node)
        if isinstance(value, bool):
            return value
        self.error(node, f"{what} must be true or false, not {_describe(value)}")
        return False

    def texts(self, node: yaml.Node, what: str) -> list[tuple[str, int]]:
        if isinstance(node, yaml.ScalarNode):
            one = self.text(node, what)
            return [(one, _line(node))] if one else []
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, f"{what} must be a list of texts, e.g. [Austin, Lloyd J. Austin]")
            return []
        out = []
        for item in node.value:
            one = self.text(item, f"each item of {what}")
            if one:
                out.append((one, _line(item)))
        return out

    def occurrence(self, node: yaml.Node | None) -> int:
        if node is None:
            return 1
        value = self.value(node)
        if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
            return value
        self.error(node, f"occurrence must be a whole number from 1 (the 1st time the text appears), "
                         f"not {_describe(value)}")
        return 1


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _describe(value: Any) -> str:
    if value is None:
        return "an empty value"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def did_you_mean(word: str, choices: Any) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if close:
        return f"; did you mean `{close[0]}`?"
    return f" (known keys: {', '.join(choices)})"


def load(path: pathlib.Path, file: str | None = None) -> tuple[Corrections | None, list[Issue]]:
    """Read and validate the correction file at ``path``.

    Returns ``(corrections, issues)``.  When the file has any error the whole
    file is refused: ``corrections`` is None and ``issues`` lists every error
    found (not just the first), each with its line.
    """
    file = file or str(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        return None, [("error", file, None, f"cannot read the correction file: {exc.strerror}")]
    except UnicodeDecodeError:
        return None, [("error", file, None, "the correction file is not valid UTF-8 (re-save it as UTF-8)")]
    return parse(text, file)


def parse(text: str, file: str) -> tuple[Corrections | None, list[Issue]]:
    """Validate correction-file text (see ``load``)."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        return None, [("error", file, mark.line + 1 if mark else None,
                       f"the correction file is not valid YAML ({problem}); fix: check the indentation and "
                       f"quote values that contain `:` or `#`")]
    if root is None:
        return Corrections(file=file), []
    r = _Reader(file)
    top = r.mapping(root, TOP_KEYS, "the correction file")
    kw: dict[str, Any] = {}
    lines = tuple((key, _line(k)) for key, (k, _v) in top.items())
    if "published" in top:
        kw["published"] = _published(r, top["published"][1], top.get("timezone", (None, None))[1])
    if "timezone" in top:
        kw["timezone"] = _timezone(r, top["timezone"][1])
        published = kw.get("published")
        if kw["timezone"] and not (published and published.precision == "minute"):
            r.error(top["timezone"][1], "timezone only matters with a publication time: write "
                                        "`published: YYYY-MM-DDTHH:MM` (UTC unless it has an offset) beside it")
    if "title" in top:
        kw["title"] = r.text(top["title"][1], "title")
    if "actors" in top:
        kw["actors"] = _actor_fixes(r, top["actors"][1])
    if "dates" in top:
        kw["dates"] = _date_fixes(r, top["dates"][1])
    if "events_add" in top:
        kw["events_add"] = _events_add(r, top["events_add"][1])
    if "reviewed" in top:
        kw["reviewed"] = _reviewed(r, top["reviewed"][1])
    if r.issues:
        return None, r.issues
    return Corrections(file=file, lines=lines, **{k: v for k, v in kw.items() if v is not None}), []


def _timezone(r: _Reader, node: yaml.Node) -> str | None:
    name = r.text(node, "timezone")
    if name is None:
        return None
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        close = difflib.get_close_matches(name, sorted(available_timezones()), n=1, cutoff=0.6)
        hint = f"; did you mean `{close[0]}`?" if close else ": use an IANA name such as Europe/Paris or Asia/Seoul"
        r.error(node, f"unknown time zone {name!r}{hint}")
        return None
    return name


def _published(r: _Reader, node: yaml.Node, tz_node: yaml.Node | None) -> PubDate | None:
    value = r.value(node)
    if isinstance(value, dt.datetime):
        moment: dt.datetime | None = value
    elif isinstance(value, dt.date):
        return PubDate(value.isoformat(), "day")
    else:
        text = r.text(node, "published")
        if text is None:
            return None
        moment = None
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?", text):
            try:
                moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
            except ValueError:
                moment = None
        if moment is None:
            try:
                return PubDate.parse(text)
            except ValueError as exc:
                r.error(node, f"published: {exc}")
                return None
    if tz_node is not None:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            zone = ZoneInfo(str(r.value(tz_node)))
        except (ZoneInfoNotFoundError, ValueError):
            zone = None  # reported by _timezone
        if zone is not None:
            # A wire timestamp without an offset is UTC; the article's own day is the local one.
            aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)
            moment = aware.astimezone(zone)
    return PubDate(moment.strftime("%Y-%m-%dT%H:%M"), "minute")


def _actor_fixes(r: _Reader, node: yaml.Node) -> tuple[ActorFix, ...]:
    if not isinstance(node, yaml.MappingNode):
        r.error(node, "actors must be a mapping: the actor's name, then its corrections indented below it")
        return ()
    out = []
    seen: set[str] = set()
    for key_node, value_node in node.value:
        key = r.text(key_node, "an actor's name")
        if key is None:
            continue
        if fold(key) in seen:
            r.error(key_node, f"actor `{key}` is corrected twice: put all its corrections under one entry")
            continue
        seen.add(fold(key))
        fields = r.mapping(value_node, ACTOR_KEYS, f"the corrections of actor `{key}`")
        kw: dict[str, Any] = {}
        for name in ("name", "role", "description", "affiliation", "merge_into"):
            if name in fields:
                kw[name] = r.text(fields[name][1], f"{name} of `{key}`")
        if "type" in fields:
            value = r.text(fields["type"][1], f"type of `{key}`")
            if value is not None and value not in ACTOR_TYPES:
                r.error(fields["type"][1], f"unknown actor type `{value}`{did_you_mean(value, ACTOR_TYPES)}"
                        .replace("known keys", "types"))
            kw["type"] = value
        if "aliases_add" in fields:
            kw["aliases_add"] = tuple(t for t, _ in r.texts(fields["aliases_add"][1], f"aliases_add of `{key}`"))
        if "aliases_drop" in fields:
            kw["aliases_drop"] = tuple(r.texts(fields["aliases_drop"][1], f"aliases_drop of `{key}`"))
        if "split" in fields:
            kw["split"] = _split(r, fields["split"][1], key)
        if "drop" in fields:
            kw["drop"] = r.flag(fields["drop"][1], f"drop of `{key}`")
        if kw.get("drop") and len(fields) > 1:
            r.error(key_node, f"`{key}` is dropped and corrected at once: keep only `drop: true`, or remove it")
        if kw.get("merge_into") and fold(kw["merge_into"]) == fold(key):
            r.error(fields["merge_into"][1], f"`{key}` cannot be merged into itself")
        if isinstance(value_node, yaml.MappingNode) and not fields and not value_node.value:
            r.error(key_node, f"actor `{key}` has no correction under it")
        kw = {k: v for k, v in kw.items() if v is not None}
        lines = tuple((k, _line(v)) for k, (_kn, v) in fields.items())
        out.append(ActorFix(key=key, line=_line(key_node), lines=lines, **kw))
    return tuple(out)


def _split(r: _Reader, node: yaml.Node, key: str) -> tuple[SplitOff, ...]:
    if not isinstance(node, yaml.SequenceNode):
        r.error(node, f"split of `{key}` must be a list: `- {{name: Corée du Sud, type: state, "
                      f"mentions: [Corée, {{text: Corée, occurrence: 3}}]}}`")
        return ()
    out = []
    for item in node.value:
        fields = r.mapping(item, SPLIT_KEYS, f"a split of `{key}`")
        if not fields:
            continue
        if "name" not in fields or "mentions" not in fields:
            r.error(item, f"a split of `{key}` needs `name:` (the new actor) and `mentions:` (the texts that are its own)")
            continue
        kw: dict[str, Any] = {"name": r.text(fields["name"][1], "name") or ""}
        for name in ("role", "description", "type"):
            if name in fields:
                kw[name] = r.text(fields[name][1], name)
        if kw.get("type") is not None and kw["type"] not in ACTOR_TYPES:
            r.error(fields["type"][1], f"unknown actor type `{kw['type']}`"
                                       f"{did_you_mean(kw['type'], ACTOR_TYPES)}".replace("known keys", "types"))
        mentions = []
        mentions_node = fields["mentions"][1]
        items = mentions_node.value if isinstance(mentions_node, yaml.SequenceNode) else [mentions_node]
        for m in items:
            if isinstance(m, yaml.MappingNode):
                mf = r.mapping(m, ("text", "occurrence"), "a mention to split off")
                if "text" not in mf:
                    r.error(m, "a mention to split off needs `text:`")
                    continue
                text = r.text(mf["text"][1], "text")
                occurrence = r.occurrence(mf.get("occurrence", (None, None))[1])
                if text:
                    mentions.append((text, occurrence))
            else:
                text = r.text(m, "each mention")
                if text:
                    mentions.append((text, 0))  # 0: every mention with this text
        out.append(SplitOff(line=_line(item), mentions=tuple(mentions),
                            **{k: v for k, v in kw.items() if v is not None}))
    return tuple(out)


def _date_fixes(r: _Reader, node: yaml.Node) -> tuple[DateFix, ...]:
    if not isinstance(node, yaml.SequenceNode):
        r.error(node, "dates must be a list: `- {text: dimanche, value: 2023-11-12}`")
        return ()
    out = []
    for item in node.value:
        fields = r.mapping(item, DATE_KEYS, "a date correction")
        if not fields:
            continue
        if "text" not in fields:
            r.error(item, "a date correction needs `text:`, the date as written in the article (e.g. dimanche)")
            continue
        text = r.text(fields["text"][1], "text") or ""
        kw: dict[str, Any] = {"occurrence": r.occurrence(fields.get("occurrence", (None, None))[1])}
        if "value" in fields:
            value = r.text(fields["value"][1], "value")
            if value is not None and not _TIMEX_VALUE.match(value):
                r.error(fields["value"][1], f"date value {value!r} is not a TIMEX3 value: write YYYY, YYYY-MM, "
                                            f"YYYY-MM-DD, YYYY-MM-DDTHH:MM, YYYY-Www or a duration like P3D")
            kw["value"] = value
        if "mod" in fields:
            mod = r.value(fields["mod"][1])
            if mod is not None and mod not in MODS:
                r.error(fields["mod"][1], f"unknown mod {mod!r}{did_you_mean(str(mod), MODS)}"
                        .replace("known keys", "mods"))
            kw["mod"], kw["set_mod"] = mod, True
        if "drop" in fields:
            kw["drop"] = r.flag(fields["drop"][1], "drop")
        if not ({"value", "mod", "drop"} & set(fields)):
            r.error(item, f"date correction `{text}` changes nothing: give `value:`, `mod:` or `drop: true`")
        out.append(DateFix(text=text, line=_line(item), **kw))
    return tuple(out)


def _events_add(r: _Reader, node: yaml.Node) -> tuple[EventAdd, ...]:
    if not isinstance(node, yaml.SequenceNode):
        r.error(node, "events_add must be a list: `- {date: décembre, summary: …}`")
        return ()
    out = []
    for item in node.value:
        fields = r.mapping(item, EVENT_KEYS, "an added event")
        if not fields:
            continue
        missing = [k for k in ("date", "summary") if k not in fields]
        if missing:
            r.error(item, f"an added event needs {' and '.join(f'`{k}:`' for k in missing)} "
                          f"(date: a date as written in the article)")
            continue
        kw: dict[str, Any] = {
            "date": r.text(fields["date"][1], "date") or "",
            "summary": r.text(fields["summary"][1], "summary") or "",
            "occurrence": r.occurrence(fields.get("occurrence", (None, None))[1]),
        }
        if "sentence" in fields:
            kw["sentence"] = r.text(fields["sentence"][1], "sentence")
        if "actors" in fields:
            kw["actors"] = tuple(t for t, _ in r.texts(fields["actors"][1], "actors"))
        if "status" in fields:
            status = r.text(fields["status"][1], "status")
            if status not in STATUSES:
                r.error(fields["status"][1], f"status must be past or planned, not {status!r}")
            kw["status"] = status or "past"
        out.append(EventAdd(line=_line(item), **kw))
    return tuple(out)


def _reviewed(r: _Reader, node: yaml.Node) -> Review | None:
    fields = r.mapping(node, REVIEW_KEYS, "reviewed")
    if not fields:
        return None
    if "by" not in fields or "date" not in fields:
        r.error(node, "reviewed needs both `by:` (who read the page) and `date:` (YYYY-MM-DD)")
        return None
    by = r.text(fields["by"][1], "reviewed by")
    date = r.text(fields["date"][1], "reviewed date")
    if date is not None:
        try:
            dt.date.fromisoformat(date[:10])
        except ValueError:
            r.error(fields["date"][1], f"reviewed date {date!r} is not a date: write YYYY-MM-DD")
            return None
    return Review(by=by, date=date[:10]) if by and date else None


# -- applying ------------------------------------------------------------------


def _find_actor(actors: Mapping[str, Actor], key: str) -> Actor | None:
    """The actor a key names: by name, then alias, then mention text (all folded)."""
    folded = fold(key)
    for attr in ("name", "aliases", "mentions"):
        for actor in actors.values():
            if attr == "name":
                values = [actor.name]
            elif attr == "aliases":
                values = list(actor.aliases)
            else:
                values = [m.text for m in actor.mentions]
            if any(fold(v) == folded for v in values):
                return actor
    return None


def _actor_hint(actors: Mapping[str, Actor], key: str) -> str:
    names = [a.name for a in actors.values()] + [al for a in actors.values() for al in a.aliases]
    close = difflib.get_close_matches(key, names, n=1, cutoff=0.6)
    if not close:
        close = [n for n in names if fold(key) in fold(n) or fold(n) in fold(key)][:1]
    return f"; did you mean `{close[0]}`?" if close else ""


def _find_timex(timexes: tuple[Timex, ...], text: str, occurrence: int) -> tuple[Timex | None, int]:
    same = [t for t in timexes if fold(t.text) == fold(text)]
    return (same[occurrence - 1] if occurrence <= len(same) else None), len(same)


def _date_hint(timexes: tuple[Timex, ...], text: str, count: int) -> str:
    if count:
        return f": the article has it {count} time(s); fix `occurrence`"
    close = difflib.get_close_matches(text, [t.text for t in timexes], n=1, cutoff=0.5)
    return f"; did you mean `{close[0]}`?" if close else " (the article has no such date any more)"


def apply(article: Article, corrections: Corrections | None) -> tuple[Article, list[Issue]]:
    """Apply ``corrections`` to ``article``; report every entry that matches nothing."""
    if corrections is None:
        return article, []
    file = corrections.file
    issues: list[Issue] = []

    def stale(line: int | None, message: str) -> None:
        issues.append(("error", file, line, message))

    seed = article.seed
    if corrections.title:
        seed = dataclasses.replace(seed, title=corrections.title)  # the slug (the URL) stays
    if corrections.published:
        seed = dataclasses.replace(seed, published=corrections.published)

    # Actors, by id, in their order; renames of ids are tracked for events and affiliations.
    actors: dict[str, Actor] = {a.id: a for a in article.actors}
    gone: dict[str, str | None] = {}  # old id → new id (merged) or None (dropped)
    for fix in corrections.actors:
        actor = _find_actor(actors, fix.key)
        if actor is None:
            stale(fix.line, f"actor correction `{fix.key}` matches no actor of the page"
                            f"{_actor_hint(actors, fix.key)}; fix or remove the entry")
            continue
        if fix.drop:
            del actors[actor.id]
            gone[actor.id] = None
            continue
        if fix.merge_into:
            target = _find_actor({k: v for k, v in actors.items() if k != actor.id}, fix.merge_into)
            if target is None and _find_actor(actors, fix.merge_into) is actor:
                # The extraction already merged them (one is an alias or a mention of the other).
                stale(fix.line_of("merge_into"), f"`{fix.key}` and `{fix.merge_into}` are already the same actor "
                                                 f"(« {actor.name} »); remove the entry")
            elif target is None:
                stale(fix.line_of("merge_into"), f"`{fix.key}` cannot be merged into `{fix.merge_into}`: no such "
                                                 f"other actor{_actor_hint(actors, fix.merge_into)}")
            else:
                aliases = [*target.aliases]
                for name in (actor.name, *actor.aliases):
                    if fold(name) != fold(target.name) and all(fold(name) != fold(a) for a in aliases):
                        aliases.append(name)
                mentions = tuple(sorted({*target.mentions, *actor.mentions},
                                        key=lambda m: (m.paragraph if m.paragraph >= 0 else -10 - m.paragraph,
                                                       m.start)))
                actors[target.id] = dataclasses.replace(target, aliases=tuple(aliases), mentions=mentions)
                del actors[actor.id]
                gone[actor.id] = target.id
                actor = actors[target.id]
        for part in fix.split:
            actor = _split_off(actors, actor, part, fix.key, stale)
        changes: dict[str, Any] = {}
        for name in ("name", "role", "description"):
            value = getattr(fix, name)
            if value is not None:
                changes[name] = value
        if fix.type is not None:
            changes["type"] = fix.type
            changes["confidence"] = 1.0  # an editor said so
        if fix.affiliation is not None:
            target = _find_actor({k: v for k, v in actors.items() if k != actor.id}, fix.affiliation)
            if target is None:
                stale(fix.line_of("affiliation"), f"affiliation `{fix.affiliation}` of `{fix.key}` matches no "
                                                  f"other actor{_actor_hint(actors, fix.affiliation)}")
            else:
                changes["affiliation"] = target.id
        aliases = list(actor.aliases)
        for alias, line in fix.aliases_drop:
            kept = [a for a in aliases if fold(a) != fold(alias)]
            if len(kept) == len(aliases):
                stale(line, f"alias `{alias}` of `{fix.key}` is not one of its aliases "
                            f"({', '.join(actor.aliases) or 'it has none'})")
            aliases = kept
        for alias in fix.aliases_add:
            if all(fold(alias) != fold(a) for a in aliases):
                aliases.append(alias)
        if aliases != list(actor.aliases):
            changes["aliases"] = tuple(aliases)
        if changes:
            actors[actor.id] = dataclasses.replace(actor, **changes)

    def follow(actor_id: str | None) -> str | None:
        seen = set()
        while actor_id in gone and actor_id not in seen:
            seen.add(actor_id)
            actor_id = gone[actor_id]
        return actor_id

    final_actors = tuple(
        dataclasses.replace(a, affiliation=follow(a.affiliation)) if a.affiliation in gone else a
        for a in actors.values())

    # Dates.
    timexes = list(article.timexes)
    dropped_timex: set[str] = set()
    for fix in corrections.dates:
        current = tuple(t for t in timexes if t.id not in dropped_timex)
        timex, count = _find_timex(tuple(article.timexes), fix.text, fix.occurrence)
        if timex is None or timex.id in dropped_timex:
            stale(fix.line, f"date correction `{fix.text}` (occurrence {fix.occurrence}) matches no date of "
                            f"the page{_date_hint(current, fix.text, count)}")
            continue
        k = next(i for i, t in enumerate(timexes) if t.id == timex.id)
        if fix.drop:
            dropped_timex.add(timex.id)
            continue
        changes = {}
        if fix.value is not None:
            changes["value"], changes["resolved"] = fix.value, True
        if fix.set_mod:
            changes["mod"] = fix.mod
        timexes[k] = dataclasses.replace(timexes[k], **changes)
    final_timexes = tuple(t for t in timexes if t.id not in dropped_timex)

    # Events: drop those on dropped dates, re-point merged actors, then add the editor's.
    events = []
    for event in article.events:
        if event.timex in dropped_timex:
            continue
        ids = []
        for actor_id in event.actors:
            actor_id = follow(actor_id)
            if actor_id is not None and actor_id not in ids:
                ids.append(actor_id)
        events.append(dataclasses.replace(event, actors=tuple(ids)) if tuple(ids) != event.actors else event)
    by_id = {a.id: a for a in final_actors}
    for n, add in enumerate(corrections.events_add, start=1):
        timex, count = _find_timex(final_timexes, add.date, add.occurrence)
        if timex is None:
            stale(add.line, f"added event: date `{add.date}` (occurrence {add.occurrence}) matches no date of the "
                            f"page{_date_hint(final_timexes, add.date, count)}")
            continue
        ids = []
        for name in add.actors:
            actor = _find_actor(by_id, name)
            if actor is None:
                stale(add.line, f"added event: actor `{name}` matches no actor of the page"
                                f"{_actor_hint(by_id, name)}")
            elif actor.id not in ids:
                ids.append(actor.id)
        sentence = add.sentence or _sentence_around(seed, timex) or add.summary
        events.append(Event(id=f"ed{n}", timex=timex.id, summary=add.summary, sentence=sentence,
                            actors=tuple(ids), status=add.status))  # type: ignore[arg-type]

    article = dataclasses.replace(article, seed=seed, actors=final_actors, timexes=final_timexes,
                                  events=tuple(events), review=corrections.reviewed or article.review)
    return article, issues


def _split_off(actors: dict[str, Actor], actor: Actor, part: SplitOff, key: str, stale) -> Actor:
    """Move ``part``'s mentions out of ``actor`` into a new actor; return what is left of ``actor``."""
    taken: list = []
    for text, occurrence in part.mentions:
        same = [m for m in actor.mentions if fold(m.text) == fold(text)]
        chosen = same if occurrence == 0 else same[occurrence - 1: occurrence]
        if not chosen:
            where = f"{len(same)} mention(s) « {text} »" if same else f"no mention « {text} »"
            stale(part.line, f"split of `{key}`: {where} to take (mentions: "
                             f"{', '.join(sorted({m.text for m in actor.mentions})) or 'none'})")
        taken.extend(m for m in chosen if m not in taken)
    if not taken:
        return actor
    left = tuple(m for m in actor.mentions if m not in taken)
    new_id = f"{actor.id}--{re.sub(r'[^a-z0-9]+', '-', fold(part.name)).strip('-') or 'split'}"
    while new_id in actors:
        new_id += "-2"
    actors[new_id] = Actor(id=new_id, name=part.name, type=part.type or actor.type, role=part.role, aliases=(),
                           affiliation=None, mentions=tuple(taken), description=part.description,
                           confidence=1.0 if part.type else actor.confidence)
    actors[actor.id] = dataclasses.replace(actor, mentions=left)
    return actors[actor.id]


def _sentence_around(seed, timex: Timex) -> str | None:
    """The sentence of the seed that holds ``timex`` (a plain punctuation split)."""
    try:
        text = seed.segment_text(timex.paragraph)
    except KeyError:
        return None
    start = max(text.rfind(". ", 0, timex.start), text.rfind("? ", 0, timex.start),
                text.rfind("! ", 0, timex.start))
    start = start + 2 if start >= 0 else 0
    ends = [i for i in (text.find(". ", timex.end), text.find("? ", timex.end), text.find("! ", timex.end)) if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    return text[start:end].strip()
