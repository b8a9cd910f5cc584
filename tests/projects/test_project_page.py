import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from core.factories import OrganisationFactory, PersonFactory
from overview.models import FundingOverviewPage, ProjectTimelinePage
from projects.factories import (
    FundingSourceFactory,
    ProjectIndexPageFactory,
    ProjectPageFactory,
)
from projects.models import ProjectFundingLine, ProjectIndexPage, ProjectPage, ProjectPartner

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home):
    return ProjectIndexPageFactory(parent=home)


def make_project(index, **kwargs):
    funding = kwargs.pop("funding", [])
    project = ProjectPageFactory.build(**kwargs)
    project.funding_lines = [
        ProjectFundingLine(source=source, amount=amount, share=share)
        for source, amount, share in funding
    ]
    index.add_child(instance=project)
    return project


def test_project_page_shows_its_facts_funding_table_and_contacts(client, index):
    lead = OrganisationFactory(name="Lapin liitto")
    partner = OrganisationFactory(name="Geologian tutkimuskeskus", short_name="GTK")
    erdf = FundingSourceFactory(
        name="Euroopan aluekehitysrahasto", short_name="EAKR", kind="eu_fund"
    )
    person = PersonFactory(
        name="Kristiina Jokelainen",
        organisation=lead,
        email="kristiina.jokelainen@lapinliitto.fi",
        phone="040 501 9856",
    )
    project = make_project(
        index,
        title="Lappi – arktinen ja kansainvälinen menestyjä",
        lead_organisation=lead,
        start_date=datetime.date(2017, 2, 20),
        end_date=datetime.date(2018, 12, 31),
        total_budget=Decimal("432760"),
        funding=[(erdf, None, Decimal("88.1"))],
    )
    project.partners = [ProjectPartner(organisation=partner)]
    project.contacts.create(person=person)
    project.save()

    html = client.get(project.url).content.decode()

    assert "Lapin liitto" in html
    assert "Geologian tutkimuskeskus (GTK)" in html
    assert "20.2.2017" in html and "31.12.2018" in html
    assert "22" in html  # months
    assert "badge--ended" in html
    assert "Euroopan aluekehitysrahasto (EAKR)" in html
    assert "381\xa0261,56\xa0€" in html  # amount derived from the 88.1 % share
    assert "432\xa0760\xa0€" in html
    assert 'href="mailto:kristiina.jokelainen@lapinliitto.fi"' in html
    assert 'href="tel:+358405019856"' in html


def test_project_tree_rules():
    case = WagtailPageTestCase()
    case.assertAllowedParentPageTypes(ProjectPage, {ProjectIndexPage})
    case.assertAllowedSubpageTypes(ProjectPage, {})
    case.assertAllowedSubpageTypes(
        ProjectIndexPage, {ProjectPage, FundingOverviewPage, ProjectTimelinePage}
    )


def project_form(**overrides):
    source = overrides.pop("source")
    lines = overrides.pop("lines", [])
    data = {
        "title": "Growth through Cooperation",
        "slug": "growth-through-cooperation",
        "summary": "",
        "acronym": "",
        "start_date": "2019-10-01",
        "end_date": "2022-09-30",
        "total_budget": "170250",
        "funding_programme": "",
        "programming_period": "",
        "register_code": "",
        "register_url": "",
        "body": streamfield([]),
        "partners": inline_formset([]),
        "funding_lines": inline_formset(
            [
                {"source": source.pk, "amount": amount or "", "share": share or ""}
                for amount, share in lines
            ]
        ),
        "goals": inline_formset([{"text": "Lisätä yhteistyötä."}]),
        "work_packages": inline_formset([{"title": "Viestintä", "description": ""}]),
        "results": inline_formset([]),
        "contacts": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def post_new_project(admin_client, index, data):
    url = f"/admin/pages/add/projects/projectpage/{index.pk}/"
    return admin_client.post(url, data)


def test_editor_can_create_a_project_with_consistent_funding(admin_client, index):
    source = FundingSourceFactory()
    response = post_new_project(
        admin_client,
        index,
        project_form(source=source, lines=[("136200", ""), ("34050", "")]),
    )
    assert response.status_code == 302
    project = ProjectPage.objects.get(slug="growth-through-cooperation")
    assert project.funding_lines.count() == 2
    assert project.work_packages.get().title == "Viestintä"


@pytest.mark.parametrize(
    ("overrides", "lines", "message"),
    [
        (
            {},
            [("136200", ""), ("21200", "")],
            "add up to €157,400 but the total budget is €170,250",
        ),
        ({}, [("", "60"), ("", "50")], "add up to 110.0%, more than 100%"),
        ({}, [("", "120")], "between 0 and 100"),
        ({}, [("", "-5")], "between 0 and 100"),
        ({}, [("200000", ""), ("", "10")], "more than the total budget"),
        ({}, [("136200", "50")], "€136,200 is 80.0% of the budget, not 50.0%"),
        ({"end_date": "2018-01-01"}, [], "end date is before the start date"),
    ],
)
def test_editor_gets_a_clear_error_and_nothing_is_saved(
    admin_client, index, overrides, lines, message
):
    source = FundingSourceFactory()
    response = post_new_project(
        admin_client, index, project_form(source=source, lines=lines, **overrides)
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ProjectPage.objects.filter(slug="growth-through-cooperation").exists()


def test_a_finnish_editor_reads_the_figures_the_finnish_way(admin_client, index, django_user_model):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(django_user_model.objects.get(username="editor"))
    profile.preferred_language = "fi"
    profile.save()
    lines = [("136200", "50"), ("21200", "")]

    response = post_new_project(
        admin_client, index, project_form(source=FundingSourceFactory(), lines=lines)
    )

    text = " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())
    assert "yhteensä 157 400 €, mutta kokonaisbudjetti on 170 250 €" in text
    assert "136 200 € on 80,0 % budjetista, ei 50,0 %" in text
