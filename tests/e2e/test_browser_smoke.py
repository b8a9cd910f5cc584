"""A real browser (Debian's Chromium through Playwright) loads the home and a project page."""

import pytest

from tests.demo_content import demo_site_in_transactional_test


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_home_and_project_page_render_in_a_real_browser(live_server, browser, screenshots):
    demo_site_in_transactional_test()

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/")
    assert page.locator("h1").first.inner_text() == "Arctic Smartness"
    page.screenshot(path=str(screenshots / "home-1280.png"), full_page=True)

    page.goto(f"{live_server.url}/hankkeet/growth-through-cooperation/")
    assert "Growth through Cooperation" in page.locator("h1").inner_text()
    assert page.locator("table.funding-table tbody tr").count() == 4
    page.set_viewport_size({"width": 375, "height": 800})
    page.screenshot(path=str(screenshots / "project-375.png"), full_page=True)
    page.close()
