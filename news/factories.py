import datetime

import factory
import wagtail_factories

from .models import NewsIndexPage, NewsPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Ajankohtaista"
    slug = "ajankohtaista"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Uutinen {n}")
    summary = "Lyhyesti uutisesta."
    date = datetime.date(2018, 11, 7)

    class Meta:
        model = NewsPage
