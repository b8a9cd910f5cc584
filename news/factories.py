import datetime

import factory
import wagtail_factories

from core.factories import TranslatableSnippetFactory

from .models import NewsIndexPage, NewsPage, Topic


class TopicFactory(TranslatableSnippetFactory):
    name = factory.Sequence(lambda n: f"Aihe {n}")

    class Meta:
        model = Topic


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
