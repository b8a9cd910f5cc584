"""A visitor types in the header search box, gets title suggestions as an ARIA combobox and
opens one with the keyboard (static/js/search-suggest.js in Debian's Chromium)."""

import re

import pytest

# Each step waits on a selector or a navigation; a stuck step fails in seconds, not minutes.
TIMEOUT_MS = 15_000


@pytest.fixture
def project(home):
    from wagtail.models import Site

    from projects.factories import ProjectIndexPageFactory, ProjectPageFactory

    Site.objects.filter(is_default_site=True).update(hostname="localhost")
    index = ProjectIndexPageFactory(parent=home)
    return ProjectPageFactory(parent=index, title="Arctic Smartness Portfolio", acronym="ASP")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_visitor_opens_a_suggested_page_with_the_keyboard(
    live_server, browser, screenshots, project
):
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(f"{live_server.url}/")
    box = page.locator("#header-search-input")
    expect(box).to_have_attribute("role", "combobox")
    expect(box).to_have_attribute("aria-expanded", "false")
    listbox = page.locator("#" + box.get_attribute("aria-controls"))
    expect(listbox).to_have_attribute("role", "listbox")

    box.press_sequentially("Portf")
    option = listbox.get_by_role("option", name=re.compile("Arctic Smartness Portfolio"))
    expect(option).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(page.locator("form.header-search [role=status]")).to_have_text(re.compile(r"1$"))

    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(box).to_have_value("Portf")

    box.press("ArrowDown")
    expect(listbox).to_be_visible()
    expect(option).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", option.get_attribute("id"))
    page.screenshot(path=str(screenshots / "search-suggestions-1280.png"))

    box.press("Enter")
    page.wait_for_url(f"{live_server.url}{project.url}")
    expect(page.locator("h1")).to_contain_text("Arctic Smartness Portfolio")
    page.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_enter_without_a_highlighted_suggestion_submits_the_search(live_server, browser, project):
    from playwright.sync_api import expect

    page = browser.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(f"{live_server.url}/")
    box = page.locator("#header-search-input")
    box.press_sequentially("Portf")
    expect(page.get_by_role("option", name=re.compile("Portfolio"))).to_be_visible()

    box.press("Enter")
    page.wait_for_url(re.compile(r"/haku/\?q=Portf$"))
    page.close()
