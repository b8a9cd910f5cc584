"""`/sitemap.xml` for search engines: every live page in every language, each with its
translations as hreflang alternates (placeholders of untranslated pages left out).

Built for large sites: the pages are read once as plain pages (no page type needs its own
sitemap entry), and the alternates come from the same list, since every language's pages
are in it. Addresses are worked out from each language's home page: a page's address is its
home's address followed by its path below the home (how Wagtail routes this site), which
is a string operation rather than Wagtail's full URL routine for each of thousands of pages.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from core.pages import all_pages


class TranslatedPagesSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        homes = Page.objects.filter(translation_key=root.translation_key)
        in_a_language_tree = Q(pk__in=[])
        for home in homes:
            in_a_language_tree |= Q(path__startswith=home.path)
        return (
            all_pages()
            .filter(in_a_language_tree)
            .not_placeholders()
            .live()
            .public()
            .select_related("locale")
            .order_by("path")
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        location = self._locations(pages)
        versions = defaultdict(list)
        for page in pages:
            versions[page.translation_key].append(page)
        urls = []
        for page in pages:
            urls.append(
                {
                    "item": page,
                    "location": location[page.pk],
                    "lastmod": self.lastmod(page),
                    "alternates": self._alternates(versions[page.translation_key], location),
                }
            )
        lastmods = {url["lastmod"] for url in urls}
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

    def _locations(self, pages):
        """{page id: full address}, each page's address built on its language's home page."""
        homes = {page.path: page for page in pages if page.depth == 2}
        home_urls = {path: home.get_full_url(self.request) for path, home in homes.items()}
        locations = {}
        for page in pages:
            home = homes.get(page.path[: 2 * Page.steplen])
            if home is None or home_urls[home.path] is None:
                locations[page.pk] = page.get_full_url(self.request)  # outside a language tree
                continue
            below_home = page.url_path[len(home.url_path) :]
            locations[page.pk] = home_urls[home.path] + below_home
        return locations

    @staticmethod
    def _alternates(versions, location):
        """Each language version of a page, then x-default: the Finnish one."""
        alternates = []
        default = None
        for version in versions:
            code = version.locale.language_code
            alternates.append({"lang_code": code, "location": location[version.pk]})
            if code == settings.LANGUAGE_CODE:
                default = {"lang_code": "x-default", "location": location[version.pk]}
        return alternates + [default] if default else alternates
