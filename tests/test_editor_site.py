"""The editor's loop through the Generator: correction files found, cached, applied, flagged.

Extraction is faked here (no model); ``test_end_to_end_published`` uses the real pipeline.
"""

from __future__ import annotations

import dataclasses
import functools
import pathlib
import shutil

import pytest

from _project import SEED
from explainer import site as site_mod
from explainer.model import Article, PubDate, Timex
from explainer.site import Generator, SiteConfig

STEM = SEED.stem


class FakeDoc:
    def __init__(self, text):
        self.text = text


class FakeNLP:
    def pipe(self, texts, batch_size=16, n_process=1):
        return (FakeDoc(t) for t in texts)


@pytest.fixture
def fake_extraction(monkeypatch):
    """Extraction that records the publication date it was given and finds one "dimanche"."""
    calls: list[tuple[str, PubDate | None]] = []

    def extract_article(seed, doc, knowledge, published=None):
        calls.append((seed.source_file, published))
        dct = published or seed.published
        resolved = bool(dct and dct.precision == "day")
        timex = Timex("t1", 0, 0, 8, "dimanche", "DATE", dct.value if dct else "XXXX", None, resolved)
        if published:
            seed = dataclasses.replace(seed, published=published)
        return Article(seed=seed, actors=(), timexes=(timex,), events=())

    monkeypatch.setattr("explainer.extract.extract_article", extract_article)
    monkeypatch.setattr("explainer.nlp.load", functools.lru_cache(maxsize=1)(lambda name=None: FakeNLP()))
    monkeypatch.setattr(site_mod, "_MEMO", {})
    return calls


@pytest.fixture
def project(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "templates").symlink_to(pathlib.Path(__file__).resolve().parent.parent / "templates")
    shutil.copy2(SEED, tmp_path / "seeds" / SEED.name)
    return tmp_path


def generate(root):
    return Generator(SiteConfig.from_root(root)).generate()


def test_published_correction_reaches_extraction_and_the_cache_key(project, fake_extraction):
    first = generate(project)
    assert fake_extraction == [(f"seeds/{SEED.name}", None)]
    assert first.articles[0].timexes[0].resolved is False

    (project / "seeds" / f"{STEM}.yaml").write_text("published: 2023-11-12\n", "utf-8")
    second = generate(project)
    assert fake_extraction[-1] == (f"seeds/{SEED.name}", PubDate("2023-11-12", "day"))
    article = second.articles[0]
    assert article.seed.published == PubDate("2023-11-12", "day")
    assert (article.timexes[0].value, article.timexes[0].resolved) == ("2023-11-12", True)


def test_other_corrections_do_not_re_extract(project, fake_extraction):
    generate(project)
    corrections = project / "seeds" / f"{STEM}.yaml"
    corrections.write_text("title: Titre corrigé\n", "utf-8")
    generated = generate(project)
    assert len(fake_extraction) == 1  # from the cache, corrections applied on top
    assert generated.articles[0].seed.title == "Titre corrigé"
    assert "Titre corrigé" in generated.pages[f"explainers/{generated.articles[0].slug}.md"]
    corrections.write_text("title: Encore un autre\n", "utf-8")
    assert generate(project).articles[0].seed.title == "Encore un autre"
    assert len(fake_extraction) == 1


def test_disk_cache_is_used_across_processes(project, fake_extraction, monkeypatch):
    generate(project)
    monkeypatch.setattr(site_mod, "_MEMO", {})  # a new process: only the disk cache is left
    generated = generate(project)
    assert len(fake_extraction) == 1 and generated.stats["cached"] == 1


def test_broken_correction_file_is_an_error_and_the_page_still_builds_with_a_banner(project, fake_extraction):
    (project / "seeds" / f"{STEM}.yaml").write_text("title: x\nactors:\n  Nobody:\n    rol: x\n", "utf-8")
    generated = generate(project)
    [error] = generated.errors
    assert (error.file, error.line) == (f"seeds/{STEM}.yaml", 4)
    assert "did you mean `role`?" in error.message
    page = generated.pages[f"explainers/{generated.articles[0].slug}.md"]
    assert page.startswith("---\n")
    assert "À corriger avant publication" in page and f"seeds/{STEM}.yaml:4" in page
    assert generated.articles[0].seed.title != "x"  # a refused file is not applied at all


def test_stale_correction_is_an_error(project, fake_extraction):
    (project / "seeds" / f"{STEM}.yaml").write_text("title: ok\n\ndates:\n  - {text: lundi, drop: true}\n", "utf-8")
    generated = generate(project)
    assert [(p.file, p.line, p.severity) for p in generated.errors] == [(f"seeds/{STEM}.yaml", 4, "error")]


def test_a_seed_broken_during_serve_keeps_an_error_page_at_its_url(project, fake_extraction, monkeypatch):
    monkeypatch.setattr(site_mod, "_LAST_SLUG", {})
    slug = generate(project).articles[0].slug
    (project / "seeds" / SEED.name).write_text("date 2023-11\n\n", "utf-8")
    generated = generate(project)
    page = generated.pages[f"explainers/{slug}.md"]
    assert "ne peut pas être construit" in page and "no title found" in page
    (project / "seeds" / SEED.name).unlink()
    assert f"explainers/{slug}.md" not in generate(project).pages  # deleted: gone


def test_orphan_correction_file_is_reported(project, fake_extraction):
    (project / "seeds" / "gone.yaml").write_text("title: x\n", "utf-8")
    problems = generate(project).problems
    assert any(p.file == "seeds/gone.yaml" and "without a seed" in p.message for p in problems)


def test_no_date_warning_is_silenced_by_published(project, fake_extraction):
    seed = project / "seeds" / SEED.name
    seed.write_text(seed.read_text("utf-8").split("\n", 1)[1].lstrip(), "utf-8")  # drop the date line
    assert any("no publication date" in p.message for p in generate(project).problems)
    (project / "seeds" / f"{STEM}.yaml").write_text("published: 2023-11-12\n", "utf-8")
    assert not any("no publication date" in p.message for p in generate(project).problems)


@pytest.mark.model
def test_end_to_end_published_resolves_dimanche(tmp_path):
    """The README walk-through: the seed says only 2023-11; setting the day resolves « dimanche »."""
    from explainer.render import date_label

    (tmp_path / "seeds").mkdir()
    (tmp_path / "templates").symlink_to(pathlib.Path(__file__).resolve().parent.parent / "templates")
    shutil.copy2(SEED, tmp_path / "seeds" / SEED.name)
    config = SiteConfig.from_root(tmp_path, cache=False)
    before = Generator(config).generate().articles[0]
    dimanche = next(t for t in before.timexes if t.text == "dimanche")
    assert dimanche.resolved is False
    (tmp_path / "seeds" / f"{STEM}.yaml").write_text("published: 2023-11-12\n", "utf-8")
    after = Generator(config).generate().articles[0]
    dimanche = next(t for t in after.timexes if t.text == "dimanche")
    assert dimanche.resolved is True
    assert dimanche.value == "2023-11-12"
    assert "12 novembre 2023" in date_label(dimanche)
