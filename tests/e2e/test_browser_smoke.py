"""A real browser (Debian's Chromium through Playwright) loads the home and a project page."""

import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

# Playwright's sync API keeps an event loop running in this thread; Django's database calls
# from the test itself are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian's chromium is not installed"),
]


@pytest.fixture
def browser():
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


@pytest.mark.django_db(transaction=True)
def test_home_and_project_page_render_in_a_real_browser(live_server, browser, home):
    from wagtail.models import Site

    Site.objects.filter(is_default_site=True).update(hostname="localhost")
    call_command("load_demo_content", stdout=open(os.devnull, "w"))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/")
    assert page.locator("h1").first.inner_text() == "Arctic Smartness"
    page.screenshot(path=str(SCREENSHOTS / "home-1280.png"), full_page=True)

    page.goto(f"{live_server.url}/hankkeet/growth-through-cooperation/")
    assert "Growth through Cooperation" in page.locator("h1").inner_text()
    assert page.locator("table.funding-table tbody tr").count() == 4
    page.set_viewport_size({"width": 375, "height": 800})
    page.screenshot(path=str(SCREENSHOTS / "project-375.png"), full_page=True)
    page.close()
