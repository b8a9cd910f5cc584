"""Editors finish their work in the real Finnish admin (issue 14).

J5: a communicator writes an event under the news and an organisation, a moderator approves
the event from the dashboard, a translator finds both in the translation backlog. J6: a
communicator schedules a page, a moderator approves it, and it goes live when its time
comes. J7: a moderator deletes a translated page, and neither language keeps it.

Each step types into or clicks Wagtail's own widgets (the date-time picker, the footer's
dropdown, the schedule and delete dialogs); only signing in is done through Django's test
client, whose session cookie the browser then carries. Every admin screen a journey passes
is checked for English words (tests/admin_language.py), since these users read the admin
in Finnish.

The tree is built with factories rather than the demo content: the demo content takes
about 19 s to load, the news index and the groups about 0.2 s.
"""

import datetime
import io
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from localisation.roles import COMMUNICATORS, MODERATORS, TRANSLATORS
from tests.e2e.journeys import (
    HELSINKI,
    Screens,
    approve_from_dashboard,
    assert_no_english,
    next_month_15th,
    pick_date_and_time,
    setup_localisation,
    submit_for_moderation,
)
from tests.sitemaps import sitemap_entries

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


EVENT_TITLE = "Arktisen älyn työpaja"
ORGANISATION = "Lapin ammattikorkeakoulu"


# --- J5 ------------------------------------------------------------------------------------


@pytest.fixture
def news_index(finnish_home):
    from news.factories import NewsIndexPageFactory

    index = NewsIndexPageFactory(parent=finnish_home)
    setup_localisation()
    return index


def test_communicators_event_and_organisation_reach_the_translator(
    live_server, sign_in, screenshots, news_index, expect
):
    from core.models import Organisation
    from news.models import NewsPage

    screens = Screens(screenshots, "journey5")
    day = next_month_15th()

    # --- The communicator writes the event --------------------------------------------
    writer = sign_in("viestija", COMMUNICATORS)
    writer.goto(f"{live_server.url}/admin/pages/{news_index.pk}/")
    screens.see(writer, "news-index")
    writer.get_by_role("link", name="Lisää alasivu").first.click()
    expect(writer.locator("#id_title")).to_be_visible()
    screens.see(writer, "new-news-item")
    writer.locator("#id_title").fill(EVENT_TITLE)
    writer.locator("#id_summary").fill("Työpajassa suunnitellaan Lapin älykästä erikoistumista.")

    pick_date_and_time(writer, expect, "#id_event_start", day, 10)
    expect(writer.locator("#id_event_start")).to_have_value(f"{day:%d.%m.%Y} 10:00")
    pick_date_and_time(writer, expect, "#id_event_end", day, 16)
    expect(writer.locator("#id_event_end")).to_have_value(f"{day:%d.%m.%Y} 16:00")
    # Half past nine is not in the picker's hourly list: the start is typed over by hand,
    # the Finnish way; leaving the field, the picker rewrites it in its own format.
    writer.locator("#id_event_start").fill(f"{day.day}.{day.month}.{day.year} 9.30")
    writer.locator("#id_venue").fill("Lapin yliopisto, Rovaniemi")
    expect(writer.locator("#id_event_start")).to_have_value(f"{day:%d.%m.%Y} 09:30")
    writer.locator("#id_participants").fill("40")
    screens.see(writer, "event-dates", screenshot=True)

    submit_for_moderation(writer)
    expect(writer.locator(".messages .success")).to_contain_text(
        f"Sivu '{EVENT_TITLE}' luotu ja lähetetty tarkastettavaksi."
    )
    screens.see(writer, "submitted", screenshot=True)

    event = NewsPage.objects.get(locale__language_code="fi", title=EVENT_TITLE)
    event_start = datetime.datetime.combine(day, datetime.time(9, 30), tzinfo=HELSINKI)
    event_end = datetime.datetime.combine(day, datetime.time(16, 0), tzinfo=HELSINKI)
    draft = event.get_latest_revision_as_object()
    assert (draft.event_start, draft.event_end) == (event_start, event_end)
    assert (draft.venue, draft.participants) == ("Lapin yliopisto, Rovaniemi", 40)
    assert not event.live

    # --- ... and an organisation, through the Snippets UI -----------------------------
    writer.get_by_role("link", name="Organisaatiot").click()
    screens.see(writer, "organisations")
    writer.get_by_role("link", name="Lisää organisaatio").click()
    expect(writer.locator("#id_name")).to_be_visible()
    screens.see(writer, "new-organisation")
    writer.locator("#id_name").fill(ORGANISATION)
    writer.locator("#id_short_name").fill("Lapin AMK")
    writer.locator("#id_kind").select_option(label="Koulutuksen järjestäjä")
    writer.locator("#id_website").fill("https://www.lapinamk.fi/")
    writer.locator("footer button[type='submit']").first.click()
    expect(writer.locator(".messages .success")).to_contain_text(ORGANISATION)
    screens.see(writer, "organisation-saved", screenshot=True)
    assert Organisation.objects.filter(locale__language_code="fi", name=ORGANISATION).exists()

    # --- The moderator approves the event from the dashboard --------------------------
    moderator = sign_in("moderaattori", MODERATORS)
    approve_from_dashboard(
        moderator,
        expect,
        live_server,
        screens,
        EVENT_TITLE,
        f"”{EVENT_TITLE}” hyväksyttiin ja julkaistiin.",
    )
    event.refresh_from_db()
    assert event.live and not event.has_unpublished_changes
    assert (event.event_start, event.event_end) == (event_start, event_end)

    # --- The translator finds both in the backlog -------------------------------------
    translator = sign_in("kaantaja", TRANSLATORS)
    backlog = f"{live_server.url}{reverse('translation_backlog')}"
    for title in (EVENT_TITLE, ORGANISATION):
        translator.goto(backlog)
        row = translator.locator("table tbody tr", has_text=title)
        expect(row).to_have_count(1)
        screens.see(translator, "backlog", screenshot=title == EVENT_TITLE)
        row.get_by_role("link", name=title).click()
        editor = translator.locator(".js-translation-editor")
        expect(editor).to_contain_text("Käännös: suomi → englanti")
        expect(editor).to_contain_text(title)
        name = "translation-editor-" + ("event" if title == EVENT_TITLE else "organisation")
        screens.see(translator, name, screenshot=True)

    assert_no_english(screens)


# --- J6 ------------------------------------------------------------------------------------

BULLETIN_TITLE = "Kesän tiedote"


@pytest.fixture
def draft_page(finnish_home):
    """A Finnish page never published: a communicator's finished draft."""
    from home.factories import StandardPageFactory

    page = StandardPageFactory(
        parent=finnish_home,
        title=BULLETIN_TITLE,
        slug="kesan-tiedote",
        summary="Kesän tapahtumat ja hakuajat.",
        live=False,
    )
    page.save_revision()
    setup_localisation()
    return page


def test_a_scheduled_page_goes_live_when_its_time_comes(
    live_server, sign_in, visitor, screenshots, draft_page, expect
):
    from wagtail.models import Page, Revision

    screens = Screens(screenshots, "journey6")
    go_live = (timezone.localtime() + datetime.timedelta(days=2)).replace(
        hour=12, minute=0, second=0, microsecond=0
    )

    # --- The communicator sets the publishing schedule and submits --------------------
    writer = sign_in("viestija", COMMUNICATORS)
    writer.goto(f"{live_server.url}/admin/pages/{draft_page.pk}/edit/")
    expect(writer.locator("#id_title")).to_have_value(BULLETIN_TITLE)
    screens.see(writer, "edit")
    writer.locator("[data-side-panel-toggle='status']").click()
    status = writer.locator("[data-side-panel='status']")
    expect(status).to_be_visible()
    screens.see(writer, "status-panel")
    status.get_by_role("button", name="Aseta ajastus").click()
    dialog = writer.locator("#schedule-publishing-dialog")
    expect(dialog).to_be_visible()
    # Typed as the picker writes it (WAGTAIL_DATETIME_FORMAT); a click on the dialog's
    # heading closes the picker (Escape would close the dialog too).
    go_live_field = dialog.locator("input[name='go_live_at']")
    go_live_field.click()
    picker = writer.locator(".xdsoft_datetimepicker:visible")
    expect(picker).to_have_count(1)
    go_live_field.fill(f"{go_live:%d.%m.%Y %H:%M}")
    dialog.get_by_role("heading", name="Aseta julkaisuajastus").click()
    expect(picker).to_have_count(0)
    expect(go_live_field).to_have_value(f"{go_live:%d.%m.%Y %H:%M}")
    screens.see(writer, "schedule-dialog", screenshot=True)
    dialog.get_by_role("button", name="Tallenna ajastus").click()
    expect(writer.locator(".messages .success")).to_contain_text(BULLETIN_TITLE)
    screens.see(writer, "schedule-saved")
    submit_for_moderation(writer)
    expect(writer.locator(".messages .success")).to_contain_text(
        f"Sivu '{BULLETIN_TITLE}' on lähetetty tarkastettavaksi."
    )
    screens.see(writer, "submitted", screenshot=True)
    draft_page.refresh_from_db()
    assert draft_page.get_latest_revision_as_object().go_live_at == go_live

    # --- The moderator approves: scheduled, not live ----------------------------------
    moderator = sign_in("moderaattori", MODERATORS)
    # Told in Finnish when it goes live (DATETIME_FORMAT of config/formats/fi).
    when = f"{go_live.day}.{go_live.month}.{go_live.year} klo {go_live.hour}.{go_live:%M}"
    approve_from_dashboard(
        moderator,
        expect,
        live_server,
        screens,
        BULLETIN_TITLE,
        f"”{BULLETIN_TITLE}” hyväksyttiin: se julkaistaan {when}.",
    )
    draft_page.refresh_from_db()
    scheduled = draft_page.scheduled_revision
    assert not draft_page.live
    assert scheduled is not None and scheduled.approved_go_live_at == go_live
    assert visitor(draft_page.url)[0] == 404

    # --- Its time comes: publish_scheduled publishes it ------------------------------
    # As if the two days had passed: the approved revision holds its go-live time twice,
    # as the approval's and in its content, which publishing reads again.
    past = timezone.now() - datetime.timedelta(minutes=1)
    Revision.objects.filter(pk=scheduled.pk).update(
        approved_go_live_at=past,
        content={**scheduled.content, "go_live_at": past.isoformat()},
    )
    call_command("publish_scheduled", stdout=io.StringIO())
    page = Page.objects.get(pk=draft_page.pk)
    assert page.live and page.live_revision_id == scheduled.pk
    assert visitor(page.url)[0] == 200

    assert_no_english(screens)


# --- J7 ------------------------------------------------------------------------------------

ABOUT_TITLE = "Tietoa hankkeesta"
ABOUT_ENGLISH = "Arctic Lapland"


@pytest.fixture
def translated_page(finnish_home, django_capture_on_commit_callbacks):
    """A published Finnish page with its published English translation."""
    from wagtail.models import Locale

    from home.factories import StandardPageFactory
    from tests.translations import translate_segments

    page = StandardPageFactory(
        parent=finnish_home, title=ABOUT_TITLE, slug="tietoa-hankkeesta", summary="Meistä."
    )
    setup_localisation()
    english = Locale.objects.get(language_code="en")
    translate_segments(
        page,
        english,
        django_capture_on_commit_callbacks,
        {ABOUT_TITLE: ABOUT_ENGLISH, "Meistä.": "About us."},
    )
    return page, page.get_translation(english)


def sitemap_paths(visitor):
    """The paths /sitemap.xml lists for search engines (every language)."""
    return {urlparse(address).path for address in sitemap_entries(lambda path: visitor(path)[1])}


def html_sitemap_paths(visitor):
    """The paths the visitors' sitemap page links to, in each language."""
    paths = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            _status, body = visitor(reverse("sitemap"))
        paths |= {a["href"] for a in BeautifulSoup(body, "html.parser").select("main a[href]")}
    return paths


def test_deleting_a_translated_page_removes_both_languages(
    live_server, sign_in, visitor, screenshots, translated_page, expect
):
    from wagtail.models import Page

    finnish, english = translated_page
    urls = {finnish.url, english.url}
    assert urls == {"/tietoa-hankkeesta/", "/en/arctic-lapland/"}
    assert [visitor(url)[0] for url in sorted(urls)] == [200, 200]
    assert urls <= sitemap_paths(visitor)
    assert urls <= html_sitemap_paths(visitor)
    screens = Screens(screenshots, "journey7")

    # --- The moderator deletes the Finnish page from the explorer ----------------------
    moderator = sign_in("moderaattori", MODERATORS)
    moderator.goto(f"{live_server.url}/admin/pages/{finnish.get_parent().pk}/")
    row = moderator.locator("table tbody tr", has_text=ABOUT_TITLE)
    row.get_by_role("button", name=f"Lisää toimintoja kohteelle '{ABOUT_TITLE}'").click()
    delete = row.get_by_role("link", name="Poista", exact=True)
    expect(delete).to_be_visible()
    screens.see(moderator, "explorer")
    delete.click()
    # The dialog names the English page that goes with it, and where it is published.
    deleted_with = moderator.locator("[data-deleted-with] li")
    expect(deleted_with).to_have_count(1)
    expect(deleted_with).to_contain_text(f"{ABOUT_ENGLISH} (englanti)")
    expect(deleted_with).to_contain_text(english.url)
    screens.see(moderator, "delete-dialog", screenshot=True)
    moderator.get_by_role("button", name="Kyllä, poista").click()
    expect(moderator.locator(".messages .success")).to_contain_text(ABOUT_TITLE)
    screens.see(moderator, "deleted", screenshot=True)

    # --- Neither language has it any more ----------------------------------------------
    assert not Page.objects.filter(translation_key=finnish.translation_key).exists()
    assert [visitor(url)[0] for url in sorted(urls)] == [404, 404]
    assert not urls & sitemap_paths(visitor)
    assert not urls & html_sitemap_paths(visitor)

    assert_no_english(screens, allow=[ABOUT_ENGLISH])
