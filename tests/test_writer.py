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


def _lazy_pages(texts: dict[str, str], keys: dict[str, str], unreadable: set[str]):
    """A ``site.Pages`` whose listed pages fail the test if their text is read."""
    from explainer.site import Pages

    pages = Pages()

    def load(rel):
        if rel in unreadable:
            raise AssertionError(f"{rel} was read although its key had not changed")
        return texts[rel]

    for rel, text in texts.items():
        pages.put_lazy(rel, keys[rel], lambda rel=rel: load(rel))
    return pages


def test_a_keyed_page_whose_key_and_file_did_not_change_is_not_read(tmp_path):
    texts = {"index.md": "home\n", "explainers/a.md": "A\n"}
    keys = {"index.md": "k-home", "explainers/a.md": "k-a"}
    write_pages(tmp_path, texts, keys)
    texts["index.md"] = "home v2\n"
    report = write_pages(tmp_path, _lazy_pages(texts, {**keys, "index.md": "k-home2"}, {"explainers/a.md"}),
                         {**keys, "index.md": "k-home2"})
    assert report.written == ["index.md"] and report.unchanged == ["explainers/a.md"]
    assert (tmp_path / "index.md").read_text() == "home v2\n"


def test_a_keyed_page_edited_by_hand_is_still_a_conflict(tmp_path):
    keys = {"explainers/a.md": "k-a"}
    write_pages(tmp_path, {"explainers/a.md": "A\n"}, keys)
    (tmp_path / "explainers/a.md").write_text("A, corrigé à la main\n")
    # Same key, so the text is unchanged; the edited file must still be noticed and kept.
    report = write_pages(tmp_path, {"explainers/a.md": "A\n"}, keys)
    assert report.conflicts == ["explainers/a.md"]
    assert (tmp_path / "explainers/a.md").read_text() == "A, corrigé à la main\n"


def test_pages_read_lazily_and_lose_their_key_when_replaced():
    from explainer.site import Pages

    reads = []
    pages = Pages()
    pages.put_lazy("a.md", "k-a", lambda: reads.append("a") or "A\n")
    pages.put("b.md", "k-b", "B\n")
    assert "a.md" in pages and len(pages) == 2 and sorted(pages) == ["a.md", "b.md"] and reads == []
    assert pages["a.md"] == "A\n" and pages["a.md"] == "A\n" and reads == ["a"]
    pages["a.md"] = "A, avec un bandeau\n"  # e.g. an error banner: the writer must compare its bytes
    assert dict(pages.page_keys) == {"b.md": "k-b"}
    del pages["b.md"]
    assert dict(pages) == {"a.md": "A, avec un bandeau\n"} and not pages.page_keys
