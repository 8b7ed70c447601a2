"""Bad seeds: each one gets a clear error (file and line) or escaped output, and the others still build."""

from __future__ import annotations

import pathlib
import re
import shutil

import pytest

from explainer.read import MAX_CHARS
from explainer.site import Generator, SiteConfig

ROOT = pathlib.Path(__file__).resolve().parent.parent
GOOD = "date 2023-11-12\n\nUn titre correct\n\nLe ministre a parlé lundi à Paris.\n"
HOSTILE = (
    "date 2023-11-12\n\n<script>alert('titre')</script> *gras* {{ config }}\n\n"
    "Le texte contient <script>alert(1)</script>, du **Markdown** [lien](http://evil.example), "
    "des {{ accolades }} et {% if x %}blocs{% endif %}, & des « guillemets » \"droits\".\n\n"
    "<img src=x onerror=alert(2)> # Pas un titre\n"
)


def make_project(tmp_path: pathlib.Path, seeds: dict[str, bytes]) -> SiteConfig:
    (tmp_path / "seeds").mkdir()
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    (tmp_path / "docs").mkdir()
    for name, data in seeds.items():
        (tmp_path / "seeds" / name).write_bytes(data)
    return SiteConfig.from_root(tmp_path, cache=False)


BAD_SEEDS = {
    "empty.txt": (b"", 1, "empty"),
    "blank.txt": (b"\n  \n\n", 1, "empty"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 1, "binary"),
    "cp1252.txt": ("date 2023-11-12\n\nTitre\n\nL’été à Séoul.\n".encode("cp1252"), 5, "not valid UTF-8"),
    "latin1.txt": ("date 2023-11-12\n\nTitre\n\nCafé crème.\n".encode("latin-1"), 5, "not valid UTF-8"),
    "baddate.txt": (b"date 2023-02-30\n\nTitre\n\nCorps.\n", 1, "malformed date header"),
    "huge.txt": (("date 2023-11-12\n\nTitre\n\n" + "Une phrase. " * (MAX_CHARS // 12 + 10)).encode(), 1, "limit"),
}


@pytest.mark.model
@pytest.mark.parametrize("name", sorted(BAD_SEEDS))
def test_bad_seed_is_reported_and_others_build(tmp_path, name):
    data, line, fragment = BAD_SEEDS[name]
    config = make_project(tmp_path, {name: data, "good.txt": GOOD.encode()})
    generated = Generator(config).generate()
    errors = [p for p in generated.errors if p.file == f"seeds/{name}"]
    assert len(errors) == 1, generated.problems
    assert errors[0].line == line
    assert fragment in errors[0].message
    assert [a.seed.source_file for a in generated.articles] == ["seeds/good.txt"]
    assert "explainers/un-titre-correct.md" in generated.pages
    # The home page tells the editor which file was skipped and why.
    assert f"seeds/{name}:{line}" in generated.pages["index.md"]


@pytest.mark.model
def test_missing_date_is_a_warning_not_an_error(tmp_path):
    config = make_project(tmp_path, {"nodate.txt": "Un titre\n\nLe ministre a parlé lundi.\n".encode()})
    generated = Generator(config).generate()
    assert not generated.errors
    assert [p.message for p in generated.problems if p.severity == "warning"][0].startswith("no publication date")
    assert len(generated.articles) == 1


@pytest.mark.model
def test_hostile_text_is_rendered_literally(tmp_path):
    config = make_project(tmp_path, {"hostile.txt": HOSTILE.encode()})
    generated = Generator(config).generate()
    assert not generated.errors, generated.problems
    (page,) = [v for k, v in generated.pages.items() if k.startswith("explainers/") and k.endswith(".md")]
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    # Seed text is data, never template source: the braces come through untouched.
    assert "{{ accolades }}" in page and "{% if x %}blocs{% endif %}" in page
    # Markdown syntax sits inside raw HTML blocks, where Python-Markdown leaves it alone.
    import markdown

    html = markdown.markdown(page.split("---", 2)[2], extensions=["md_in_html", "attr_list"])
    assert not re.search(r"<strong>(<a [^>]*>)?Markdown", html) and "<em>gras" not in html
    assert 'href="http://evil.example"' not in html
    assert re.search(r"\*\*(<a [^>]*>)?Markdown(</a>)?\*\*", html)
    # The page title MkDocs reads from the front matter is escaped too (MkDocs does not autoescape).
    assert 'title: "&lt;script&gt;alert(&#39;titre&#39;)&lt;/script&gt; *gras* {{ config }}"' in page


@pytest.mark.model
def test_same_title_twice_gives_two_pages(tmp_path):
    config = make_project(tmp_path, {"a.txt": GOOD.encode(), "b.txt": GOOD.encode()})
    generated = Generator(config).generate()
    assert {a.slug for a in generated.articles} == {"un-titre-correct", "un-titre-correct-2"}
    assert "explainers/un-titre-correct-2.md" in generated.pages
