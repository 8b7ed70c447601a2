"""MkDocs hook: make MkDocs' own work on the generated pages cheaper, so a
``mkdocs serve`` rebuild costs about what changed.

Separate from ``explainer_hook.py``, which produces the pages: this one only
touches how MkDocs processes them, and the site it builds is the same (but
for blank lines between HTML blocks).  It knows which pages are generated
from the state module that ``explainer_hook.on_files`` fills in.
Profile of a rebuild at 100 seeds before it: Python-Markdown's raw-HTML
handling and Material's search indexing were ~85% of the time.
"""

from __future__ import annotations

import re
import secrets
import sys
import types

import jinja2

# Shared with explainer_hook.py; outlives the re-execution of hooks on each rebuild.
_STATE = sys.modules.setdefault("_explainer_hook_state", types.ModuleType("_explainer_hook_state"))


def on_startup(command: str, dirty: bool) -> None:
    if command == "serve":
        _memoise_search_index()  # only while serving: a one-off build gains nothing from it

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
