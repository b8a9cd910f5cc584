"""The news feed (RSS 2.0) of each language, linked from every page's <head>."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from .models import NewsIndexPage, NewsPage

FEED_ITEMS = 20


class NewsFeed(Feed):
    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return _("Arctic Smartness – news and events")

    def description(self):
        return _("News and events of Lapland's smart specialisation cooperation.")

    def link(self):
        index = NewsIndexPage.objects.live().filter(locale=Locale.get_active()).first()
        return index.get_url(self.request) if index else "/"

    def items(self):
        return (
            NewsPage.objects.live()
            .public()
            .filter(locale=Locale.get_active())
            .not_placeholders()
            .defer_streamfields()
            .order_by("-date", "-pk")[:FEED_ITEMS]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(9)))

    def item_updateddate(self, item):
        return item.last_published_at
