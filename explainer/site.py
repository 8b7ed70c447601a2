"""The pipeline for a whole site: read → extract → render, in memory.

``Generator.generate()`` returns every generated page as ``{path: content}``
plus the problems met on the way.  It never writes into ``docs/``: the
MkDocs hook serves the pages from memory, and ``write.py`` puts them on
disk for ``build.py``.  One bad seed is a ``Problem``; the others still
build.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import hashlib
import json
import logging
import os
import pathlib
import pickle
import tempfile
import time
from types import MappingProxyType

from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, NamedTuple

from markupsafe import escape

from . import corrections as corrections_mod
from . import nlp as nlp_mod
from . import sitewide
from .cache import ExtractionCache, Lines, PageCache, cache_key, code_version, library_version, render_version
from .corrections import Corrections
from .errors import ExplainerError
from .knowledge import Knowledge, KnowledgeError
from .model import Article, PubDate, Seed
from .read import read_seed
from .worker import ExtractionWorker, WorkerFailed, extract_or_failure
from .worker import available as worker_available

if TYPE_CHECKING:  # pragma: no cover
    import jinja2

    from .render import SitePage, SiteSpecs

log = logging.getLogger("explainer")

# Kept for the whole process (``mkdocs serve`` re-imports the hook on every
# rebuild, but not this module), so that a rebuild reads nothing back from disk
# for what did not change.  One dict, by namespaced key: "extract:" the
# extracted article by extraction key (an unchanged seed costs neither spaCy
# nor a disk read); "ref:" each seed's ArticleRef and correction problems;
# "page:" an explainer's rendered files and "site:" a site-wide page, by page
# key; "last:" the keys of a site's last build; "knowledge-" a knowledge file's
# verdict.  And the last slug each seed had, so a seed broken during ``serve``
# keeps its URL and shows its error.
_MEMO: dict[str, object] = {}
MIN_BATCH_PER_PROCESS = 50
_MEMO_MAX = 20_000
_LAST_SLUG: dict[str, str] = {}
SITE_STORE = "last-build"  # the keys of the last build's pages (site-wide ones each in "site-<key>.txt")
REFS_STORE = "refs"  # the last build's refs, one line each

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
        prefix = f"{self.root}/"
        if path.is_absolute() and str(path).startswith(prefix) and "/../" not in str(path):
            return str(path)[len(prefix):]  # the common case, without resolve()'s system calls
        try:
            return str(path.resolve().relative_to(self.root))
        except ValueError:
            return str(path)


class Pages(MutableMapping[str, str]):
    """Every generated page, ``{docs-relative path: text}``, with the text read on first use.

    A page that did not change since the last build stays in the cache until
    somebody reads it, and carries the key of its text (``page_keys``):
    ``write_pages`` skips it by that key without reading it or its file in
    ``docs/``, so a rebuild of a 1000-article site after one edit reads back
    only what changed.  ``mkdocs serve`` reads every page, as it must.
    A page set by assignment (the home page, a page given an error banner)
    has no key: the writer compares its bytes.
    """

    def __init__(self) -> None:
        self._texts: dict[str, str] = {}
        self._loaders: dict[str, Callable[[], str | None]] = {}
        self.page_keys: dict[str, str] = {}

    def put_lazy(self, path: str, key: str, load: Callable[[], str | None]) -> None:
        self._texts.pop(path, None)
        self._loaders[path] = load
        self.page_keys[path] = key

    def put(self, path: str, key: str, text: str) -> None:
        self[path] = text
        self.page_keys[path] = key

    def __getitem__(self, path: str) -> str:
        if path not in self._texts:
            load = self._loaders.pop(path)  # KeyError: no such page
            text = load()
            if text is None:
                raise ExplainerError(f"the cached page for docs/{path} vanished during the build",
                                     fix="run the build again (was .cache/ cleared by another process?)")
            self._texts[path] = text
        return self._texts[path]

    def __setitem__(self, path: str, text: str) -> None:
        self._loaders.pop(path, None)
        self.page_keys.pop(path, None)
        self._texts[path] = text

    def __delitem__(self, path: str) -> None:
        if path not in self:
            raise KeyError(path)
        self._texts.pop(path, None)
        self._loaders.pop(path, None)
        self.page_keys.pop(path, None)

    def __contains__(self, path: object) -> bool:
        return path in self._texts or path in self._loaders

    def __iter__(self) -> Iterator[str]:
        yield from self._texts
        yield from (p for p in list(self._loaders) if p not in self._texts)

    def __len__(self) -> int:
        return len(self._texts) + sum(1 for p in self._loaders if p not in self._texts)


class Generated:
    """What a build produced: every page, the problems met, timings.

    ``articles`` (the whole corrected articles, for ``check`` and tools) may
    be given as a function: it is then called on first use only, because a
    rebuild renders its pages without loading the unchanged articles.
    """

    def __init__(self, pages: "Pages | dict[str, str]",
                 articles: "tuple[Article, ...] | Callable[[], tuple[Article, ...]]",
                 problems: tuple[Problem, ...], stats: dict[str, float], sources: tuple[str, ...] | None = None):
        self.pages = pages
        self.problems = tuple(problems)
        self.stats = stats
        self._articles = articles
        self._sources = sources

    @functools.cached_property
    def articles(self) -> tuple[Article, ...]:
        return tuple(self._articles() if callable(self._articles) else self._articles)

    @property
    def sources(self) -> tuple[str, ...]:
        """The seed file of each article built (without loading the articles)."""
        if self._sources is None:
            return tuple(a.seed.source_file for a in self.articles)
        return self._sources

    @property
    def page_keys(self) -> Mapping[str, str]:
        """A key of each page's text, for pages that have one (``write_pages`` skips them unread)."""
        return getattr(self.pages, "page_keys", {})

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")


class _LastSite(NamedTuple):
    """The site-wide state a build leaves in memory for the next one in the process."""

    specs: "SiteSpecs"      # its index and page keys
    links: dict[str, str]   # slug → the site keys of its explainer's actors (JSON), by that index


@dataclass(frozen=True)
class _Item:
    """One article of the build: what the site-wide pages need, and how to get the whole article."""

    ref: "sitewide.ArticleRef"
    key: str  # changes whenever the corrected article may change
    article: Callable[[], Article | None]
    problems: list[Problem]  # of applying its correction file


def discover_seeds(seeds_dir: pathlib.Path) -> list[pathlib.Path]:
    """Seed files, in a stable order (file name) so slugs are deterministic."""
    if not seeds_dir.is_dir():
        return []
    # scandir, not iterdir + is_file: the directory listing tells files apart without a stat each.
    with os.scandir(seeds_dir) as entries:
        names = sorted(e.name for e in entries if e.name.endswith(".txt") and len(e.name) > 4 and e.is_file())
    return [seeds_dir / name for name in names]


def _seed_key(rel: str, raw: bytes) -> tuple[str, bytes]:
    """A seed's key among the parsed seeds: its path and a digest of its bytes."""
    return rel, hashlib.blake2b(raw, digest_size=16).digest()


def _newest(paths: Sequence[pathlib.Path]) -> pathlib.Path | None:
    """The most recently modified of ``paths`` (a stat each: ~5 ms for 1000 seeds)."""
    newest, when = None, -1
    for path in paths:
        try:
            mtime = path.stat().st_mtime_ns
        except OSError:
            continue  # reported when it is read
        if mtime > when:
            newest, when = path, mtime
    return newest


class Generator:
    """Runs the pipeline for one site; reusable across rebuilds (keeps the model)."""

    def __init__(self, config: SiteConfig, progress: Callable[[int, int, str], None] | None = None,
                 n_process: int = 1, one_shot: bool = False):
        self.config = config
        # Worker processes pay a model load each (~4 s, ~800 MB): only worth it for big batches.
        self.n_process = n_process
        # A process that builds once and exits (build.py) loads the model for a few changed seeds
        # in a child process, and does the site-wide work meanwhile (``worker.py``); a long-lived
        # one (mkdocs serve) keeps the model in its own process for the next edit.
        self.one_shot = one_shot
        self._worker: ExtractionWorker | None = None
        self._knowledge_loader: Callable[[], Knowledge] | None = None
        self.cache = ExtractionCache(config.cache_dir)
        self.pages_cache = PageCache(config.cache_dir / "pages" if config.cache_dir else None)
        self.progress = progress
        self._peeked: dict[tuple[str, bytes], Seed] = {}  # parsed by _peek_newest, for read_seeds

    # -- read ---------------------------------------------------------------
    def read_seeds(self, paths: Sequence[pathlib.Path], on_new: Callable[[Seed, bytes], None] | None = None,
                   ) -> tuple[list[tuple[Seed, bytes]], list[Problem]]:
        """Each seed read (parsed only if its bytes are new); ``on_new`` is called with each new one as it is read."""
        seeds: list[tuple[Seed, bytes]] = []
        problems: list[Problem] = []
        taken: set[str] = set()
        parsed = self._parsed_seeds()
        seen: dict[tuple[str, bytes], Seed] = {}
        for path in paths:
            rel = self.config.relative(path)
            try:
                raw = path.read_bytes()  # once: the bytes are also the cache key
                memo_key = _seed_key(rel, raw)
                seed = parsed.get(memo_key)
                new = seed is None
                if new:
                    seed = self._peeked.pop(memo_key, None) or dataclasses.replace(read_seed(path, data=raw),
                                                                                   source_file=rel)
                seen[memo_key] = seed
            except ExplainerError as exc:
                problems.append(Problem("error", rel, exc.line, f"{exc.what}" + (f" (fix: {exc.fix})" if exc.fix else "")))
                continue
            except OSError as exc:
                problems.append(Problem("error", rel, None, f"cannot read the file: {exc.strerror}"))
                continue
            seed = self._unique_slug(seed, taken, problems)
            seeds.append((seed, raw))
            if on_new is not None and new:
                on_new(seed, raw)
        if not seen.keys() <= parsed.keys():
            # Other seeds' entries stay (a build of a few paths must not drop them); an edited
            # seed's old entry goes.
            paths_seen = {rel for rel, _digest in seen}
            self._store_parsed_seeds({**{k: v for k, v in parsed.items() if k[0] not in paths_seen}, **seen},
                                     {k: v for k, v in seen.items() if k not in parsed})
        return seeds, problems

    def _peek_newest(self, paths: Sequence[pathlib.Path], on_new: Callable[[Seed, bytes], None]) -> None:
        """``on_new`` for the most recently modified seed, if its bytes are new.

        The seed an editor just saved is the newest: its model load then starts
        before the other seeds are read (~0.05 s at 1000 seeds).  It is read
        again, in order and with its problems reported, by ``read_seeds``.
        """
        path = _newest(paths)
        if path is None:
            return
        rel = self.config.relative(path)
        try:
            raw = path.read_bytes()
            memo_key = _seed_key(rel, raw)
            if memo_key in self._parsed_seeds():
                return
            seed = dataclasses.replace(read_seed(path, data=raw), source_file=rel)
        except (ExplainerError, OSError):
            return
        self._peeked[memo_key] = seed  # read_seeds takes it: not parsed twice
        on_new(seed, raw)

    # Parsing 1000 seeds costs ~0.13 s a build, reading them back parsed ~0.02 s: the parsed
    # seeds are kept (memory, and one pickle in the cache) by path and bytes, and dropped
    # whenever the library's code changes.
    def _parsed_seeds(self) -> dict[tuple[str, bytes], Seed]:
        memo = _MEMO.get("seeds:" + self._store_id)
        if memo is not None:
            return memo
        seeds: dict[tuple[str, bytes], Seed] = {}
        records = 0
        for data in _read_pickles(self._seeds_store):
            try:
                if data.get("version") != library_version():
                    break  # from other code: parse again
                seeds.update(data["seeds"])
            except (AttributeError, TypeError, KeyError, ValueError):
                break  # torn or not ours: what was read before it stays good
            records += 1
        _remember("seeds:" + self._store_id, seeds)
        _remember("seeds-records:" + self._store_id, records)
        return seeds

    def _store_parsed_seeds(self, seeds: dict[tuple[str, bytes], Seed], new: dict[tuple[str, bytes], Seed]) -> None:
        """Keep ``seeds`` for the next build: ``new`` appended to the store, or the whole rewritten.

        Appending makes one edited seed cost one small record instead of a
        rewrite of every parsed seed; stale entries then stay in the file
        (harmless) until every 32nd append rewrites it.
        """
        _remember("seeds:" + self._store_id, seeds)
        if self._seeds_store is None:
            return
        records = _MEMO.get("seeds-records:" + self._store_id, 0)
        if 0 < records < 32 and self._seeds_store.exists():
            with open(self._seeds_store, "ab") as handle:
                pickle.dump({"version": library_version(), "seeds": new}, handle, protocol=pickle.HIGHEST_PROTOCOL)
            records += 1
        else:
            _write_pickle(self._seeds_store, {"version": library_version(), "seeds": seeds})
            records = 1
        _remember("seeds-records:" + self._store_id, records)

    @property
    def _seeds_store(self) -> pathlib.Path | None:
        return self.config.cache_dir / "seeds.pickle" if self.config.cache_dir else None

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
        files, problems, blob = self.check_knowledge()
        return _knowledge(*files), problems, blob

    def check_knowledge(self) -> tuple[list[pathlib.Path], list[Problem], bytes]:
        """The knowledge files that load, the problems of the others, and the bytes of the good ones.

        A file's verdict is kept in the cache by its bytes and the code, so a
        rebuild that extracts nothing never parses world.yaml (~0.3 s).
        """
        problems: list[Problem] = []
        files: list[pathlib.Path] = []
        blob = b""
        for path in self.config.knowledge_files:
            raw = path.read_bytes()
            verdict_key = "knowledge-" + cache_key(raw, code_version(), str(path))
            verdict = _MEMO.get(verdict_key) or self.pages_cache.get(verdict_key)
            if verdict is None:
                try:
                    _knowledge(path)
                    verdict = {"line": "", "error": ""}
                except KnowledgeError as exc:
                    line = getattr(exc, "line", None)
                    verdict = {"line": str(line) if line else "", "error": str(exc)}
                self.pages_cache.put(verdict_key, verdict)
            _remember(verdict_key, verdict)
            if verdict["error"]:
                problems.append(Problem("error", self.config.relative(path), int(verdict["line"]) if verdict["line"] else None,
                                        verdict["error"]))
                continue
            files.append(path)
            blob += raw
        return files, problems, blob

    def extract(self, seeds: Sequence[tuple[Seed, bytes]], knowledge: Knowledge | Callable[[], Knowledge],
                knowledge_blob: bytes,
                published: PubDate | None = None,
                corrections: Mapping[str, Corrections] | None = None,
                ) -> tuple[list[Article], list[Problem], dict[str, float]]:
        """Articles for ``seeds``, from the cache where possible, else through spaCy.

        ``published`` overrides every seed's publication date (``extract
        --published``); a seed's correction file may set its own (it wins).
        Both are part of the cache key; the rest of a correction file is
        applied after extraction (``apply_corrections``) and is not.
        ``knowledge`` may be a function: it is then called only if a seed misses the cache.
        """
        corrections = corrections or {}
        articles: dict[int, Article] = {}
        misses: list[tuple[int, Seed, str, PubDate | None]] = []
        was_loaded = nlp_mod.is_loaded(self.config.model)
        keys = self._extraction_keys(seeds, knowledge_blob, published, corrections)
        self._preload_if_missed(keys)  # the model loads while the cached articles are read
        for k, ((seed, raw), (key, override)) in enumerate(zip(seeds, keys)):
            cached = _MEMO.get("extract:" + key) or self.cache.get(key)
            if cached is not None:
                _remember("extract:" + key, cached)
                articles[k] = dataclasses.replace(cached, seed=dataclasses.replace(cached.seed, source_file=seed.source_file))
            else:
                misses.append((k, seed, key, override))
        problems: list[Problem] = []
        stats = {"cached": float(len(articles)), "extracted": float(len(misses)), "model_load_s": 0.0,
                 "model_loaded": 0.0}
        if misses and self._worker is not None:
            if len(misses) < MIN_BATCH_PER_PROCESS:
                try:
                    self._extract_in_worker(misses, articles, problems, stats)
                    return [articles[k] for k in sorted(articles)], problems, stats
                except WorkerFailed as exc:
                    log.warning("extracting in this process instead: %s", exc)
            self._close_worker()  # a big batch is the build's own (n_process), as is a failed worker's
        if misses:
            from .extract import Layout  # imports the NLP stages: only when needed

            t0 = time.perf_counter()
            if self.progress and not was_loaded:  # ~4 s of silence otherwise
                self.progress(0, len(misses), f"loading the spaCy model {self.config.model}")
            nlp = nlp_mod.load(self.config.model)
            waited = time.perf_counter() - t0
            # The load's own duration (it may have started in the background before this
            # wait), so that "generation minus model load" is what the build costs on top.
            stats["model_load_s"] = 0.0 if was_loaded else (nlp_mod.preload_seconds(self.config.model) or waited)
            stats["model_wait_s"] = waited
            stats["model_loaded"] = float(not was_loaded)
            texts = (Layout.of(seed).text for _, seed, _, _ in misses)
            n_process = self.n_process if len(misses) >= MIN_BATCH_PER_PROCESS * self.n_process else 1
            stats["n_process"] = float(n_process)
            if callable(knowledge):
                knowledge = knowledge()
            docs = nlp.pipe(texts, batch_size=16, n_process=n_process)
            with _collector(True):
                self._extract_docs(misses, docs, knowledge, articles, problems)
        return [articles[k] for k in sorted(articles)], problems, stats

    def extract_ahead(self, seeds: Sequence[tuple[Seed, bytes]], knowledge_blob: bytes, published: PubDate | None,
                      corrections: Mapping[str, Corrections]) -> bool:
        """Start loading the model if one of ``seeds`` will need it (its article is in no cache); whether it did."""
        return self._preload_if_missed(self._extraction_keys(seeds, knowledge_blob, published, corrections))

    def _preload_if_missed(self, keys: Sequence[tuple[str, PubDate | None]]) -> bool:
        if any("extract:" + key not in _MEMO and not self.cache.has(key) for key, _override in keys):
            if self.one_shot and self._knowledge_loader is not None and self._worker is None \
                    and not nlp_mod.is_loaded(self.config.model) and worker_available():
                self._worker = ExtractionWorker(self.config.model, self._knowledge_loader)
            elif self._worker is None:
                nlp_mod.preload(self.config.model)
            return True
        return False

    def _close_worker(self) -> None:
        if self._worker is not None:
            self._worker.close()
            self._worker = None

    def _extract_in_worker(self, misses: Sequence[tuple[int, Seed, str, PubDate | None]],
                           articles: dict[int, Article], problems: list[Problem], stats: dict[str, float]) -> None:
        """``_extract_docs``, by the worker process; raises ``WorkerFailed`` (nothing done) if it cannot."""
        assert self._worker is not None
        first = self._worker.load_seconds is None  # this call waits for the child's model load
        if self.progress and first:
            self.progress(0, len(misses), f"loading the spaCy model {self.config.model}")
        t0 = time.perf_counter()
        results = self._worker.extract([(seed, override) for _k, seed, _key, override in misses])
        stats["model_wait_s"] = time.perf_counter() - t0
        if first:
            stats["model_load_s"], stats["model_loaded"] = self._worker.load_seconds or 0.0, 1.0
        stats["in_worker"], stats["n_process"] = float(len(misses)), 1.0
        for n, ((k, seed, key, _override), result) in enumerate(zip(misses, results), start=1):
            if self.progress:
                self.progress(n, len(misses), seed.source_file)
            self._keep_extracted(k, seed, key, result, articles, problems)

    def _keep_extracted(self, k: int, seed: Seed, key: str, result: Article | str,
                        articles: dict[int, Article], problems: list[Problem]) -> None:
        """One seed's extraction into ``articles``, the cache and memory; or, if it failed
        (``result`` is the exception's ``Type: message``), a problem for the editor."""
        if isinstance(result, str):
            problems.append(Problem("error", seed.source_file, None, f"extraction failed ({result}); please report it"))
            return
        self.cache.put(key, result)
        _remember("extract:" + key, result)
        articles[k] = result

    def _extraction_keys(self, seeds: Sequence[tuple[Seed, bytes]], knowledge_blob: bytes, published: PubDate | None,
                         corrections: Mapping[str, Corrections]) -> list[tuple[str, PubDate | None]]:
        """Each seed's extraction cache key, and the publication date that overrides its own."""
        version = code_version() + nlp_mod.model_version(self.config.model)
        keys = []
        for seed, raw in seeds:
            fix = corrections.get(seed.source_file)
            override = (fix.published if fix and fix.published else None) or published
            keys.append((cache_key(raw, knowledge_blob, version, seed.slug, override.value if override else "",
                                   fix.extraction_key() if fix else ""), override))
        return keys

    def _extract_docs(self, misses: Sequence[tuple[int, Seed, str, PubDate | None]], docs: Iterable,
                      knowledge: Knowledge, articles: dict[int, Article], problems: list[Problem]) -> None:
        """Our stages on each parsed doc; each article into ``articles`` and the cache."""
        for n, ((k, seed, key, override), doc) in enumerate(zip(misses, docs), start=1):
            if self.progress:
                self.progress(n, len(misses), seed.source_file)
            self._keep_extracted(k, seed, key, extract_or_failure(seed, doc, knowledge, override), articles, problems)

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
    def render(self, articles: Sequence[Article], problems: list[Problem]) -> Pages:
        """Render every page of ``articles`` (corrected already); template errors become problems."""
        items = [_Item(sitewide.ArticleRef.of(a), cache_key(json.dumps(a.to_json(), ensure_ascii=False)),
                       (lambda a=a: a), []) for a in articles]
        return self._render(items, problems)

    def _render(self, items: Sequence["_Item"], problems: list[Problem], reuse: bool = True) -> Pages:
        """Every page, each re-rendered only when what it shows changed.

        An explainer page is keyed by its article (``_Item.key``), the
        templates and rendering code, and the site-wide keys of its actors;
        each cross-article page by exactly what it shows (``Renderer.site_specs``).
        When no article and no template changed since the last build, its keys
        are reused as they are, without indexing the site again.
        """
        # Imported here, not with this module: jinja2 and the renderer cost ~55 ms of a new
        # process's start, which an edited seed waits for before its model starts loading.
        import jinja2

        from .render import Renderer

        renderer = Renderer(self.config.templates_dir,
                            self.config.cache_dir / "jinja" if self.config.cache_dir else None)
        version = render_version(self.config.templates_dir)
        site_key = cache_key(version, *(item.key for item in items))
        last = self._last_build()
        if reuse and last.get("site") == site_key:
            pages = self._reuse(items, last, _once(lambda: self._render(items, problems, reuse=False)))
            if pages is not None:
                try:
                    pages["index.md"] = renderer.home([item.ref for item in items],
                                                      [str(p) for p in problems if p.severity == "error"])
                    return pages
                except jinja2.TemplateError as exc:
                    problems.append(self._template_problem(exc, "while rendering the home page"))
                    return pages
        index = sitewide.SiteIndex([item.ref for item in items])
        # The last build's site-wide state, when this process made it (``mkdocs serve``): the
        # pages that show nothing of the changed articles keep their keys without fingerprinting.
        before: _LastSite | None = _MEMO.get("site-specs:" + self._store_id)
        delta = sitewide.IndexDelta.between(index, before.specs.index) if before is not None else None
        kept_links = before.links if delta is not None and delta.stable else {}
        changed = delta.changed if delta is not None else frozenset()
        all_links: dict[str, str] = {}
        last_explainers = last.get("explainers", {})
        pages = Pages()
        rendered: list[_Item] = []
        explainer_keys: dict[str, str] = {}
        failed = len(problems)
        for item in items:
            ref = item.ref
            links = (kept_links.get(ref.slug) if ref.slug not in changed else None) or json.dumps(index.keys(ref))
            all_links[ref.slug] = links
            key = cache_key(item.key, version, links)

            def fresh(item: _Item = item, key: str = key) -> dict[str, str] | None:
                article = item.article()
                if article is None:
                    return None  # its extraction failed (a problem says so)
                corrections = str(pathlib.Path(item.ref.source_file).with_suffix(".yaml"))
                try:
                    texts = {"page": renderer.article(article, item.ref.source_file, corrections, index),
                             "timeline": json.dumps(sitewide.timelinejs(article), ensure_ascii=False) + "\n",
                             "data": json.dumps(article.to_json(), ensure_ascii=False) + "\n"}
                except jinja2.TemplateError as exc:
                    problems.append(self._template_problem(exc, f"while rendering {item.ref.source_file}"))
                    return None
                self.pages_cache.put_texts(key, texts)
                _remember("page:" + key, texts)
                return texts

            # A page the last build had under this key is taken as stored without a stat of its
            # file (a thousand system calls): if it is gone after all, its loader renders it.
            if last_explainers.get(item.key) == key or self._has_explainer(key):
                # Read on first use; an entry found torn then is rendered again, like a miss.
                _add_explainer(pages, ref.slug, key,
                               _once(lambda key=key, fresh=fresh: self._explainer(key) or fresh()))
            else:
                texts = fresh()
                if texts is None:
                    continue
                _add_explainer(pages, ref.slug, key, lambda texts=texts: texts)
            explainer_keys[item.key] = key
            rendered.append(item)
        if len(rendered) != len(items):
            index = sitewide.SiteIndex([item.ref for item in rendered])  # never link to a page that failed to render
            delta, all_links = None, {}  # both of the first index: site_specs compares this one again
        site_keys: dict[str, str] = {}
        try:
            specs = renderer.site_specs(index, before.specs if before is not None else None, delta)
            site_keys = self._site_pages(specs.pages, version, pages, last.get("pages", {}))
            _remember("site-specs:" + self._store_id, _LastSite(specs, all_links))
        except jinja2.TemplateError as exc:
            problems.append(self._template_problem(exc, "while rendering the actor and timeline pages"))
        try:
            pages["index.md"] = renderer.home(index.articles, [str(p) for p in problems if p.severity == "error"])
        except jinja2.TemplateError as exc:
            problems.append(self._template_problem(exc, "while rendering the home page"))
        # A build with template errors is not one to reuse: the next one must report them again.
        this = {"site": site_key if len(problems) == failed else "", "explainers": explainer_keys, "pages": site_keys}
        if this != last:
            _remember("last:" + self._store_id, this)
            self.pages_cache.put(SITE_STORE, this)
        return pages

    @property
    def _store_id(self) -> str:
        return str(self.config.cache_dir or self.config.root)

    def _last_build(self) -> dict:
        """The keys of the last build's pages: ``site`` (all its inputs), ``explainers`` and ``pages``."""
        last = _MEMO.get("last:" + self._store_id)
        if last is None:
            last = self.pages_cache.get(SITE_STORE) or {}
            _remember("last:" + self._store_id, last)
        return last

    def _explainer(self, key: str) -> dict[str, str] | None:
        cached = _MEMO.get("page:" + key) or self.pages_cache.get_texts(key)
        if cached is not None:
            _remember("page:" + key, cached)
        return cached

    def _has_explainer(self, key: str) -> bool:
        return "page:" + key in _MEMO or self.pages_cache.has_texts(key)

    def _site_page(self, key: str) -> str | None:
        stored = self.pages_cache.get_texts("site-" + key) if "site:" + key not in _MEMO else None
        text = _MEMO.get("site:" + key) or (stored or {}).get("page")
        if text is not None:
            _remember("site:" + key, text)
        return text

    def _has_site_page(self, key: str) -> bool:
        return "site:" + key in _MEMO or self.pages_cache.has_texts("site-" + key)

    def _reuse(self, items: Sequence["_Item"], last: dict, full: Callable[[], Pages]) -> Pages | None:
        """The last build's pages (read on first use), or None if one of them is missing from the cache.

        ``full`` renders the site as if nothing were cached: the fallback for
        a cache entry found torn when it is finally read.
        """
        pages = Pages()
        for item in items:
            key, slug = last["explainers"].get(item.key, ""), item.ref.slug
            if not self._has_explainer(key):
                return None
            _add_explainer(pages, slug, key, _once(
                lambda key=key, slug=slug: self._explainer(key) or _explainer_texts(full(), slug)))
        for path, key in last["pages"].items():
            if not self._has_site_page(key):
                return None
            pages.put_lazy(path, key, lambda key=key, path=path: self._site_page(key) or full().get(path))
        return pages

    def _site_pages(self, specs: Sequence[SitePage], version: str, pages: Pages,
                    last: Mapping[str, str]) -> dict[str, str]:
        """Actor, actor index, chronology and archive pages into ``pages``; returns ``{path: key}``.

        A page rendered before with the same key is left in the cache (memory,
        else disk) until it is read; only the others are rendered.
        """
        keys: dict[str, str] = {}
        for spec in specs:
            key = cache_key(version, spec.key)

            def fresh(spec=spec, key: str = key) -> str:
                text = spec.render()
                self.pages_cache.put_texts("site-" + key, {"page": text})  # its length header catches a torn file
                _remember("site:" + key, text)
                return text

            if last.get(spec.path) == key or self._has_site_page(key):
                # Read on first use; an entry found torn or gone then is rendered again, like a miss.
                pages.put_lazy(spec.path, key, lambda key=key, fresh=fresh: self._site_page(key) or fresh())
            else:
                pages.put(spec.path, key, fresh())
            keys[spec.path] = key
        return keys

    def _template_problem(self, exc: jinja2.TemplateError, context: str) -> Problem:
        name = getattr(exc, "filename", None) or getattr(exc, "name", None) or "templates/"
        return Problem("error", self.config.relative(pathlib.Path(name)), getattr(exc, "lineno", None),
                       f"template error {context}: {exc.message or exc}")

    # -- all ----------------------------------------------------------------
    def generate(self, paths: Iterable[pathlib.Path] | None = None, published: PubDate | None = None) -> Generated:
        # A rebuild reads back some 10^5 small long-lived objects (refs, the site index, page
        # keys) and makes few reference cycles: the full collections that all those objects
        # trigger cost a fifth of a rebuild.  The collector runs again afterwards (and during
        # extraction, which makes garbage).
        with _collector(False):
            try:
                return self._generate(paths, published)
            finally:
                self._close_worker()  # what is left to extract later (a lazy page) is done in-process
                self._knowledge_loader = None

    def _generate(self, paths: Iterable[pathlib.Path] | None, published: PubDate | None) -> Generated:
        t0 = time.perf_counter()
        whole_site = paths is None
        seed_paths = list(paths) if paths is not None else discover_seeds(self.config.seeds_dir)
        knowledge_files, knowledge_problems, blob = self.check_knowledge()
        if self.one_shot:
            self._knowledge_loader = functools.partial(_knowledge, *knowledge_files, cache_dir=self.config.cache_dir)

        started = False

        def ahead(seed: Seed, raw: bytes) -> None:
            # A seed read for the first time (new, or edited) will likely need spaCy: the model
            # starts loading as soon as one is found in no cache, while the others are read.
            nonlocal started
            if not started:
                started = self.extract_ahead([(seed, raw)], blob, published, self.load_corrections([(seed, raw)])[0])

        if len(seed_paths) > 1:
            self._peek_newest(seed_paths, ahead)
        seeds, problems = self.read_seeds(seed_paths, on_new=ahead)
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
        problems += knowledge_problems
        t1 = time.perf_counter()
        items, extract_problems, stats = self._corrected(seeds, knowledge_files, blob, published, corrections)
        problems += extract_problems
        t2 = time.perf_counter()
        pages = self._render(items, problems)
        flag_pages(pages, [item.ref for item in items], problems, self.config)
        t3 = time.perf_counter()
        stats.update(read_s=t1 - t0, extract_s=t2 - t1, render_s=t3 - t2, seeds=float(len(seed_paths)))
        return Generated(pages=pages, problems=tuple(problems), stats=stats,
                         articles=lambda: tuple(a for a in (item.article() for item in items) if a is not None),
                         sources=tuple(item.ref.source_file for item in items))

    def _corrected(self, seeds: Sequence[tuple[Seed, bytes]], knowledge_files: Sequence[pathlib.Path], blob: bytes,
                   published: PubDate | None, corrections: Mapping[str, Corrections],
                   ) -> tuple[list["_Item"], list[Problem], dict[str, float]]:
        """Each seed's corrected article as an ``_Item``: its ``ArticleRef`` and how to get the whole article.

        The ref and the problems of applying the seed's corrections are kept
        (memory and cache) under a key of the seed, its corrections, the
        knowledge, the model and the library's code: an unchanged seed costs
        one small read, and its whole article is loaded only if a page that
        shows its text has to be rendered again.
        """
        knowledge = lambda: _knowledge(*knowledge_files, cache_dir=self.config.cache_dir)  # noqa: E731 - only if a seed is extracted
        version = code_version() + nlp_mod.model_version(self.config.model) + library_version()
        keyed: list[tuple[Seed, bytes, str, list | None]] = []
        bundle: Lines | None = None  # the last build's refs, read from the cache only if memory misses one
        for seed, raw in seeds:
            fix = corrections.get(seed.source_file)
            override = (fix.published if fix and fix.published else None) or published
            key = cache_key(raw, blob, version, seed.slug, seed.source_file, override.value if override else "",
                            repr(fix))
            entry = _MEMO.get("ref:" + key)
            if entry is None and bundle is None:
                bundle = self.pages_cache.get_lines(REFS_STORE)
            keyed.append((seed, raw, key, entry))
        # Seeds with neither a ref in memory nor a row in the store: extracted (cache or spaCy)
        # before the stored rows are parsed.  Parsing is CPU work, and CPU work beside the model
        # load slows the load at least as much as it saves (measured on a one-seed rebuild at
        # 1000 seeds: ~0.7 s more in all): a build that waits for the model parses them after.
        unstored = [(seed, raw) for seed, raw, key, entry in keyed
                    if entry is None and (bundle is None or key not in bundle)]
        parsed = False
        if self._worker is not None and bundle is not None and 0 < len(unstored) < MIN_BATCH_PER_PROCESS:
            # The model loads in the worker process, on the other core: the stored rows are
            # parsed, and the last build's site indexed from them, while it does.
            unstored += self._parse_stored(keyed, bundle)
            self._prime_last_site(keyed, bundle)
            parsed = True
        articles, problems, stats = self.extract(unstored, knowledge, blob, published, corrections)
        if bundle is not None and not parsed:
            torn = self._parse_stored(keyed, bundle)
            if torn:
                more, more_problems, more_stats = self.extract(torn, knowledge, blob, published, corrections)
                articles += more
                problems += more_problems
                for name in ("cached", "extracted", "model_loaded"):
                    stats[name] += more_stats[name]
        fresh = {a.seed.source_file: a for a in articles}
        items: list[_Item] = []
        for seed, raw, key, entry in keyed:
            if entry is None:
                article = fresh.get(seed.source_file)
                if article is None:
                    continue  # extraction failed: reported by extract()
                article, issues = corrections_mod.apply(article, corrections.get(seed.source_file))
                # The gate's doubts about the article (unresolved dates, untyped actors…) are
                # computed here, once per change, and kept with its ref: every build then
                # reports them (a normal `mkdocs build` logs them) without loading the article.
                from .check import review_article

                entry = (sitewide.ArticleRef.of(article), [Problem(*issue) for issue in issues] + review_article(article))
                loader = (lambda article=article: article)
            else:
                stats["cached"] += 1
                loader = self._loader(seed, raw, knowledge, blob, published, corrections)
            _remember("ref:" + key, entry)
            problems.extend(entry[1])
            items.append(_Item(entry[0], key, _once(loader), entry[1]))
        # One file for the refs of the last build: a new process reads it in one go instead of
        # a file per seed.  Brought up to date when read (all from memory: still current, or a
        # superset after a seed was deleted, which is harmless): a few new refs are appended,
        # and the whole file is rewritten after a bulk change or once stale rows pile up
        # (reading them back costs every later build).
        if bundle is not None:
            def row(item: _Item) -> str:
                return bundle.get(item.key) or json.dumps(
                    [item.ref.to_json(), [dataclasses.astuple(p) for p in item.problems]], ensure_ascii=False)

            new = {item.key: row(item) for item in items if item.key not in bundle}
            if len(new) * 4 > len(items) or bundle.rows + len(new) > len(items) + len(items) // 8 + 16:
                self.pages_cache.put_lines(REFS_STORE, {item.key: row(item) for item in items})
            else:
                self.pages_cache.add_lines(REFS_STORE, new)
        return items, problems, stats

    @staticmethod
    def _parse_stored(keyed: list[tuple[Seed, bytes, str, tuple | None]], bundle: Lines) -> list[tuple[Seed, bytes]]:
        """Each seed's ref from its stored row, into ``keyed``; the seeds whose row is torn (a miss)."""
        torn: list[tuple[Seed, bytes]] = []
        for n, (seed, raw, key, entry) in enumerate(keyed):
            if entry is not None or key not in bundle:
                continue
            try:
                ref, issues = json.loads(bundle[key])
                keyed[n] = (seed, raw, key, (sitewide.ArticleRef.from_json(ref), [Problem(*p) for p in issues]))
            except (KeyError, ValueError, TypeError):
                bundle.pop(key, None)  # torn, or not in the form this code writes: a miss
                torn.append((seed, raw))
        return torn

    def _prime_last_site(self, keyed: Sequence[tuple[Seed, bytes, str, tuple | None]], bundle: Lines) -> None:
        """The last build's site index and page keys, from its stored refs, as if this process had made them.

        Its unchanged articles are the very ref objects this build uses, so
        ``_render`` compares the two indexes article by article and keeps the
        keys of the pages that show nothing changed (``Renderer.site_specs``).
        A row that is gone leaves its article out: any previous index is
        correct to compare with, only a less useful one.
        """
        if "site-specs:" + self._store_id in _MEMO:
            return
        import jinja2

        from .render import Renderer

        entries = {key: entry for _seed, _raw, key, entry in keyed if entry is not None}
        refs: list[sitewide.ArticleRef] = []
        for key in self._last_build().get("explainers", {}):
            entry = entries.get(key)
            if entry is not None:
                refs.append(entry[0])
            elif key in bundle:  # an article changed since: its old ref
                try:
                    refs.append(sitewide.ArticleRef.from_json(json.loads(bundle[key])[0]))
                except (KeyError, ValueError, TypeError, IndexError):
                    continue
        if not refs:
            return
        index = sitewide.SiteIndex(refs)
        try:
            specs = Renderer(self.config.templates_dir,
                             self.config.cache_dir / "jinja" if self.config.cache_dir else None).site_specs(index)
        except jinja2.TemplateError:
            return  # reported by the render that follows
        _remember("site-specs:" + self._store_id,
                  _LastSite(specs, {ref.slug: json.dumps(index.keys(ref)) for ref in index.articles}))

    def _loader(self, seed: Seed, raw: bytes, knowledge: Callable[[], Knowledge], blob: bytes,
                published: PubDate | None, corrections: Mapping[str, Corrections]) -> Callable[[], Article | None]:
        """How to get the whole corrected article of a seed whose ref was stored (cache, or spaCy if it is gone)."""
        def load() -> Article | None:
            articles, _problems, _stats = self.extract([(seed, raw)], knowledge, blob, published, corrections)
            if not articles:
                return None
            return corrections_mod.apply(articles[0], corrections.get(seed.source_file))[0]
        return load

_KNOWLEDGE: dict[tuple, Knowledge] = {}


def _knowledge(*paths: pathlib.Path, cache_dir: pathlib.Path | None = None) -> Knowledge:
    """``Knowledge.load``, kept while the files are unchanged (parsing world.yaml costs ~0.3 s a rebuild).

    With ``cache_dir``, also kept on disk for the next process, by the files'
    bytes and the extraction code: one changed seed then costs its own
    extraction, not a parse of world.yaml too.
    """
    from .knowledge import WORLD

    key = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in (WORLD, *paths))
    if key not in _KNOWLEDGE:
        if len(_KNOWLEDGE) > 8:
            _KNOWLEDGE.clear()
        stored = None
        if cache_dir is not None:
            digest = cache_key(code_version(), *(str(p) for p in paths), *(p.read_bytes() for p in paths))
            stored = cache_dir / f"knowledge-{digest}.pickle"
        _KNOWLEDGE[key] = _unpickle_knowledge(stored) or Knowledge.load(*paths)
        if stored is not None and not stored.exists():
            _pickle_knowledge(_KNOWLEDGE[key], stored)
    return _KNOWLEDGE[key]


# Pickle, because the cache is ours like the code beside it (a process that can
# write .cache/ can write explainer/ too).  Knowledge freezes its tables as
# mapping proxies, which do not pickle: they travel as dicts.
def _pickle_knowledge(knowledge: Knowledge, path: pathlib.Path) -> None:
    fields = {f.name: getattr(knowledge, f.name) for f in dataclasses.fields(knowledge)}
    _write_pickle(path, {name: dict(v) if isinstance(v, MappingProxyType) else v for name, v in fields.items()})


def _write_pickle(path: pathlib.Path, data: object) -> None:
    """Atomically: a reader sees the old file or the new one, never a torn one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "wb") as handle:
        pickle.dump(data, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


def _unpickle_knowledge(path: pathlib.Path | None) -> Knowledge | None:
    data = _read_pickle(path)
    try:
        return Knowledge(**{name: MappingProxyType(v) if isinstance(v, dict) else v for name, v in data.items()})
    except (AttributeError, TypeError, ValueError):
        return None  # none, or not what this code writes


def _read_pickles(path: pathlib.Path | None) -> Iterator[object]:
    """Each record ``pickle.dump``ed one after another into ``path``; stops at a torn one."""
    if path is None:
        return
    try:
        with open(path, "rb") as handle:
            while True:
                try:
                    yield pickle.load(handle)
                except EOFError:
                    return
    except (OSError, pickle.UnpicklingError, AttributeError, TypeError, ValueError, ImportError, IndexError):
        return


def _read_pickle(path: pathlib.Path | None) -> object | None:
    """What ``_write_pickle`` wrote there; None if it is missing, torn or unreadable by this code."""
    return next(_read_pickles(path), None)


class _once:  # noqa: N801 - used like functools.cache, which costs ~50 µs to wrap (0.05 s at 1000 seeds)
    """A function of no arguments, called at most once; later calls return its first result."""

    __slots__ = ("_function", "_result", "_done")

    def __init__(self, function: Callable[[], object]) -> None:
        self._function, self._result, self._done = function, None, False

    def __call__(self):
        if not self._done:
            self._result, self._done = self._function(), True
            self._function = None  # what it closed over can go
        return self._result


@contextlib.contextmanager
def _collector(enabled: bool) -> Iterator[None]:
    """Run the block with Python's cyclic garbage collector on or off, then restore it."""
    was = gc.isenabled()
    gc.enable() if enabled else gc.disable()
    try:
        yield
    finally:
        gc.enable() if was else gc.disable()


# An explainer's files in docs/explainers/, by their name in its cache entry.
_EXPLAINER_FILES = (("page", ".md"), ("data", ".json"), ("timeline", ".timeline.json"))


def _add_explainer(pages: Pages, slug: str, key: str, load: Callable[[], Mapping[str, str] | None]) -> None:
    """An explainer's three files, from one cache entry read (once) on first use of any of them."""
    for name, suffix in _EXPLAINER_FILES:
        pages.put_lazy(f"explainers/{slug}{suffix}", f"{key}:{name}",
                       lambda name=name: (load() or {}).get(name))


def _explainer_texts(pages: Pages, slug: str) -> dict[str, str] | None:
    """An explainer's three files back from ``pages`` (None if its page failed to render)."""
    paths = {name: f"explainers/{slug}{suffix}" for name, suffix in _EXPLAINER_FILES}
    if not all(path in pages for path in paths.values()):
        return None
    return {name: pages[path] for name, path in paths.items()}


def _remember(key: str, value) -> None:
    if len(_MEMO) >= _MEMO_MAX:
        _MEMO.clear()
    _MEMO[key] = value


def flag_pages(pages: MutableMapping[str, str], articles: Sequence["Article | sitewide.ArticleRef"], problems: Sequence[Problem],
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
        source = article.seed.source_file if isinstance(article, Article) else article.source_file
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
