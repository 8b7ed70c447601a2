"""write.py: only changed bytes, own orphans removed, never a file someone else wrote."""

from __future__ import annotations

import json

from explainer.write import MANIFEST, write_pages


def test_writes_then_leaves_unchanged_files_alone(tmp_path):
    pages = {"index.md": "home\n", "explainers/a.md": "A\n"}
    first = write_pages(tmp_path, pages)
    assert sorted(first.written) == ["explainers/a.md", "index.md"]
    mtime = (tmp_path / "explainers/a.md").stat().st_mtime_ns
    second = write_pages(tmp_path, pages)
    assert second.written == [] and sorted(second.unchanged) == ["explainers/a.md", "index.md"]
    assert (tmp_path / "explainers/a.md").stat().st_mtime_ns == mtime


def test_removes_its_own_orphans_and_empty_folders(tmp_path):
    write_pages(tmp_path, {"index.md": "home\n", "explainers/a.md": "A\n"})
    report = write_pages(tmp_path, {"index.md": "home\n"})
    assert report.removed == ["explainers/a.md"]
    assert not (tmp_path / "explainers").exists()
    assert list(json.loads((tmp_path / MANIFEST).read_text())["files"]) == ["index.md"]


def test_never_overwrites_a_hand_written_file(tmp_path):
    (tmp_path / "index.md").write_text("Mon texte\n")
    report = write_pages(tmp_path, {"index.md": "home\n"})
    assert report.conflicts == ["index.md"]
    assert (tmp_path / "index.md").read_text() == "Mon texte\n"


def test_never_deletes_or_overwrites_a_generated_file_edited_by_hand(tmp_path):
    write_pages(tmp_path, {"index.md": "home\n", "explainers/a.md": "A\n"})
    (tmp_path / "explainers/a.md").write_text("A, corrigé à la main\n")
    report = write_pages(tmp_path, {"index.md": "home\n", "explainers/a.md": "A v2\n"})
    assert report.conflicts == ["explainers/a.md"]
    assert (tmp_path / "explainers/a.md").read_text() == "A, corrigé à la main\n"
    report = write_pages(tmp_path, {"index.md": "home\n"})
    assert report.conflicts == ["explainers/a.md"] and report.removed == []
    assert (tmp_path / "explainers/a.md").exists()


def test_other_files_in_docs_are_untouched(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets/site.css").write_text("body{}")
    write_pages(tmp_path, {"index.md": "home\n"})
    write_pages(tmp_path, {})
    assert (tmp_path / "assets/site.css").read_text() == "body{}"
    assert not (tmp_path / "index.md").exists()
