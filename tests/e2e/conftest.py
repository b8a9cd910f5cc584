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
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if Path(item.fspath).parent == here:
            item.add_marker(pytest.mark.browser)
            if not shutil.which(CHROMIUM):
                item.add_marker(pytest.mark.skip(reason="Debian's chromium is not installed"))


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
def screenshots():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
