"""The communicator editing a Finnish page sees in its status panel that the English version
exists and how far the translators are with it (issue 14), without opening the backlog."""

import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from home.factories import StandardPageFactory
from localisation.roles import COMMUNICATORS
from localisation.templatetags.translation_admin_tags import versions_in_other_languages

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(home, english):
    """A Finnish page as a communicator creates it: a draft with its English placeholder."""
    page = StandardPageFactory(
        parent=home, title="Uusi hanke", slug="uusi-hanke", summary="Hankkeen kuvaus.", live=False
    )
    page.copy_for_translation(english, copy_parents=True, alias=True)
    return page


def publish(page, capture):
    with capture(execute=True):
        page.save_revision().publish()


@pytest.fixture
def published(draft, django_capture_on_commit_callbacks):
    """The page published once, which opens its English translation (localisation.sync)."""
    publish(draft, django_capture_on_commit_callbacks)
    return draft


def segments_of(page):
    return StringSegment.objects.filter(source__object_id=page.translation_key).order_by("order")


def translate(page, english, count=None):
    """A translator's work in the translation editor: the first `count` segments."""
    for segment in segments_of(page).select_related("string")[:count]:
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=english,
            context=segment.context,
            data=f"{segment.string.data}-en",
        )


def language_versions(response):
    """{language code: (status text, (link text, link address) or None)} as the status side
    panel of an edit view shows them."""
    assert response.status_code == 200
    panel = BeautifulSoup(response.content, "html.parser").select_one("[data-side-panel='status']")
    assert panel is not None, "the edit view has no status panel"
    versions = {}
    for row in panel.select("[data-language-version]"):
        status = row.select_one("[data-language-version-status]")
        link = row.select_one("a[data-language-version-link]")
        versions[row["data-language-version"]] = (
            " ".join(status.get_text().split()),
            (" ".join(link.get_text().split()), link["href"]) if link else None,
        )
    return versions


def edit(client, page):
    return client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))


def editor_url(page, english):
    return reverse("wagtailadmin_pages:edit", args=[page.get_translation(english).pk])


def test_a_page_published_once_shows_its_english_in_translation(admin_client, published, english):
    total = segments_of(published).count()
    assert total > 1

    assert language_versions(edit(admin_client, published)) == {
        "en": (
            f"English: being translated, 0 of {total} texts translated",
            ("Open in the translation editor", editor_url(published, english)),
        )
    }


def test_the_count_rises_as_segments_are_translated(admin_client, published, english):
    total = segments_of(published).count()
    translate(published, english, count=2)

    status, _link = language_versions(edit(admin_client, published))["en"]
    assert status == f"English: being translated, 2 of {total} texts translated"


def test_a_published_translation_shows_published(
    admin_client, published, english, django_capture_on_commit_callbacks
):
    translate(published, english)
    with django_capture_on_commit_callbacks(execute=True):
        Translation.objects.get(target_locale=english).save_target(publish=True)

    assert language_versions(edit(admin_client, published)) == {
        "en": (
            "English: published",
            ("Open in the translation editor", editor_url(published, english)),
        )
    }


def test_a_changed_finnish_text_shows_the_english_update_in_translation(
    admin_client, published, english, django_capture_on_commit_callbacks
):
    translate(published, english)
    with django_capture_on_commit_callbacks(execute=True):
        Translation.objects.get(target_locale=english).save_target(publish=True)

    published.summary = "Hankkeen uusi kuvaus."
    publish(published, django_capture_on_commit_callbacks)

    total = segments_of(published).count()
    status, _link = language_versions(edit(admin_client, published))["en"]
    assert status == (
        f"English: published; an update is being translated, {total - 1} of {total} "
        "texts translated"
    )


def test_a_draft_never_published_has_no_english_version_yet(admin_client, draft, english):
    assert language_versions(edit(admin_client, draft)) == {
        "en": (
            "English: not yet submitted for translation",
            ("Open the page", editor_url(draft, english)),
        )
    }


def test_a_translation_stopped_by_the_translator_shows_the_english_page_state(
    admin_client, published, english
):
    """ "Stop synced translation" in wagtail-localize: the English page is edited directly."""
    Translation.objects.filter(target_locale=english).update(enabled=False)

    assert language_versions(edit(admin_client, published)) == {
        "en": ("English: draft, not published", ("Open the page", editor_url(published, english)))
    }


def test_the_english_pages_own_status_panel_lists_no_other_versions(
    admin_client, published, english
):
    """The block is about what is made from a Finnish page; an English page is made from
    Finnish, not the other way round. (While the translation is synced, the English page's
    edit view is the translation editor, which has no status panel at all.)"""
    Translation.objects.filter(target_locale=english).update(enabled=False)

    assert language_versions(edit(admin_client, published.get_translation(english))) == {}


@pytest.fixture
def finnish_communicator(home, django_user_model):
    call_command("setup_localisation", stdout=io.StringIO())
    user = django_user_model.objects.create_user("viestija", "v@example.fi", "x")
    user.groups.add(Group.objects.get(name=COMMUNICATORS))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "fi"
    profile.save()
    return user


def test_a_finnish_communicator_reads_the_progress_in_finnish_without_a_link(
    client, finnish_communicator, published, english
):
    """Communicators do not edit English pages, so the row has no link for them."""
    translate(published, english, count=1)
    total = segments_of(published).count()
    client.force_login(finnish_communicator)

    assert language_versions(edit(client, published)) == {
        "en": (f"Englanti: käännöksessä, 1/{total} tekstiä käännetty", None)
    }


def test_the_status_costs_three_queries(published, django_assert_num_queries):
    """The default locale, the other-language pages, the translations with their counts."""
    with django_assert_num_queries(3):
        [version] = versions_in_other_languages(published, [])
    assert version.state == "being_translated"
