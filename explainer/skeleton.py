"""Copy the publishing skeleton of a project: for tests, benchmarks and new sites.

The skeleton is what MkDocs needs besides the seeds: ``mkdocs.yml``, the
hook, the templates, the theme overrides, the knowledge file and the
hand-written part of ``docs/`` (pages ``build.py`` generated are left out:
the hook regenerates them).
"""

from __future__ import annotations

import json
import pathlib
import shutil

from .write import MANIFEST

FILES = ("mkdocs.yml", "build.py", "knowledge.yaml")
FOLDERS = ("hooks", "templates", "overrides")
_IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc")


def copy_skeleton(source: pathlib.Path, dest: pathlib.Path, *, library: str = "copy") -> pathlib.Path:
    """Copy ``source``'s skeleton into ``dest``; ``library`` is "copy" or "link" for explainer/."""
    for name in FILES:
        if (source / name).exists():
            shutil.copy2(source / name, dest / name)
    for name in FOLDERS:
        if (source / name).is_dir():
            shutil.copytree(source / name, dest / name, ignore=_IGNORE)
    generated = _generated(source / "docs")
    for path in sorted((source / "docs").rglob("*")):
        rel = path.relative_to(source / "docs").as_posix()
        if path.is_file() and rel not in generated and rel != MANIFEST:
            (dest / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, dest / "docs" / rel)
    (dest / "docs").mkdir(exist_ok=True)
    (dest / "seeds").mkdir(exist_ok=True)
    if library == "link":
        (dest / "explainer").symlink_to(source / "explainer")
    else:
        shutil.copytree(source / "explainer", dest / "explainer", ignore=_IGNORE)
    return dest


def _generated(docs: pathlib.Path) -> set[str]:
    try:
        return set(json.loads((docs / MANIFEST).read_text("utf-8"))["files"])
    except (OSError, ValueError, KeyError):
        return set()
