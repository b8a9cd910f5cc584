"""Each page type renders with the same number of SQL queries at 5 and at 50 projects.

The budgets are documented in the README; a change that makes a page cost more per item
fails here.
"""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from clusters.factories import ClusterIndexPageFactory, ClusterPageFactory
from core.factories import OrganisationFactory
from feedback.factories import FeedbackFormPageFactory, add_feedback_fields
from news.factories import NewsIndexPageFactory, NewsPageFactory
from overview.factories import FundingOverviewPageFactory, ProjectTimelinePageFactory
from projects.factories import FundingSourceFactory, ProjectIndexPageFactory, ProjectPageFactory
from projects.models import ProjectFundingLine, ProjectGoal, ProjectPartner
from strategy.factories import StrategyPageFactory, StrategyPriorityPageFactory

pytestmark = pytest.mark.django_db

# The language switcher and hreflang links cost one query for the page's translations and
# one more for each language the page lacks (the link goes to that language's home page).
# These sites are Finnish only except the home page, so every page but home pays both.
BUDGETS = {
    "home": 15,
    "cluster_index": 17,
    "cluster": 27,  # 3 of them: its projects, their number, the project index to list them all
    "feedback": 16,
    "project_index": 31,  # 11 of them: the filters' options in the page's language
    # (clusters, funding sources, lead organisations) and a count per filter (5), all in
    # the database whatever the number of projects; the total and the page of ids (2); and
    # 2 for the links to the funding overview and the timeline
    "project": 28,
    "funding_overview": 22,  # projects, funding lines with sources, clusters (+1 view restrictions)
    "timeline": 19,  # projects (+1 view restrictions)
    "news_index": 26,  # 7 of them: filter options (2), filter counts (3), upcoming events, topics
    "news": 21,
    "strategy": 17,
    "priority": 22,  # 2 of them: its projects and their number
    # Not page types, but listings all the same:
    "search": 33,  # on PostgreSQL; 30 on SQLite
    "news_feed": 6,
    "events_calendar": 3,
    "sitemap_xml": 35,  # the index: each language's sections, their size and latest change
    "sitemap_projects": 8,  # one file of the index, up to 500 pages with their translations
    "api_projects": 13,  # the relations of every project in one query each
    "project_export": 20,
}


def build_site(home, projects):
    lead = OrganisationFactory(name="Lapin liitto")
    source = FundingSourceFactory(kind="eu_fund")
    cluster_index = ClusterIndexPageFactory(parent=home)
    cluster = ClusterPageFactory(parent=cluster_index, lead_organisation=lead)
    strategy = StrategyPageFactory(parent=home)
    priority = StrategyPriorityPageFactory(parent=strategy)
    project_index = ProjectIndexPageFactory(parent=home)
    news_index = NewsIndexPageFactory(parent=home)
    funding_overview = FundingOverviewPageFactory(parent=project_index)
    timeline = ProjectTimelinePageFactory(parent=project_index)
    feedback = FeedbackFormPageFactory(parent=home)
    add_feedback_fields(feedback)
    first_project = None
    for number in range(projects):
        project = ProjectPageFactory.build(
            title=f"Hanke {number}",
            lead_organisation=lead,
            total_budget=Decimal("1000"),
            start_date=datetime.date(2015 + number % 8, 1, 1),
        )
        project.funding_lines = [ProjectFundingLine(source=source, share=Decimal("50"))]
        project.partners = [ProjectPartner(organisation=lead)]
        project.goals = [ProjectGoal(text="Tavoite")]
        project.clusters = [cluster]
        project.priorities = [priority]
        project_index.add_child(instance=project)
        first_project = first_project or project
        NewsPageFactory(parent=news_index, title=f"Uutinen {number}")
    news = news_index.get_children().first()
    return {
        "home": home.url,
        "cluster_index": cluster_index.url,
        "cluster": cluster.url,
        "feedback": feedback.url,
        "project_index": project_index.url,
        "project": first_project.url,
        "funding_overview": funding_overview.url,
        "timeline": timeline.url,
        "news_index": news_index.url,
        "news": news.url,
        "strategy": strategy.url,
        "priority": priority.url,
        # A word of the projects' summaries only: each result type costs a query, so the
        # mix of types on the first page must not change with the number of items.
        "search": "/haku/?q=vahvistaa",
        "news_feed": "/syotteet/uutiset/",
        "events_calendar": "/syotteet/tapahtumat.ics",
        "sitemap_xml": "/sitemap.xml",
        "sitemap_projects": "/sitemap-fi-projects.xml",
        "api_projects": "/api/v2/pages/?type=projects.ProjectPage&fields=*",
        "project_export": project_index.url + "export/csv/",
    }


def count_queries(client, url):
    client.get(url)  # warm per-process caches (site root, content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_queries_at_5_and_50_projects_are_equal(client, home):
    """Every page type at once: the two sites are built once, not once per page type."""
    urls = build_site(home, projects=5)
    small = {page_type: count_queries(client, urls[page_type]) for page_type in BUDGETS}
    # Rebuild the same site with ten times the projects and news items.
    for page in Page.objects.filter(depth=3, locale=home.locale):
        page.delete()
    urls = build_site(home, projects=50)
    large = {page_type: count_queries(client, urls[page_type]) for page_type in BUDGETS}
    problems = [
        f"{page_type}: {small[page_type]} queries at 5 projects, {large[page_type]} at 50"
        for page_type in sorted(BUDGETS)
        if small[page_type] != large[page_type]
    ] + [
        f"{page_type}: {large[page_type]} queries, over its budget of {budget}"
        for page_type, budget in sorted(BUDGETS.items())
        if large[page_type] > budget
    ]
    assert not problems, "\n".join(problems)
