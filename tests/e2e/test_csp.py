"""In Chromium, the Content-Security-Policy blocks nothing the site itself needs: public pages
of every type, a page seen by a signed-in editor (the userbar), and the admin's dashboard,
page editor with its live preview and translation editor."""

import pytest

from tests.demo_content import demo_site_in_transactional_test
from tests.e2e.conftest import TIMEOUT_MS

PASSWORD = "csp-e2e-Password-1"  # noqa: S105 (a throwaway account in the test database)
# What Chromium logs when a policy blocks something or a header is malformed.
POLICY_ERRORS = ("Content Security Policy", "Content-Security-Policy", "Permissions-Policy")

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def demo_site(django_user_model):
    demo_site_in_transactional_test()
    django_user_model.objects.create_superuser("csp-editor", "csp@example.invalid", PASSWORD)


def _watch(page):
    """Collect the policy errors of the page and of its frames (the preview iframe)."""
    errors = []
    page.on(
        "console",
        lambda message: (
            errors.append(message.text)
            if any(marker in message.text for marker in POLICY_ERRORS)
            else None
        ),
    )
    return errors


def _one_page_of_each_type():
    from wagtail.models import Page

    pages = {}
    for page in Page.objects.live().filter(depth__gt=1, locale__language_code="fi").specific():
        pages.setdefault(type(page), page)
    return [page.url for page in pages.values()]


def test_public_pages_load_without_policy_errors(live_server, browser, demo_site):
    urls = _one_page_of_each_type()
    context = browser.new_context()
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    errors = _watch(page)

    for url in urls:
        response = page.goto(f"{live_server.url}{url}")
        assert response.status == 200, url
        assert "'unsafe-inline'" not in response.headers["content-security-policy"]
        page.wait_for_load_state("load")

    assert len(urls) > 5
    assert errors == []
    context.close()


def test_admin_and_userbar_work_under_the_admin_policy(live_server, browser, demo_site):
    from wagtail.models import Locale

    from projects.models import ProjectPage

    project = ProjectPage.objects.live().filter(locale__language_code="fi").first()
    english = project.get_translation(Locale.objects.get(language_code="en"))
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    errors = _watch(page)

    # Signed in through the form, not a ready session: the sign-in page and the dashboard it
    # leads to run under the admin policy too.
    page.goto(f"{live_server.url}/admin/login/")
    page.locator("input[name='username']").fill("csp-editor")
    page.locator("input[name='password']").fill(PASSWORD)
    page.locator("form.login-form button[type='submit']").click()
    page.wait_for_url(f"{live_server.url}/admin/")

    # The page editor, its scripts running (the side panel opens) and the preview framed.
    page.goto(f"{live_server.url}/admin/pages/{project.pk}/edit/")
    page.locator("[data-side-panel-toggle='preview']").click()
    preview = page.frame_locator("#w-preview-iframe")
    assert preview.locator("h1").first.inner_text(timeout=TIMEOUT_MS)

    # wagtail-localize's translation editor (a React app started by an inline script).
    page.goto(f"{live_server.url}/admin/pages/{english.pk}/edit/")
    page.locator(".js-translation-editor").wait_for()

    # The public page as a signed-in editor sees it: the userbar under the public policy.
    page.goto(f"{live_server.url}{project.url}")
    page.locator("wagtail-userbar").wait_for(state="attached")
    page.wait_for_load_state("load")

    assert errors == []
    context.close()
