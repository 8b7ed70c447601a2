"""The editor's gate: what needs a human eye before publishing, as ``file:line``.

Errors (exit 1, and ``mkdocs build --strict`` fails): seeds or correction
files that cannot be read, unknown keys in a correction file, correction
entries that match nothing, template errors.  Warnings (listed, exit 0):
seeds without a publication date, dates not fully resolved, actors without a
type or with a low confidence, possible duplicate actors.  Each warning says
which correction-file entry would settle it.
"""

from __future__ import annotations

from collections import defaultdict

from .knowledge import fold
from .model import Article
from .site import Generated, Problem, SiteConfig

LOW_CONFIDENCE = 0.5


def _line(article: Article, paragraph: int) -> int | None:
    """The seed line where a paragraph starts (caption, credit, byline: the header area)."""
    lines = article.seed.lines
    if 0 <= paragraph < len(lines):
        return lines[paragraph]
    return 1 if paragraph < 0 else None


def review(config: SiteConfig, generated: Generated) -> list[Problem]:
    """Every problem of the build and the doubts about each article, by file and line.

    The build already holds each article's doubts (``Generator`` runs
    ``review_article`` when an article changes and keeps them with it), so a
    check of a cached site reads no article.
    """
    problems = list(generated.problems)
    seen: set[Problem] = set()
    unique = [p for p in problems if not (p in seen or seen.add(p))]
    return sorted(unique, key=lambda p: (p.file, p.line or 0))


def _corrections_file(article: Article) -> str:
    return article.seed.source_file.rsplit(".", 1)[0] + ".yaml"


def review_article(article: Article) -> list[Problem]:
    source = article.seed.source_file
    fixes = _corrections_file(article)
    out: list[Problem] = []
    occurrences: dict[str, int] = defaultdict(int)
    for timex in article.timexes:
        occurrences[fold(timex.text)] += 1
        if not timex.resolved:
            exact = article.seed.published is not None and article.seed.published.precision in ("day", "minute")
            fix = "set" if exact else "set the exact publication date (`published: YYYY-MM-DD`) or"
            out.append(Problem("warning", source, _line(article, timex.paragraph),
                               f"date « {timex.text} » is only known as {timex.value}: {fix} the value "
                               f"(`dates: [{{text: {timex.text}, occurrence: {occurrences[fold(timex.text)]}, "
                               f"value: …}}]`) in {fixes}"))
    for actor in article.actors:
        line = _line(article, actor.mentions[0].paragraph) if actor.mentions else None
        if actor.type == "other":
            out.append(Problem("warning", source, line, f"actor « {actor.name} » has no type: set one "
                               f"(person, state, organization, place, event, work) or drop it in {fixes}"))
        elif actor.confidence < LOW_CONFIDENCE:
            out.append(Problem("warning", source, line, f"actor « {actor.name} » typed {actor.type} with low "
                               f"confidence ({actor.confidence:.2f}): confirm or fix its `type:` in {fixes}"))
    # Two entries whose names share a folded word of 4+ letters may be one actor split in two.
    by_word: dict[str, list[str]] = defaultdict(list)
    first_line: dict[str, int | None] = {}
    for actor in article.actors:
        first_line[actor.name] = _line(article, actor.mentions[0].paragraph) if actor.mentions else None
        if actor.type == "person":
            for word in set(fold(actor.name).replace("-", " ").split()):
                if len(word) >= 4:
                    by_word[word].append(actor.name)
    reported: set[tuple[str, ...]] = set()
    for word, names in sorted(by_word.items()):
        group = tuple(sorted(set(names)))
        if len(group) > 1 and group not in reported:
            reported.add(group)
            lines = [first_line[n] for n in group if first_line[n]]
            out.append(Problem("warning", source, min(lines) if lines else None,
                               f"possible duplicate actors: {' / '.join(group)} (if they are one, add "
                               f"`merge_into: {group[0]}` under the other in {fixes})"))
    return out
