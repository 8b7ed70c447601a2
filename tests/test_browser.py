"""The reader's site, tested as a reader: the real seeds, built by MkDocs, in Chromium.

Builds the site from ``seeds/`` with ``mkdocs build --strict`` into a
temporary directory, serves it on 127.0.0.1 with ``http.server`` and drives
Debian's Chromium through Playwright.  Screenshots (light and dark, desktop
and phone) land in ``tests/artifacts/screenshots/`` for a human to look at.

Without Chromium the tests skip, unless ``EXPLAINER_REQUIRE_BROWSER=1`` (set
by ``.ci/run``), where a missing browser is a failure.
"""

from __future__ import annotations

import functools
import html.parser
import http.server
import json
import re
import os
import pathlib
import shutil
import subprocess
import sys
import threading
import urllib.parse

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = pathlib.Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts" / "screenshots"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def _unavailable(reason: str):
    if os.environ.get("EXPLAINER_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (EXPLAINER_REQUIRE_BROWSER=1: the browser tests must run)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        _unavailable("Chromium is not installed (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _unavailable("the playwright Python package is not installed")
    return path


@pytest.fixture(scope="module")
def axe_script() -> pathlib.Path:
    if not AXE.exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail("node_modules/axe-core is missing and npm is not installed: run `npm ci`")
        done = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=ROOT, capture_output=True, text=True)
        if done.returncode != 0 or not AXE.exists():
            pytest.fail(f"`npm ci` could not install axe-core:\n{done.stdout}\n{done.stderr}")
    return AXE


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> pathlib.Path:
    """The real site, built from the real seeds with --strict (warnings fail the build)."""
    out = tmp_path_factory.mktemp("site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"mkdocs build --strict failed:\n{done.stdout}\n{done.stderr}"
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output readable
        pass


@pytest.fixture(scope="module")
def base_url(site):
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def pages(site) -> dict[str, str]:
    """One URL path per page type, found in the built site."""
    explainers = sorted(p.parent.name for p in (site / "explainers").glob("*/index.html"))
    assert explainers, "the seeds produced no explainer page"
    actors = sorted((p.parent.name for p in (site / "acteurs").glob("*/index.html")),
                    key=lambda name: -(site / "acteurs" / name / "index.html").stat().st_size)
    assert actors, "no actor page was built"
    return {
        "home": "",
        "explainer": f"explainers/{explainers[0]}/",
        "actor": f"acteurs/{actors[0]}/",
        "actors": "acteurs/",
        "chronologie": "chronologie/",
    }


class Visit:
    """A page opened in a fresh context that records console errors and every request's host."""

    def __init__(self, browser, url: str, **context_args):
        self.context = browser.new_context(**context_args)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.failed: list[str] = []
        self.page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("request", self._request)
        self.page.on("response", lambda r: self.failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        self.response = self.page.goto(url, wait_until="load")
        self.page.wait_for_load_state("networkidle")

    def _request(self, request) -> None:
        host = urllib.parse.urlsplit(request.url).hostname
        if request.url.startswith(("data:", "blob:", "about:")):
            return
        if host != "127.0.0.1":
            self.foreign.append(request.url)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser, base_url):
    opened: list[Visit] = []

    def open_(path: str, **context_args) -> Visit:
        v = Visit(browser, base_url + path, **context_args)
        opened.append(v)
        return v

    yield open_
    for v in opened:
        v.close()


PAGE_TYPES = ["home", "explainer", "actor", "actors", "chronologie"]


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_loads_cleanly_and_stays_local(visit, pages, kind):
    v = visit(pages[kind])
    assert v.response is not None and v.response.status == 200
    assert v.errors == [], f"console errors on {kind}: {v.errors}"
    assert v.foreign == [], f"{kind} requested other hosts: {v.foreign}"
    assert v.failed == [], f"{kind}: failed requests {v.failed}"
    assert v.page.locator("h1").count() == 1, f"{kind} must have exactly one h1"
    # The sections are in the top navigation.
    tabs = v.page.locator(".md-tabs__link").all_inner_texts()
    assert [t.strip() for t in tabs] == ["Accueil", "Acteurs", "Chronologie", "À propos"]


def _tooltip(page, selector: str) -> str:
    return page.eval_on_selector(selector, "el => getComputedStyle(el, '::after').content")


def test_tooltip_on_hover_and_keyboard_focus(visit, pages):
    v = visit(pages["explainer"])
    page = v.page
    first = page.locator(".ex-body a.ex-m").first
    assert _tooltip(page, ".ex-body a.ex-m") in ("none", "normal", '""')  # nothing before hover
    first.hover()
    content = _tooltip(page, ".ex-body a.ex-m")
    tip = first.get_attribute("data-tip")
    assert tip and content.strip('"') == tip
    # Screen readers get the same text through aria-describedby.
    described = page.eval_on_selector(
        ".ex-body a.ex-m", "el => document.getElementById(el.getAttribute('aria-describedby')).textContent")
    assert described == tip
    page.mouse.move(0, 0)
    # Keyboard: Tab until an annotation has the focus, then its tooltip shows.
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("() => !!document.activeElement.closest('.ex-body .ex-m, .ex-body .ex-d')"):
            break
    else:
        pytest.fail("no annotation in the text can be reached with the Tab key")
    content = page.evaluate("() => getComputedStyle(document.activeElement, '::after').content")
    assert content not in ("none", "normal") and len(content) > 2
    # And hiding the annotations hides the underline.
    page.locator("label.ex-toggle").click()
    border = page.eval_on_selector(".ex-body a.ex-m", "el => getComputedStyle(el).borderBottomColor")
    assert border in ("rgba(0, 0, 0, 0)", "transparent")


def _chronological(values: list[str]) -> bool:
    """Non-decreasing at the precision both neighbours share ("2023" is not after "2023-04")."""
    for a, b in zip(values, values[1:]):
        n = min(len(a), len(b))
        if a[:n] > b[:n]:
            return False
    return True


@pytest.mark.parametrize("kind", ["explainer", "chronologie"])
def test_timeline_is_chronological(visit, pages, kind):
    v = visit(pages[kind])
    values = v.page.eval_on_selector_all(".ex-timeline time[datetime]", "els => els.map(e => e.dateTime)")
    assert values, f"no dated event on the {kind} page"
    assert _chronological(values), values
    # Past and planned events differ by text, not only by colour.
    statuses = set(v.page.locator(".ex-timeline .ex-status").all_inner_texts())
    assert statuses <= {"passé", "prévu", "date approximative", "PASSÉ", "PRÉVU", "DATE APPROXIMATIVE"}


def test_search_finds_an_actor(visit, pages, site):
    v = visit(pages["explainer"])
    page = v.page
    card = page.locator(".ex-actor").filter(has=page.locator(".ex-count a[href*='acteurs/']")).first
    name = card.locator("dt").inner_text().strip()
    actor_page = card.locator(".ex-count a[href*='acteurs/']").evaluate("a => new URL(a.href).pathname")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(name, delay=20)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    # The actor's own page is among the results, under its name: not only some page with the word.
    found = page.eval_on_selector_all(
        ".md-search-result__link",
        "links => links.map(a => [new URL(a.href).pathname, (a.querySelector('h1, h2') || a).textContent.trim()])")
    assert [actor_page, name] in [list(f) for f in found], f"searching {name!r} ({actor_page}) gave: {found[:10]}"


def test_dark_mode_toggles(visit, pages):
    v = visit(pages["home"])
    page = v.page
    scheme = lambda: page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    before = scheme()
    seen = {before}
    for _ in range(3):
        page.locator("form[data-md-component='palette'] label.md-header__button:visible").first.click()
        seen.add(scheme())
    assert "slate" in seen and "default" in seen, seen


def test_print_to_pdf(visit, pages):
    v = visit(pages["explainer"])
    v.page.emulate_media(media="print")
    pdf = v.page.pdf(format="A4")
    assert pdf[:4] == b"%PDF" and len(pdf) > 10_000
    # The page's chrome is hidden in print; the text and the timeline stay.
    assert v.page.locator(".md-header").is_hidden()
    assert v.page.locator(".ex-timeline").is_visible()
    # Each event's source sentence prints, without the "Phrase d’origine" toggle line above it.
    assert v.page.locator("details.ex-source blockquote").first.is_visible()
    summaries = v.page.locator("details.ex-source > summary")
    assert summaries.count() > 0
    shown = [k for k in range(summaries.count()) if summaries.nth(k).is_visible()]
    assert shown == [], f"{len(shown)} “Phrase d’origine” toggles print"
    assert v.page.locator("details.ex-source > a").first.is_hidden()  # an in-page link, no use on paper
    assert v.page.locator(".ex-toggle").is_hidden()


def test_annotations_switch_says_what_it_does(visit, pages):
    v = visit(pages["explainer"])
    page = v.page
    # One control, named "Annotations", on while they show; its visible text is the action.
    switch = page.get_by_role("switch", name="Annotations", exact=True)
    assert switch.count() == 1 and switch.is_checked()
    label = page.locator("label.ex-toggle")
    shown = lambda: " ".join(label.locator("[aria-hidden='true']:visible").all_inner_texts()).strip()  # noqa: E731
    assert shown() == "Masquer les annotations"
    label.click()
    assert not switch.is_checked()
    assert shown() == "Afficher les annotations"
    border = page.eval_on_selector(".ex-body a.ex-m", "el => getComputedStyle(el).borderBottomColor")
    assert border in ("rgba(0, 0, 0, 0)", "transparent")
    # The keyboard works the same: Space on the focused switch turns the annotations back on.
    switch.focus()
    page.keyboard.press("Space")
    assert switch.is_checked() and shown() == "Masquer les annotations"
    border = page.eval_on_selector(".ex-body a.ex-m", "el => getComputedStyle(el).borderBottomColor")
    assert border not in ("rgba(0, 0, 0, 0)", "transparent")


def _after_box(cdp, element) -> tuple[float, float, float, float] | None:
    """The border box (left, top, right, bottom) of ``element``'s ::after, in viewport pixels, or None."""
    element.evaluate("el => { document.querySelectorAll('[data-ex-probe]').forEach(e => e.removeAttribute('data-ex-probe'));"
                     " el.setAttribute('data-ex-probe', ''); }")
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "[data-ex-probe]"})["nodeId"]
    described = cdp.send("DOM.describeNode", {"nodeId": node, "depth": 0})["node"]
    after = [p for p in described.get("pseudoElements", []) if p.get("pseudoType") == "after"]
    if not after:
        return None
    quad = cdp.send("DOM.getBoxModel", {"backendNodeId": after[0]["backendNodeId"]})["model"]["border"]
    xs, ys = quad[0::2], quad[1::2]
    return min(xs), min(ys), max(xs), max(ys)


@pytest.mark.parametrize("width", [390, 961, 1280])
def test_tooltips_stay_on_screen(visit, pages, width):
    """Each annotation's tooltip, on focus, is whole on screen and scrolls nothing sideways."""
    v = visit(pages["explainer"], viewport={"width": width, "height": 800})
    page = v.page
    # Also the worst case: the last word of a line, with a long tip.
    page.eval_on_selector(".ex-body", """body => { const p = document.createElement('p');
        p.style.textAlign = 'right'; p.innerHTML = '<a class="ex-m ex-person" href="#x" data-tip="' +
        'Personne : ministre délégué chargé des anciens combattants et de la mémoire, porte-parole du gouvernement'
        + '">Mot</a>'; body.appendChild(p); }""")
    cdp = v.context.new_cdp_session(page)
    annotations = page.locator(".ex-body .ex-m, .ex-body .ex-d, .ex-header .ex-m, .ex-header .ex-d")
    count = annotations.count()
    assert count > 10
    problems = []
    for k in range(count):
        element = annotations.nth(k)
        element.focus()
        size = page.evaluate("() => [document.scrollingElement.scrollWidth, window.innerWidth, window.innerHeight]")
        box = _after_box(cdp, element)
        text = element.inner_text()
        if size[0] > size[1]:
            problems.append(f"{text!r}: the page scrolls sideways by {size[0] - size[1]}px")
        if box is None:
            problems.append(f"{text!r}: no tooltip on focus")
        elif box[0] < 0 or box[1] < 0 or box[2] > size[1] or box[3] > size[2]:
            problems.append(f"{text!r}: tooltip at {box} outside the {size[1]}×{size[2]} viewport")
    assert problems == [], "\n".join(problems[:10])


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_axe_no_serious_violation(visit, pages, axe_script, kind, scheme):
    v = visit(pages[kind], color_scheme=scheme)
    v.page.add_script_tag(path=str(axe_script))
    result = v.page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    bad = [f"{r['id']} ({r['impact']}): {r['help']} — {[n['target'] for n in r['nodes']][:5]}"
           for r in result["violations"] if r["impact"] in ("serious", "critical")]
    assert bad == [], f"axe on {kind} ({scheme}):\n" + "\n".join(bad)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots(visit, pages, scheme, width):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for kind in ("home", "explainer", "actor", "chronologie"):
        v = visit(pages[kind], viewport={"width": width, "height": 900}, color_scheme=scheme)
        expected = "slate" if scheme == "dark" else "default"
        assert v.page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == expected
        shot = v.page.screenshot(path=str(ARTIFACTS / f"{kind}-{scheme}-{width}.png"), full_page=True)
        assert shot[:8] == b"\x89PNG\r\n\x1a\n"
        # Nothing wider than the screen (no horizontal scrolling on a phone).
        overflow = v.page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{kind} at {width}px scrolls sideways by {overflow}px"


class _Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])


def test_internal_links_resolve(site):
    """Every relative link in the built site points at a file, and at an id that exists."""
    parsed: dict[pathlib.Path, _Links] = {}

    def parse(path: pathlib.Path) -> _Links:
        if path not in parsed:
            parser = _Links()
            parser.feed(path.read_text("utf-8"))
            parsed[path] = parser
        return parsed[path]

    broken: list[str] = []
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":
            continue
        base = page.parent
        for href in parse(page).links:
            split = urllib.parse.urlsplit(href)
            if split.scheme or split.netloc or href.startswith("mailto:"):
                continue
            target = (base / urllib.parse.unquote(split.path)).resolve() if split.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)}: {href}")
                continue
            if split.fragment and target.suffix == ".html" and split.fragment not in parse(target).ids:
                broken.append(f"{page.relative_to(site)}: {href} (no such id)")
    assert broken == [], "\n".join(broken[:30])


def test_page_sizes(site):
    too_big = [f"{p.relative_to(site)}: {p.stat().st_size // 1024} KB" for p in site.rglob("*.html")
               if p.stat().st_size > 100 * 1024]
    assert too_big == []


HOSTILE_SEED = """date 2023-11-12

Le <script>alert("titre")</script> {{ 7*7 }} {% raw %} **gras** « Jean "Le Grand" d'Arc »

Jean "Le <b>Grand</b>" Dupont a dit <img src=x onerror=alert(1)> {{ config }} {% include 'x' %} à Paris le 13 avril 2023.

# pas un titre, *ni* `code`, ni [lien](http://evil.example) </div></article> <!-- c --> & &amp;
"""


@pytest.mark.model
def test_hostile_seed_renders_as_literal_text(tmp_path):
    """A seed full of markup, in a copy of the project, builds and shows its text as text."""
    for name in ("explainer", "templates", "hooks", "overrides"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs" / "assets", tmp_path / "docs" / "assets")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "hostile.txt").write_text(HOSTILE_SEED, "utf-8")
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
                          cwd=tmp_path, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    pages = list((out / "explainers").glob("*/index.html"))
    assert len(pages) == 1
    html_text = pages[0].read_text("utf-8")
    main = html_text[html_text.index('<article class="md-content__inner'):]
    for raw in ("<script>alert", "<img src=x", "<b>Grand", "</div></article> <!--"):
        assert raw not in main, f"{raw!r} reached the page as markup"
    assert "&lt;script&gt;alert(" in main and "{{ 7*7 }}" in main and "{% raw %}" in main and "**gras**" in main
    assert "49" not in main
    # The title in <head> is escaped too, and the JSON-LD parses.
    head = html_text[:html_text.index("</head>")]
    assert "<script>alert" not in head
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', head, re.S)
    assert ld and json.loads(ld.group(1))["headline"].startswith("Le <script>")
