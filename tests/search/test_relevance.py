"""Relevance, measured: queries a visitor might type against the demo content, each with the
page it should find among the first three results. Prints recall@3 and holds each database
to its own floor: on PostgreSQL (the production database) at least 0.9; on SQLite (the
default for `make test`), which matches whole words only and so misses inflected Finnish,
misspellings and English plurals, the 22 of 36 it was measured to find (0.61), so that a
search broken on SQLite fails here too."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection

from tests.demo_content import demo_content_loaded

# (language prefix, query, the page it should find in the top 3)
RELEVANCE_SET = [
    # Inflected Finnish
    ("", "kiertotaloudessa", "/strategia-2018-2022/kiertotalous/"),
    ("", "hankkeiden", "/hankkeet/"),
    ("", "klustereita", "/klusterit/"),
    ("", "matkailussa", "/strategia-2018-2022/kestava-matkailu/"),
    ("", "muotoilussa", "/klusterit/arktinen-muotoilu/"),
    ("", "turvallisuudesta", "/klusterit/arktinen-turvallisuus/"),
    ("", "maaseudun verkosto", "/klusterit/arktinen-alykas-maaseutuverkosto/"),
    ("", "kehitysympäristöissä", "/klusterit/arktiset-kehitysymparistot/"),
    ("", "luonnonvarojen jalostus", "/strategia-2018-2022/luonnonvarojen-jalostus/"),
    ("", "nousevat alat", "/strategia-2018-2022/uudet-nousevat-alat/"),
    ("", "Brysselissä", "/ajankohtaista/seminaari-brysselissa-2018/"),
    ("", "konferenssiin", "/ajankohtaista/discovering-the-arctic-future/"),
    ("", "saavutettavuudesta", "/saavutettavuusseloste/"),
    ("", "yrittäjiä ja kuntia", "/ajankohtaista/missa-mennaan-arctic-smartness-yhteistyossa/"),
    ("", "kansainvälistymisstrategia", "/hankkeet/lappi-arktinen-ja-kansainvalinen-menestyja/"),
    # Acronyms, organisations and people
    ("", "ASP", "/hankkeet/arctic-smartness-portfolio/"),
    ("", "MTI", "/klusterit/arktinen-turvallisuus/"),
    ("", "Matkailun tutkimus- ja koulutusinstituutti", "/klusterit/arktinen-turvallisuus/"),
    ("", "Team Botnia", "/hankkeet/kehittajien-kansainvaliset-verkostot/"),
    ("", "Teija Mikkola", "/hankkeet/kehittajien-kansainvaliset-verkostot/"),
    ("", "Jokelainen", "/hankkeet/arctic-smartness-portfolio/"),
    ("", "Digipolis", "/klusterit/arktinen-teollisuus-ja-kiertotalous/"),
    ("", "ProAgria", "/klusterit/arktinen-alykas-maaseutuverkosto/"),
    # Misspellings
    ("", "Havukaine", "/hankkeet/arctic-smartness-portfolio/"),
    ("", "muotoiluu", "/klusterit/arktinen-muotoilu/"),
    # English
    ("/en", "circular economies", "/en/strategy-2018-2022/circular-economy/"),
    ("/en", "tourism", "/en/strategy-2018-2022/sustainable-tourism/"),
    ("/en", "designers", "/en/clusters/arctic-design/"),
    ("/en", "rural communities", "/en/clusters/arctic-smart-rural-community/"),
    ("/en", "processing natural resources", "/en/strategy-2018-2022/processing-natural-resources/"),
    ("/en", "Brussels seminar", "/en/news/seminar-in-brussels-2018/"),
    ("/en", "ASP", "/en/projects/arctic-smartness-portfolio/"),
    ("/en", "accessibility", "/en/accessibility-statement/"),
    ("/en", "conference participants", "/en/news/discovering-the-arctic-future/"),
    ("/en", "Teija Mikkola", "/en/projects/international-networks-of-developers/"),
    ("/en", "safety and security", "/en/clusters/arctic-safety-and-security/"),
]

# The least recall@3 each database must reach. SQLite's is what it measured (22/36 = 0.61):
# raise it if SQLite finds more, never lower it to let a regression through.
REQUIRED_RECALL = {"postgresql": 0.9, "sqlite": 0.61}


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), demo_content_loaded():
        yield


def top_three(client, prefix, query):
    response = client.get(f"{prefix}/{'search' if prefix else 'haku'}/", {"q": query})
    html = BeautifulSoup(response.content, "html.parser")
    return [link["href"] for link in html.select(".search-result__title a")][:3]


@pytest.mark.django_db
def test_recall_at_3_on_the_demo_content(demo_site, client):
    assert len(RELEVANCE_SET) >= 30
    misses = []
    for prefix, query, expected in RELEVANCE_SET:
        found = top_three(client, prefix, query)
        if expected not in found:
            misses.append(f"  {query!r}: wanted {expected}, got {found}")
    recall = 1 - len(misses) / len(RELEVANCE_SET)
    print(  # noqa: T201 (the figure is the point; run with -s to see it)
        f"\nrecall@3 on {connection.vendor}: {recall:.2f} "
        f"({len(RELEVANCE_SET) - len(misses)}/{len(RELEVANCE_SET)})\n" + "\n".join(misses)
    )
    assert recall >= REQUIRED_RECALL[connection.vendor], "\n".join(misses)
