"""Property-based tests of the public inputs: the hypothesis profiles and the demo site.

`HYPOTHESIS_PROFILE=ci` (the default) is deterministic and sized for CI;
`HYPOTHESIS_PROFILE=thorough` runs thirty times the examples with fresh random inputs.
"""

import os
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, settings

from tests.demo_content import demo_content_loaded

# The examples of each test in the CI profile; the tests ask for a share of it (see
# tests/property/checks.py:examples) where a request costs more or the input space is small.
# Sized so that the property tests take about 2½ minutes of CI's 15; the thorough profile
# (by hand) runs 30 times as many with new inputs each time.
CI_EXAMPLES = 80

settings.register_profile(
    "ci",
    max_examples=CI_EXAMPLES,
    # The same inputs on every run, so a CI failure reproduces and no run is flaky.
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    # The client and the database transaction are meant to be shared by the examples.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile(
    "thorough",
    parent=settings.get_profile("ci"),
    max_examples=CI_EXAMPLES * 30,
    derandomize=False,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@dataclass(frozen=True)
class Content:
    """Values that exist in the demo content, for inputs a visitor could really send."""

    cluster_slugs: tuple
    topic_ids: tuple
    funding_ids: tuple
    organisation_ids: tuple
    page_ids: tuple
    years: tuple
    project_index_urls: tuple
    news_index_urls: tuple
    event_urls: tuple
    feedback_urls: tuple
    page_urls: tuple


def _content():
    from wagtail.models import Page

    from clusters.models import ClusterPage
    from core.models import Organisation
    from feedback.models import FeedbackFormPage
    from news.models import NewsIndexPage, NewsPage, Topic
    from projects.models import FundingSource, ProjectIndexPage, ProjectPage

    live = Page.objects.live().filter(alias_of__isnull=True).exclude(depth=1)
    years = {day.year for day in NewsPage.objects.values_list("date", flat=True)} | {
        day.year for day in ProjectPage.objects.values_list("start_date", flat=True) if day
    }
    return Content(
        cluster_slugs=tuple(sorted(set(ClusterPage.objects.values_list("slug", flat=True)))),
        topic_ids=tuple(str(pk) for pk in Topic.objects.values_list("pk", flat=True)),
        funding_ids=tuple(str(pk) for pk in FundingSource.objects.values_list("pk", flat=True)),
        organisation_ids=tuple(str(pk) for pk in Organisation.objects.values_list("pk", flat=True)),
        page_ids=tuple(str(pk) for pk in live.values_list("pk", flat=True)),
        years=tuple(str(year) for year in sorted(years)),
        project_index_urls=tuple(page.url for page in ProjectIndexPage.objects.live()),
        news_index_urls=tuple(page.url for page in NewsIndexPage.objects.live()),
        event_urls=tuple(
            page.url
            for page in NewsPage.objects.live().filter(
                event_start__isnull=False, alias_of__isnull=True
            )
        ),
        feedback_urls=tuple(
            page.url for page in FeedbackFormPage.objects.live().filter(alias_of__isnull=True)
        ),
        page_urls=tuple(page.url for page in live.specific() if page.url),
    )


@pytest.fixture(scope="package")
def content(django_db_setup, django_db_blocker):
    """The demo site in both languages, loaded once for all the property tests."""
    with django_db_blocker.unblock(), demo_content_loaded():
        yield _content()
