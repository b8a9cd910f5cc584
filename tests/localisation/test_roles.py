"""Who may do what in the translation workflow: communicators write Finnish, submit it to
moderation and send it for translation, translators produce English in wagtail-localize's
translation editor, and neither reaches settings, users or locales. (Every role against
every action, moderators and administrators included: tests/permissions/.)

The groups come from `setup_localisation`, as on a deployed site; each test signs in a user
who belongs to one group only and uses the admin through its real URLs.
"""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, Page, Site, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail.snippets.permissions import get_permission_name
from wagtail.users.models import UserProfile
from wagtail_localize.models import (
    StringSegment,
)

from core.factories import OrganisationFactory
from core.models import SiteFooterSettings
from home.factories import StandardPageFactory
from localisation.roles import COMMUNICATORS, TRANSLATORS
from tests.editor_forms import page_form
from tests.translations import translate_segments

pytestmark = pytest.mark.django_db

TRANSLATION_EDITOR = 'class="js-translation-editor"'


@pytest.fixture
def roles(home):
    call_command("setup_localisation", stdout=io.StringIO())


def sign_in(client, django_user_model, username, group_name):
    user = django_user_model.objects.create_user(username, f"{username}@example.fi", "x")
    user.groups.add(Group.objects.get(name=group_name))
    # Messages are asserted in English.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return user


@pytest.fixture
def translator(roles, client, django_user_model):
    return sign_in(client, django_user_model, "kaantaja", TRANSLATORS)


@pytest.fixture
def communicator(roles, client, django_user_model):
    return sign_in(client, django_user_model, "viestija", COMMUNICATORS)


@pytest.fixture
def translate(english, django_capture_on_commit_callbacks):
    """Submit a Finnish page or snippet for translation into English and publish a first
    translation of it, as a finished job in wagtail-localize. Returns the Translation."""

    def translate(obj, texts):
        return translate_segments(obj, english, django_capture_on_commit_callbacks, texts)

    return translate


@pytest.fixture
def about(home, english, translate):
    """A Finnish page with its published English translation: (fi, en, translation)."""
    finnish = StandardPageFactory(parent=home, title="Tietoa", slug="tietoa", summary="")
    translation = translate(finnish, {"Tietoa": "About", "tietoa": "about"})
    return finnish, finnish.get_translation(english).specific, translation


@pytest.fixture
def organisation(english, translate):
    """A Finnish organisation with its English translation: (fi, en)."""
    finnish = OrganisationFactory(name="Lapin liitto")
    translate(finnish, {"Lapin liitto": "Regional Council of Lapland"})
    return finnish, finnish.get_translation(english)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.id])


def snippet_edit_url(obj):
    return reverse("wagtailsnippets_core_organisation:edit", args=[obj.pk])


def organisation_form(obj, **changes):
    return {
        "name": obj.name,
        "short_name": obj.short_name,
        "kind": obj.kind,
        "website": obj.website,
        **changes,
    }


def assert_sent_away(response):
    """Wagtail's answer to a user without permission: back to the dashboard (or a 403)."""
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home")


def footer_settings_url():
    site = Site.objects.get(is_default_site=True)
    return reverse("wagtailsettings:edit", args=["core", "sitefootersettings", site.pk])


def locale_and_user_urls():
    english = Locale.objects.get(language_code="en")
    return [
        reverse("wagtaillocales:index"),
        reverse("wagtaillocales:edit", args=[english.pk]),
        reverse("wagtailusers_users:index"),
        reverse("wagtailusers_users:add"),
        reverse("wagtailusers_groups:index"),
    ]


def translatable_snippet_models():
    return sorted(
        (model for model in get_snippet_models() if issubclass(model, TranslatableMixin)),
        key=lambda model: model._meta.label,
    )


# --- Translators --------------------------------------------------------------------------


def test_translator_translates_and_publishes_the_english_page_in_the_translation_editor(
    client, translator, about, django_capture_on_commit_callbacks
):
    finnish, english, translation = about

    response = client.get(edit_url(english))
    assert response.status_code == 200
    html = response.content.decode()
    assert TRANSLATION_EDITOR in html
    assert "Translation of Tietoa into English" in html

    # The editor saves each segment through wagtail-localize's API, then publishes.
    title = StringSegment.objects.get(source=translation.source, string__data="Tietoa")
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.id, title.id])
    response = client.put(url, "value=About+us", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url(english), {"action": "publish"})
    assert response.status_code == 302

    english.refresh_from_db()
    assert english.live and english.title == "About us"
    assert english.live_revision.user == translator
    finnish.refresh_from_db()
    assert finnish.title == "Tietoa"


def test_translator_cannot_edit_publish_or_add_finnish_pages(client, translator, home, about):
    finnish, _english, _translation = about
    revisions = finnish.revisions.count()

    assert_sent_away(client.get(edit_url(finnish)))
    assert_sent_away(
        client.post(
            edit_url(finnish),
            page_form(finnish, title="Muutettu", **{"action-publish": "action-publish"}),
        )
    )
    assert_sent_away(client.get(reverse("wagtailadmin_pages:add_subpage", args=[home.id])))
    assert_sent_away(
        client.post(
            reverse("wagtailadmin_pages:add", args=["home", "standardpage", home.id]),
            page_form(StandardPageFactory.build(title="Uusi", slug="uusi", summary="")),
        )
    )

    finnish.refresh_from_db()
    assert finnish.title == "Tietoa" and finnish.revisions.count() == revisions
    assert not Page.objects.filter(slug="uusi").exists()


def test_translator_is_sent_back_from_a_finnish_snippet_but_translates_the_english_one(
    client, translator, organisation
):
    finnish, english = organisation
    listing = reverse("wagtailsnippets_core_organisation:list")

    response = client.get(snippet_edit_url(finnish))
    assert response.status_code == 302 and response["Location"] == listing
    response = client.post(
        snippet_edit_url(finnish), organisation_form(finnish, name="Muutettu"), follow=True
    )
    assert response.redirect_chain == [(listing, 302)]
    assert "is Finnish source content, which communicators edit" in response.content.decode()
    finnish.refresh_from_db()
    assert finnish.name == "Lapin liitto"

    response = client.get(snippet_edit_url(english))
    assert response.status_code == 200
    assert TRANSLATION_EDITOR in response.content.decode()


def test_translator_sees_an_untranslated_placeholder_without_links_they_may_not_follow(
    client, translator, home, english
):
    finnish = StandardPageFactory(parent=home, title="Palaute", slug="palaute")
    placeholder = finnish.copy_for_translation(english, copy_parents=True, alias=True)

    html = client.get(edit_url(placeholder)).content.decode()
    assert "Reports → Translation backlog" in html
    assert reverse("wagtail_localize:submit_page_translation", args=[finnish.id]) not in html
    assert f'href="{edit_url(finnish)}"' not in html


def test_translators_snippet_listing_shows_the_translations_not_the_finnish_originals(
    client, translator, organisation
):
    _finnish, english = organisation
    html = client.get(reverse("wagtailsnippets_core_organisation:list")).content.decode()
    assert english.name in html
    assert "Lapin liitto<" not in html


def test_communicators_snippet_listing_shows_both_languages(client, communicator, organisation):
    html = client.get(reverse("wagtailsnippets_core_organisation:list")).content.decode()
    assert "Lapin liitto<" in html and "Regional Council of Lapland" in html


@pytest.mark.parametrize("model", translatable_snippet_models(), ids=lambda m: m._meta.label)
def test_every_translatable_snippet_listing_hides_the_originals_from_translators(model):
    from localisation.viewsets import TranslatableSnippetViewSet

    assert isinstance(model.snippet_viewset, TranslatableSnippetViewSet)


def test_translator_cannot_reach_settings_locales_or_users(client, translator, django_user_model):
    footer = SiteFooterSettings.for_site(Site.objects.get(is_default_site=True))
    for url in [footer_settings_url(), *locale_and_user_urls()]:
        assert_sent_away(client.get(url))

    assert_sent_away(client.post(footer_settings_url(), {"email": "huijari@example.com"}))
    assert_sent_away(
        client.post(
            reverse("wagtaillocales:delete", args=[Locale.objects.get(language_code="en").pk])
        )
    )
    assert_sent_away(
        client.post(
            reverse("wagtailusers_users:add"),
            {"username": "uusi", "email": "uusi@example.fi", "password1": "x", "password2": "x"},
        )
    )

    footer.refresh_from_db()
    assert footer.email != "huijari@example.com"
    assert Locale.objects.filter(language_code="en").exists()
    assert not django_user_model.objects.filter(username="uusi").exists()


# --- Communicators ------------------------------------------------------------------------


def test_communicator_edits_finnish_pages_and_snippets_and_submits_pages_to_moderation(
    client, communicator, about, organisation, django_capture_on_commit_callbacks
):
    finnish, _english, _translation = about

    assert client.get(edit_url(finnish)).status_code == 200
    # Publishing is the moderators' part: the communicator's publish is refused, and
    # submitting starts the moderation workflow while the live page stays as it was.
    client.post(
        edit_url(finnish),
        page_form(finnish, title="Tietoa meistä", **{"action-publish": "action-publish"}),
    )
    finnish.refresh_from_db()
    assert finnish.title == "Tietoa"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            edit_url(finnish),
            page_form(finnish, title="Tietoa meistä", **{"action-submit": "action-submit"}),
        )
    assert response.status_code == 302
    finnish.refresh_from_db()
    assert finnish.live and finnish.title == "Tietoa"
    assert finnish.draft_title == "Tietoa meistä"
    assert finnish.workflow_in_progress
    assert finnish.current_workflow_state.requested_by == communicator

    finnish_organisation, _english_organisation = organisation
    assert client.get(snippet_edit_url(finnish_organisation)).status_code == 200
    response = client.post(
        snippet_edit_url(finnish_organisation),
        organisation_form(finnish_organisation, name="Lapin liitto ry"),
    )
    assert response.status_code == 302
    finnish_organisation.refresh_from_db()
    assert finnish_organisation.name == "Lapin liitto ry"


def test_communicator_submits_a_finnish_page_for_translation(client, communicator, home):
    page = StandardPageFactory(parent=home, title="Palaute", slug="palaute")
    url = reverse("wagtail_localize:submit_page_translation", args=[page.id])
    response = client.get(url)
    assert response.status_code == 200
    assert 'name="locales"' in response.content.decode()


def test_communicator_cannot_edit_english_pages(client, communicator, about):
    _finnish, english, _translation = about
    revisions = english.revisions.count()

    assert_sent_away(client.get(edit_url(english)))
    assert_sent_away(client.post(edit_url(english), {"action": "publish"}))

    english.refresh_from_db()
    assert english.title == "About" and english.revisions.count() == revisions


def test_communicator_syncs_but_cannot_publish_english_through_sync_translated_pages(
    client, communicator, about, django_capture_on_commit_callbacks
):
    """wagtail-localize's "Sync translated pages" would publish the English page, Finnish
    text and all, for anyone allowed to submit translations; here only the source updates."""
    finnish, english, translation = about
    finnish.title = "Tietoa meistä"
    with django_capture_on_commit_callbacks(execute=True):
        finnish.save_revision().publish()
    url = reverse("wagtail_localize:update_translations", args=[translation.source_id])

    form = client.get(url).content.decode()
    assert "Only someone who may publish in every target language" in form
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"publish_translations": "on"})
    assert response.status_code == 302

    english.refresh_from_db()
    assert english.title == "About"  # still the translator's last publication
    assert translation.get_progress() == (2, 1)  # the new Finnish title awaits a translator


def test_communicator_cannot_reach_locales_or_users(client, communicator):
    for url in locale_and_user_urls():
        assert_sent_away(client.get(url))


# --- Both ---------------------------------------------------------------------------------


@pytest.mark.parametrize("group_name", [COMMUNICATORS, TRANSLATORS])
def test_both_roles_open_the_translation_backlog(
    client, roles, home, django_user_model, group_name
):
    StandardPageFactory(parent=home, title="Kääntämätön", slug="kaantamaton")
    sign_in(client, django_user_model, "kayttaja", group_name)
    response = client.get(reverse("translation_backlog"))
    assert response.status_code == 200
    assert "Kääntämätön" in response.content.decode()


@pytest.mark.parametrize("model", translatable_snippet_models(), ids=lambda m: m._meta.label)
def test_every_translatable_snippet_is_written_by_communicators_and_translated_by_translators(
    roles, django_user_model, model
):
    """A snippet registered later (as news topics were) must not be left out of the roles:
    communicators could not write it, translators could not translate it."""
    communicator = django_user_model.objects.create_user("viestija")
    communicator.groups.add(Group.objects.get(name=COMMUNICATORS))
    translator = django_user_model.objects.create_user("kaantaja")
    translator.groups.add(Group.objects.get(name=TRANSLATORS))

    for action in ("add", "change", "delete"):
        assert communicator.has_perm(get_permission_name(action, model)), action
    assert translator.has_perm(get_permission_name("change", model))
    assert not translator.has_perm(get_permission_name("add", model))
    assert not translator.has_perm(get_permission_name("delete", model))


# --- Keeping the groups as designed -------------------------------------------------------


def test_setup_localisation_removes_permissions_added_by_hand(roles, home):
    translators = Group.objects.get(name=TRANSLATORS)
    stray = Permission.objects.get(content_type__app_label="auth", codename="change_user")
    translators.permissions.add(stray)
    GroupPagePermission.objects.create(
        group=translators, page=home, permission=Permission.objects.get(codename="publish_page")
    )
    before_drift = set(translators.permissions.values_list("pk", flat=True))

    call_command("setup_localisation", stdout=io.StringIO())

    assert stray not in translators.permissions.all()
    assert not GroupPagePermission.objects.filter(group=translators, page=home).exists()
    assert set(translators.permissions.values_list("pk", flat=True)) == before_drift - {stray.pk}
    english_home = home.get_translation(Locale.objects.get(language_code="en"))
    assert GroupPagePermission.objects.filter(group=translators, page=english_home).exists()
