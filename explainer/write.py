"""Write: generated pages → files in ``docs/``, without churn and without harm.

* Only files whose bytes changed are rewritten (watchers and rsync stay calm).
* A manifest, ``docs/.explainer-manifest.json``, lists what we generated with
  the hash we wrote.  A page we generated earlier and no longer produce is
  removed — unless someone edited it since, which we report instead.
* A file in ``docs/`` that we did not generate is never overwritten or
  deleted: it is reported as a conflict.
* A page given with a key of its text (``keys``) whose key, and whose file's
  size and modification time, are those the manifest recorded when we last
  wrote or checked it is unchanged without being read: after one edit in a
  1000-article site, the writer reads back only what changed.  Any change to
  the file (an editor's edit included) changes its size or mtime, and then
  its bytes are compared as usual.
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


def _load_manifest(docs_dir: pathlib.Path) -> tuple[dict[str, str], dict[str, list]]:
    """What we wrote: ``{path: sha256}``, and ``{path: [key, size, mtime_ns]}`` for keyed pages."""
    try:
        data = json.loads((docs_dir / MANIFEST).read_text("utf-8"))
        files = {str(k): str(v) for k, v in data.get("files", {}).items()}
        stamps = {str(k): v for k, v in data.get("stamps", {}).items() if isinstance(v, list) and len(v) == 3}
        return files, stamps
    except (OSError, ValueError, AttributeError):
        return {}, {}


def _stamp(key: str, path: pathlib.Path) -> list:
    stat = path.stat()
    return [key, stat.st_size, stat.st_mtime_ns]


def _atomic_write(path: pathlib.Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.chmod(tmp, 0o644)  # mkstemp creates 0600; these files are meant to be shared
    os.replace(tmp, path)


def write_pages(docs_dir: pathlib.Path, pages: Mapping[str, str],
                keys: Mapping[str, str] | None = None) -> WriteReport:
    """Bring ``docs_dir`` in line with ``pages`` (relative path → text).

    ``keys`` (relative path → a key that changes whenever the page's text
    does) lets an unchanged page be skipped without reading it: ``pages`` may
    then load its texts lazily (``site.Pages``).
    """
    keys = keys or {}
    report = WriteReport()
    previous, previous_stamps = _load_manifest(docs_dir)
    manifest: dict[str, str] = {}
    stamps: dict[str, list] = {}
    for rel in sorted(pages):
        path = docs_dir / rel
        key = keys.get(rel)
        stamp = previous_stamps.get(rel)
        if key is not None and rel in previous and stamp is not None and stamp[0] == key:
            try:
                if _stamp(key, path) == stamp:
                    report.unchanged.append(rel)
                    manifest[rel], stamps[rel] = previous[rel], stamp
                    continue
            except OSError:
                pass  # gone: written again below
        data = pages[rel].encode("utf-8")
        if path.exists():
            current = path.read_bytes()
            ours = rel in previous and previous[rel] == _digest(current)
            if current == data:
                report.unchanged.append(rel)
                manifest[rel] = _digest(data)
                if key is not None:
                    stamps[rel] = _stamp(key, path)
                continue
            if not ours:
                # Hand-written, or a generated page that an editor changed: keep it.
                report.conflicts.append(rel)
                if rel in previous:
                    manifest[rel] = previous[rel]
                continue
        _atomic_write(path, data)
        manifest[rel] = _digest(data)
        if key is not None:
            stamps[rel] = _stamp(key, path)
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
    manifest_data = (json.dumps({"generator": "explainer", "files": manifest, "stamps": stamps},
                                indent=1, sort_keys=True) + "\n").encode()
    manifest_path = docs_dir / MANIFEST
    if not manifest_path.exists() or manifest_path.read_bytes() != manifest_data:
        _atomic_write(manifest_path, manifest_data)
    return report


def _prune_empty_dirs(directory: pathlib.Path, stop: pathlib.Path) -> None:
    while directory != stop and directory.is_dir() and not any(directory.iterdir()):
        directory.rmdir()
        directory = directory.parent
