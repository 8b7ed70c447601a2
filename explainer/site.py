"""The pipeline for a whole site: read → extract → render, in memory.

``Generator.generate()`` returns every generated page as ``{path: content}``
plus the problems met on the way.  It never writes into ``docs/``: the
MkDocs hook serves the pages from memory, and ``write.py`` puts them on
disk for ``build.py``.  One bad seed is a ``Problem``; the others still
build.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import pathlib
import time

import jinja2
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from . import nlp as nlp_mod
from .cache import ExtractionCache, cache_key, code_version
from .errors import ExplainerError
from .extract import Layout, extract_article
from .knowledge import Knowledge, KnowledgeError
from .model import Article, PubDate, Seed
from .read import read_seed
from .render import Renderer
from .sitewide import SiteIndex, timelinejs

log = logging.getLogger("explainer")

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """Something an editor should see: ``file:line: message``."""

    severity: Severity
    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.severity}: {self.message}"

    def to_json(self) -> dict:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class SiteConfig:
    """Where things are.  Every path is absolute."""

    root: pathlib.Path
    seeds_dir: pathlib.Path
    templates_dir: pathlib.Path
    docs_dir: pathlib.Path
    cache_dir: pathlib.Path | None
    knowledge_files: tuple[pathlib.Path, ...]
    model: str = nlp_mod.DEFAULT_MODEL

    @classmethod
    def from_root(cls, root: pathlib.Path, *, cache: bool = True, model: str | None = None) -> "SiteConfig":
        root = root.resolve()
        knowledge = root / "knowledge.yaml"
        return cls(
            root=root,
            seeds_dir=root / "seeds",
            templates_dir=root / "templates",
            docs_dir=root / "docs",
            cache_dir=(root / ".cache" / "explainer") if cache else None,
            knowledge_files=(knowledge,) if knowledge.exists() else (),
            model=model or nlp_mod.DEFAULT_MODEL,
        )

    def relative(self, path: pathlib.Path) -> str:
        try:
            return str(path.resolve().relative_to(self.root))
        except ValueError:
            return str(path)


@dataclass(frozen=True)
class Generated:
    pages: dict[str, str]
    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]
    stats: dict[str, float]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")


def discover_seeds(seeds_dir: pathlib.Path) -> list[pathlib.Path]:
    """Seed files, in a stable order (file name) so slugs are deterministic."""
    if not seeds_dir.is_dir():
        return []
    return sorted(p for p in seeds_dir.iterdir() if p.is_file() and p.suffix == ".txt")


class Generator:
    """Runs the pipeline for one site; reusable across rebuilds (keeps the model)."""

    def __init__(self, config: SiteConfig, progress: Callable[[int, int, str], None] | None = None):
        self.config = config
        self.cache = ExtractionCache(config.cache_dir)
        self.progress = progress

    # -- read ---------------------------------------------------------------
    def read_seeds(self, paths: Sequence[pathlib.Path]) -> tuple[list[tuple[Seed, bytes]], list[Problem]]:
        seeds: list[tuple[Seed, bytes]] = []
        problems: list[Problem] = []
        taken: set[str] = set()
        for path in paths:
            rel = self.config.relative(path)
            try:
                seed = dataclasses.replace(read_seed(path), source_file=rel)
            except ExplainerError as exc:
                problems.append(Problem("error", rel, exc.line, f"{exc.what}" + (f" (fix: {exc.fix})" if exc.fix else "")))
                continue
            except OSError as exc:
                problems.append(Problem("error", rel, None, f"cannot read the file: {exc.strerror}"))
                continue
            seed = self._unique_slug(seed, taken, problems)
            if seed.published is None:
                problems.append(Problem("warning", rel, 1, "no publication date: relative dates stay unresolved "
                                        "(add a `date YYYY-MM-DD` first line)"))
            seeds.append((seed, path.read_bytes()))
        return seeds, problems

    @staticmethod
    def _unique_slug(seed: Seed, taken: set[str], problems: list[Problem]) -> Seed:
        slug, n = seed.slug, 2
        while slug in taken:
            slug, n = f"{seed.slug}-{n}", n + 1
        if slug != seed.slug:
            problems.append(Problem("warning", seed.source_file, None,
                                    f"another seed has the same title slug; this page is {slug}"))
        taken.add(slug)
        return dataclasses.replace(seed, slug=slug)

    # -- extract ------------------------------------------------------------
    def load_knowledge(self) -> tuple[Knowledge, list[Problem], bytes]:
        problems: list[Problem] = []
        files: list[pathlib.Path] = []
        blob = b""
        for path in self.config.knowledge_files:
            try:
                Knowledge.load(path)
            except KnowledgeError as exc:
                problems.append(Problem("error", self.config.relative(path), getattr(exc, "line", None), str(exc)))
                continue
            files.append(path)
            blob += path.read_bytes()
        return Knowledge.load(*files), problems, blob

    def extract(self, seeds: Sequence[tuple[Seed, bytes]], knowledge: Knowledge, knowledge_blob: bytes,
                published: PubDate | None = None) -> tuple[list[Article], list[Problem], dict[str, float]]:
        """Articles for ``seeds``, from the cache where possible, else through spaCy."""
        articles: dict[int, Article] = {}
        misses: list[tuple[int, Seed, str]] = []
        version = code_version() + nlp_mod.model_version(self.config.model)
        for k, (seed, raw) in enumerate(seeds):
            key = cache_key(raw, knowledge_blob, version, seed.slug, published.value if published else "")
            cached = self.cache.get(key)
            if cached is not None:
                articles[k] = dataclasses.replace(cached, seed=dataclasses.replace(cached.seed, source_file=seed.source_file))
            else:
                misses.append((k, seed, key))
        problems: list[Problem] = []
        stats = {"cached": float(len(articles)), "extracted": float(len(misses)), "model_load_s": 0.0}
        if misses:
            t0 = time.perf_counter()
            nlp = nlp_mod.load(self.config.model)
            stats["model_load_s"] = time.perf_counter() - t0
            texts = (Layout.of(seed).text for _, seed, _ in misses)
            for n, ((k, seed, key), doc) in enumerate(zip(misses, nlp.pipe(texts, batch_size=16)), start=1):
                if self.progress:
                    self.progress(n, len(misses), seed.source_file)
                try:
                    article = extract_article(seed, doc, knowledge, published)
                except Exception as exc:  # one seed's failure must not stop the site
                    log.exception("extraction failed for %s", seed.source_file)
                    problems.append(Problem("error", seed.source_file, None,
                                            f"extraction failed ({type(exc).__name__}: {exc}); please report it"))
                    continue
                self.cache.put(key, article)
                articles[k] = article
        return [articles[k] for k in sorted(articles)], problems, stats

    # -- render -------------------------------------------------------------
    def render(self, articles: Sequence[Article], problems: list[Problem]) -> dict[str, str]:
        """Render every page; a broken template is a problem that names its file and line."""
        renderer = Renderer(self.config.templates_dir)
        index = SiteIndex(articles)
        pages: dict[str, str] = {}
        rendered: list[Article] = []
        for article in articles:
            corrections = str(pathlib.Path(article.seed.source_file).with_suffix(".yaml"))
            try:
                page = renderer.article(article, article.seed.source_file, corrections, index)
            except jinja2.TemplateError as exc:
                problems.append(self._template_problem(exc, f"while rendering {article.seed.source_file}"))
                continue
            pages[f"explainers/{article.slug}.md"] = page
            pages[f"explainers/{article.slug}.json"] = json.dumps(article.to_json(), ensure_ascii=False, indent=1) + "\n"
            pages[f"explainers/{article.slug}.timeline.json"] = json.dumps(timelinejs(article), ensure_ascii=False,
                                                                          indent=1) + "\n"
            rendered.append(article)
        if len(rendered) != len(index.articles):
            index = SiteIndex(rendered)  # never link to a page that failed to render
        try:
            pages.update(renderer.site_pages(index))
        except jinja2.TemplateError as exc:
            problems.append(self._template_problem(exc, "while rendering the actor and timeline pages"))
        try:
            pages["index.md"] = renderer.home(rendered, [str(p) for p in problems if p.severity == "error"])
        except jinja2.TemplateError as exc:
            problems.append(self._template_problem(exc, "while rendering the home page"))
        return pages

    def _template_problem(self, exc: jinja2.TemplateError, context: str) -> Problem:
        name = getattr(exc, "filename", None) or getattr(exc, "name", None) or "templates/"
        return Problem("error", self.config.relative(pathlib.Path(name)), getattr(exc, "lineno", None),
                       f"template error {context}: {exc.message or exc}")

    # -- all ----------------------------------------------------------------
    def generate(self, paths: Iterable[pathlib.Path] | None = None, published: PubDate | None = None) -> Generated:
        t0 = time.perf_counter()
        seed_paths = list(paths) if paths is not None else discover_seeds(self.config.seeds_dir)
        seeds, problems = self.read_seeds(seed_paths)
        knowledge, knowledge_problems, blob = self.load_knowledge()
        problems += knowledge_problems
        t1 = time.perf_counter()
        articles, extract_problems, stats = self.extract(seeds, knowledge, blob, published)
        problems += extract_problems
        t2 = time.perf_counter()
        pages = self.render(articles, problems)
        t3 = time.perf_counter()
        stats.update(read_s=t1 - t0, extract_s=t2 - t1, render_s=t3 - t2, seeds=float(len(seed_paths)))
        return Generated(pages=pages, articles=tuple(articles), problems=tuple(problems), stats=stats)
