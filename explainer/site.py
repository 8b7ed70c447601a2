"""The pipeline for a whole site: read → extract → render, in memory.

``Generator.generate()`` returns every generated page as ``{path: content}``
plus the problems met on the way.  It never writes into ``docs/``: the
MkDocs hook serves the pages from memory, and ``write.py`` puts them on
disk for ``build.py``.  One bad seed is a ``Problem``; the others still
build.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import pathlib
import time

import jinja2
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from markupsafe import escape

from . import corrections as corrections_mod
from . import nlp as nlp_mod
from . import sitewide
from .cache import ExtractionCache, PageCache, cache_key, code_version, render_version
from .corrections import Corrections
from .errors import ExplainerError
from .knowledge import Knowledge, KnowledgeError
from .model import Article, PubDate, Seed
from .read import read_seed
from .render import Renderer

log = logging.getLogger("explainer")

# Kept for the whole process (``mkdocs serve`` re-imports the hook on every
# rebuild, but not this module): extraction results by cache key, so an
# unchanged seed costs neither spaCy nor a disk read; and the last slug each
# seed had, so a seed broken during ``serve`` keeps its URL and shows its error.
_MEMO: dict[str, Article] = {}
MIN_BATCH_PER_PROCESS = 50
_MEMO_MAX = 20_000
_LAST_SLUG: dict[str, str] = {}

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

    def __init__(self, config: SiteConfig, progress: Callable[[int, int, str], None] | None = None,
                 n_process: int = 1):
        self.config = config
        # Worker processes pay a model load each (~4 s, ~800 MB): only worth it for big batches.
        self.n_process = n_process
        self.cache = ExtractionCache(config.cache_dir)
        self.pages_cache = PageCache(config.cache_dir / "pages" if config.cache_dir else None)
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
            seeds.append((seed, path.read_bytes()))
        return seeds, problems

    def load_corrections(self, seeds: Sequence[tuple[Seed, bytes]]) -> tuple[dict[str, Corrections], list[Problem]]:
        """The correction file beside each seed (``seeds/a.yaml`` for ``seeds/a.txt``), validated.

        A file with any error is refused as a whole (every error is reported);
        its seed still builds, uncorrected.
        """
        found: dict[str, Corrections] = {}
        problems: list[Problem] = []
        for seed, _raw in seeds:
            path = corrections_mod.corrections_path(self.config.root / seed.source_file)
            if not path.is_file():
                continue
            corrections, issues = corrections_mod.load(path, self.config.relative(path))
            problems.extend(Problem(*issue) for issue in issues)
            if corrections is not None:
                found[seed.source_file] = corrections
        return found, problems

    def orphan_corrections(self, seed_paths: Sequence[pathlib.Path]) -> list[Problem]:
        """Correction files whose seed is gone (renamed or deleted)."""
        if not self.config.seeds_dir.is_dir():
            return []
        stems = {p.stem for p in seed_paths}
        return [Problem("warning", self.config.relative(path), None,
                        f"correction file without a seed: there is no {path.stem}.txt beside it "
                        f"(rename it with its seed, or delete it)")
                for path in sorted(self.config.seeds_dir.glob("*.yaml")) if path.stem not in stems]

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
                _knowledge(path)
            except KnowledgeError as exc:
                problems.append(Problem("error", self.config.relative(path), getattr(exc, "line", None), str(exc)))
                continue
            files.append(path)
            blob += path.read_bytes()
        return _knowledge(*files), problems, blob

    def extract(self, seeds: Sequence[tuple[Seed, bytes]], knowledge: Knowledge, knowledge_blob: bytes,
                published: PubDate | None = None,
                corrections: Mapping[str, Corrections] | None = None,
                ) -> tuple[list[Article], list[Problem], dict[str, float]]:
        """Articles for ``seeds``, from the cache where possible, else through spaCy.

        ``published`` overrides every seed's publication date (``extract
        --published``); a seed's correction file may set its own (it wins).
        Both are part of the cache key; the rest of a correction file is
        applied after extraction (``apply_corrections``) and is not.
        """
        corrections = corrections or {}
        articles: dict[int, Article] = {}
        misses: list[tuple[int, Seed, str, PubDate | None]] = []
        version = code_version() + nlp_mod.model_version(self.config.model)
        for k, (seed, raw) in enumerate(seeds):
            fix = corrections.get(seed.source_file)
            override = (fix.published if fix and fix.published else None) or published
            key = cache_key(raw, knowledge_blob, version, seed.slug, override.value if override else "",
                            fix.extraction_key() if fix else "")
            cached = _MEMO.get(key) or self.cache.get(key)
            if cached is not None:
                _remember(key, cached)
                articles[k] = dataclasses.replace(cached, seed=dataclasses.replace(cached.seed, source_file=seed.source_file))
            else:
                misses.append((k, seed, key, override))
        problems: list[Problem] = []
        stats = {"cached": float(len(articles)), "extracted": float(len(misses)), "model_load_s": 0.0,
                 "model_loaded": 0.0}
        if misses:
            from .extract import Layout, extract_article  # imports the NLP stages: only when needed

            t0 = time.perf_counter()
            was_loaded = nlp_mod.load.cache_info().currsize
            nlp = nlp_mod.load(self.config.model)
            stats["model_load_s"] = time.perf_counter() - t0
            stats["model_loaded"] = float(nlp_mod.load.cache_info().currsize > was_loaded)
            texts = (Layout.of(seed).text for _, seed, _, _ in misses)
            n_process = self.n_process if len(misses) >= MIN_BATCH_PER_PROCESS * self.n_process else 1
            stats["n_process"] = float(n_process)
            docs = nlp.pipe(texts, batch_size=16, n_process=n_process)
            for n, ((k, seed, key, override), doc) in enumerate(zip(misses, docs), start=1):
                if self.progress:
                    self.progress(n, len(misses), seed.source_file)
                try:
                    article = extract_article(seed, doc, knowledge, override)
                except Exception as exc:  # one seed's failure must not stop the site
                    log.exception("extraction failed for %s", seed.source_file)
                    problems.append(Problem("error", seed.source_file, None,
                                            f"extraction failed ({type(exc).__name__}: {exc}); please report it"))
                    continue
                self.cache.put(key, article)
                _remember(key, article)
                articles[k] = article
        return [articles[k] for k in sorted(articles)], problems, stats

    # -- correct ------------------------------------------------------------
    @staticmethod
    def apply_corrections(articles: Sequence[Article], corrections: Mapping[str, Corrections]
                          ) -> tuple[list[Article], list[Problem]]:
        """Each seed's correction file applied to its extracted article; stale entries reported."""
        out: list[Article] = []
        problems: list[Problem] = []
        for article in articles:
            corrected, issues = corrections_mod.apply(article, corrections.get(article.seed.source_file))
            problems.extend(Problem(*issue) for issue in issues)
            out.append(corrected)
        return out, problems

    # -- render -------------------------------------------------------------
    def render(self, articles: Sequence[Article], problems: list[Problem]) -> dict[str, str]:
        """Render every page; a broken template is a problem that names its file and line."""
        renderer = Renderer(self.config.templates_dir)
        index = sitewide.SiteIndex(articles)
        pages: dict[str, str] = {}
        rendered: list[Article] = []
        version = render_version(self.config.templates_dir)
        site_digest = hashlib.sha256(version.encode())
        for article in articles:
            data = json.dumps(article.to_json(), ensure_ascii=False) + "\n"
            site_digest.update(data.encode())
            # The page is a function of the article, the templates and the site-wide
            # names of its actors: a rebuild with none of them changed reads it back.
            links = json.dumps([index.key_of(article, a.id) for a in article.actors])
            key = cache_key(data, version, links)
            cached = self.pages_cache.get(key)
            if cached is None:
                corrections = str(pathlib.Path(article.seed.source_file).with_suffix(".yaml"))
                try:
                    cached = {"page": renderer.article(article, article.seed.source_file, corrections, index),
                              "timeline": json.dumps(sitewide.timelinejs(article), ensure_ascii=False) + "\n"}
                except jinja2.TemplateError as exc:
                    problems.append(self._template_problem(exc, f"while rendering {article.seed.source_file}"))
                    continue
                self.pages_cache.put(key, cached)
            pages[f"explainers/{article.slug}.md"] = cached["page"]
            pages[f"explainers/{article.slug}.json"] = data
            pages[f"explainers/{article.slug}.timeline.json"] = cached["timeline"]
            rendered.append(article)
        if len(rendered) != len(index.articles):
            index = sitewide.SiteIndex(rendered)  # never link to a page that failed to render
            site_digest.update(b"partial")
        try:
            # Actor and chronology pages depend on every article: reuse them only when none changed.
            key = "site-" + site_digest.hexdigest()
            site_pages = self.pages_cache.get(key)
            if site_pages is None:
                site_pages = renderer.site_pages(index)
                self.pages_cache.put(key, site_pages)
            pages.update(site_pages)
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
        whole_site = paths is None
        seed_paths = list(paths) if paths is not None else discover_seeds(self.config.seeds_dir)
        seeds, problems = self.read_seeds(seed_paths)
        corrections, correction_problems = self.load_corrections(seeds)
        problems += correction_problems
        if whole_site:
            problems += self.orphan_corrections(seed_paths)
        for seed, _raw in seeds:
            fix = corrections.get(seed.source_file)
            if seed.published is None and published is None and not (fix and fix.published):
                problems.append(Problem("warning", seed.source_file, 1,
                                        "no publication date: relative dates stay unresolved (add a "
                                        "`date YYYY-MM-DD` first line, or `published:` in the correction file)"))
        knowledge, knowledge_problems, blob = self.load_knowledge()
        problems += knowledge_problems
        t1 = time.perf_counter()
        articles, extract_problems, stats = self.extract(seeds, knowledge, blob, published, corrections)
        problems += extract_problems
        articles, applied_problems = self.apply_corrections(articles, corrections)
        problems += applied_problems
        t2 = time.perf_counter()
        pages = self.render(articles, problems)
        flag_pages(pages, articles, problems, self.config)
        t3 = time.perf_counter()
        stats.update(read_s=t1 - t0, extract_s=t2 - t1, render_s=t3 - t2, seeds=float(len(seed_paths)))
        return Generated(pages=pages, articles=tuple(articles), problems=tuple(problems), stats=stats)


_KNOWLEDGE: dict[tuple, Knowledge] = {}


def _knowledge(*paths: pathlib.Path) -> Knowledge:
    """``Knowledge.load``, kept while the files are unchanged (parsing world.yaml costs ~0.3 s a rebuild)."""
    from .knowledge import WORLD

    key = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in (WORLD, *paths))
    if key not in _KNOWLEDGE:
        if len(_KNOWLEDGE) > 8:
            _KNOWLEDGE.clear()
        _KNOWLEDGE[key] = Knowledge.load(*paths)
    return _KNOWLEDGE[key]


def _remember(key: str, article: Article) -> None:
    if len(_MEMO) >= _MEMO_MAX:
        _MEMO.clear()
    _MEMO[key] = article


def flag_pages(pages: dict[str, str], articles: Sequence[Article], problems: Sequence[Problem],
               config: SiteConfig) -> None:
    """Make errors visible where the editor looks: on the page itself.

    A page whose seed or correction file has errors gets a banner listing
    them (file:line: what to fix) right under its front matter.  A seed that
    cannot be read any more keeps, for the rest of the process (``mkdocs
    serve``), an error page at its last URL instead of a 404.
    """
    errors: dict[str, list[Problem]] = {}
    for problem in problems:
        if problem.severity == "error":
            stem = str(pathlib.Path(problem.file).with_suffix(""))
            errors.setdefault(stem, []).append(problem)
    live: set[str] = set()
    for article in articles:
        source = article.seed.source_file
        live.add(source)
        _LAST_SLUG[source] = article.slug
        found = errors.get(str(pathlib.Path(source).with_suffix("")))
        rel = f"explainers/{article.slug}.md"
        if found and rel in pages:
            pages[rel] = _insert_banner(pages[rel], _banner(found))
    for source, slug in list(_LAST_SLUG.items()):
        rel = f"explainers/{slug}.md"
        if source in live or rel in pages:
            continue
        found = errors.get(str(pathlib.Path(source).with_suffix("")))
        if not found:
            del _LAST_SLUG[source]  # deleted or renamed: its page is gone
            continue
        pages[rel] = ("---\n# Generated by explainer: error page for a seed that cannot be read.\n"
                      "title: Erreur dans l’article\n---\n\n# Cet article ne peut pas être construit\n\n"
                      + _banner(found))


def _banner(problems: Sequence[Problem]) -> str:
    items = "\n".join(f"<li><code>{escape(str(p))}</code></li>" for p in problems)
    return ('!!! failure "À corriger avant publication"\n\n'
            "    Le fichier source ou le fichier de corrections de cette page a des erreurs ; "
            "la page est affichée sans les corrections en cause.\n\n"
            f'<ul class="ex-problems" markdown="0">\n{items}\n</ul>\n\n')


def _insert_banner(page: str, banner: str) -> str:
    """Put ``banner`` after the page's front matter (or first, if it has none)."""
    if page.startswith("---\n"):
        end = page.find("\n---\n", 4)
        if end >= 0:
            cut = end + len("\n---\n")
            return page[:cut] + "\n" + banner + page[cut:]
    return banner + page
