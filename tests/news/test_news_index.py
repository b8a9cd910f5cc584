"""Visitors find news on the news index: upcoming events first with their calendar files, then
the news newest first, narrowed by topic, cluster and year (combinable, counted, in the
address, without JavaScript), in the page's language."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from clusters.factories import ClusterIndexPageFactory, ClusterPageFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory, TopicFactory
from tests.html import checked_values, facet_counts, parse, texts

pytestmark = pytest.mark.django_db

NOTICE_FI = "Osa osoitteen rajauksista jätettiin pois"
NOTICE_EN = "Some filters in the address were not recognised"


@pytest.fixture
def site(home):
    """Three plain news items, a past event and three upcoming ones (one already running)."""
    clusters = ClusterIndexPageFactory(parent=home)
    design = ClusterPageFactory(parent=clusters, title="Arktinen muotoilu", slug="muotoilu")
    industry = ClusterPageFactory(parent=clusters, title="Arktinen teollisuus", slug="teollisuus")
    strategy = TopicFactory(name="Strategia")
    tourism = TopicFactory(name="Matkailu")
    index = NewsIndexPageFactory(parent=home)
    now = timezone.now()

    def item(title, date, topics=(), clusters=(), **fields):
        return NewsPageFactory(
            parent=index,
            title=title,
            date=date,
            topics=list(topics),
            related_clusters=list(clusters),
            **fields,
        )

    item("Strategia julki", datetime.date(2018, 11, 7), [strategy], [design])
    item("Matkailukevät", datetime.date(2018, 5, 2), [tourism], [industry])
    item("Kiertotalousuutinen", datetime.date(2017, 3, 1), [strategy, tourism], [industry])
    item(
        "Mennyt seminaari",
        datetime.date(2016, 6, 1),
        event_start=timezone.make_aware(datetime.datetime(2016, 6, 10, 9)),
        event_end=timezone.make_aware(datetime.datetime(2016, 6, 10, 16)),
    )
    later = item(
        "Syksyn klusteripäivä",
        datetime.date(2018, 1, 15),
        [strategy],
        event_start=now + datetime.timedelta(days=30),
        venue="Lapin yliopisto, Rovaniemi",
    )
    item(
        "Ensi viikon työpaja",
        datetime.date(2018, 1, 20),
        [tourism],
        event_start=now + datetime.timedelta(days=7),
    )
    item(
        "Käynnissä olevat messut",
        datetime.date(2018, 1, 10),
        event_start=now - datetime.timedelta(days=1),
        event_end=now + datetime.timedelta(days=1),
    )
    return {
        "index": index,
        "strategy": strategy,
        "tourism": tourism,
        "design": design,
        "industry": industry,
        "later": later,
    }


def html_of(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200
    return response.content.decode()


def section(html, css_class):
    """The page's <section> of this class, or None."""
    return parse(html).select_one(f"section.{css_class}")


def titles(element):
    return texts(element, "h3.card__title > a") if element else []


def upcoming(html):
    return titles(section(html, "news-upcoming"))


def news(html):
    return titles(section(html, "news-list"))


def counts(html, name):
    """{label: count} of one filter's checkboxes."""
    return facet_counts(html, name, prefix="filter")


# --- Upcoming events ------------------------------------------------------------------------


def test_upcoming_events_come_first_soonest_first_and_past_ones_stay_in_the_news(client, site):
    html = html_of(client, site["index"].url)
    assert upcoming(html) == [
        "Käynnissä olevat messut",
        "Ensi viikon työpaja",
        "Syksyn klusteripäivä",
    ]
    assert news(html) == [
        "Strategia julki",
        "Matkailukevät",
        "Kiertotalousuutinen",
        "Mennyt seminaari",
    ]
    assert html.index('class="news-upcoming"') < html.index('class="news-list"')


def test_an_upcoming_event_shows_its_venue_and_calendar_links(client, site):
    html = html_of(client, site["index"].url)
    events = section(html, "news-upcoming")
    later = site["later"]
    assert events.select_one(f'a[href="{later.url}calendar/"]').has_attr("download")
    assert "Lapin yliopisto, Rovaniemi" in texts(events, "dd")
    start = timezone.localtime(later.event_start).isoformat()
    assert start in [time["datetime"] for time in events.select("time[datetime]")]
    assert events.select('[href="/syotteet/tapahtumat.ics"]')
    # A past event is only news: no calendar file offered in the list.
    assert section(html, "news-list").select('[href*="calendar/"]') == []


def test_the_news_list_without_upcoming_events_has_no_events_section(client, home):
    index = NewsIndexPageFactory(parent=home)
    NewsPageFactory(parent=index, title="Pelkkä uutinen")
    html = html_of(client, index.url)
    assert 'class="news-upcoming"' not in html
    assert news(html) == ["Pelkkä uutinen"]


# --- Filters --------------------------------------------------------------------------------


def test_every_filter_counts_the_items_of_each_value(client, site):
    html = html_of(client, site["index"].url)
    assert counts(html, "topic") == {"Matkailu": 3, "Strategia": 3}
    assert counts(html, "cluster") == {"Arktinen muotoilu": 1, "Arktinen teollisuus": 2}
    assert counts(html, "year") == {"2018": 5, "2017": 1, "2016": 1}
    assert '<button type="submit" class="button button--small">Rajaa</button>' in html
    assert "Poista rajaukset" not in html  # nothing to clear yet


def test_topic_filter_narrows_both_sections_and_the_other_counts(client, site):
    html = html_of(client, site["index"].url, {"topic": site["strategy"].pk})
    assert upcoming(html) == ["Syksyn klusteripäivä"]
    assert news(html) == ["Strategia julki", "Kiertotalousuutinen"]
    assert checked_values(html, "topic") == [str(site["strategy"].pk)]
    # A filter's own counts ignore its choice; the others count what it lets through.
    assert counts(html, "topic") == {"Matkailu": 3, "Strategia": 3}
    assert counts(html, "cluster") == {"Arktinen muotoilu": 1, "Arktinen teollisuus": 1}
    assert counts(html, "year") == {"2018": 2, "2017": 1}
    assert f'<a class="search-facets__clear" href="{site["index"].url}">' in html


def test_values_within_a_filter_are_alternatives(client, site):
    html = html_of(client, site["index"].url, {"year": ["2017", "2016"]})
    assert upcoming(html) == []
    assert news(html) == ["Kiertotalousuutinen", "Mennyt seminaari"]

    html = html_of(client, site["index"].url, {"cluster": ["muotoilu", "teollisuus"]})
    assert news(html) == ["Strategia julki", "Matkailukevät", "Kiertotalousuutinen"]


def test_cluster_filter_takes_the_clusters_slug(client, site):
    html = html_of(client, site["index"].url, {"cluster": "teollisuus"})
    assert news(html) == ["Matkailukevät", "Kiertotalousuutinen"]
    assert checked_values(html, "cluster") == ["teollisuus"]
    assert counts(html, "topic") == {"Matkailu": 2, "Strategia": 1}
    assert counts(html, "year") == {"2018": 1, "2017": 1}


def test_filters_combine(client, site):
    params = {"topic": site["tourism"].pk, "cluster": "teollisuus", "year": "2018"}
    html = html_of(client, site["index"].url, params)
    assert upcoming(html) == []
    assert news(html) == ["Matkailukevät"]
    assert counts(html, "topic") == {"Matkailu": 1}
    assert counts(html, "cluster") == {"Arktinen teollisuus": 1}
    assert counts(html, "year") == {"2018": 1, "2017": 1}

    params = {"topic": site["tourism"].pk, "year": "2018"}
    html = html_of(client, site["index"].url, params)
    assert upcoming(html) == ["Ensi viikon työpaja"]
    assert news(html) == ["Matkailukevät"]


def test_a_valid_value_with_no_items_stays_chosen_and_says_so(client, site):
    html = html_of(client, site["index"].url, {"year": "2015"})
    assert upcoming(html) == [] and news(html) == []
    assert counts(html, "year")["2015"] == 0
    assert checked_values(html, "year") == ["2015"]
    assert "Ei tuloksia näillä rajauksilla." in html
    assert NOTICE_FI not in html


@pytest.mark.parametrize(
    "params",
    [
        {"year": "abc"},
        {"year": "-1"},
        {"year": "99999999999999999999"},
        {"year": "²"},
        {"topic": "999999"},
        {"topic": "Strategia"},
        {"cluster": "<script>alert(1)</script>"},
        {"cluster": "x" * 10_000},
    ],
)
def test_unknown_filter_values_are_left_out_with_a_notice(client, site, params):
    html = html_of(client, site["index"].url, params)
    assert NOTICE_FI in html
    assert "<script>alert" not in html
    assert len(upcoming(html)) == 3 and len(news(html)) == 4  # the list itself is unharmed
    assert f'<a class="search-facets__clear" href="{site["index"].url}">' in html


def test_a_bad_value_leaves_the_good_ones_working(client, site):
    params = {"topic": ["999999", site["strategy"].pk], "year": ["abc", "2017"]}
    html = html_of(client, site["index"].url, params)
    assert NOTICE_FI in html
    assert news(html) == ["Kiertotalousuutinen"]


def test_pagination_keeps_the_filters(client, site):
    for number in range(12):
        NewsPageFactory(
            parent=site["index"],
            title=f"Strategiapäivitys {number:02d}",
            date=datetime.date(2019, 1, 1) + datetime.timedelta(days=number),
            topics=[site["strategy"]],
        )
    params = {"topic": site["strategy"].pk}
    html = html_of(client, site["index"].url, params)
    assert len(news(html)) == 10
    link = parse(html).select_one('a[rel="next"][href^="?"]')
    assert link, "no link to the next page"
    query = link["href"].removeprefix("?")
    assert f"topic={site['strategy'].pk}" in query and "page=2" in query

    html = html_of(client, f"{site['index'].url}?{query}")
    # The four oldest filtered items on page 2; upcoming events only on the first page.
    assert news(html) == [
        "Strategiapäivitys 01",
        "Strategiapäivitys 00",
        "Strategia julki",
        "Kiertotalousuutinen",
    ]
    assert upcoming(html) == []
    assert checked_values(html, "topic") == [str(site["strategy"].pk)]


# --- In English -----------------------------------------------------------------------------


@pytest.fixture
def english_site(site, english):
    """The English news index; topic, cluster and items translated except the tourism topic."""
    index = site["index"].copy_for_translation(english, copy_parents=True)
    index.title, index.slug = "News", "news"
    index.save_revision().publish()
    index.refresh_from_db()  # the published slug and address
    strategy = site["strategy"].copy_for_translation(english)
    strategy.name = "Strategy"
    strategy.save()
    cluster = site["design"].copy_for_translation(english, copy_parents=True)
    cluster.title, cluster.slug = "Arctic Design", "design"
    cluster.save_revision().publish()
    for page in site["index"].get_children().specific():
        translation = page.copy_for_translation(english)
        translation.title = f"[en] {page.title}"
        translation.save_revision().publish()
    return {"index": index, "strategy": strategy}


def test_english_index_filters_by_english_topics_and_shows_english_names(
    client, site, english_site
):
    url = english_site["index"].url
    assert url == "/en/news/"
    html = html_of(client, url)
    # Translated topics in English; an untranslated one in Finnish, marked as Finnish.
    assert counts(html, "topic") == {"Strategy": 3, "Matkailu": 3}
    assert '<span lang="fi">Matkailu</span>' in html
    assert counts(html, "cluster") == {"Arctic Design": 1}
    topics = section(html, "news-list").select("li")
    assert any(topic.get_text() == "Strategy" and not topic.attrs for topic in topics)

    html = html_of(client, url, {"topic": english_site["strategy"].pk})
    assert upcoming(html) == ["[en] Syksyn klusteripäivä"]
    assert news(html) == ["[en] Strategia julki", "[en] Kiertotalousuutinen"]
    assert "3 news items or events" in html

    html = html_of(client, url, {"cluster": "design"})
    assert news(html) == ["[en] Strategia julki"]

    html = html_of(client, url, {"topic": site["tourism"].pk, "year": "2017"})
    assert news(html) == ["[en] Kiertotalousuutinen"]


def test_an_address_copied_from_the_finnish_index_chooses_the_same_filters_in_english(
    client, site, english_site
):
    """Values are matched by translation key: a Finnish topic id or cluster slug chooses
    the English topic or cluster it was translated into."""
    url = english_site["index"].url
    for finnish, english in (
        ({"topic": site["strategy"].pk}, {"topic": english_site["strategy"].pk}),
        ({"cluster": "muotoilu"}, {"cluster": "design"}),
    ):
        html = html_of(client, url, finnish)
        assert NOTICE_EN not in html
        assert news(html) == news(html_of(client, url, english))
        assert len(news(html)) < 4


# --- Cost -----------------------------------------------------------------------------------


def add_items(index, batch, number, topics, cluster, english=None):
    """`number` news items and as many upcoming events, with topics and a cluster; also
    translated into English when `english` is given."""
    now = timezone.now()
    for count in range(number):
        pages = [
            NewsPageFactory(
                parent=index,
                title=f"Lisäuutinen {batch}{count}",
                date=datetime.date(2010 + count, 1, 1),
                topics=topics,
                related_clusters=[cluster],
            ),
            NewsPageFactory(
                parent=index,
                title=f"Lisätapahtuma {batch}{count}",
                date=datetime.date(2018, 1, 1),
                topics=topics,
                event_start=now + datetime.timedelta(days=count + 1),
                venue="Rovaniemi",
            ),
        ]
        for page in pages if english else []:
            page.copy_for_translation(english).save_revision().publish()


def count_queries(client, url, params):
    client.get(url, params)  # warm per-process caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params).status_code == 200
    return len(queries)


@pytest.mark.parametrize("language", ["fi", "en"])
def test_filtered_index_costs_the_same_queries_for_few_and_many_items(
    client, site, english_site, english, language
):
    topics = [site["strategy"], site["tourism"]]
    if language == "en":
        url = english_site["index"].url
        params = {"topic": [english_site["strategy"].pk, site["tourism"].pk], "year": "2018"}
    else:
        url = site["index"].url
        params = {"topic": [topic.pk for topic in topics], "year": "2018"}
    params["cluster"] = "design" if language == "en" else "muotoilu"
    translate_to = english if language == "en" else None
    add_items(site["index"], "a", 2, topics, site["design"], translate_to)
    few = count_queries(client, url, params)
    add_items(site["index"], "b", 12, topics, site["design"], translate_to)
    many = count_queries(client, url, params)
    assert few == many


def test_a_chosen_cluster_the_other_filters_leave_empty_is_counted_as_none(client, site):
    """A ticked value stays on offer when the other filters leave it no items, with the
    count 0 (found by mutation testing: a default count of 1 went unnoticed)."""
    html = html_of(client, site["index"].url, {"year": "2016", "cluster": "muotoilu"})

    assert upcoming(html) == [] and news(html) == []
    assert counts(html, "cluster") == {"Arktinen muotoilu": 0}
    assert checked_values(html, "cluster") == ["muotoilu"]
