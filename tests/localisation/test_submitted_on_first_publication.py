"""Translators never wait for someone to send them new content: a Finnish page or snippet
is submitted for translation when it is first published, and the backlog lists only what
a translator can act on."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils import translation as django_translation
from wagtail.models import Page
from wagtail_localize.models import Translation

from core.factories import OrganisationFactory
from core.snippets import Organisation
from home.factories import StandardPageFactory
from localisation.report import translation_backlog
from localisation.roles import TRANSLATORS

pytestmark = pytest.mark.django_db


@pytest.fixture
def translator(home, django_user_model):
    call_command("setup_localisation", stdout=io.StringIO())
    user = django_user_model.objects.create_user("kaantaja", "k@example.fi", "x")
    user.groups.add(Group.objects.get(name=TRANSLATORS))
    return user


def backlog_rows(user):
    with django_translation.override("en"):
        return {item.title: (str(item.reason), item.url) for item in translation_backlog(user)}


NOT_YET = "Not translated yet"


@pytest.fixture
def new_page(home, english, django_capture_on_commit_callbacks):
    """A Finnish page as a communicator creates it: a draft with its English placeholder."""
    page = StandardPageFactory(parent=home, title="Uusi hanke", slug="uusi-hanke", live=False)
    page.copy_for_translation(english, copy_parents=True, alias=True)
    return page


def publish(page, capture):
    with capture(execute=True):
        page.save_revision().publish()


def test_a_draft_is_not_in_the_translators_backlog(translator, new_page):
    """Autosave makes a draft as soon as a communicator starts typing; until it is
    published there is nothing for a translator to do."""
    assert "Uusi hanke" not in backlog_rows(translator)
    assert not Translation.objects.exists()


def test_first_publication_opens_a_draft_translation_the_backlog_links_to(
    client, translator, new_page, english, django_capture_on_commit_callbacks
):
    publish(new_page, django_capture_on_commit_callbacks)

    english_page = new_page.get_translation(english)
    assert english_page.alias_of_id is None  # a translation of its own, no placeholder
    assert not english_page.live  # in progress: English visitors get no Finnish text
    editor_url = reverse("wagtailadmin_pages:edit", args=[english_page.pk])
    assert backlog_rows(translator)["Uusi hanke"] == (NOT_YET, editor_url)

    client.force_login(translator)
    response = client.get(editor_url)
    assert response.status_code == 200
    assert "js-translation-editor" in response.content.decode()


def test_a_page_published_before_is_submitted_at_its_next_publication(
    translator, home, english, django_capture_on_commit_callbacks
):
    page = StandardPageFactory(parent=home, title="Vanha sivu", slug="vanha-sivu")
    page.copy_for_translation(english, copy_parents=True, alias=True)
    assert backlog_rows(translator)["Vanha sivu"] == (NOT_YET, None)  # translators: no link

    publish(page, django_capture_on_commit_callbacks)

    english_page = page.get_translation(english)
    editor_url = reverse("wagtailadmin_pages:edit", args=[english_page.pk])
    assert backlog_rows(translator)["Vanha sivu"] == (NOT_YET, editor_url)


def test_a_new_snippet_is_submitted_for_translation(
    translator, english, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        organisation = OrganisationFactory(name="Lapin ammattikorkeakoulu")

    english_organisation = Organisation.objects.get(
        translation_key=organisation.translation_key, locale=english
    )
    row = backlog_rows(translator)["Lapin ammattikorkeakoulu"]
    assert row[0] == NOT_YET
    assert row[1] == reverse(
        english_organisation.snippet_viewset.get_url_name("edit"), args=[english_organisation.pk]
    )


def test_a_translation_is_left_alone_when_the_source_is_submitted_already(
    translator, new_page, english, django_capture_on_commit_callbacks
):
    publish(new_page, django_capture_on_commit_callbacks)
    english_page = new_page.get_translation(english)

    publish(new_page, django_capture_on_commit_callbacks)

    assert Page.objects.get(pk=english_page.pk).live is False
    assert Translation.objects.count() == 1


def test_a_page_approved_for_a_later_publication_is_in_the_backlog(translator, new_page):
    """Scheduled by a moderator's approval: not live yet, but nothing will stop it."""
    new_page.save_revision(approved_go_live_at=timezone.now() + datetime.timedelta(days=2))

    assert backlog_rows(translator)["Uusi hanke"] == (NOT_YET, None)
