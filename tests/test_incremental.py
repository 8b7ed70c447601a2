"""Incremental generation: a changed input changes the pages that show it, an unchanged one is reused.

Extraction is faked (no model): it finds a fixed list of names and dates in
the text, so the site-wide pages (actors, chronology, archives) have content.
The reference for every rebuild is a build from scratch (no cache, new
memory): incremental output must be byte-identical to it.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import pathlib
import re
import shutil
import time

import pytest

from explainer import cache as cache_mod
from explainer import render as render_mod
from explainer import site as site_mod
from explainer.model import Actor, Article, Event, Mention, Timex
from explainer.site import Generator, SiteConfig

ROOT = pathlib.Path(__file__).resolve().parent.parent
NAMES = {"Lloyd Austin": "person", "Shin Won-sik": "person", "Séoul": "place", "Tokyo": "place",
         "Japon": "state", "OTAN": "organization"}
DATES = {"12 novembre 2023": "2023-11-12", "avril 2024": "2024-04", "mai 2023": "2023-05"}


class FakeDoc:
    def __init__(self, text):
        self.text = text


class FakeNLP:
    def pipe(self, texts, batch_size=16, n_process=1):
        return (FakeDoc(t) for t in texts)


def fake_extract_article(seed, doc, knowledge, published=None, calls=None):
    calls.append(seed.source_file)
    actors, timexes, events = [], [], []
    for name, kind in NAMES.items():
        mentions = tuple(Mention(p, m.start(), m.end(), name) for p, text in enumerate(seed.paragraphs)
                         for m in re.finditer(re.escape(name), text))
        if mentions:
            ident = re.sub(r"[^a-z]+", "-", name.lower())
            actors.append(Actor(ident, name, kind, "ministre" if kind == "person" else None, (), None, mentions))
    for text, value in DATES.items():
        for p, paragraph in enumerate(seed.paragraphs):
            k = paragraph.find(text)
            if k >= 0:
                tid = f"t{len(timexes) + 1}"
                timexes.append(Timex(tid, p, k, k + len(text), text, "DATE", value, None))
                sentence = paragraph.split(".")[0]
                who = tuple(a.id for a in actors if any(m.paragraph == p for m in a.mentions))
                events.append(Event(f"e{len(events) + 1}", tid, sentence, sentence + ".", who, "past"))
                break
    return Article(seed=seed, actors=tuple(actors), timexes=tuple(timexes), events=tuple(events))


@pytest.fixture
def calls(monkeypatch):
    """The seeds extracted, and the explainer pages rendered, in order."""
    log = Calls(extracted=[], rendered=[], site=[])
    monkeypatch.setattr("explainer.extract.extract_article",
                        functools.partial(fake_extract_article, calls=log["extracted"]))
    monkeypatch.setattr("explainer.nlp.load", functools.lru_cache(maxsize=1)(lambda name=None: FakeNLP()))
    monkeypatch.setattr(site_mod, "_MEMO", {})
    monkeypatch.setattr(site_mod, "_LAST_SLUG", {})
    article = render_mod.Renderer.article

    def counting_article(self, a, *args, **kwargs):
        log["rendered"].append(a.seed.source_file)
        return article(self, a, *args, **kwargs)

    monkeypatch.setattr(render_mod.Renderer, "article", counting_article)
    site_specs = render_mod.Renderer.site_specs

    def counting_specs(self, index, *args, **kwargs):
        specs = site_specs(self, index, *args, **kwargs)
        return dataclasses.replace(specs, pages=[dataclasses.replace(s, render=_logged(s.render, s.path, log["site"]))
                                                 for s in specs.pages])

    monkeypatch.setattr(render_mod.Renderer, "site_specs", counting_specs)
    return log


class Calls(dict):
    def clear(self) -> None:
        for seen in self.values():
            seen.clear()  # in place: the fakes hold these lists


def _logged(render, path, log):
    def wrapped():
        log.append(path)
        return render()
    return wrapped


SEEDS = {
    "a": ("2023-11-12", "Sommet à Séoul", "Lloyd Austin a rencontré Shin Won-sik le 12 novembre 2023 à Séoul."),
    "b": ("2024-01-05", "Visite au Japon", "Lloyd Austin ira au Japon et à Tokyo en avril 2024. L'OTAN observe."),
    "c": ("2023-06-01", "Exercices", "Le Japon et l'OTAN ont tenu des exercices en mai 2023 près de Tokyo."),
}


@pytest.fixture
def project(tmp_path):
    (tmp_path / "seeds").mkdir()
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    for stem, (date, title, body) in SEEDS.items():
        write_seed(tmp_path, stem, date, title, body)
    return tmp_path


def write_seed(root: pathlib.Path, stem: str, date: str, title: str, body: str) -> None:
    (root / "seeds" / f"{stem}.txt").write_text(f"date {date}\n\n{title}\n\n{body}\n", "utf-8")


def build(root: pathlib.Path):
    return Generator(SiteConfig.from_root(root)).generate()


def from_scratch(root: pathlib.Path, monkeypatch) -> dict[str, str]:
    """The pages a build with no cache and nothing in memory gives (memory restored after)."""
    saved = dict(site_mod._MEMO)
    site_mod._MEMO.clear()
    try:
        return Generator(SiteConfig.from_root(root, cache=False)).generate().pages
    finally:
        site_mod._MEMO.clear()
        site_mod._MEMO.update(saved)


def new_process(monkeypatch) -> None:
    """What a new process keeps: the disk cache only."""
    site_mod._MEMO.clear()
    for function in (cache_mod.code_version, cache_mod.library_version):
        function.cache_clear()


def test_unchanged_site_is_reused_in_memory_and_from_disk(project, calls, monkeypatch):
    first = build(project).pages
    assert sorted(calls["extracted"]) == ["seeds/a.txt", "seeds/b.txt", "seeds/c.txt"]
    assert len(calls["rendered"]) == 3 and calls["site"]
    calls.clear()
    assert build(project).pages == first  # same process
    new_process(monkeypatch)
    assert build(project).pages == first  # new process, disk cache
    assert calls["extracted"] == [] and calls["rendered"] == [] and calls["site"] == []
    assert first == from_scratch(project, monkeypatch)


def test_changed_seed_changes_its_pages_and_reuses_the_others(project, calls, monkeypatch):
    first = build(project).pages
    calls.clear()
    new_process(monkeypatch)
    write_seed(project, "c", "2023-06-01", "Exercices", "Le Japon et l'OTAN ont tenu des exercices en mai 2023 "
               "près de Tokyo. Shin Won-sik était présent.")
    second = build(project).pages
    assert calls["extracted"] == ["seeds/c.txt"]
    assert calls["rendered"] == ["seeds/c.txt"]
    slug_c = next(p for p in second if p.startswith("explainers/exercices") and p.endswith(".md"))
    assert second[slug_c] != first[slug_c] and "Shin Won-sik était présent" in second[slug_c]
    # Only the site-wide pages that show something of c changed are rendered: Shin Won-sik's
    # (a new appearance) — not Lloyd Austin's, which c does not mention.
    assert "acteurs/shin-won-sik.md" in calls["site"]
    assert "acteurs/lloyd-austin.md" not in calls["site"]
    assert "Exercices" in second["acteurs/shin-won-sik.md"] and "Exercices" not in first["acteurs/shin-won-sik.md"]
    for path in ("explainers/sommet-a-seoul.md", "explainers/visite-au-japon.md", "acteurs/lloyd-austin.md"):
        assert second[path] == first[path]
    assert second == from_scratch(project, monkeypatch)


def test_changed_title_reaches_every_page_that_shows_it(project, calls, monkeypatch):
    build(project)
    calls.clear()
    write_seed(project, "b", "2024-01-05", "Visite au Japon", SEEDS["b"][2])  # same bytes: nothing to do
    build(project)
    assert calls["extracted"] == [] and calls["site"] == []
    (project / "seeds" / "b.yaml").write_text("title: Voyage à Tokyo\n", "utf-8")
    pages = build(project).pages
    assert calls["extracted"] == []  # a title correction is applied to the cached extraction
    assert calls["rendered"] == ["seeds/b.txt"]
    for path in ("acteurs/lloyd-austin.md", "acteurs/tokyo.md", "chronologie/index.md", "index.md"):
        assert "Voyage à Tokyo" in pages[path], path
    assert "Voyage à Tokyo" not in pages["acteurs/shin-won-sik.md"]
    assert pages == from_scratch(project, monkeypatch)


def test_changed_template_rerenders_and_changed_knowledge_reextracts(project, calls, monkeypatch):
    build(project)
    calls.clear()
    template = project / "templates" / "actor.md.j2"
    template.write_text(template.read_text("utf-8").replace("Tous les acteurs", "Tous les acteurs du site"), "utf-8")
    pages = build(project).pages
    assert calls["extracted"] == [] and len(calls["rendered"]) == 3  # render version changed: all re-rendered
    assert "Tous les acteurs du site" in pages["acteurs/lloyd-austin.md"]
    calls.clear()
    (project / "knowledge.yaml").write_text("actors:\n  - name: Lloyd Austin\n    type: person\n", "utf-8")
    new_process(monkeypatch)
    pages = build(project).pages
    assert sorted(calls["extracted"]) == ["seeds/a.txt", "seeds/b.txt", "seeds/c.txt"]
    assert pages == from_scratch(project, monkeypatch)


def test_changed_code_invalidates_the_stored_state(project, calls, monkeypatch):
    build(project)
    calls.clear()
    new_process(monkeypatch)
    monkeypatch.setattr(site_mod, "library_version", lambda: "another-version")
    pages = build(project).pages
    # The extraction cache does not depend on this version (render and corrections code do):
    # nothing is extracted again, but every ref and page is rebuilt from the cached extraction.
    assert calls["extracted"] == [] and len(calls["rendered"]) == 3
    assert pages == from_scratch(project, monkeypatch)


def test_deleted_seed_disappears_from_every_page(project, calls, monkeypatch):
    first = build(project).pages
    assert "Exercices" in first["acteurs/otan.md"]
    (project / "seeds" / "c.txt").unlink()
    new_process(monkeypatch)
    pages = build(project).pages
    assert not any(p.startswith("explainers/exercices") for p in pages)
    assert "Exercices" not in pages["acteurs/otan.md"] and "Exercices" not in pages["index.md"]
    assert pages == from_scratch(project, monkeypatch)


def test_corrupt_cache_entries_are_misses(project, calls, monkeypatch):
    first = build(project).pages
    folder = project / ".cache" / "explainer" / "pages"
    for path in folder.iterdir():
        path.write_text(path.read_text("utf-8")[:40], "utf-8")  # torn writes everywhere
    new_process(monkeypatch)
    assert build(project).pages == first


def test_torn_page_entries_found_only_when_read_are_rendered_again(project, calls, monkeypatch):
    # The last build's record is intact, so a rebuild reuses its pages and reads them lazily:
    # the torn entries show only then, and must be rendered again rather than fail the build.
    first = build(project).pages
    folder = project / ".cache" / "explainer" / "pages"
    torn = [p for p in folder.iterdir() if re.fullmatch(r"(site-)?[0-9a-f]{16,}\.txt", p.name)]
    assert torn
    for path in torn:
        path.write_text(path.read_text("utf-8")[:40], "utf-8")
    new_process(monkeypatch)
    calls.clear()
    reused = []
    reuse = site_mod.Generator._reuse
    monkeypatch.setattr(site_mod.Generator, "_reuse",
                        lambda self, *args: reused.append(reuse(self, *args)) or reused[-1])
    pages = build(project).pages
    assert reused and reused[0] is not None  # the lazy path, not a miss found up front
    assert dict(pages) == dict(first)
    assert calls["extracted"] == []


def test_parsed_seeds_are_kept_by_their_bytes(project, calls, monkeypatch):
    build(project)
    store = project / ".cache" / "explainer" / "seeds.pickle"
    assert store.is_file()
    # A new process parses no unchanged seed: they come back from the store.
    new_process(monkeypatch)
    parsed = []
    read_seed = site_mod.read_seed
    monkeypatch.setattr(site_mod, "read_seed", lambda path, **kw: parsed.append(path.name) or read_seed(path, **kw))
    write_seed(project, "b", "2023-11-13", "Un tout autre titre", SEEDS["b"][2])
    pages = build(project).pages
    assert parsed == ["b.txt"]
    assert any("Un tout autre titre" in text for path, text in pages.items() if path.startswith("explainers/"))
    # A torn store is a miss: every seed is parsed again and the site is the same.
    store.write_bytes(store.read_bytes()[:100])
    new_process(monkeypatch)
    parsed.clear()
    assert dict(build(project).pages) == dict(pages)
    assert sorted(parsed) == ["a.txt", "b.txt", "c.txt"]


def log_calls(monkeypatch, method: str, label) -> list[str]:
    """The events of the next builds: "preload" for each call of ``nlp.preload`` (the model is not
    loaded), and ``label(*args)`` for each call of ``Generator.<method>``."""
    events: list[str] = []
    monkeypatch.setattr("explainer.nlp.preload", lambda name=None: events.append("preload"))
    original = getattr(site_mod.Generator, method)
    monkeypatch.setattr(site_mod.Generator, method,
                        lambda self, *args, **kwargs: events.append(label(*args)) or original(self, *args, **kwargs))
    return events


def test_an_edited_seed_starts_the_model_loading_before_the_stored_state_is_read(project, calls, monkeypatch):
    build(project)
    events = log_calls(monkeypatch, "_corrected", lambda *args: "refs")
    new_process(monkeypatch)
    calls.clear()
    build(project)
    assert events == ["refs"]  # nothing changed: spaCy is not even started
    write_seed(project, "c", "2023-06-01", "Exercices", SEEDS["c"][2] + " Lloyd Austin était là.")
    new_process(monkeypatch)
    events.clear()
    build(project)
    assert events[:2] == ["preload", "refs"] and calls["extracted"] == ["seeds/c.txt"]
    # Back to the old text: the seed is parsed anew, but its article is in the extraction cache.
    write_seed(project, "c", "2023-06-01", "Exercices", SEEDS["c"][2])
    new_process(monkeypatch)
    events.clear()
    calls.clear()
    build(project)
    assert "preload" not in events and calls["extracted"] == []


def test_the_model_starts_loading_as_soon_as_an_edited_seed_is_read(project, calls, monkeypatch):
    # Not once every seed has been read and every correction file loaded: the load (~5 s) runs
    # alongside the rest of the build, and every step before it adds to an editor's wait.
    build(project)
    events = log_calls(monkeypatch, "load_corrections", lambda seeds: f"corrections of {len(seeds)}")
    write_seed(project, "a", *SEEDS["a"][:2], SEEDS["a"][2] + " Le Japon aussi.")
    new_process(monkeypatch)
    build(project)
    assert events[:3] == ["corrections of 1", "preload", "corrections of 3"]


def test_the_model_starts_loading_before_the_seeds_are_read_when_the_newest_is_edited(project, calls, monkeypatch):
    # The seed an editor just saved is the most recently modified: it is looked at first.
    build(project)
    events = log_calls(monkeypatch, "read_seeds", lambda paths: f"read {len(paths)} seeds")
    write_seed(project, "b", *SEEDS["b"][:2], SEEDS["b"][2] + " Le Japon aussi.")
    for stem, age in (("a", 20), ("c", 10)):  # older than b, whatever the clock's resolution
        os.utime(project / "seeds" / f"{stem}.txt", ns=(0, time.time_ns() - age * 10**9))
    new_process(monkeypatch)
    calls.clear()
    pages = build(project).pages
    assert events[:2] == ["preload", "read 3 seeds"] and calls["extracted"] == ["seeds/b.txt"]
    assert dict(pages) == from_scratch(project, monkeypatch)


def test_a_few_new_refs_are_appended_to_the_store_and_a_torn_row_is_a_miss(project, calls, monkeypatch):
    for n in range(5):  # a site big enough for one edit to be "a few" (a bulk change rewrites the store)
        write_seed(project, f"d{n}", f"2023-0{n + 1}-10", f"Note {n}", f"Le Japon, le {n + 1} mai 2023.")
    build(project)
    store = project / ".cache" / "explainer" / "pages" / f"{site_mod.REFS_STORE}.txt"
    rows = lambda: [line for line in store.read_text("utf-8").split("\n") if "\t" in line]  # noqa: E731
    assert len(rows()) == 8
    write_seed(project, "a", "2023-11-12", "Sommet à Séoul", SEEDS["a"][2] + " Tokyo aussi.")
    new_process(monkeypatch)
    pages = build(project).pages
    assert len(rows()) == 9  # the edited seed's ref, appended; the stale row stays, harmless
    new_process(monkeypatch)
    calls.clear()
    assert dict(build(project).pages) == dict(pages) and calls["extracted"] == []
    # A build killed while appending leaves a torn last row: a miss, stored again.
    key = rows()[-1].split("\t")[0]
    with open(store, "a", encoding="utf-8") as handle:
        handle.write(f"\n{key}\t[[\"torn")
    new_process(monkeypatch)
    assert dict(build(project).pages) == dict(pages)
    assert rows()[-1].split("\t")[0] == key and rows()[-1].endswith("]]")
    assert dict(build(project).pages) == from_scratch(project, monkeypatch)


def test_parsed_seeds_of_an_edit_are_appended_to_their_store(project, calls, monkeypatch):
    build(project)
    store = project / ".cache" / "explainer" / "seeds.pickle"
    size = store.stat().st_size
    write_seed(project, "b", "2024-01-05", "Visite au Japon", SEEDS["b"][2] + " Et Séoul.")
    new_process(monkeypatch)
    build(project)
    assert store.stat().st_size > size and len(list(site_mod._read_pickles(store))) == 2
    new_process(monkeypatch)
    parsed = []
    read_seed = site_mod.read_seed
    monkeypatch.setattr(site_mod, "read_seed", lambda path, **kw: parsed.append(path.name) or read_seed(path, **kw))
    build(project)
    assert parsed == []  # the edited seed comes back from the appended record


# -- build.py's one-shot builds: spaCy in a child process ------------------------------

def one_shot(root: pathlib.Path):
    return Generator(SiteConfig.from_root(root), one_shot=True).generate()


@pytest.fixture(autouse=True)
def model_not_loaded(monkeypatch):
    """As in a new process: no model loaded yet (other tests of the session may have loaded the real one)."""
    from explainer import nlp as nlp_mod

    monkeypatch.setattr(nlp_mod, "_LOADED", set())


def test_a_one_shot_build_extracts_in_a_child_and_keys_the_last_site_meanwhile(project, calls, monkeypatch):
    # build.py after one edit: the seed is extracted by the forked worker (so this process's fake
    # extraction never runs), the last build's site is indexed from its stored refs while the
    # model loads, and the pages and their keys are those of a build from scratch.
    build(project)
    previous = []
    specs = render_mod.Renderer.site_specs
    monkeypatch.setattr(render_mod.Renderer, "site_specs",
                        lambda self, index, before=None, delta=None: previous.append(before) or specs(self, index, before, delta))
    for extra in ("Shin Won-sik était présent.", "Lloyd Austin aussi."):
        new_process(monkeypatch)
        calls.clear()
        previous.clear()
        write_seed(project, "c", "2023-06-01", "Exercices", SEEDS["c"][2] + " " + extra)
        generated = one_shot(project)
        assert generated.stats["in_worker"] == 1 and generated.stats["model_loaded"] == 1
        assert calls["extracted"] == []  # extracted in the child, not here
        assert calls["rendered"] == ["seeds/c.txt"]
        assert previous[0] is None and previous[-1] is not None  # the last site, primed, then compared with
        assert extra in generated.pages["explainers/exercices.md"]
        site_mod._MEMO.clear()
        expected = Generator(SiteConfig.from_root(project, cache=False)).generate()
        assert dict(generated.pages) == dict(expected.pages)
        assert dict(generated.page_keys) == dict(expected.page_keys)
    new_process(monkeypatch)
    calls.clear()
    assert dict(build(project).pages) == dict(expected.pages)  # the child's article is in the cache
    assert calls["extracted"] == []


def test_a_one_shot_build_reports_a_seed_whose_extraction_fails_in_the_child(project, calls, monkeypatch):
    build(project)
    failing = fake_extract_article

    def fake(seed, *args, **kwargs):
        if seed.source_file == "seeds/c.txt":
            raise ValueError("no parse")
        return failing(seed, *args, **kwargs)

    monkeypatch.setattr("explainer.extract.extract_article", functools.partial(fake, calls=[]))
    new_process(monkeypatch)
    write_seed(project, "c", "2023-06-01", "Exercices", SEEDS["c"][2] + " Encore.")
    generated = one_shot(project)
    assert any(p.file == "seeds/c.txt" and "extraction failed (ValueError: no parse)" in p.message
               for p in generated.errors)
    assert "explainers/sommet-a-seoul.md" in generated.pages


def test_a_one_shot_build_extracts_itself_when_the_child_fails(project, calls, monkeypatch):
    from explainer import worker as worker_mod

    build(project)

    def broken(self, tasks):
        raise worker_mod.WorkerFailed("the extraction process ended unexpectedly")

    monkeypatch.setattr(worker_mod.ExtractionWorker, "extract", broken)
    new_process(monkeypatch)
    calls.clear()
    write_seed(project, "c", "2023-06-01", "Exercices", SEEDS["c"][2] + " Encore.")
    generated = one_shot(project)
    assert calls["extracted"] == ["seeds/c.txt"]  # in this process, after all
    assert "in_worker" not in generated.stats
    assert generated.pages == from_scratch(project, monkeypatch)


def test_the_worker_reports_a_model_it_cannot_load(monkeypatch):
    from explainer import nlp as nlp_mod
    from explainer import worker as worker_mod

    def missing(name=None):
        raise nlp_mod.ModelNotInstalled(f"spaCy model {name!r} is not installed")

    monkeypatch.setattr(nlp_mod, "load", missing)
    worker = worker_mod.ExtractionWorker("fr_core_news_xx", lambda: None)
    try:
        with pytest.raises(worker_mod.WorkerFailed, match="ModelNotInstalled: spaCy model 'fr_core_news_xx'"):
            worker.extract([])
    finally:
        worker.close()
