"""Every page type: where it may live, and that an editor can create it in the admin."""

import pytest
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from clusters.factories import ClusterIndexPageFactory
from clusters.models import ClusterIndexPage, ClusterPage
from feedback.models import FeedbackFormPage
from home.models import HomePage, StandardPage
from news.factories import NewsIndexPageFactory, TopicFactory
from news.models import NewsIndexPage, NewsPage
from overview.models import FundingOverviewPage, ProjectTimelinePage
from projects.factories import ProjectIndexPageFactory
from projects.models import ProjectIndexPage, ProjectPage
from strategy.factories import StrategyPageFactory
from strategy.models import StrategyPage, StrategyPriorityPage

pytestmark = pytest.mark.django_db


class TreeRules(WagtailPageTestCase):
    def test_home_offers_only_the_sections(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                ClusterIndexPage,
                ProjectIndexPage,
                NewsIndexPage,
                StrategyPage,
                StandardPage,
                FeedbackFormPage,
            },
        )

    def test_sections_offer_only_their_own_pages(self):
        self.assertAllowedSubpageTypes(ClusterIndexPage, {ClusterPage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedSubpageTypes(StrategyPage, {StrategyPriorityPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
        self.assertAllowedSubpageTypes(
            ProjectIndexPage, {ProjectPage, FundingOverviewPage, ProjectTimelinePage}
        )

    def test_leaves_have_no_children(self):
        for leaf in (
            ClusterPage,
            NewsPage,
            StrategyPriorityPage,
            FundingOverviewPage,
            ProjectTimelinePage,
        ):
            self.assertAllowedSubpageTypes(leaf, {})

    def test_pages_live_only_under_their_section(self):
        self.assertAllowedParentPageTypes(ClusterPage, {ClusterIndexPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedParentPageTypes(StrategyPriorityPage, {StrategyPage})
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedParentPageTypes(FundingOverviewPage, {ProjectIndexPage})
        self.assertAllowedParentPageTypes(ProjectTimelinePage, {ProjectIndexPage})


@pytest.fixture
def editor_case(admin_client):
    case = WagtailPageTestCase()
    case.client = admin_client
    return case


def body():
    return streamfield([("paragraph", rich_text("<p>Teksti.</p>"))])


def test_editor_can_create_a_standard_page(home, editor_case):
    editor_case.assertCanCreate(
        home,
        StandardPage,
        nested_form_data({"title": "Tietoa", "slug": "tietoa", "summary": "", "body": body()}),
    )


def test_editor_can_create_a_cluster(home, editor_case):
    index = ClusterIndexPageFactory(parent=home)
    editor_case.assertCanCreate(
        index,
        ClusterPage,
        nested_form_data(
            {
                "title": "Arktinen muotoilu",
                "slug": "arktinen-muotoilu",
                "summary": "",
                "lead_organisation": "",
                "body": body(),
                "members": inline_formset([]),
                "themes": inline_formset([{"name": "Palvelumuotoilu"}]),
                "contacts": inline_formset([]),
            }
        ),
    )
    assert ClusterPage.objects.get().themes.get().name == "Palvelumuotoilu"


@pytest.mark.parametrize(
    ("model", "slug"), [(FundingOverviewPage, "rahoitus"), (ProjectTimelinePage, "aikajana")]
)
def test_editor_can_create_one_overview_of_each_kind_per_project_index(
    home, editor_case, model, slug
):
    index = ProjectIndexPageFactory(parent=home)
    editor_case.assertCanCreate(
        index,
        model,
        nested_form_data({"title": "Katsaus", "slug": slug, "summary": "", "intro": body()}),
    )
    index.refresh_from_db()  # its child count, which max_count_per_parent looks at
    assert not model.can_create_at(index)


def test_editor_can_create_a_news_event(home, editor_case):
    index = NewsIndexPageFactory(parent=home)
    editor_case.assertCanCreate(
        index,
        NewsPage,
        nested_form_data(
            {
                "title": "Missä mennään?",
                "slug": "missa-mennaan",
                "date": "2018-11-07",
                "summary": "",
                "body": body(),
                "topics": [str(TopicFactory().pk)],
                "event_start": "2018-11-06 09:00",
                "event_end": "2018-11-06 16:00",
                "venue": "Lapin yliopisto",
                "participants": "100",
            }
        ),
    )
    assert NewsPage.objects.get().is_event


def test_editor_cannot_save_an_event_that_ends_before_it_starts(home, admin_client):
    index = NewsIndexPageFactory(parent=home)
    response = admin_client.post(
        f"/admin/pages/add/news/newspage/{index.pk}/",
        nested_form_data(
            {
                "title": "Väärin",
                "slug": "vaarin",
                "date": "2018-11-07",
                "summary": "",
                "body": body(),
                "event_start": "2018-11-06 16:00",
                "event_end": "2018-11-06 09:00",
                "venue": "",
                "participants": "",
            }
        ),
    )
    assert response.status_code == 200
    assert "The event ends before it starts." in response.content.decode()
    assert not NewsPage.objects.exists()


def test_editor_can_create_a_strategy_and_a_priority(home, editor_case):
    editor_case.assertCanCreate(
        home,
        StrategyPage,
        nested_form_data(
            {
                "title": "Strategia",
                "slug": "strategia",
                "summary": "",
                "body": body(),
                "period_start": "2018",
                "period_end": "2022",
            }
        ),
    )
    strategy = StrategyPage.objects.get()
    editor_case.assertCanCreate(
        strategy,
        StrategyPriorityPage,
        nested_form_data(
            {"title": "Kiertotalous", "slug": "kiertotalous", "summary": "", "body": body()}
        ),
    )


def test_editor_cannot_save_a_strategy_period_backwards(home, admin_client):
    response = admin_client.post(
        f"/admin/pages/add/strategy/strategypage/{home.pk}/",
        nested_form_data(
            {
                "title": "S",
                "slug": "s",
                "summary": "",
                "body": body(),
                "period_start": "2022",
                "period_end": "2018",
            }
        ),
    )
    assert "The last year is before the first year." in response.content.decode()
    assert not StrategyPage.objects.exists()


def test_strategy_factory_builds_a_valid_period(home):
    assert StrategyPageFactory(parent=home).period == "2018–2022"
