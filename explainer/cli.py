"""The command line behind ``build.py``: turns library results into output and exit codes."""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import sys
import time
from collections.abc import Sequence

from .model import PubDate
from .read import MAX_CHARS

ROOT = pathlib.Path(__file__).resolve().parent.parent

EPILOG = """\
examples:
  python build.py                      build every seed into docs/ (then: mkdocs build)
  python build.py check                list what needs an editor's eye (exit 1 on errors)
  python build.py extract seeds/a.txt --json --published 2023-11-12
  python build.py tag-dates --dct 2023-11-12 article.txt
  python build.py tag-dates --batch files.tsv --out out/
"""


def _pubdate(text: str) -> PubDate:
    try:
        return PubDate.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="build.py", description="Turn the news articles in seeds/ into annotated explainer pages.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=pathlib.Path, default=ROOT, help="project folder (default: this one)")
    parser.add_argument("--no-cache", action="store_true", help="re-extract every seed, ignoring .cache/")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1),
                        help="spaCy worker processes for large batches (default: %(default)s)")
    sub = parser.add_subparsers(dest="command")

    build = sub.add_parser("build", help="write the generated pages into docs/ (the default command)",
                           description="Write the generated pages into docs/: only changed files; pages of "
                                       "deleted seeds are removed; files you wrote are never touched.")
    build.add_argument("--strict", action="store_true", help="exit 1 on warnings too")

    check = sub.add_parser("check", help="list what needs an editor's eye, as file:line",
                           description="List unresolved dates, doubtful actors and broken files. "
                                       "Exit 0 when there is no error, 1 otherwise.")
    check.add_argument("--format", choices=("text", "json"), default="text")

    extract = sub.add_parser("extract", help="print the extraction of seed files",
                             description="Extract actors, dates and events from seed files.")
    extract.add_argument("seeds", nargs="+", type=pathlib.Path)
    extract.add_argument("--published", type=_pubdate, help="override the publication date (YYYY-MM-DD)")
    extract.add_argument("--json", action="store_true", help="print article JSON (explainer/article@1)")
    extract.add_argument("--out", type=pathlib.Path, help="write DIR/<seed stem>.json for each seed")

    tag = sub.add_parser("tag-dates", help="print the temporal expressions of plain-text files as JSON",
                         description="Tag and normalise temporal expressions (TIMEX3) in a UTF-8 text file. "
                                     "Offsets are character offsets into the file's text, read exactly as is.")
    tag.add_argument("file", nargs="?", type=pathlib.Path)
    tag.add_argument("--dct", type=_pubdate, help="document creation time (YYYY-MM-DD, YYYY-MM or YYYY)")
    tag.add_argument("--batch", type=pathlib.Path, help="TSV file of `path<TAB>YYYY-MM-DD` lines")
    tag.add_argument("--out", type=pathlib.Path, help="with --batch: write DIR/<file stem>.json")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    command = args.command or "build"
    if command == "build":
        return cmd_build(args.root, strict=getattr(args, "strict", False), cache=not args.no_cache, jobs=args.jobs)
    if command == "check":
        return cmd_check(args.root, args.format, cache=not args.no_cache)
    if command == "extract":
        return cmd_extract(args)
    if command == "tag-dates":
        if bool(args.file) == bool(args.batch):
            parser.error("tag-dates takes either FILE (with --dct) or --batch LIST.tsv --out DIR")
        return cmd_tag_dates(args, parser)
    parser.error(f"unknown command {command}")
    return 2


class Progress:
    """Count, current seed and elapsed time on a terminal; silent in CI and pipes."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty() and not os.environ.get("CI")
        self.start = time.perf_counter()

    def __call__(self, n: int, total: int, name: str) -> None:
        if self.enabled:
            elapsed = time.perf_counter() - self.start
            sys.stderr.write(f"\r\033[K[{n}/{total}] {elapsed:5.1f}s {name[-60:]}")
            if n == total:
                sys.stderr.write("\n")
            sys.stderr.flush()


def _generate(root: pathlib.Path, cache: bool, jobs: int = 1):
    from .site import Generator, SiteConfig

    config = SiteConfig.from_root(root, cache=cache)
    return config, Generator(config, progress=Progress(), n_process=jobs, one_shot=True).generate()


def cmd_build(root: pathlib.Path, strict: bool, cache: bool, jobs: int = 1) -> int:
    from .write import write_pages

    config, generated = _generate(root, cache, jobs)
    report = write_pages(config.docs_dir, generated.pages, generated.page_keys)
    for problem in generated.problems:
        print(problem, file=sys.stderr)
    for rel in report.conflicts:
        print(f"docs/{rel}: error: not written: this file was not generated by explainer, or was edited by "
              f"hand since (fix: move your text elsewhere, or delete the file to let build.py regenerate it)",
              file=sys.stderr)
    stats = generated.stats
    warnings = len(generated.problems) - len(generated.errors)
    built = set(generated.sources)
    skipped = {p.file: p for p in generated.errors if p.file.endswith(".txt") and p.file not in built}
    for source, problem in sorted(skipped.items()):
        print(f"skipped {source}: {problem.message}", file=sys.stderr)
    print(f"{len(generated.sources)} page(s) from {int(stats['seeds'])} seed(s) "
          f"({int(stats['extracted'])} extracted, {int(stats['cached'])} from cache, {len(skipped)} skipped) in "
          f"{stats['read_s'] + stats['extract_s'] + stats['render_s']:.1f}s; "
          f"docs/: {len(report.written)} written, {len(report.unchanged)} unchanged, {len(report.removed)} removed; "
          f"{len(generated.errors) + len(report.conflicts)} error(s), {warnings} warning(s)")
    failed = bool(generated.errors or report.conflicts or (strict and warnings))
    return 1 if failed else 0


def cmd_check(root: pathlib.Path, fmt: str, cache: bool) -> int:
    from .check import review

    config, generated = _generate(root, cache)
    problems = review(config, generated)
    if fmt == "json":
        print(json.dumps([p.to_json() for p in problems], ensure_ascii=False, indent=1))
    else:
        for problem in problems:
            print(problem)
        errors = sum(p.severity == "error" for p in problems)
        print(f"{errors} error(s), {len(problems) - errors} warning(s) in {int(generated.stats['seeds'])} seed(s)")
    return 1 if any(p.severity == "error" for p in problems) else 0


def cmd_extract(args: argparse.Namespace) -> int:
    from .site import Generator, SiteConfig

    config = SiteConfig.from_root(args.root, cache=not args.no_cache)
    generated = Generator(config, n_process=args.jobs, one_shot=True).generate(paths=args.seeds, published=args.published)
    for problem in generated.problems:
        print(problem, file=sys.stderr)
    by_source = {a.seed.source_file: a for a in generated.articles}
    for path in args.seeds:
        article = by_source.get(config.relative(path))
        if article is None:
            continue
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / f"{path.stem}.json").write_text(
                json.dumps(article.to_json(), ensure_ascii=False, indent=1) + "\n", "utf-8")
        elif args.json:
            print(json.dumps(article.to_json(), ensure_ascii=False, indent=1))
        else:
            print(summary(article))
    return 1 if generated.errors else 0


def summary(article) -> str:
    """A readable digest of one article's extraction."""
    from .render import date_label, timeline

    seed = article.seed
    lines = [f"{seed.title}", f"  {seed.source_file} · publié {seed.published.value if seed.published else '?'}"]
    lines.append(f"  actors ({len(article.actors)}):")
    for actor in article.actors:
        role = f" — {actor.role}" if actor.role else ""
        lines.append(f"    {actor.type:12} {actor.name}{role} [{len(actor.mentions)}×]")
    lines.append(f"  timeline ({len(article.events)}):")
    for event, timex in timeline(article):
        lines.append(f"    {date_label(timex):30} {event.status:8} {event.summary}")
    return "\n".join(lines)


def cmd_tag_dates(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from . import nlp as nlp_mod
    from . import timex as timex_mod

    jobs: list[tuple[pathlib.Path, PubDate | None, pathlib.Path | None]] = []
    failures = 0
    if args.batch:
        if not args.out:
            parser.error("--batch needs --out DIR")
        for number, line in enumerate(args.batch.read_text("utf-8").splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            path_text, _, dct_text = line.partition("\t")
            try:
                dct = PubDate.parse(dct_text) if dct_text.strip() else None
            except ValueError as exc:
                print(f"{args.batch}:{number}: error: {exc}", file=sys.stderr)
                failures += 1
                continue
            jobs.append((pathlib.Path(path_text), dct, args.out / f"{pathlib.Path(path_text).stem}.json"))
    else:
        jobs.append((args.file, args.dct, None))
    texts: list[tuple[pathlib.Path, PubDate | None, pathlib.Path | None, str]] = []
    for path, dct, out in jobs:
        try:
            text = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            print(f"{path}: error: cannot read as UTF-8 text: {exc}", file=sys.stderr)
            failures += 1
            continue
        if len(text) > MAX_CHARS:
            # Checked before the batch starts: spaCy refuses such a text with an
            # exception that would end nlp.pipe, and the files after it with it.
            print(f"{path}:1: error: the file has {len(text):,} characters; the limit is {MAX_CHARS:,}"
                  " (fix: split it into articles)", file=sys.stderr)
            failures += 1
            continue
        texts.append((path, dct, out, text))
    nlp = nlp_mod.load()
    for (path, dct, out, text), doc in zip(texts, nlp.pipe(t[3] for t in texts)):
        try:
            found = timex_mod.tag(text, doc, dct)
        except Exception as exc:  # report and go on with the other files
            print(f"{path}: error: tagging failed: {exc}", file=sys.stderr)
            failures += 1
            continue
        payload = json.dumps([{k: v for k, v in t.to_json().items() if k not in ("id", "paragraph")} for t in found],
                             ensure_ascii=False, indent=1)
        if out:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(payload + "\n", "utf-8")
        else:
            print(payload)
    return 1 if failures else 0
