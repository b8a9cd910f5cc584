"""Other systems read the projects' structured facts from /api/v2/, in each language."""

import datetime
from decimal import Decimal

import pytest

from clusters.factories import ClusterIndexPageFactory, ClusterPageFactory
from core.factories import OrganisationFactory
from projects.factories import FundingSourceFactory, ProjectIndexPageFactory, ProjectPageFactory
from projects.models import FundingSource, ProjectFundingLine, ProjectPartner
from tests.translations import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(home, english, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    erdf = FundingSourceFactory(name="Euroopan aluekehitysrahasto", kind=FundingSource.Kind.EU_FUND)
    translate(erdf, english, capture, name="European Regional Development Fund")
    partner = OrganisationFactory(name="Lapin yliopisto")
    translate(partner, english, capture, name="University of Lapland")
    clusters = ClusterIndexPageFactory(parent=home)
    cluster = ClusterPageFactory(parent=clusters, title="Arktinen muotoilu")
    index = ProjectIndexPageFactory(parent=home)
    page = ProjectPageFactory.build(
        title="Kasvua yhteistyöllä",
        start_date=datetime.date(2019, 10, 1),
        end_date=datetime.date(2022, 9, 30),
        total_budget=Decimal("170250"),
    )
    page.funding_lines = [ProjectFundingLine(source=erdf, amount=Decimal("136200"))]
    page.partners = [ProjectPartner(organisation=partner)]
    page.clusters = [cluster]
    index.add_child(instance=page)
    page.save_revision().publish()
    for obj in (clusters, cluster, index, page):
        translate(obj, english, capture)
    cluster.get_translation(english).save_revision().publish()
    return page


def projects(client, locale):
    response = client.get(
        "/api/v2/pages/", {"type": "projects.ProjectPage", "fields": "*", "locale": locale}
    )
    assert response.status_code == 200
    return response.json()["items"]


def test_api_gives_a_projects_structured_facts(client, project):
    (item,) = projects(client, "fi")
    assert item["title"] == "Kasvua yhteistyöllä"
    assert (item["start_date"], item["end_date"], item["status"]) == (
        "2019-10-01",
        "2022-09-30",
        "ended",
    )
    assert item["total_budget"] == "170250.00"
    first_row = item["funding"]["rows"][0]
    assert first_row["source"]["name"] == "Euroopan aluekehitysrahasto"
    assert (first_row["amount"], first_row["share"]) == ("136200.00", "80.00")
    assert item["funding"]["eu_contribution"] == "136200.00"
    assert [partner["name"] for partner in item["partners"]] == ["Lapin yliopisto"]
    assert [cluster["title"] for cluster in item["clusters"]] == ["Arktinen muotoilu"]


def test_english_project_names_its_relations_in_english(client, project):
    (item,) = projects(client, "en")
    assert item["meta"]["locale"] == "en"
    assert item["funding"]["rows"][0]["source"]["name"] == "European Regional Development Fund"
    assert [partner["name"] for partner in item["partners"]] == ["University of Lapland"]


def test_api_leaves_out_placeholders_of_untranslated_pages(client, home, english):
    from home.factories import StandardPageFactory

    page = StandardPageFactory(parent=home, title="Palaute", slug="palaute")
    page.copy_for_translation(english, copy_parents=True, alias=True)
    response = client.get("/api/v2/pages/", {"locale": "en"})
    assert "Palaute" not in [item["title"] for item in response.json()["items"]]


@pytest.mark.parametrize(
    "params",
    [{"type": "nope.Nope"}, {"locale": "xx"}, {"limit": "abc"}, {"offset": "-1"}, {"fields": "zz"}],
)
def test_bad_api_parameters_get_a_clear_error_not_a_crash(client, home, params):
    response = client.get("/api/v2/pages/", params)
    assert response.status_code in (400, 404)  # an unknown locale is "not found"
    assert response.json()["message"]
