"""Every page type in both languages, at a phone's and a desktop's width, has no WCAG 2.1 A/AA
violation that axe-core finds and is valid HTML5 by the Nu HTML Checker; the keyboard alone
reaches every main-menu link and every filter control, and shows where the focus is.

axe-core and the checker (vnu.jar, run on Debian's Java) come from npm: `make install-test`
installs them. The demo content is loaded once for the whole module and taken away after it
(tests/demo_content.py): loading it for each page would take minutes. A full-page screenshot
of each page at each width goes to test-artifacts/screenshots/<type>-<language>-<width>.png.
"""

import json
import shutil
import subprocess
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.db import connections
from django.test import Client
from django.urls import reverse
from django.utils.translation import override
from wagtail.models import Page, get_page_models

from tests.demo_content import demo_content_loaded

# Read-only tests on the module's demo content (the `site` fixture); each runs in a
# transaction that is rolled back, and the live server reads what the fixture committed.
pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
INSTALL_HINT = "run `make install-test` (npm ci) to install axe-core and vnu-jar"

WIDTHS = (375, 1280)
HEIGHT = 900
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LANGUAGES = [code for code, _name in settings.LANGUAGES]
SEARCH_WORDS = {"fi": "hanke", "en": "project"}
MISSING_SLUG = "ei-ole-olemassa-e2e/"
# Each step waits on a navigation or a selector; a stuck step fails in seconds, not minutes.
TIMEOUT_MS = 15_000

# The root page is the only page type without pages of its own to show.
PAGE_TYPES = [model for model in get_page_models() if model is not Page]
# Index pages whose listing a visitor narrows with a filter form.
FILTERED_TYPES = ["ProjectIndexPage", "NewsIndexPage"]
VIEWS = ["search", "sitemap", "not-found"] + [f"{name}-filtered" for name in FILTERED_TYPES]

# The form of filters inside <main>: any GET form that is not a site search.
FILTER_FORM = "main form[method=get i]:not([role=search])"
FILTER_CONTROLS = (
    "input:not([type=hidden]):not([disabled]), select:not([disabled]), "
    "textarea:not([disabled]), button:not([disabled]), a[href], summary"
)
MAIN_MENU_LINKS = "nav.main-nav a[href]"

# The focused element: its e2e mark, whether it shows a focus indicator, and whether it is a
# closed disclosure (a menu button or <summary>) that would reveal marked elements if opened.
FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    // An outline or shadow on the element or on a pseudo-element (a card's whole-card link
    // draws its ring on ::after).
    const indicator = [null, "::before", "::after"].some((pseudo) => {
        const style = getComputedStyle(el, pseudo);
        const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
        return outline || style.boxShadow !== "none";
    });
    let region = null;
    if (el.matches("button[aria-expanded=false][aria-controls]")) {
        region = document.getElementById(el.getAttribute("aria-controls"));
    } else if (el.matches("details:not([open]) > summary")) {
        region = el.parentElement;
    }
    return {
        mark: el.dataset.e2eMark || null,
        label: el.outerHTML.slice(0, 120),
        indicator,
        opens: !!(region && region.querySelector("[data-e2e-mark]")),
    };
}"""


@dataclass
class DemoSite:
    url: str
    paths: dict  # test id -> path, e.g. "ProjectPage-en" -> "/en/projects/…/"


@pytest.fixture(scope="module")
def site(module_browser, django_db_setup, django_db_blocker):
    """The demo content, loaded once, served at localhost by a live server of the module's own.

    Not pytest-django's `live_server`: every test that uses it, even through a fixture, is
    made transactional, and a transactional test empties the database when it ends, which
    would take the demo content with it after the first test.

    The browser starts first: while Playwright's event loop runs, Django gives this thread
    another database connection (asgiref keeps connections per context in a thread with a
    running loop), so the demo content, the tests and the clean-up all use that one, and it
    is closed before the loop stops instead of outliving the test database.
    """
    from pytest_django.live_server_helper import LiveServer
    from wagtail.models import Site

    with django_db_blocker.unblock():
        try:
            with demo_content_loaded():
                Site.objects.filter(is_default_site=True).update(hostname="localhost")
                paths = _demo_page_paths()
                client = Client(HTTP_HOST="localhost")
                filters = {}
                for name in FILTERED_TYPES:
                    for code in LANGUAGES:
                        index = paths.get(f"{name}-{code}")
                        if index:
                            html = client.get(index).content.decode()
                            filters[f"{name}-{code}"] = _first_filter(html)
                for code in LANGUAGES:
                    paths.update(_view_paths(code, paths, filters))
                server = LiveServer("localhost")
                try:
                    yield DemoSite(url=server.url, paths=paths)
                finally:
                    server.stop()
        finally:
            connections.close_all()


def _demo_page_paths():
    """{"<PageType>-<language>": path} for the first live page of each type in each language
    (a translation, never the placeholder of an untranslated page)."""
    paths = {}
    pages = (
        Page.objects.live()
        .public()
        .filter(depth__gt=1, alias_of__isnull=True)
        .select_related("locale", "content_type")
        .order_by("path")
    )
    for page in pages:
        paths.setdefault(f"{page.specific_class.__name__}-{page.locale.language_code}", page.url)
    return paths


def _view_paths(code, paths, filters):
    """The pages that are not page types of their own, in one language."""
    with override(code):
        views = {
            f"search-{code}": f"{reverse('search')}?{urlencode({'q': SEARCH_WORDS[code]})}",
            f"sitemap-{code}": reverse("sitemap"),
            f"not-found-{code}": reverse("wagtail_serve", args=[MISSING_SLUG]),
        }
    for name in FILTERED_TYPES:
        query = filters.get(f"{name}-{code}")
        if query:
            views[f"{name}-filtered-{code}"] = f"{paths[f'{name}-{code}']}?{query}"
    return views


class _FirstFilter(HTMLParser):
    """The first choice a visitor can make in a page's filter form (see FILTER_FORM): its first
    checkbox or radio button, else the first non-empty option of one of its selects."""

    def __init__(self):
        super().__init__()
        self.in_main = self.in_form = False
        self.select = None
        self.choice = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "main":
            self.in_main = True
        elif tag == "form" and self.in_main:
            self.in_form = (attrs.get("method") or "").lower() == "get" and (
                attrs.get("role") != "search"
            )
        elif not self.in_form or self.choice:
            return
        elif tag == "input" and attrs.get("type") in ("checkbox", "radio") and attrs.get("name"):
            self.choice = (attrs["name"], attrs.get("value", "on"))
        elif tag == "select":
            self.select = attrs.get("name")
        elif tag == "option" and self.select and attrs.get("value"):
            self.choice = (self.select, attrs["value"])

    def handle_endtag(self, tag):
        if tag == "main":
            self.in_main = False
        elif tag == "form":
            self.in_form = False
        elif tag == "select":
            self.select = None


def _first_filter(html):
    parser = _FirstFilter()
    parser.feed(html)
    return urlencode([parser.choice]) if parser.choice else None


def _test_ids(names):
    return [f"{name}-{code}" for name in names for code in LANGUAGES]


def _check_page(browser, url, shot_name, screenshots, expected_status=200):
    """axe-core's WCAG 2.1 A/AA violations of a page at each width, as report lines."""
    if not AXE.exists():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: {INSTALL_HINT}")
    problems = []
    page = browser.new_page(
        viewport={"width": WIDTHS[0], "height": HEIGHT},
        bypass_csp=True,  # axe is injected as a script: the test browser may run it
    )
    page.set_default_timeout(TIMEOUT_MS)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": HEIGHT})
        response = page.goto(url)
        if response.status != expected_status:
            problems.append(f"{width}px: answered {response.status}, not {expected_status}")
        # Reflow (WCAG 1.4.10): the page itself never scrolls sideways; wide tables and
        # charts scroll inside their own containers.
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            problems.append(f"{width}px: the page is {overflow}px wider than the window")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA
        )
        for violation in result["violations"]:
            for node in violation["nodes"]:
                problems.append(
                    f"{width}px {violation['id']} ({violation['impact']}): "
                    f"{' '.join(map(str, node['target']))} — {violation['help']}\n"
                    f"      {node['html'][:160]}"
                )
        page.screenshot(path=str(screenshots / f"{shot_name}-{width}.png"), full_page=True)
    page.close()
    return problems


@pytest.mark.parametrize("test_id", _test_ids(model.__name__ for model in PAGE_TYPES))
def test_page_type_has_no_wcag_violations(site, module_browser, screenshots, test_id):
    path = site.paths.get(test_id)
    model_name, code = test_id.rsplit("-", 1)
    assert path, (
        f"No live {model_name} in {code!r} in the demo content: every page type needs a demo "
        "page in every language (demo/) so that it is checked here."
    )
    problems = _check_page(module_browser, site.url + path, test_id.lower(), screenshots)
    assert not problems, f"{path}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("test_id", _test_ids(VIEWS))
def test_search_sitemap_404_and_filtered_lists_have_no_wcag_violations(
    site, module_browser, screenshots, test_id
):
    path = site.paths.get(test_id)
    if path is None:
        pytest.fail(f"{test_id}: the index has no filter form ({FILTER_FORM})")
    status = 404 if test_id.startswith("not-found-") else 200
    problems = _check_page(module_browser, site.url + path, test_id.lower(), screenshots, status)
    assert not problems, f"{path}:\n  " + "\n  ".join(problems)


def test_every_page_is_valid_html5(site, tmp_path):
    """The Nu HTML Checker, run once over the server's HTML of every live page, the search,
    the sitemap, a 404 and the filtered lists, in both languages."""
    if not VNU.exists():
        pytest.fail(f"{VNU.relative_to(ROOT)} is missing: {INSTALL_HINT}")
    java = shutil.which("java")
    assert java, "the Nu HTML Checker needs Java: apt-get install default-jre-headless"

    client = Client(HTTP_HOST="localhost")
    pages = Page.objects.live().public().filter(depth__gt=1, alias_of__isnull=True).order_by("path")
    paths = sorted({page.url for page in pages} | set(site.paths.values()))
    files = {}
    for number, path in enumerate(paths):
        response = client.get(path)
        assert response.status_code in (200, 404), f"{path} answered {response.status_code}"
        file = tmp_path / f"{number:03}.html"
        file.write_bytes(response.content)
        files[file.name] = path

    # The arguments are this test's own files; nothing comes from outside.
    checked = subprocess.run(  # noqa: S603
        [java, "-jar", str(VNU), "--format", "json", "--stdout", "--errors-only"]
        + [str(tmp_path / name) for name in files],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.stdout, f"the Nu HTML Checker failed: {checked.stderr}"
    messages = json.loads(checked.stdout)["messages"]
    errors = [
        f"{files.get(message.get('url', '').rsplit('/', 1)[-1], message.get('url'))} "
        f"line {message.get('lastLine')}: "
        f"{message['message']}\n      {message.get('extract', '').strip()}"
        for message in messages
        if message["type"] in ("error", "non-document-error")
    ]
    assert not errors, f"{len(errors)} HTML errors:\n  " + "\n  ".join(errors)


def _tab_through(page, limit):
    """Press Tab until the focus leaves the page; the focused elements in order.

    A closed menu button or <summary> that hides marked elements is opened with Enter.
    """
    focused = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = page.evaluate(FOCUSED)
        if element is None:
            break
        focused.append(element)
        if element["opens"]:
            page.keyboard.press("Enter")
    return focused


def _mark(page, selector):
    """Mark the elements matching `selector` for FOCUSED; their labels by mark."""
    return page.eval_on_selector_all(
        selector,
        """(elements) => Object.fromEntries(elements.map((el, i) => {
            el.dataset.e2eMark = String(i);
            return [String(i), el.outerHTML.slice(0, 120)];
        }))""",
    )


def _unreached_and_unseen(page, selector):
    """Tabbing through the page: the elements matching `selector` that the focus never
    reaches, and every element it reaches without a visible focus indicator."""
    targets = _mark(page, selector)
    assert targets, f"nothing matches {selector} on {page.url}"
    # Enough presses to pass every focusable element of the page once.
    limit = page.locator("a[href], button, input, select, textarea, summary").count() + 10
    focused = _tab_through(page, limit)
    reached = {element["mark"] for element in focused}
    unreached = [label for mark, label in targets.items() if mark not in reached]
    unseen = [element["label"] for element in focused if not element["indicator"]]
    return unreached, unseen


@pytest.mark.parametrize("width", WIDTHS)
def test_keyboard_reaches_every_main_menu_link_with_visible_focus(site, module_browser, width):
    """On the home page, Tab (and Enter on a closed menu button) reaches every link of the
    main menu, and every element Tab reaches shows a focus indicator."""
    page = module_browser.new_page(viewport={"width": width, "height": HEIGHT}, bypass_csp=True)
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(site.url + site.paths[f"HomePage-{LANGUAGES[0]}"])
    unreached, unseen = _unreached_and_unseen(page, MAIN_MENU_LINKS)
    page.close()
    assert not unreached, "Tab never reaches:\n  " + "\n  ".join(unreached)
    assert not unseen, "Focused without a visible indicator:\n  " + "\n  ".join(unseen)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", FILTERED_TYPES)
def test_keyboard_reaches_every_filter_control_with_visible_focus(
    site, module_browser, name, width
):
    """Tab reaches every control of the index's filter form, each with a focus indicator."""
    page = module_browser.new_page(viewport={"width": width, "height": HEIGHT}, bypass_csp=True)
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(site.url + site.paths[f"{name}-{LANGUAGES[0]}"])
    if page.locator(FILTER_FORM).count() == 0:
        page.close()
        pytest.fail(f"{name} has no filter form ({FILTER_FORM})")
    unreached, unseen = _unreached_and_unseen(page, f"{FILTER_FORM} :is({FILTER_CONTROLS})")
    page.close()
    assert not unreached, "Tab never reaches:\n  " + "\n  ".join(unreached)
    assert not unseen, "Focused without a visible indicator:\n  " + "\n  ".join(unseen)
