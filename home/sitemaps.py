"""`/sitemap.xml` for search engines: every live page in every language, each with its
translations as hreflang alternates (placeholders of untranslated pages left out)."""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class TranslatedPagesSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        homes = Page.objects.filter(translation_key=root.translation_key)
        in_a_language_tree = Q(pk__in=[])
        for home in homes:
            in_a_language_tree |= Q(path__startswith=home.path)
        return (
            Page.objects.filter(in_a_language_tree, alias_of__isnull=True)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        pages = self.paginator.page(page).object_list
        alternates = self._alternates({page.translation_key for page in pages})
        by_location = {page.get_full_url(self.request): page.translation_key for page in pages}
        for url in urls:
            url["alternates"] = alternates.get(by_location.get(url["location"]), [])
        return urls

    def _alternates(self, translation_keys):
        """{translation key: [{lang_code, location}]} in one query, x-default last."""
        versions = (
            Page.objects.filter(translation_key__in=translation_keys, alias_of__isnull=True)
            .live()
            .public()
            .select_related("locale")
        )
        found = defaultdict(list)
        for version in versions:
            location = version.get_full_url(self.request)
            code = version.locale.language_code
            found[version.translation_key].append({"lang_code": code, "location": location})
            if code == settings.LANGUAGE_CODE:
                default = {"lang_code": "x-default", "location": location}
                found[version.translation_key].append(default)
        return found
