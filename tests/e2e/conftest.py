"""Browser tests drive Debian's Chromium through Playwright; no browser is ever downloaded.

They are transactional (the live server runs in another thread) and use serialized
rollback, so each starts from, and leaves, the database exactly as the migrations made it.
test_accessibility.py instead loads the demo content once for all its read-only tests.
"""

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

# Playwright's sync API keeps an event loop running in this thread; Django's database calls
# from the test itself are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Each step waits on a selector or a response; a stuck step fails in seconds, not minutes.
TIMEOUT_MS = 15_000
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if Path(item.fspath).parent == here:
            item.add_marker(pytest.mark.browser)
            if not shutil.which(CHROMIUM):
                item.add_marker(pytest.mark.skip(reason="Debian's chromium is not installed"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Marks a test whose body failed, for the fixtures that save screenshots then."""
    report = yield
    if report.when == "call" and report.failed:
        item.failed_call = True
    return report


@contextmanager
def _chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def browser():
    with _chromium() as browser:
        yield browser


@pytest.fixture(scope="module")
def module_browser():
    """One Chromium for all the tests of a module that visit many pages, each test in its
    own page; a test module uses either this or `browser`, never both."""
    with _chromium() as browser:
        yield browser


@pytest.fixture
def journey_browser(transactional_db):
    """One Chromium for a test that signs in (`sign_in`), each role in its own context of it.

    Per test, not per module: a browser open across tests keeps Playwright's event loop in
    this thread, and Django then gives the test a connection that lacks the serialized
    database, so serialized_rollback's restore is silently skipped. The browser is
    started after the database is restored (`transactional_db`); a launch takes about a
    second."""
    with _chromium() as browser:
        yield browser


@pytest.fixture
def screenshots():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


# --- The migrated database, and each signed-in role in its own browser context


@pytest.fixture
def expect():
    """Playwright's assertions, waiting up to TIMEOUT_MS in this test only."""
    from playwright.sync_api import expect

    expect.set_options(timeout=TIMEOUT_MS)
    yield expect
    expect.set_options(timeout=None)  # back to Playwright's default


@pytest.fixture
def finnish_home():
    """The Finnish home page, served at localhost like the live server."""
    from wagtail.models import Site

    from home.models import HomePage

    Site.objects.filter(is_default_site=True).update(hostname="localhost")
    return HomePage.objects.get(locale__language_code="fi")


@pytest.fixture
def sign_in(request, live_server, journey_browser, django_user_model):
    """`sign_in(username, role=None, language="fi")`: a tab of a new browser context signed
    in as a new member of the group `role` (a superuser when no role is given) whose admin
    is in `language`. The session comes from Django's test client, so no step of a test is
    spent on the login form (test_csp.py, which checks that form, fills it in itself)."""
    from django.conf import settings
    from django.contrib.auth.models import Group
    from django.test import Client
    from wagtail.users.models import UserProfile

    contexts = []

    def sign_in(username, role=None, *, language="fi"):
        email = f"{username}@example.invalid"
        if role is None:
            user = django_user_model.objects.create_superuser(username, email)
        else:
            user = django_user_model.objects.create_user(username, email)
            user.groups.add(Group.objects.get(name=role))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()

        client = Client()
        client.force_login(user)
        # The browser of someone in Finland who reads the admin in `language`.
        context = journey_browser.new_context(
            viewport={"width": 1280, "height": 900}, locale=f"{language}-FI"
        )
        contexts.append(context)
        context.set_default_timeout(TIMEOUT_MS)
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url,
                }
            ]
        )
        return context.new_page()

    yield sign_in
    failed = getattr(request.node, "failed_call", False)
    for number, context in enumerate(contexts, start=1):
        if failed:  # what each role saw last, among the CI artifacts
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            for tab in context.pages:
                tab.screenshot(path=str(SCREENSHOTS / f"failed-{request.node.name}-{number}.png"))
        context.close()


@pytest.fixture
def visitor(journey_browser, live_server):
    """`visitor(path)`: the status and body of a public address, fetched anonymously."""
    context = journey_browser.new_context()

    def visit(path):
        response = context.request.get(f"{live_server.url}{path}")
        return response.status, response.body()

    yield visit
    context.close()
