"""The built site as a reader sees it: Playwright driving Debian's Chromium.

The site is built by MkDocs from a copy of the project (real seeds, real
model), served on 127.0.0.1 by a static file server, and opened in headless
Chromium.  Screenshots land in tests/artifacts/screenshots/ for a human look.
Without Chromium the tests skip, unless EXPLAINER_REQUIRE_BROWSER=1 (CI).
"""

from __future__ import annotations

import functools
import http.server
import os
import pathlib
import shutil
import subprocess
import sys
import threading
from urllib.parse import urlparse

import pytest

from tests.test_site_build import copy_project

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHOTS = ROOT / "tests" / "artifacts" / "screenshots"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.model]


def _need(condition: bool, reason: str) -> None:
    if not condition:
        if os.environ.get("EXPLAINER_REQUIRE_BROWSER") == "1":
            pytest.fail(reason + " (EXPLAINER_REQUIRE_BROWSER=1)")
        pytest.skip(reason)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Build the site once, serve it on a free loopback port."""
    project = copy_project(tmp_path_factory.mktemp("site"))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, env=env,
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):  # keep the test output readable
            pass

    handler = functools.partial(Quiet, directory=str(project / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    slug = next((project / "site" / "explainers").glob("*/index.html")).parent.name
    yield {"base": f"http://127.0.0.1:{server.server_address[1]}/", "slug": slug, "root": project / "site"}
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    _need(chromium is not None, "Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Visit:
    """A page opened with console errors and off-host requests recorded."""

    def __init__(self, browser, url: str, **context):
        self.context = browser.new_context(**context)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.foreign: list[str] = []
        host = urlparse(url).netloc
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.foreign.append(r.url)
                     if urlparse(r.url).netloc not in ("", host) and not r.url.startswith("data:") else None)
        self.page.goto(url)
        self.page.wait_for_load_state("networkidle")

    def close(self) -> None:
        self.context.close()


def pages(site) -> dict[str, str]:
    return {"home": site["base"], "explainer": f"{site['base']}explainers/{site['slug']}/",
            "about": f"{site['base']}a-propos/", "actors": f"{site['base']}acteurs/",
            "actor": f"{site['base']}acteurs/lloyd-austin/", "chronology": f"{site['base']}chronologie/",
            "year": f"{site['base']}chronologie/2023/"}


@pytest.mark.parametrize("kind", ["home", "explainer", "about", "actors", "actor", "chronology", "year"])
def test_page_loads_without_errors_or_foreign_requests(site, browser, kind):
    visit = Visit(browser, pages(site)[kind])
    try:
        assert visit.page.title()
        assert visit.errors == []
        assert visit.foreign == [], "the site must not call other hosts"
    finally:
        visit.close()


def test_tooltip_on_hover_and_on_keyboard_focus(site, browser):
    visit = Visit(browser, pages(site)["explainer"])
    page = visit.page
    try:
        mention = page.locator(".ex-body a.ex-m").first
        tip = mention.get_attribute("data-tip")
        assert tip
        after = "el => getComputedStyle(el, '::after').content"
        assert page.evaluate(f"({after})(document.querySelector('.ex-body a.ex-m'))") in ("none", "normal", "")
        mention.hover()
        assert tip in mention.evaluate(after)
        page.mouse.move(0, 0)
        date = page.locator(".ex-body a.ex-d").first
        date.focus()
        assert "date" in date.evaluate(after)
    finally:
        visit.close()


def test_timeline_is_in_chronological_order(site, browser):
    visit = Visit(browser, pages(site)["explainer"])
    try:
        entries = visit.page.eval_on_selector_all(
            ".ex-timeline time.ex-event-date", "els => els.map(e => [e.getAttribute('datetime'), e.textContent])")
        assert len(entries) >= 5
        keys = []
        for value, label in entries:
            # A year or month stands for its start, "fin 2023" for its end, as a reader reads them.
            fill = "-12-31" if label.startswith("fin ") else "-00-00"
            keys.append(value[:10] + fill[len(value[:10]) - 4:] if len(value) < 10 else value[:10])
        assert keys == sorted(keys)
    finally:
        visit.close()


def test_links_lead_to_glossary_and_timeline_entries(site, browser):
    visit = Visit(browser, pages(site)["explainer"])
    try:
        hrefs = visit.page.eval_on_selector_all(".ex-body a.ex-m, .ex-body a.ex-d", "els => els.map(e => e.getAttribute('href'))")
        assert hrefs
        for href in set(hrefs):
            assert visit.page.locator(href).count() == 1, href
    finally:
        visit.close()


def test_search_finds_an_actor(site, browser):
    visit = Visit(browser, pages(site)["home"])
    page = visit.page
    try:
        page.locator("input.md-search__input").click()
        page.keyboard.type("Kihara", delay=50)
        page.wait_for_selector(".md-search-result__item", timeout=20000)
        assert "Kihara" in page.inner_text(".md-search-result")
    finally:
        visit.close()


def test_dark_mode_toggles(site, browser):
    visit = Visit(browser, pages(site)["explainer"], color_scheme="light")
    page = visit.page
    try:
        before = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        for _ in range(3):
            page.locator("form[data-md-component=palette] label:visible").first.click()
            if page.evaluate("document.body.getAttribute('data-md-color-scheme')") != before:
                break
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") != before
    finally:
        visit.close()


def test_printing_to_pdf_works(site, browser):
    visit = Visit(browser, pages(site)["explainer"])
    try:
        pdf = visit.page.pdf(format="A4")
        assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    finally:
        visit.close()


@pytest.mark.parametrize("kind", ["home", "explainer", "actor", "actors", "year"])
def test_no_serious_accessibility_violation(site, browser, kind):
    _need(AXE.exists(), "axe-core is not installed (npm ci)")
    visit = Visit(browser, pages(site)[kind])
    try:
        visit.page.add_script_tag(path=str(AXE))
        result = visit.page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
                   if v["impact"] in ("serious", "critical")]
        assert serious == []
    finally:
        visit.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots_for_a_human_look(site, browser, scheme, width):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for kind in ("home", "explainer"):
        visit = Visit(browser, pages(site)[kind], color_scheme=scheme, viewport={"width": width, "height": 900})
        try:
            path = SHOTS / f"{kind}-{scheme}-{width}.png"
            visit.page.screenshot(path=str(path), full_page=kind == "explainer")
            assert path.stat().st_size > 5_000
        finally:
            visit.close()
