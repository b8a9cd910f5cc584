"""The project timeline: a bar per dated project, linked, with its status; a table of all."""

import datetime

import pytest
from django.utils import timezone

from overview.charts import WIDTH
from overview.factories import ProjectTimelinePageFactory
from projects.factories import ProjectIndexPageFactory
from tests.html import text

from .conftest import add_project
from .pages import fi, soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def timeline(home):
    today = timezone.localdate()
    days = datetime.timedelta
    index = ProjectIndexPageFactory(parent=home)
    projects = {
        "ended": add_project(index, "Vanha hanke", None, today - days(900), today - days(100)),
        "ongoing": add_project(index, "Käynnissä oleva", None, today - days(30), today + days(300)),
        "planned": add_project(index, "Tuleva hanke", None, today + days(60), today + days(400)),
        "undated": add_project(index, "Päivätön hanke", None, None, None),
        "half": add_project(index, "Vain loppu", None, None, today - days(10)),
    }
    return ProjectTimelinePageFactory(parent=index), projects


def rows(page):
    body = page.select_one("table tbody")
    return {
        text(row.th): [text(cell) for cell in row.find_all("td")] for row in body.find_all("tr")
    }


def test_every_project_is_in_the_table_with_its_status_and_a_link(client, timeline):
    page_obj, projects = timeline
    page = soup(client.get(page_obj.url))

    table = rows(page)
    assert list(table) == [
        "Vanha hanke",
        "Käynnissä oleva",
        "Tuleva hanke",
        # Without a start date: last, by title.
        "Päivätön hanke",
        "Vain loppu",
    ]
    assert table["Vanha hanke"][-1] == fi("Ended")
    assert table["Käynnissä oleva"][-1] == fi("Ongoing")
    assert table["Tuleva hanke"][-1] == fi("Planned")
    assert table["Päivätön hanke"] == [fi("Dates not given"), fi("not known")]
    assert table["Vain loppu"][0] == fi("not given")
    links = {text(a): a["href"] for a in page.select("table tbody th a")}
    assert links == {project.title: project.url for project in projects.values()}


def test_chart_draws_only_the_dated_projects_as_labelled_links(client, timeline):
    page_obj, projects = timeline
    page = soup(client.get(page_obj.url))
    svg = page.select_one("svg.timeline")

    assert svg["width"] == "100%" and svg["viewbox"].startswith(f"0 0 {WIDTH} ")
    assert text(svg.select_one("#" + svg["aria-labelledby"]))
    bars = svg.select("a")
    assert [a["href"] for a in bars] == [
        projects[key].url for key in ("ended", "ongoing", "planned")
    ]
    for a, status in zip(bars, ("ended", "ongoing", "planned"), strict=True):
        label = fi(status.capitalize())
        visible = text(a.select_one("text"))
        assert label in visible  # the status in words, not only colour
        # The link's name begins with its visible text (WCAG 2.5.3), then adds the dates.
        assert a["aria-label"].startswith(visible) and "–" in a["aria-label"]
        assert a.select_one("rect")["class"] == ["timeline__bar", f"timeline__bar--{status}"]
    assert "Päivätön hanke" not in text(svg) and "Vain loppu" not in text(svg)
    assert svg.select_one(".timeline__today") is not None
    assert [text(t) for t in svg.select(".timeline__year")]  # year labels


def test_bars_follow_the_dates(client, timeline):
    page_obj, projects = timeline
    page = soup(client.get(page_obj.url))
    svg = page.select_one("svg.timeline")
    ended, ongoing, planned = (a.select_one("rect") for a in svg.select("a"))
    today_x = float(svg.select_one(".timeline__today")["x1"])
    assert float(ended["x"]) + float(ended["width"]) < today_x
    assert float(ongoing["x"]) < today_x < float(ongoing["x"]) + float(ongoing["width"])
    assert today_x < float(planned["x"])


def test_english_timeline_lists_the_english_projects(client, site):
    page = soup(client.get(site["english_timeline"].url))
    assert text(page.select_one("h1")) == "Project timeline"
    assert list(rows(page)) == ["Growth", "Networks", "Future", "Competence"]
    assert "Projects on a time axis" in text(page)
    assert rows(page)["Competence"] == ["Dates not given", "not known"]
    assert rows(page)["Growth"] == ["1 Jan 2019", "31 Dec 2019", "Ended"]
