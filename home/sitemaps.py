"""The sitemaps for search engines: `/sitemap.xml` is an index of one sitemap per language
and section (`/sitemap-fi-projects.xml`, …), each listing the live public pages of that
language and section with their translations as hreflang alternates (placeholders of
untranslated pages left out).

Built for large sites: a sitemap file holds at most PAGES_PER_FILE pages (more go to
`?p=2`, …, listed in the index), so no file costs more as the site grows. Each file reads
its pages' few address fields, then their other language versions in one query, and
works out every address from its language's home page: a page's address is its home's
address followed by its path below the home (how Wagtail routes this site), a string
operation rather than Wagtail's full URL routine for each page.
"""

from collections import defaultdict

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Max, Q
from django.db.models.functions import Coalesce
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from core.pages import all_pages

# Django's files may hold 50 000 addresses; a few hundred keep each file fast to build
# (rendering the XML through the template costs most of a file's time).
PAGES_PER_FILE = 250

# The sections with many pages have a sitemap of their own; "pages" has every other type.
SECTIONS = {
    "projects": ["projects.ProjectPage"],
    "news": ["news.NewsPage"],
    "pages": [],
}

# What an address and a lastmod need, read as plain rows: building a thousand page
# objects (a file's pages and their translations) costs more than the rest of the file.
ADDRESS_FIELDS = ["id", "path", "url_path", "translation_key", "locale_id"]
LASTMOD = Coalesce("last_published_at", "latest_revision_created_at")


class SectionSitemap(Sitemap):
    """The pages of one language (`language_code`) and one section (`section`)."""

    language_code = ""
    section = ""
    limit = PAGES_PER_FILE

    def items(self):
        return (
            self._site_pages()
            .filter(locale__language_code=self.language_code)
            .filter(self._in_section())
            .order_by("path")
            .values(*ADDRESS_FIELDS, changed=LASTMOD)
        )

    def get_latest_lastmod(self):
        # Django's default calls lastmod() on every page of the section; one aggregate.
        return self.items().order_by().aggregate(latest=Max(LASTMOD))["latest"]

    def lastmod(self, row):
        return row["changed"]

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        versions = self._versions(pages)
        location = self._locations([version for vs in versions.values() for version in vs])
        urls = [
            {
                "item": page,
                "location": location[page["id"]],
                "lastmod": self.lastmod(page),
                "alternates": self._alternates(versions[page["translation_key"]], location),
            }
            for page in pages
        ]
        lastmods = {url["lastmod"] for url in urls}
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

    def _site_pages(self):
        """Live public pages written in their own language, in this site's language trees."""
        return all_pages().filter(self._in_language_trees()).not_placeholders().live().public()

    def _homes(self):
        """The language versions of this site's home page, each with its full address."""
        if not hasattr(self, "_home_list"):
            root = self.get_wagtail_site().root_page
            homes = list(Page.objects.filter(translation_key=root.translation_key))
            # A home without an address (not routed by this site) has no pages to list.
            addresses = [(home, home.get_full_url(self.request)) for home in homes]
            self._home_list = [(home, url) for home, url in addresses if url]
        return self._home_list

    def _in_language_trees(self):
        condition = Q(pk__in=[])
        for home, _url in self._homes():
            condition |= Q(path__startswith=home.path)
        return condition

    def _in_section(self):
        def types(labels):
            models = [apps.get_model(label) for label in labels]
            return ContentType.objects.get_for_models(*models).values()

        if SECTIONS[self.section]:
            return Q(content_type__in=types(SECTIONS[self.section]))
        others = [label for labels in SECTIONS.values() for label in labels]
        return ~Q(content_type__in=types(others))

    def _versions(self, pages):
        """{translation key: [each language version of the page]}, in one query."""
        keys = {page["translation_key"] for page in pages}
        versions = defaultdict(list)
        others = (
            self._site_pages()
            .filter(translation_key__in=keys)
            .exclude(locale__language_code=self.language_code)
            .values(*ADDRESS_FIELDS)
        )
        for page in [*pages, *others]:
            versions[page["translation_key"]].append(page)
        return versions

    def _locations(self, pages):
        """{page id: full address}, each page's address built on its language's home.
        Every page here is below one (the items are limited to the language trees)."""
        homes = {home.path: (home, url) for home, url in self._homes()}
        locations = {}
        for page in pages:
            home, home_url = homes[page["path"][: 2 * Page.steplen]]
            locations[page["id"]] = home_url + page["url_path"][len(home.url_path) :]
        return locations

    def _alternates(self, versions, location):
        """Each language version of a page, in the order of LANGUAGES, then x-default: the
        Finnish one."""
        if not hasattr(self, "_language_of"):
            self._language_of = dict(Locale.objects.values_list("pk", "language_code"))
        order = [code for code, _name in settings.LANGUAGES]
        by_language = {self._language_of[version["locale_id"]]: version for version in versions}
        alternates = [
            {"lang_code": code, "location": location[by_language[code]["id"]]}
            for code in order
            if code in by_language
        ]
        if settings.LANGUAGE_CODE in by_language:
            default = location[by_language[settings.LANGUAGE_CODE]["id"]]
            alternates.append({"lang_code": "x-default", "location": default})
        return alternates


def _section_sitemaps():
    """{name: sitemap class} for each language and section, e.g. "fi-projects"."""
    sitemaps = {}
    for code, _name in settings.LANGUAGES:
        for section in SECTIONS:
            name = f"{code}-{section}"
            sitemaps[name] = type(
                f"SectionSitemap_{code}_{section}",
                (SectionSitemap,),
                {"language_code": code, "section": section},
            )
    return sitemaps


SITEMAPS = _section_sitemaps()
