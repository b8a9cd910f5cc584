"""A translator changes an English string in wagtail-localize's editor and publishes it; a
visitor sees it and moves between the languages with the language switcher."""

import os
import re
import uuid

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from localisation.roles import TRANSLATORS
from tests.demo_content import demo_site_in_transactional_test
from tests.e2e.conftest import TIMEOUT_MS

PROJECT_SLUG = "growth-through-cooperation"
PROJECT_TITLE = "Growth through Cooperation"
FINNISH_URL = f"/hankkeet/{PROJECT_SLUG}/"
ENGLISH_URL = f"/en/projects/{PROJECT_SLUG}/"
# The start of the Finnish summary: the source text the editor shows above its segment.
FINNISH_SUMMARY = "Hanke lisäsi Lapin eri toimialojen yhteistyötä"


@pytest.fixture
def demo_site():
    """The demo content in both languages, with the editorial groups, served at localhost."""
    demo_site_in_transactional_test()
    with open(os.devnull, "w") as devnull:
        call_command("setup_localisation", stdout=devnull)


def _project_pages():
    from projects.models import ProjectPage

    finnish = ProjectPage.objects.get(locale__language_code="fi", slug=PROJECT_SLUG)
    english = ProjectPage.objects.get(
        locale__language_code="en", translation_key=finnish.translation_key
    )
    return finnish, english


def _summary_segment_url(finnish):
    """The URL the editor PUTs the English summary to, to wait for exactly that request."""
    from wagtail_localize.models import StringSegment, Translation

    english = Translation.objects.get(
        source__object_id=finnish.translation_key, target_locale__language_code="en"
    )
    segment = StringSegment.objects.get(source=english.source, context__path="summary")
    return reverse("wagtail_localize:edit_string_translation", args=[english.pk, segment.pk])


def _in_any_language(message):
    """A pattern matching Wagtail's `message` in any site language.

    Wagtail builds its permission-denied message after leaving the user's preferred
    language, so on /admin/ (no language prefix) it comes in Finnish, the site default.
    """
    texts = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            texts.append(re.escape(translation.gettext(message)))
    return re.compile("|".join(texts))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_translator_publishes_an_english_segment_and_visitor_sees_it(
    live_server, sign_in, journey_browser, screenshots, demo_site, expect
):
    finnish, english = _project_pages()
    segment_url = f"{live_server.url}{_summary_segment_url(finnish)}"
    marker = f"E2E-{uuid.uuid4().hex[:8]}"
    new_summary = f"Translated in the browser ({marker}): the project joined Lapland's industries."

    # --- The translator (a Translators member, no superuser) opens the English translation
    page = sign_in("kaantaja", TRANSLATORS, language="en")
    page.goto(f"{live_server.url}/admin/pages/{english.pk}/edit/")
    editor = page.locator(".js-translation-editor")
    expect(editor).to_be_visible()
    expect(page.locator("form#page-edit-form")).to_have_count(0)

    # The segment is the <li> holding the Finnish source text; its own buttons edit it.
    segment = editor.locator("p", has_text=FINNISH_SUMMARY).locator("xpath=ancestor::li[1]")
    segment.get_by_role("button", name="Edit", exact=True).click()
    segment.locator("textarea").fill(new_summary)
    with page.expect_response(
        lambda response: response.url == segment_url and response.request.method == "PUT"
    ) as saved:
        segment.get_by_role("button", name="Save", exact=True).click()
    assert saved.value.ok, f"saving the segment answered {saved.value.status}"
    expect(segment.locator("textarea")).to_have_count(0)
    expect(segment).to_contain_text(marker)
    page.screenshot(path=str(screenshots / "translator-editor-1280.png"), full_page=True)

    # The editor's footer posts action=publish back to the edit view, which redirects to it.
    page.locator("footer button[name='action'][value='publish']").click()
    expect(page.locator(".messages li.success")).to_contain_text(
        f"Published '{PROJECT_TITLE}' in English."
    )
    english.refresh_from_db()
    assert english.live and marker in english.summary

    # --- Translators work in the translated trees only, never on the Finnish source ------
    page.goto(f"{live_server.url}/admin/pages/{finnish.pk}/edit/")
    page.wait_for_url(f"{live_server.url}/admin/")
    expect(page.locator(".messages li.error")).to_contain_text(
        _in_any_language("Sorry, you do not have permission to access this area.")
    )
    expect(page.locator(".js-translation-editor, form#page-edit-form")).to_have_count(0)

    # --- A visitor reads the English page and switches languages -----------------------
    visitor = journey_browser.new_context(viewport={"width": 1280, "height": 900})
    visitor.set_default_timeout(TIMEOUT_MS)
    public = visitor.new_page()
    public.goto(f"{live_server.url}{ENGLISH_URL}")
    expect(public.locator("html")).to_have_attribute("lang", "en")
    expect(public.locator("h1")).to_have_text(PROJECT_TITLE)
    expect(public.locator("main")).to_contain_text(marker)
    public.screenshot(path=str(screenshots / "translator-english-page-1280.png"), full_page=True)

    switcher = public.locator("nav.language-switcher")
    switcher.locator("a[hreflang='fi']").click()
    public.wait_for_url(f"{live_server.url}{FINNISH_URL}")
    expect(public.locator("html")).to_have_attribute("lang", "fi")
    expect(public.locator("h1")).to_have_text(PROJECT_TITLE)
    expect(public.locator("main")).to_contain_text(FINNISH_SUMMARY)
    expect(public.locator("main")).not_to_contain_text(marker)

    switcher.locator("a[hreflang='en']").click()
    public.wait_for_url(f"{live_server.url}{ENGLISH_URL}")
    expect(public.locator("html")).to_have_attribute("lang", "en")
    expect(public.locator("main")).to_contain_text(marker)
    visitor.close()
