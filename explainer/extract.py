"""Extract: one ``Seed`` + its spaCy ``Doc`` → one ``Article``.

All annotated segments of a seed (caption, credit, paragraphs, byline) are
joined into one text with blank lines between them, so that spaCy sees the
whole article once and the date tagger can carry its anchor from the caption
into the body.  ``Layout`` maps offsets in that joined text back to
``(segment index, local offset)`` for the records.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from . import actors as actors_stage
from . import events as events_stage
from . import timex as timex_stage
from .knowledge import Knowledge
from .model import Actor, Article, Mention, PubDate, Seed, Timex

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

SEPARATOR = "\n\n"


@dataclasses.dataclass(frozen=True)
class Layout:
    """Where each segment of a seed sits in the joined analysis text."""

    text: str
    indices: tuple[int, ...]  # segment index (paragraph number or CAPTION/...)
    starts: tuple[int, ...]  # offset of each segment in ``text``

    @classmethod
    def of(cls, seed: Seed) -> "Layout":
        indices, starts, parts, pos = [], [], [], 0
        for index, text in seed.segments():
            indices.append(index)
            starts.append(pos)
            parts.append(text)
            pos += len(text) + len(SEPARATOR)
        return cls(SEPARATOR.join(parts), tuple(indices), tuple(starts))

    def locate(self, start: int, end: int) -> tuple[int, int, int] | None:
        """``(segment, local start, local end)``, or None if the span crosses segments."""
        k = bisect_right(self.starts, start) - 1
        if k < 0:
            return None
        seg_start = self.starts[k]
        seg_end = self.starts[k + 1] - len(SEPARATOR) if k + 1 < len(self.starts) else len(self.text)
        if end > seg_end:
            return None
        return self.indices[k], start - seg_start, end - seg_start


def localise_timexes(layout: Layout, found: Sequence[Timex]) -> tuple[tuple[Timex, ...], dict[str, str]]:
    """Re-point timexes found in the joined text at their own segment.

    Returns the timexes, renumbered in reading order, and the map from the
    tagger's ids to the new ones (events refer to timexes by id).
    """
    out: list[Timex] = []
    renamed: dict[str, str] = {}
    for t in found:
        where = layout.locate(t.start, t.end)
        if where is None:
            continue
        seg, start, end = where
        new_id = f"t{len(out) + 1}"
        renamed[t.id] = new_id
        out.append(dataclasses.replace(t, id=new_id, paragraph=seg, start=start, end=end))
    return tuple(out), renamed


def localise_actors(layout: Layout, found: Sequence[Actor]) -> tuple[Actor, ...]:
    """Re-point every actor mention at its own segment; drop cross-segment ones."""
    out = []
    for actor in found:
        mentions = []
        for m in actor.mentions:
            where = layout.locate(m.start, m.end)
            if where is not None:
                seg, start, end = where
                mentions.append(Mention(seg, start, end, m.text))
        out.append(dataclasses.replace(actor, mentions=tuple(mentions)))
    return tuple(out)


def _same_text(doc: "Doc", text: str) -> bool:
    """Whether ``doc`` is an analysis of ``text``: same length, and a sample of tokens where they belong.

    A guard against a Doc of another seed, at a fraction of ``doc.text == text``.
    """
    if len(doc) == 0:
        return text == ""  # spaCy makes a token of any whitespace
    last = doc[-1]
    if last.idx + len(last.text_with_ws) != len(text):
        return False
    step = max(1, len(doc) // 16)
    return all(text.startswith(doc[i].text, doc[i].idx) for i in range(0, len(doc), step))


def extract_article(
    seed: Seed,
    doc: "Doc",
    knowledge: Knowledge,
    published: PubDate | None = None,
) -> Article:
    """Run the extraction stages on one parsed seed.

    ``doc`` must be the spaCy analysis of ``Layout.of(seed).text``;
    ``published`` overrides the seed's own publication date.
    """
    layout = Layout.of(seed)
    text = layout.text  # handed to each stage: spaCy's doc.text joins every token anew (~0.8 ms)
    if not _same_text(doc, text):
        raise ValueError(f"{seed.source_file}: the spaCy Doc does not match the seed's text")
    dct = published or seed.published
    found_timexes = timex_stage.tag(text, doc, dct, checked=True)
    found_actors = actors_stage.extract_actors(doc, knowledge, text=text)
    events = events_stage.build_events(doc, found_timexes, found_actors, dct, text=text)
    timexes, renamed = localise_timexes(layout, found_timexes)
    events = tuple(dataclasses.replace(e, timex=renamed[e.timex]) for e in events if e.timex in renamed)
    actors = localise_actors(layout, found_actors)
    if published is not None:
        seed = dataclasses.replace(seed, published=published)
    return Article(seed=seed, actors=actors, timexes=timexes, events=events)


def extract_many(
    seeds: Iterable[Seed],
    nlp: "Language",
    knowledge: Knowledge,
    published: PubDate | None = None,
    batch_size: int = 16,
) -> Iterator[Article]:
    """Extract many seeds, streaming them through ``nlp.pipe`` in batches."""
    seeds = list(seeds)
    layouts = (Layout.of(s).text for s in seeds)
    for seed, doc in zip(seeds, nlp.pipe(layouts, batch_size=batch_size)):
        yield extract_article(seed, doc, knowledge, published)
