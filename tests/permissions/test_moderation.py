"""The moderation workflow as communicators and moderators use it: a communicator submits,
a moderator approves, and only then (or at the go-live date) do visitors see the change."""

import datetime
import io
import json
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import TranslationSource

from home.factories import StandardPageFactory
from localisation.roles import COMMUNICATORS, MODERATORS, TRANSLATORS
from tests.editor_forms import page_form

pytestmark = pytest.mark.django_db


def submit(client, page, **changes):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[page.id]),
        page_form(page, **changes, **{"action-submit": "action-submit"}),
    )


def approve(client, page):
    page.refresh_from_db()
    task_state = page.current_workflow_state.current_task_state
    return client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.id, "approve", task_state.id])
    )


@pytest.fixture
def page(home):
    """A Finnish page published the way the editor publishes, with a live revision."""
    page = StandardPageFactory(parent=home, title="Hanke", slug="hanke", summary="Vanha.")
    page.save_revision().publish()
    return page


def test_communicator_submits_and_the_page_goes_live_only_when_a_moderator_approves(
    client, make_user, page, django_capture_on_commit_callbacks
):
    communicator = make_user("viestija", COMMUNICATORS)
    moderator = make_user("moderaattori", MODERATORS)

    client.force_login(communicator)
    assert submit(client, page, summary="Uusi tiivistelmä.").status_code == 302
    assert "Uusi tiivistelmä." not in client.get(page.url).content.decode()

    client.force_login(moderator)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Awaiting your review" in dashboard and "Hanke" in dashboard
    with django_capture_on_commit_callbacks(execute=True):
        assert approve(client, page).status_code == 302

    page.refresh_from_db()
    assert page.specific.summary == "Uusi tiivistelmä."
    assert page.live_revision.user == communicator
    assert page.current_workflow_state is None
    [workflow_state] = WorkflowState.objects.for_instance(page)
    assert workflow_state.status == WorkflowState.STATUS_APPROVED
    client.logout()
    assert "Uusi tiivistelmä." in client.get(page.url).content.decode()


def test_communicator_cannot_approve_their_own_submission(client, make_user, page):
    communicator = make_user("viestija", COMMUNICATORS)
    client.force_login(communicator)
    submit(client, page, summary="Uusi tiivistelmä.")

    approve(client, page)

    page.refresh_from_db()
    assert page.specific.summary == "Vanha."
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_approval_refreshes_the_translation_source_for_translators(
    client, make_user, page, english, django_capture_on_commit_callbacks
):
    source, _ = TranslationSource.get_or_create_from_instance(page)
    client.force_login(make_user("viestija", COMMUNICATORS))
    submit(client, page, summary="Uusi tiivistelmä.")

    source.refresh_from_db()
    assert json.loads(source.content_json)["summary"] == "Vanha."  # submitting is not publishing

    client.force_login(make_user("moderaattori", MODERATORS))
    with django_capture_on_commit_callbacks(execute=True):
        approve(client, page)

    source.refresh_from_db()
    assert json.loads(source.content_json)["summary"] == "Uusi tiivistelmä."


def test_english_pages_are_not_moderated(home, english):
    call_command("setup_localisation", stdout=io.StringIO())
    finnish = StandardPageFactory(parent=home, title="Hanke", slug="hanke")
    call_command("setup_localisation", stdout=io.StringIO())
    english_page = finnish.get_translation(english)

    assert finnish.get_workflow().name == "Moderators approval"
    assert english_page.get_workflow() is None
    assert Page.objects.get(depth=2, locale=english).get_workflow() is None


def test_scheduled_page_is_published_by_publish_scheduled_after_its_go_live_date(
    client, make_user, page
):
    go_live = timezone.now() + datetime.timedelta(days=1)
    client.force_login(make_user("viestija", COMMUNICATORS))
    submit(client, page, summary="Ajastettu tiivistelmä.", go_live_at=go_live.isoformat())
    client.force_login(make_user("moderaattori", MODERATORS))
    approve(client, page)

    page.refresh_from_db()
    assert page.specific.summary == "Vanha."
    assert page.scheduled_revision is not None
    call_command("publish_scheduled", stdout=io.StringIO())
    page.refresh_from_db()
    assert page.specific.summary == "Vanha."
    client.logout()
    assert "Ajastettu tiivistelmä." not in client.get(page.url).content.decode()

    after_go_live = go_live + datetime.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=after_go_live):
        call_command("publish_scheduled", stdout=io.StringIO())

    page.refresh_from_db()
    assert page.specific.summary == "Ajastettu tiivistelmä."
    assert "Ajastettu tiivistelmä." in client.get(page.url).content.decode()


def test_translator_cannot_submit_or_approve_finnish_pages(client, make_user, page):
    communicator = make_user("viestija", COMMUNICATORS)
    client.force_login(make_user("kaantaja", TRANSLATORS))
    submit(client, page, summary="Kääntäjän muutos.")
    page.refresh_from_db()
    assert page.current_workflow_state is None

    client.force_login(communicator)
    submit(client, page, summary="Uusi tiivistelmä.")
    client.force_login(make_user("kaantaja2", TRANSLATORS))
    approve(client, page)
    page.refresh_from_db()
    assert page.specific.summary == "Vanha."


def last_message(response):
    """The newest message shown (the communicator's submission left its own before it)."""
    return [str(message).strip() for message in response.context["messages"]][-1]


def test_the_moderator_is_told_the_page_was_approved_and_published(client, make_user, page):
    client.force_login(make_user("viestija", COMMUNICATORS))
    submit(client, page, summary="Uusi tiivistelmä.")
    client.force_login(make_user("moderaattori", MODERATORS))

    response = approve(client, page)

    assert last_message(client.get(response.url)) == "“Hanke” approved and published."


def test_a_scheduled_approval_says_when_the_page_goes_live(client, make_user, page):
    client.force_login(make_user("viestija", COMMUNICATORS))
    go_live = timezone.make_aware(datetime.datetime(2030, 1, 15, 9, 0))
    submit(client, page, summary="Myöhemmin.", go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
    client.force_login(make_user("moderaattori", MODERATORS))

    response = approve(client, page)

    shown = [str(message).strip() for message in client.get(response.url).context["messages"]]
    assert any(
        message.startswith("“Hanke” approved: it will be published on 15 January 2030")
        for message in shown
    ), shown


def test_the_moderator_is_told_changes_were_requested(client, make_user, page):
    client.force_login(make_user("viestija", COMMUNICATORS))
    submit(client, page, summary="Keskeneräinen.")
    client.force_login(make_user("moderaattori", MODERATORS))
    page.refresh_from_db()
    task_state = page.current_workflow_state.current_task_state

    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.id, "reject", task_state.id]),
        {"comment": "Lisää rahoittajat."},
    )

    assert last_message(client.get(response.url)) == (
        "Changes requested for “Hanke”: the communicator sees your comment."
    )


def test_an_anonymous_visitor_cannot_reach_the_moderation_action(client, make_user, page):
    client.force_login(make_user("viestija", COMMUNICATORS))
    submit(client, page, summary="Uusi tiivistelmä.")
    client.logout()

    response = approve(client, page)

    assert response.status_code == 302 and "/admin/login/" in response.url
    page.refresh_from_db()
    assert page.current_workflow_state is not None
