"""The status and active-years rules (projects/timing.py): their Python form for one project
and their query form for many give the same answer on every boundary, and the project
index and the search facets both follow them."""

import datetime
import itertools

import pytest
from bs4 import BeautifulSoup

from projects.factories import ProjectIndexPageFactory, ProjectPageFactory
from projects.models import ProjectPage
from projects.timing import ProjectStatus, active_years, status_between

pytestmark = pytest.mark.django_db

D = datetime.date
STARTS = [None, D(2020, 3, 1), D(2023, 1, 1)]
ENDS = [None, D(2020, 3, 1), D(2020, 12, 31), D(2023, 1, 1), D(2025, 6, 30)]
# The day before, on and after each date above, and a day late in the present year.
DAYS = [D(2020, 2, 29), D(2020, 3, 1), D(2020, 3, 2), D(2020, 12, 31), D(2021, 1, 1)]
DAYS += [D(2022, 12, 31), D(2023, 1, 1), D(2023, 1, 2), D(2025, 6, 30), D(2025, 7, 1)]


@pytest.fixture
def projects(home):
    index = ProjectIndexPageFactory(parent=home)
    return [
        ProjectPageFactory(parent=index, start_date=start, end_date=end)
        for start, end in itertools.product(STARTS, ENDS)
        if not (start and end and end < start)
    ]


def test_status_on_the_boundary_days():
    start, end = D(2020, 3, 1), D(2020, 12, 31)
    assert status_between(start, end, D(2020, 2, 29)) == ProjectStatus.PLANNED
    assert status_between(start, end, start) == ProjectStatus.ONGOING
    assert status_between(start, end, end) == ProjectStatus.ONGOING
    assert status_between(start, end, D(2021, 1, 1)) == ProjectStatus.ENDED
    assert status_between(start, None, D(2030, 1, 1)) == ProjectStatus.ONGOING
    assert status_between(None, end, D(2021, 1, 1)) == ProjectStatus.ENDED
    assert status_between(None, end, end) is None
    assert status_between(None, None, end) is None


def test_active_years_of_open_ended_and_end_only_projects():
    today = D(2026, 12, 6)
    assert list(active_years(D(2020, 3, 1), D(2022, 1, 31), today)) == [2020, 2021, 2022]
    # No end date: still running, so active up to this year.
    assert list(active_years(D(2020, 3, 1), None, today)) == list(range(2020, 2027))
    assert list(active_years(D(2028, 1, 1), None, today)) == [2028]
    # Only an end date (ASP ended 31.12.2015): it ran in 2015.
    assert list(active_years(None, D(2015, 12, 31), today)) == [2015]
    assert list(active_years(None, None, today)) == []


def test_the_status_query_agrees_with_the_python_rule(projects):
    for day in DAYS:
        for status in ProjectStatus.values:
            found = set(ProjectPage.objects.with_status([status], day).values_list("pk", flat=True))
            expected = {
                project.pk
                for project in projects
                if status_between(project.start_date, project.end_date, day) == status
            }
            assert found == expected, (day, status)


@pytest.mark.parametrize("today", [D(2026, 12, 6), D(2021, 6, 1)])
def test_the_years_query_agrees_with_the_python_rule(projects, today):
    for first, last in itertools.combinations_with_replacement(range(2019, 2028), 2):
        found = set(
            ProjectPage.objects.active_in_years(first, last, today).values_list("pk", flat=True)
        )
        expected = {
            project.pk
            for project in projects
            if set(active_years(project.start_date, project.end_date, today))
            & set(range(first, last + 1))
        }
        assert found == expected, (first, last, today)


def _result_titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    links = soup.select(".card__title a, .search-result__title a")
    return {link.get_text(strip=True) for link in links}


def test_index_and_search_find_an_open_ended_project_in_a_later_year(client, home):
    index = ProjectIndexPageFactory(parent=home)
    ProjectPageFactory(
        parent=index, title="Avoin kiertotaloushanke", start_date=D(2020, 3, 1), end_date=None
    )
    ProjectPageFactory(
        parent=index, title="ASP kiertotaloushanke", start_date=None, end_date=D(2015, 12, 31)
    )

    in_2023 = _result_titles(client.get(index.url, {"from": 2023, "to": 2023}))
    assert "Avoin kiertotaloushanke" in in_2023
    searched = _result_titles(client.get("/haku/", {"q": "kiertotaloushanke", "year": 2023}))
    assert "Avoin kiertotaloushanke" in searched

    in_2015 = _result_titles(client.get(index.url, {"from": 2015, "to": 2015}))
    assert in_2015 == {"ASP kiertotaloushanke"}


def test_a_project_cannot_end_before_it_starts_whoever_saves_it(home):
    """The model checks the dates, so imports and the API's writers are held to it too."""
    from django.core.exceptions import ValidationError

    project = ProjectPageFactory.build(start_date=D(2020, 3, 1), end_date=D(2020, 2, 29))
    with pytest.raises(ValidationError) as raised:
        project.clean()
    assert "end_date" in raised.value.message_dict
    project.end_date = D(2020, 3, 1)
    project.clean()


def test_the_status_counts_agree_with_the_python_rule(projects):
    for day in DAYS:
        counts = ProjectPage.objects.status_counts(day)
        for status in ProjectStatus.values:
            expected = sum(
                status_between(project.start_date, project.end_date, day) == status
                for project in projects
            )
            assert counts[status] == expected, (day, status)


def test_the_chosen_years_stay_selected_when_no_project_is_active_in_them(client, home):
    """Found in a browser walk: the selects fell back to "Kaikki" while the years still
    filtered, so nothing said why the list was empty."""
    index = ProjectIndexPageFactory(parent=home)
    ProjectPageFactory(parent=index, start_date=D(2015, 1, 1), end_date=D(2018, 12, 31))

    response = client.get(index.url, {"from": 2013, "to": 2014})
    soup = BeautifulSoup(response.content, "html.parser")
    chosen = {
        select["name"]: select.select_one("option[selected]")["value"]
        for select in soup.select('select[name="from"], select[name="to"]')
    }
    assert chosen == {"from": "2013", "to": "2014"}
    assert _result_titles(response) == set()


def test_the_status_query_takes_several_statuses_at_once(projects):
    """The status facets pass every ticked status: the query keeps the projects that have any
    of them, not only the last one's (found by mutation testing)."""
    for day in DAYS:
        for chosen in itertools.combinations(ProjectStatus.values, 2):
            found = set(ProjectPage.objects.with_status(chosen, day).values_list("pk", flat=True))
            expected = {
                project.pk
                for project in projects
                if status_between(project.start_date, project.end_date, day) in chosen
            }
            assert found == expected, (day, chosen)
