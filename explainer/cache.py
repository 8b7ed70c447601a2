"""A content-addressed cache of extraction results.

Extraction is the expensive stage (the spaCy model), so its output is kept
as article JSON under ``.cache/explainer/``, keyed by a hash of everything
it depends on: the seed's bytes, the knowledge files, the publication-date
override, the model's name and version, and the source of the extraction
code itself.  Change any of them and the key changes; nothing is ever stale.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import pathlib
import tempfile

from .model import Article, article_from_json

PACKAGE = pathlib.Path(__file__).resolve().parent
# Modules whose code decides what extraction produces.  Rendering is not
# cached, so templates and render.py are deliberately not part of the key.
EXTRACTION_MODULES = ("model.py", "read.py", "extract.py", "nlp.py", "timex*.py", "events*.py", "actor*.py",
                      "knowledge.py", "data/*")


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    digest = hashlib.sha256()
    for pattern in EXTRACTION_MODULES:
        for path in sorted(PACKAGE.glob(pattern)):
            if path.is_file():
                digest.update(path.name.encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cache_key(*parts: bytes | str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


def render_version(templates_dir: pathlib.Path) -> str:
    """Hash of what turns an article into its page: the templates and the rendering code."""
    digest = hashlib.sha256()
    for path in sorted(templates_dir.rglob("*")) + [PACKAGE / n for n in RENDER_MODULES]:
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


RENDER_MODULES = ("render.py", "sitewide.py", "dates_fr.py", "model.py")


@functools.lru_cache(maxsize=1)
def library_version() -> str:
    """Hash of every module of the library: what turns an extracted article into its corrected
    article and its ``ArticleRef`` (corrections, knowledge folding, the site index)."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class PageCache:
    """JSON values by key: rendered pages, article refs, the last site-wide pages; same storage rules as below."""

    def __init__(self, directory: pathlib.Path | None):
        self.directory = directory

    def get(self, key: str):
        if self.directory is None:
            return None
        try:
            return json.loads((self.directory / f"{key}.json").read_text("utf-8"))
        except (OSError, ValueError):
            return None

    def put(self, key: str, value) -> None:
        if self.directory is not None:
            _atomic_json(self.directory, key, value)


    def get_texts(self, key: str) -> dict[str, str] | None:
        """A dict of strings written by ``put_texts``; a missing or torn entry is a miss."""
        if self.directory is None:
            return None
        try:
            text = (self.directory / f"{key}.txt").read_text("utf-8")
            head, _, body = text.partition("\n")
            out: dict[str, str] = {}
            pos = 0
            for name, length in json.loads(head):
                out[name] = body[pos:pos + length]
                pos += length
            return out if pos == len(body) else None
        except (OSError, ValueError, TypeError):
            return None

    def has_texts(self, key: str) -> bool:
        """Whether ``get_texts`` has an entry to read (without reading it)."""
        return self.directory is not None and (self.directory / f"{key}.txt").is_file()

    def put_texts(self, key: str, value: dict[str, str]) -> None:
        # Plain text after a one-line header of lengths: reading a page back is a
        # slice, not a JSON parse of every escaped character (~2x faster for 1000 pages).
        if self.directory is not None:
            head = json.dumps([[name, len(text)] for name, text in value.items()], ensure_ascii=False)
            _atomic_write(self.directory, f"{key}.txt", head + "\n" + "".join(value.values()))


    def get_lines(self, name: str) -> "Lines":
        """``put_lines``' and ``add_lines``' ``{key: line}``, the later row of a key winning.

        The lines stay text, for the caller to parse; a row torn by a killed
        append is returned as it is, so the caller's parse fails and treats it
        as a miss.
        """
        if self.directory is None:
            return Lines()
        try:
            text = (self.directory / f"{name}.txt").read_text("utf-8")
        except (OSError, ValueError):
            return Lines()
        rows = [line.split("\t", 1) for line in text.split("\n") if "\t" in line]
        return Lines(rows, rows=len(rows))

    def put_lines(self, name: str, lines: dict[str, str]) -> None:
        # One file of "key<TAB>line" rows (each line without a newline): a new process reads
        # it in one go, and an update re-joins the unchanged rows instead of re-encoding them.
        if self.directory is not None:
            _atomic_write(self.directory, f"{name}.txt", "".join(f"{key}\t{line}\n" for key, line in lines.items()))

    def add_lines(self, name: str, lines: dict[str, str]) -> None:
        """Append rows to ``put_lines``' file: one changed seed of 1000 writes one row, not 10 MB.

        Not atomic, on purpose: a row torn by a killed build fails its
        reader's parse and is a miss, and a row glued to a torn one is only
        a miss too.  The caller rewrites the file when stale rows pile up.
        """
        if self.directory is not None and lines:
            self.directory.mkdir(parents=True, exist_ok=True)
            with open(self.directory / f"{name}.txt", "a", encoding="utf-8", newline="") as handle:
                handle.write("".join(f"\n{key}\t{line}\n" for key, line in lines.items()))


class Lines(dict):
    """``{key: line}`` read back, and how many rows the file held (stale and repeated ones too)."""

    def __init__(self, *args, rows: int = 0):
        super().__init__(*args)
        self.rows = rows


def _atomic_write(directory: pathlib.Path, name: str, text: str) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    # Write then rename, so a build killed half-way never leaves a torn entry.
    fd, tmp = tempfile.mkstemp(dir=directory, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    os.chmod(tmp, 0o644)
    os.replace(tmp, directory / name)


def _atomic_json(directory: pathlib.Path, key: str, value) -> None:
    # json.dumps, not json.dump: dump streams through the pure-Python encoder (10x slower).
    _atomic_write(directory, f"{key}.json", json.dumps(value, ensure_ascii=False))


class ExtractionCache:
    """Article JSON on disk by key; a missing or corrupt entry is a miss."""

    def __init__(self, directory: pathlib.Path | None):
        self.directory = directory

    def get(self, key: str) -> Article | None:
        if self.directory is None:
            return None
        path = self.directory / f"{key}.json"
        try:
            return article_from_json(json.loads(path.read_text("utf-8")))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def has(self, key: str) -> bool:
        """Whether ``get`` has an entry to read (a torn one is still a miss for ``get``)."""
        return self.directory is not None and (self.directory / f"{key}.json").is_file()

    def put(self, key: str, article: Article) -> None:
        if self.directory is not None:
            _atomic_json(self.directory, key, article.to_json())
