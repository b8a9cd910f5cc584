"""An EU-funded project shows what its programming period's publicity rules require,
worked out from its funding lines: nobody types it."""

import datetime
import re
from decimal import Decimal

import pytest

from projects.factories import FundingSourceFactory, ProjectIndexPageFactory, ProjectPageFactory
from projects.models import FundingSource, ProjectFundingLine

pytestmark = pytest.mark.django_db


@pytest.fixture
def erdf():
    return FundingSourceFactory(
        name="Euroopan aluekehitysrahasto", short_name="EAKR", kind=FundingSource.Kind.EU_FUND
    )


def project(home, source, **fields):
    index = ProjectIndexPageFactory(parent=home)
    page = ProjectPageFactory.build(title="Hanke", total_budget=Decimal("1000"), **fields)
    page.funding_lines = [ProjectFundingLine(source=source, share=Decimal("50"))]
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def notice(client, url):
    html = client.get(url).content.decode()
    match = re.search(r'<aside class="eu-publicity".*?</aside>', html, re.DOTALL)
    return match.group(0) if match else None


def test_2014_2020_project_shows_the_emblem_european_union_and_the_fund(client, home, erdf):
    page = project(home, erdf, programming_period="2014-2020")
    shown = notice(client, page.url)
    assert 'src="/static/images/eu-emblem.svg" alt="Euroopan unionin lippu"' in shown
    assert "<strong>Euroopan unioni</strong><br>Euroopan aluekehitysrahasto" in shown


def test_english_page_names_the_fund_in_english(client, home, english, erdf):
    page = project(home, erdf, programming_period="2014-2020")
    fund = erdf.copy_for_translation(english)
    fund.name = "European Regional Development Fund"
    fund.save()
    translation = page.copy_for_translation(english, copy_parents=True)
    translation.save_revision().publish()
    shown = notice(client, translation.url)
    assert "<strong>European Union</strong><br>European Regional Development Fund" in shown
    assert 'alt="The flag of the European Union"' in shown


def test_2021_2027_project_is_co_funded_without_the_funds_name(client, home, erdf):
    page = project(home, erdf, programming_period="2021-2027")
    shown = notice(client, page.url)
    assert "<strong>Euroopan unionin osarahoittama</strong></p>" in shown
    assert "aluekehitysrahasto" not in shown


def test_period_left_empty_follows_the_start_date(client, home, erdf):
    page = project(home, erdf, start_date=datetime.date(2023, 3, 1), end_date=None)
    assert "Euroopan unionin osarahoittama" in notice(client, page.url)


def test_project_without_eu_funding_has_no_notice(client, home):
    municipal = FundingSourceFactory(name="Kuntarahoitus", kind=FundingSource.Kind.MUNICIPAL)
    page = project(home, municipal, programming_period="2014-2020")
    assert notice(client, page.url) is None
