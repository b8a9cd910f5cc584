"""A project from the communicator's first keystroke to the English page (issue 14, J1–J4).

J1: a communicator writes a project in the Finnish admin: organisations, dates, budget and
three funding lines, contacts, clusters, a body with a heading, text, an uploaded image and
a 2 × 2 table. The three funding and date mistakes each show their message at the field and
save nothing; then preview and submission for moderation. J2: a moderator approves it from
the dashboard, and the public page shows its status, duration, EU share and co-financing
rate. J3: a translator opens it from the backlog, translates every segment and publishes;
the English address comes from the English title. J4: one paragraph is edited, approved,
and the translator finds exactly that one segment to do.

Every step types into or clicks Wagtail's own widgets, as in test_editorial_journeys.py,
and every admin screen passed is checked for English words.
"""

import datetime
import io

import pytest
from django.core.management import call_command
from PIL import Image

from localisation.roles import COMMUNICATORS, MODERATORS, TRANSLATORS
from tests.e2e.journeys import (
    Screens,
    approve_from_dashboard,
    assert_no_english,
    setup_localisation,
    submit_for_moderation,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PROJECT = "Pohjoisen datatalouden kiihdyttämö"
ACRONYM = "DATAKIIHDY"
SUMMARY = "Hanke kokoaa Lapin datatalouden toimijat yhteen."
PARAGRAPH = "Hankkeessa rakennetaan yhteinen datapalvelu Lapin yrityksille."


# --- The content a project refers to ------------------------------------------------------


@pytest.fixture
def project_index(finnish_home):
    """The projects index with two clusters, the funding sources and organisations a
    project refers to (each also in English, so that the choosers could mix them), and a
    contact person; then the English tree, groups and workflow."""
    from clusters.factories import ClusterIndexPageFactory, ClusterPageFactory
    from home.factories import OrganisationFactory, PersonFactory
    from home.models import Organisation
    from projects.factories import FundingSourceFactory, ProjectIndexPageFactory
    from projects.funding import FundingSource

    index = ProjectIndexPageFactory(parent=finnish_home, title="Hankkeet", slug="hankkeet")
    clusters = ClusterIndexPageFactory(parent=finnish_home, title="Klusterit", slug="klusterit")
    ClusterPageFactory(parent=clusters, title="Arktinen data", slug="arktinen-data")
    ClusterPageFactory(parent=clusters, title="Arktinen energia", slug="arktinen-energia")
    for name, short, kind in [
        ("Euroopan aluekehitysrahasto", "EAKR", FundingSource.Kind.EU_FUND),
        ("Lapin liiton rahoitus", "Lapin liitto", FundingSource.Kind.NATIONAL),
        ("Kuntarahoitus", "Kunnat", FundingSource.Kind.MUNICIPAL),
    ]:
        # Saving a Finnish snippet makes its English copy (localisation/sync.py).
        FundingSourceFactory(name=name, short_name=short, kind=kind)
    lead = OrganisationFactory(name="Lapin liitto", kind=Organisation.Kind.OTHER)
    OrganisationFactory(name="Lapin yliopisto", kind=Organisation.Kind.OTHER)
    PersonFactory(name="Maija Meikäläinen", organisation=lead)
    setup_localisation()
    return index


def an_image(folder):
    path = folder / "revontulet.png"
    Image.new("RGB", (640, 360), (20, 60, 90)).save(path)
    return path


# --- Widgets ------------------------------------------------------------------------------


def choose_in_modal(page, expect, opener, query, title):
    """Open a chooser, search for `query` and click the result `title`."""
    opener.click()
    modal = page.locator(".modal-dialog")
    expect(modal).to_be_visible()
    modal.get_by_role("searchbox").first.fill(query)
    result = modal.get_by_role("link", name=title, exact=True)
    expect(result).to_have_count(1)
    result.click()
    expect(modal).to_have_count(0)


# --- J1 -----------------------------------------------------------------------------------


def test_communicator_writes_a_project_and_submits_it(
    live_server, sign_in, screenshots, project_index, expect, tmp_path
):
    from projects.models import ProjectPage

    screens = Screens(screenshots, "journey1")
    writer = sign_in("viestija", COMMUNICATORS)
    writer.goto(f"{live_server.url}/admin/pages/{project_index.pk}/")
    screens.see(writer, "projects")
    writer.get_by_role("link", name="Lisää alasivu").first.click()
    screens.see(writer, "page-types")
    writer.get_by_role("link", name="Hanke", exact=True).click()
    expect(writer.locator("#id_title")).to_be_visible()
    writer.locator("#id_title").fill(PROJECT)
    writer.locator("#id_acronym").fill(ACRONYM)
    writer.locator("#id_summary").fill(SUMMARY)
    writer.screenshot(path=str(screenshots / "dbg-form.png"), full_page=True)
    html = writer.content()
    (screenshots / "dbg-form.html").write_text(html)
