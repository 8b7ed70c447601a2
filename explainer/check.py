"""The editor's gate: what needs a human eye before publishing, as ``file:line``."""

from __future__ import annotations

import unicodedata
from collections import defaultdict

from .model import Article
from .site import Generated, Problem, SiteConfig

LOW_CONFIDENCE = 0.5


def _line(article: Article, paragraph: int) -> int | None:
    """The seed line where a paragraph starts (caption, credit, byline: the header area)."""
    lines = article.seed.lines
    if 0 <= paragraph < len(lines):
        return lines[paragraph]
    return 1 if paragraph < 0 else None


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def review(config: SiteConfig, generated: Generated) -> list[Problem]:
    """Every problem of the build, then the doubts about each article."""
    problems = list(generated.problems)
    for article in generated.articles:
        problems.extend(review_article(article))
    return problems


def review_article(article: Article) -> list[Problem]:
    source = article.seed.source_file
    out: list[Problem] = []
    for timex in article.timexes:
        if not timex.resolved:
            out.append(Problem("warning", source, _line(article, timex.paragraph),
                               f"date « {timex.text} » is only known as {timex.value}: set the exact publication "
                               f"date or fix the value in the correction file"))
    for actor in article.actors:
        line = _line(article, actor.mentions[0].paragraph) if actor.mentions else None
        if actor.type == "other":
            out.append(Problem("warning", source, line, f"actor « {actor.name} » has no type: set one "
                               f"(person, organization, state, place, event, work) or drop it"))
        elif actor.confidence < LOW_CONFIDENCE:
            out.append(Problem("warning", source, line, f"actor « {actor.name} » typed {actor.type} with low "
                               f"confidence ({actor.confidence:.2f}): check it"))
    # Two entries whose names share a folded word of 4+ letters may be one actor split in two.
    by_word: dict[str, list[str]] = defaultdict(list)
    for actor in article.actors:
        if actor.type == "person":
            for word in set(_fold(actor.name).replace("-", " ").split()):
                if len(word) >= 4:
                    by_word[word].append(actor.name)
    for word, names in sorted(by_word.items()):
        if len(names) > 1:
            out.append(Problem("warning", source, None, f"possible duplicate actors: {' / '.join(sorted(names))} "
                               f"(merge them in the correction file if they are one)"))
    return out
