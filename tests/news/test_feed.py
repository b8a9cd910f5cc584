"""Each language has a news feed (RSS 2.0), linked from every page's <head>."""

import datetime

import pytest
from defusedxml import ElementTree

from news.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(home, english):
    index = NewsIndexPageFactory(parent=home)
    older = NewsPageFactory(parent=index, title="Vanhempi", date=datetime.date(2017, 11, 30))
    NewsPageFactory(parent=index, title="Uudempi", date=datetime.date(2018, 11, 7))
    english_index = index.copy_for_translation(english, copy_parents=True)
    english_index.slug = "news"
    english_index.save_revision().publish()
    translation = older.copy_for_translation(english)
    translation.title, translation.slug = "Older", "older"
    translation.save_revision().publish()
    return index


def feed_items(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ElementTree.fromstring(response.content).find("channel")
    return channel, [
        (item.findtext("title"), item.findtext("link")) for item in channel.iter("item")
    ]


def test_finnish_feed_lists_finnish_news_newest_first(client, news):
    channel, items = feed_items(client, "/syotteet/uutiset/")
    assert channel.findtext("language") == "fi"
    assert channel.findtext("title") == "Arctic Smartness – uutiset ja tapahtumat"
    assert [title for title, _link in items] == ["Uudempi", "Vanhempi"]


def test_english_feed_lists_only_translated_news(client, news):
    channel, items = feed_items(client, "/en/feeds/news/")
    assert channel.findtext("language") == "en"
    assert items == [("Older", "http://testserver/en/news/older/")]


def test_every_page_links_its_languages_feed(client, news):
    assert (
        'type="application/rss+xml" href="/syotteet/uutiset/"' in client.get("/").content.decode()
    )
    html = client.get("/en/").content.decode()
    assert 'type="application/rss+xml" href="/en/feeds/news/"' in html
