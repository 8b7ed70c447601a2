"""The real site, built by MkDocs through the hook, from a copy of the project."""

from __future__ import annotations

import os
import pathlib
import re
import shutil
import subprocess
import sys

import pytest

from explainer.skeleton import copy_skeleton

ROOT = pathlib.Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]

pytestmark = [pytest.mark.model, pytest.mark.slow]


def copy_project(dest: pathlib.Path) -> pathlib.Path:
    copy_skeleton(ROOT, dest, library="link")
    for seed in (ROOT / "seeds").glob("*.txt"):
        shutil.copy(seed, dest / "seeds" / seed.name)
    return dest


def mkdocs_build(project: pathlib.Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([*MKDOCS, "build", "--strict", *args], cwd=project, env=env,
                          capture_output=True, text=True, timeout=600)


def explainer_pages(site: pathlib.Path) -> list[str]:
    return sorted(p.parent.name for p in (site / "explainers").glob("*/index.html"))


def test_strict_build_makes_home_and_explainer(tmp_path):
    project = copy_project(tmp_path)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    (slug,) = explainer_pages(site)
    page = (site / "explainers" / slug / "index.html").read_text("utf-8")
    for needle in ("Washington, Séoul et Tokyo", "Chronologie", "Qui est qui", "L’essentiel", 'class="ex-m ',
                   "<time datetime=", "novembre 2023"):
        assert needle in page, needle
    assert (site / "explainers" / f"{slug}.json").exists()
    home = (site / "index.html").read_text("utf-8")
    assert f'href="explainers/{slug}/"' in home
    # The hook serves pages from memory: nothing was written into docs/.
    assert not (project / "docs" / "index.md").exists() and not (project / "docs" / "explainers").exists()


def test_deleted_seed_page_disappears_even_after_build_py(tmp_path):
    project = copy_project(tmp_path)
    (project / "seeds" / "zz_extra.txt").write_text("date 2024-01-05\n\nUn autre article\n\nIl a parlé lundi.\n", "utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    built = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(project)], env=env,
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr
    assert (project / "docs" / "explainers" / "un-autre-article.md").exists()
    assert mkdocs_build(project).returncode == 0
    assert "un-autre-article" in explainer_pages(project / "site")
    (project / "seeds" / "zz_extra.txt").unlink()
    # docs/ still holds build.py's stale page; the hook must not serve it.
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    assert "un-autre-article" not in explainer_pages(project / "site")


def test_strict_build_fails_on_a_broken_seed_but_warns_in_a_normal_one(tmp_path):
    project = copy_project(tmp_path)
    (project / "seeds" / "broken.txt").write_text("date 2023-99\n\nTitre\n\nCorps.\n", "utf-8")
    strict = mkdocs_build(project)
    assert strict.returncode != 0
    assert "seeds/broken.txt:1: error: malformed date header" in strict.stderr + strict.stdout
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    normal = subprocess.run([*MKDOCS, "build"], cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert normal.returncode == 0
    assert len(explainer_pages(project / "site")) == 1


def test_fast_rebuild_hook_changes_no_page(tmp_path):
    """hooks/fast_rebuild.py hides our HTML blocks from Markdown and puts them back:
    the site must be the same as without it, but for whitespace between tags."""
    def pages(project: pathlib.Path) -> dict[str, str]:
        out = {}
        for path in sorted((project / "site").rglob("*")):
            if path.suffix in (".html", ".json") and "assets" not in path.parts:
                out[str(path.relative_to(project / "site"))] = re.sub(r">\s+<", "><", path.read_text("utf-8"))
        return out

    (tmp_path / "fast").mkdir()
    (tmp_path / "plain").mkdir()
    fast = copy_project(tmp_path / "fast")
    plain = copy_project(tmp_path / "plain")
    config = plain / "mkdocs.yml"
    config.write_text("\n".join(line for line in config.read_text("utf-8").splitlines()
                                if "fast_rebuild" not in line) + "\n", "utf-8")
    for project in (fast, plain):
        result = mkdocs_build(project)
        assert result.returncode == 0, result.stderr
    got, expected = pages(fast), pages(plain)
    assert got.keys() == expected.keys() and len(got) > 5
    # every page and the search index, byte for byte once whitespace between tags is folded
    for rel in expected:
        assert "explainer-raw-" not in got[rel]
        assert got[rel] == expected[rel], rel
