"""Site-wide views: the human-readable sitemap and the error pages."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils.translation import override

from localisation.lookup import home_page_for

SITEMAP_DEPTH = 4


def sitemap(request):
    """Every live public page of the visitor's language as a nested list."""
    root = home_page_for(request)
    entries = []
    if root is not None:
        pages = (
            root.get_descendants(inclusive=True)
            .live()
            .public()
            # Placeholders of untranslated pages only mirror the Finnish original.
            .filter(alias_of__isnull=True)
            .filter(depth__lte=root.depth + SITEMAP_DEPTH - 1)
            .order_by("path")
        )
        entries = [{"page": page, "level": page.depth - root.depth} for page in pages]
    return render(request, "home/sitemap.html", {"entries": entries})


def robots_txt(request):
    """Crawlers may read every public page but not the admin, nor search results (endless
    combinations of queries and facets, each page already reachable by links)."""
    lines = ["User-agent: *", "Disallow: /admin/"]
    for code, _name in settings.LANGUAGES:
        with override(code):
            lines.append(f"Disallow: {reverse('search')}")
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap_xml'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # The 500 template stands alone, with no tags that query the database: the database
    # may be what failed.
    template = loader.get_template("500.html")
    # The site root in the active language ("/" or "/en/"), without asking the database.
    home_url = reverse("wagtail_serve", args=[""])
    return HttpResponseServerError(template.render({"request": request, "home_url": home_url}))
