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
EXTRACTION_MODULES = ("model.py", "read.py", "extract.py", "timex*.py", "events*.py", "actor*.py",
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

    def put(self, key: str, article: Article) -> None:
        if self.directory is None:
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        # Write then rename, so a build killed half-way never leaves a torn entry.
        fd, tmp = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(article.to_json(), handle, ensure_ascii=False)
        os.chmod(tmp, 0o644)
        os.replace(tmp, self.directory / f"{key}.json")
