"""Write: generated pages → files in ``docs/``, without churn and without harm.

* Only files whose bytes changed are rewritten (watchers and rsync stay calm).
* A manifest, ``docs/.explainer-manifest.json``, lists what we generated with
  the hash we wrote.  A page we generated earlier and no longer produce is
  removed — unless someone edited it since, which we report instead.
* A file in ``docs/`` that we did not generate is never overwritten or
  deleted: it is reported as a conflict.
"""

from __future__ import annotations

import hashlib
import json
import os
import pathlib
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field

MANIFEST = ".explainer-manifest.json"


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _load_manifest(docs_dir: pathlib.Path) -> dict[str, str]:
    try:
        data = json.loads((docs_dir / MANIFEST).read_text("utf-8"))
        return {str(k): str(v) for k, v in data.get("files", {}).items()}
    except (OSError, ValueError, AttributeError):
        return {}


def _atomic_write(path: pathlib.Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.chmod(tmp, 0o644)  # mkstemp creates 0600; these files are meant to be shared
    os.replace(tmp, path)


def write_pages(docs_dir: pathlib.Path, pages: Mapping[str, str]) -> WriteReport:
    """Bring ``docs_dir`` in line with ``pages`` (relative path → text)."""
    report = WriteReport()
    previous = _load_manifest(docs_dir)
    manifest: dict[str, str] = {}
    for rel, text in sorted(pages.items()):
        data = text.encode("utf-8")
        path = docs_dir / rel
        if path.exists():
            current = path.read_bytes()
            ours = rel in previous and previous[rel] == _digest(current)
            if current == data:
                report.unchanged.append(rel)
                manifest[rel] = _digest(data)
                continue
            if not ours:
                # Hand-written, or a generated page that an editor changed: keep it.
                report.conflicts.append(rel)
                if rel in previous:
                    manifest[rel] = previous[rel]
                continue
        _atomic_write(path, data)
        manifest[rel] = _digest(data)
        report.written.append(rel)
    for rel, digest in sorted(previous.items()):
        if rel in pages:
            continue
        path = docs_dir / rel
        if not path.exists():
            continue
        if _digest(path.read_bytes()) == digest:
            path.unlink()
            report.removed.append(rel)
            _prune_empty_dirs(path.parent, docs_dir)
        else:
            report.conflicts.append(rel)
    manifest_data = (json.dumps({"generator": "explainer", "files": manifest}, indent=1, sort_keys=True) + "\n").encode()
    manifest_path = docs_dir / MANIFEST
    if not manifest_path.exists() or manifest_path.read_bytes() != manifest_data:
        _atomic_write(manifest_path, manifest_data)
    return report


def _prune_empty_dirs(directory: pathlib.Path, stop: pathlib.Path) -> None:
    while directory != stop and directory.is_dir() and not any(directory.iterdir()):
        directory.rmdir()
        directory = directory.parent
