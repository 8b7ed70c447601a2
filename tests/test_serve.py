"""Live preview: a real `mkdocs serve` on 127.0.0.1, driven by editing files.

Each change must cause exactly one rebuild; a deleted seed's page must 404;
a broken file must show on the page while the rest keeps serving; the model
loads once per session.  No timing asserts here (see bench/serve_latency.py).
"""

from __future__ import annotations

import shutil

import pytest

from _project import SEED, Serve, fetch, make_project

pytestmark = [pytest.mark.slow, pytest.mark.model]

SLUG = "washington-seoul-et-tokyo-partageront-leurs-donnees-sur-la-coree-du-nord"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("serve"))
    shutil.copy2(SEED, root / "seeds" / "001_copie.txt")  # a second page: the rest of the site
    text = (root / "seeds" / "001_copie.txt").read_text("utf-8")
    (root / "seeds" / "001_copie.txt").write_text(text.replace("Washington, Séoul et Tokyo partageront",
                                                               "Copie : Washington, Séoul et Tokyo partageront"))
    with Serve(root) as s:
        s.settle(0)
        yield s


def page(server, slug=SLUG):
    return fetch(f"{server.url}explainers/{slug}/")


def test_the_pages_are_served(server):
    status, html = page(server)
    assert status == 200 and "Lloyd Austin" in html
    assert fetch(f"{server.url}explainers/copie-{SLUG}/")[0] == 200


def test_editing_a_seed_rebuilds_once_and_shows_the_change(server):
    seed = server.root / "seeds" / SEED.name
    before = server.builds()
    server.save(seed, seed.read_text("utf-8").replace("Antony Blinken", "Antony J. Blinken"))
    assert server.settle(before) == 1
    assert "Antony J. Blinken" in page(server)[1]


def test_a_correction_file_rebuilds_once_and_applies(server):
    corrections = server.root / "seeds" / f"{SEED.stem}.yaml"
    before = server.builds()
    server.save(corrections, "actors:\n  Lloyd Austin:\n    description: Chef du Pentagone depuis 2021.\n")
    assert server.settle(before) == 1
    assert "Chef du Pentagone depuis 2021." in page(server)[1]
    corrections.unlink()
    before = server.builds()
    assert server.settle(before) == 1
    assert "Chef du Pentagone depuis 2021." not in page(server)[1]


def test_a_template_edit_rebuilds_once(server):
    template = server.root / "templates" / "article.md.j2"
    original = template.read_text("utf-8")
    before = server.builds()
    server.save(template, original.replace("## Qui est qui", "## Qui est qui (modifié)"))
    try:
        assert server.settle(before) == 1
        assert "Qui est qui (modifié)" in page(server)[1]
    finally:
        before = server.builds()
        server.save(template, original)
        server.settle(before)


def test_a_broken_correction_file_shows_on_the_page_and_the_site_keeps_serving(server):
    corrections = server.root / "seeds" / f"{SEED.stem}.yaml"
    before = server.builds()
    server.save(corrections, "actors:\n  Lloyd Austin:\n    rol: ministre\n")
    try:
        assert server.settle(before) == 1
        status, html = page(server)
        assert status == 200
        assert "À corriger avant publication" in html and f"{SEED.stem}.yaml:3" in html
        assert "did you mean" in html
        assert f"seeds/{SEED.stem}.yaml:3: error: unknown key `rol`" in server.log()  # in the log too
        assert fetch(f"{server.url}explainers/copie-{SLUG}/")[0] == 200
    finally:
        before = server.builds()
        corrections.unlink()
        server.settle(before)


def test_a_broken_seed_shows_an_error_page_at_its_url(server):
    seed = server.root / "seeds" / "001_copie.txt"
    original = seed.read_bytes()
    before = server.builds()
    server.save(seed, original.replace("Corée du Nord".encode(), "Cor\xe9e du Nord".encode("cp1252"), 1))
    try:
        assert server.settle(before) == 1
        status, html = page(server, f"copie-{SLUG}")
        assert status == 200 and "not valid UTF-8" in html and "001_copie.txt:" in html
        assert "not valid UTF-8" in server.log()
        assert page(server)[0] == 200  # the rest keeps serving
    finally:
        before = server.builds()
        server.save(seed, original)
        server.settle(before)


def test_a_new_seed_appears_and_a_deleted_seed_404s(server):
    new = server.root / "seeds" / "002_nouveau.txt"
    before = server.builds()
    server.save(new, "date 2023-11-12\n\nUn nouvel article\n\nLe ministre a parlé dimanche à Paris.\n")
    assert server.settle(before) == 1
    assert fetch(f"{server.url}explainers/un-nouvel-article/")[0] == 200
    before = server.builds()
    new.unlink()
    assert server.settle(before) == 1
    assert fetch(f"{server.url}explainers/un-nouvel-article/")[0] == 404
    assert page(server)[0] == 200


def test_editing_the_library_reimports_it_once(server):
    check = server.root / "explainer" / "check.py"
    original = check.read_text("utf-8")
    before = server.builds()
    server.save(check, original + "\n# edited during serve\n")
    try:
        assert server.settle(before) == 1
        assert server.log().count("re-imported it (the spaCy model stays loaded)") == 1
        assert page(server)[0] == 200
    finally:
        before = server.builds()
        server.save(check, original)
        server.settle(before)


def test_the_model_loads_once_per_session(server):
    # Runs last in this module: every rebuild above went through the same process.
    log = server.log()
    assert log.count("Building documentation") >= 8
    assert log.count("loaded the spaCy model") == 1, log


def test_knowledge_file_is_watched(tmp_path):
    root = make_project(tmp_path)
    knowledge = root / "knowledge.yaml"
    knowledge.write_text("# site-wide knowledge\n", "utf-8")
    with Serve(root) as s:
        s.settle(0)
        # Twice: an editor that saves by renaming replaces the file's inode, and
        # a watch on the old inode would miss every later save.
        for n in (1, 2):
            before = s.builds()
            s.save(knowledge, f"# site-wide knowledge, edit {n}\n")
            assert s.settle(before) == 1
            assert "1 extracted" in s.log().rsplit("Building documentation", 1)[1]  # the key includes the file
