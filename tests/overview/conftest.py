import datetime
from decimal import Decimal

import pytest

from clusters.factories import ClusterIndexPageFactory, ClusterPageFactory
from overview.factories import FundingOverviewPageFactory, ProjectTimelinePageFactory
from projects.factories import FundingSourceFactory, ProjectIndexPageFactory, ProjectPageFactory
from projects.models import FundingSource, ProjectFundingLine
from tests.translations import translate


def add_project(index, title, budget, start, end, lines=(), clusters=()):
    project = ProjectPageFactory.build(
        title=title, total_budget=budget, start_date=start, end_date=end
    )
    project.funding_lines = [
        ProjectFundingLine(source=source, amount=amount, share=share)
        for source, amount, share in lines
    ]
    project.clusters = list(clusters)
    index.add_child(instance=project)
    return project


@pytest.fixture
def site(home, english, django_capture_on_commit_callbacks):
    """Four Finnish projects with known funding, translated into English with the index,
    the sources, the clusters and both overview pages.

    - Kasvua: 100 000 € in 2019; ERDF 60 000 € and the regional council 40 000 € as amounts;
      cluster Arktinen muotoilu.
    - Verkostot: 200 000 € from 1.7.2020 to 30.6.2021 (184 days in leap year 2020, 181 in
      2021); ERDF 50 % and the council 30 % as shares, 20 % not itemised; both clusters.
    - Osaaminen: 50 000 €, no dates, the council 50 000 €; no cluster.
    - Tulevaisuus: no budget (ERDF 80 % cannot be summed); Arktinen turvallisuus.
    """
    capture = django_capture_on_commit_callbacks
    erdf = FundingSourceFactory(
        name="Euroopan aluekehitysrahasto", short_name="EAKR", kind=FundingSource.Kind.EU_FUND
    )
    council = FundingSourceFactory(name="Lapin liitto", kind=FundingSource.Kind.NATIONAL)
    translate(erdf, english, capture, name="European Regional Development Fund", short_name="ERDF")
    translate(council, english, capture, name="Regional Council of Lapland")

    cluster_index = ClusterIndexPageFactory(parent=home)
    design = ClusterPageFactory(parent=cluster_index, title="Arktinen muotoilu")
    safety = ClusterPageFactory(parent=cluster_index, title="Arktinen turvallisuus")
    translate(cluster_index, english, capture, title="Clusters")
    translate(design, english, capture, title="Arctic Design")
    translate(safety, english, capture, title="Arctic Safety and Security")

    index = ProjectIndexPageFactory(parent=home)
    translate(index, english, capture, title="Projects")
    projects = [
        add_project(
            index,
            "Kasvua",
            Decimal("100000"),
            datetime.date(2019, 1, 1),
            datetime.date(2019, 12, 31),
            [(erdf, Decimal("60000"), None), (council, Decimal("40000"), None)],
            [design],
        ),
        add_project(
            index,
            "Verkostot",
            Decimal("200000"),
            datetime.date(2020, 7, 1),
            datetime.date(2021, 6, 30),
            [(erdf, None, Decimal("50")), (council, None, Decimal("30"))],
            [design, safety],
        ),
        add_project(
            index,
            "Osaaminen",
            Decimal("50000"),
            None,
            None,
            [(council, Decimal("50000"), None)],
        ),
        add_project(
            index,
            "Tulevaisuus",
            None,
            datetime.date(2022, 1, 1),
            datetime.date(2023, 12, 31),
            [(erdf, None, Decimal("80"))],
            [safety],
        ),
    ]
    english_titles = ["Growth", "Networks", "Competence", "Future"]
    for project, title in zip(projects, english_titles, strict=True):
        translate(project, english, capture, title=title)

    funding = FundingOverviewPageFactory(parent=index)
    timeline = ProjectTimelinePageFactory(parent=index)
    translate(funding, english, capture, title="Funding overview", slug="funding")
    translate(timeline, english, capture, title="Project timeline", slug="timeline")
    return {
        "projects": projects,
        "funding": funding,
        "timeline": timeline,
        "english_funding": funding.get_translation(english),
        "english_timeline": timeline.get_translation(english),
    }
