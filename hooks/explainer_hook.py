"""MkDocs hook: serve the generated explainer pages from memory.

Thin on purpose: it asks the ``explainer`` library for the pages and hands
them to MkDocs as ``File.generated`` objects.  It never writes into
``docs/`` (``mkdocs serve`` watches it, so a write would rebuild forever).
``seeds/`` (seeds and their ``.yaml`` correction files) and ``templates/``
are in ``watch:`` in mkdocs.yml, and ``on_serve`` adds the site-wide
knowledge file, so an edit there triggers one rebuild.  MkDocs re-imports
this hook on every rebuild, but the ``explainer`` package stays imported:
the spaCy model (``nlp.load``'s cache) and the in-process extraction memo
live for the whole ``serve`` session, so a rebuild re-extracts only the
seeds that changed.

Errors (a broken seed, a correction that matches nothing…) are logged as
MkDocs warnings, so ``mkdocs build --strict`` fails on them; warnings are
logged as info.  The pages also show them (see ``explainer.site.flag_pages``).
"""

from __future__ import annotations

import json
import logging
import pathlib
import re
import secrets
import sys
import types

import jinja2
from mkdocs.structure.files import File, Files

log = logging.getLogger("mkdocs.hooks.explainer")

# This module is re-executed on every rebuild; what must outlive a rebuild
# lives in a module that stays in sys.modules.
_STATE = sys.modules.setdefault("_explainer_hook_state", types.ModuleType("_explainer_hook_state"))


def _root(config) -> pathlib.Path:
    return pathlib.Path(config.config_file_path).resolve().parent


def _code_stamp(package: pathlib.Path) -> tuple:
    stamp = []
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and not path.name.endswith(".pyc"):
            info = path.stat()
            stamp.append((str(path.relative_to(package)), info.st_mtime_ns, info.st_size))
    return tuple(stamp)


def _import_library(root: pathlib.Path) -> None:
    """Import ``explainer`` (beside mkdocs.yml); re-import it when its code changed during ``serve``.

    ``explainer/`` is watched, so an edit there rebuilds the site; without a
    re-import that rebuild would run the old code.  ``explainer.nlp`` is kept,
    so the spaCy model stays loaded.
    """
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    stamp = _code_stamp(root / "explainer")
    previous = getattr(_STATE, "stamp", None)
    _STATE.stamp = stamp
    if previous is not None and previous != stamp:
        kept = sys.modules.get("explainer.nlp")
        for name in [n for n in sys.modules if n == "explainer" or n.startswith("explainer.")]:
            if name != "explainer.nlp":
                del sys.modules[name]
        import explainer

        if kept is not None:
            explainer.nlp = kept
        log.info("explainer: the library's code changed: re-imported it (the spaCy model stays loaded)")
    # Import the extraction stages now and without writing bytecode: a .pyc
    # written into the watched explainer/ would trigger a second rebuild.
    dont_write = sys.dont_write_bytecode
    sys.dont_write_bytecode = True
    try:
        import explainer.extract  # noqa: F401
        import explainer.site  # noqa: F401
        import explainer.write  # noqa: F401
    finally:
        sys.dont_write_bytecode = dont_write


def on_startup(command: str, dirty: bool) -> None:
    if command == "serve":
        _memoise_search_index()  # only while serving: a one-off build gains nothing from it


def on_serve(server, config, builder):
    root = _root(config)
    _import_library(root)
    from explainer.site import SiteConfig

    for path in SiteConfig.from_root(root).knowledge_files:
        server.watch(str(path), recursive=False)
    return server


# -- making MkDocs' own work per rebuild smaller -----------------------------------------
# Python-Markdown parses every raw HTML block tag by tag (html.parser) just to
# pass it through: for the generated pages, whose HTML blocks are marked
# markdown="0" and must reach the page verbatim, that was most of a rebuild.
# on_page_markdown swaps each such block for a placeholder paragraph and
# on_page_content puts the block back, byte for byte.  The placeholders carry
# a per-process random nonce, so no text in a seed can forge one.
_NONCE = getattr(_STATE, "nonce", None) or secrets.token_hex(8)
_STATE.nonce = _NONCE
_RAW_OPEN = re.compile(r'^<([a-z][a-z0-9]*)\b[^>\n]*\bmarkdown="0"[^>\n]*>', re.M)
_PLACEHOLDER = re.compile(rf"<p>explainer-raw-{_NONCE}-(\d+)</p>")
_STASHED: dict[str, list[str]] = {}  # page source path → its blocks, between the two events of one build


def _stash_raw_blocks(markdown: str) -> tuple[str, list[str]]:
    blocks: list[str] = []
    out: list[str] = []
    pos = 0
    for match in _RAW_OPEN.finditer(markdown):
        if match.start() < pos:
            continue  # inside a block already taken
        tag = match[1]
        depth = 0
        end = -1
        for tag_match in re.finditer(rf"<(/?){tag}\b[^>]*>", markdown[match.start():]):
            depth += -1 if tag_match[1] else 1
            if depth == 0:
                end = match.start() + tag_match.end()
                break
        if end < 0:
            break  # unbalanced: leave the rest to Markdown
        out.append(markdown[pos:match.start()])
        out.append(f"\n\nexplainer-raw-{_NONCE}-{len(blocks)}\n\n")
        blocks.append(markdown[match.start():end])
        pos = end
    out.append(markdown[pos:])
    return "".join(out), blocks


def on_page_markdown(markdown: str, page, config, files) -> str:
    if page.file.src_uri not in getattr(_STATE, "generated", ()):
        return markdown
    markdown, blocks = _stash_raw_blocks(markdown)
    _STASHED[page.file.src_uri] = blocks
    return markdown


def on_page_content(html: str, page, config, files) -> str:
    blocks = _STASHED.pop(page.file.src_uri, None)
    if not blocks:
        return html
    return _PLACEHOLDER.sub(lambda m: blocks[int(m[1])], html)


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled theme templates, kept across rebuilds (MkDocs makes a new environment each time)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


def on_env(env: jinja2.Environment, config, files) -> jinja2.Environment:
    # Jinja checks each template's source against its checksum: an edited theme override recompiles.
    if getattr(_STATE, "bytecode", None) is None:
        _STATE.bytecode = _MemoryBytecodeCache()
    env.bytecode_cache = _STATE.bytecode
    return env


def _toc_key(items) -> tuple:
    return tuple((item.id, item.title, item.url, _toc_key(item.children)) for item in items)


def _memoise_search_index() -> None:
    """Index each generated page once per content, not on every rebuild.

    Material's search plugin parses every page's HTML again on every rebuild
    (html.parser, a set intersection per tag): after the Markdown above, the
    largest cost of a ``serve`` rebuild.  What it adds to the index is a
    function of the page's HTML, table of contents, URL, title and front
    matter, which is the memo's key; pages we did not generate are left alone.
    """
    try:
        from material.plugins.search.plugin import SearchIndex
    except ImportError:
        return
    original = SearchIndex.add_entry_from_context
    if getattr(original, "explainer_memo", False):
        return
    memo: dict[tuple, list[dict]] = {}

    def add_entry_from_context(self, page):
        if page.file.src_uri not in getattr(_STATE, "generated", ()) or not hasattr(self, "entries"):
            return original(self, page)
        meta = page.meta
        key = (page.url, page.title, page.content, _toc_key(page.toc.items),
               repr((meta.get("title"), meta.get("tags"), meta.get("search"))))
        entries = memo.get(key)
        if entries is None:
            start = len(self.entries)
            original(self, page)
            entries = [dict(entry) for entry in self.entries[start:]]
            if len(memo) > 20_000:
                memo.clear()
            memo[key] = entries
        else:
            self.entries.extend(dict(entry) for entry in entries)

    add_entry_from_context.explainer_memo = True
    SearchIndex.add_entry_from_context = add_entry_from_context


def on_files(files: Files, config) -> Files:
    root = _root(config)
    _import_library(root)
    from explainer.site import Generator, SiteConfig
    from explainer.write import MANIFEST

    site = SiteConfig.from_root(root)
    generated = Generator(site).generate()
    for problem in generated.problems:
        # Errors are warnings to MkDocs so that `mkdocs build --strict` fails on them.
        (log.warning if problem.severity == "error" else log.info)(str(problem))
    try:
        ours = set(json.loads((site.docs_dir / MANIFEST).read_text("utf-8"))["files"])
    except (OSError, ValueError, KeyError):
        ours = set()
    # Pages that `build.py` wrote earlier for seeds that are gone must not be served.
    for rel in sorted(ours - set(generated.pages)):
        stale = files.get_file_from_path(rel)
        if stale is not None:
            files.remove(stale)
    _STATE.generated = {rel for rel in generated.pages if rel.endswith(".md")}
    for rel, content in generated.pages.items():
        existing = files.get_file_from_path(rel)
        if existing is not None:
            if rel not in ours:
                log.warning("docs/%s was not generated by explainer: keeping it, the generated page is not "
                            "served (rename or delete your file)", rel)
                continue
            files.remove(existing)
        files.append(File.generated(config, rel, content=content))
    stats = generated.stats
    if stats.get("model_loaded"):
        log.info("explainer: loaded the spaCy model %s in %.1fs", site.model, stats["model_load_s"])
    errors = len(generated.errors)
    log.info("explainer: %d page(s) from %d seed(s), %d extracted, %d from cache; %d error(s), %d warning(s)",
             len(generated.sources), int(stats["seeds"]), int(stats["extracted"]), int(stats["cached"]),
             errors, len(generated.problems) - errors)
    return files
