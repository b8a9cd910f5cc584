"""What search engines and link previews read: canonical address, Open Graph and Twitter
card tags, and schema.org JSON-LD for each page type, in the page's language."""

import json

from django import template
from django.templatetags.static import static
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language
from wagtail.models import Page

from core.models import SiteFooterSettings
from core.site_address import public_url
from localisation.lookup import in_locale

register = template.Library()

SITE_NAME = "Arctic Smartness"
OPEN_GRAPH_LOCALES = {"fi": "fi_FI", "en": "en_GB", "sv": "sv_FI"}


@register.inclusion_tag("core/tags/seo.html", takes_context=True)
def seo_tags(context):
    request = context.get("request")
    page = context.get("page")
    if request is None or not isinstance(page, Page):
        return {}
    # A placeholder of an untranslated page duplicates its source: point engines there.
    canonical_page = page.alias_of.specific if page.alias_of_id else page
    language = get_language()  # the page's: pages are served in their own language
    description = _description(page)
    return {
        "canonical": canonical_page.get_full_url(request),
        "title": page.seo_title or page.title,
        "description": description,
        "og_type": "article" if page.specific_class.__name__ == "NewsPage" else "website",
        "og_locale": OPEN_GRAPH_LOCALES.get(language, language),
        "image": public_url(static("images/logo.svg")),
        "site_name": SITE_NAME,
        "json_ld": _json_ld(_structured_data(context, page, description, language)),
    }


def _description(page):
    text = page.search_description or getattr(page, "summary", "") or ""
    return Truncator(strip_tags(text)).chars(200)


def _json_ld(data):
    # Safe inside <script>: no "<", ">" or "&" can close the element or start markup.
    text = json.dumps(data, ensure_ascii=False, default=str)
    for character, escaped in (("<", "\\u003C"), (">", "\\u003E"), ("&", "\\u0026")):
        text = text.replace(character, escaped)
    return mark_safe(text)  # noqa: S308


def _organisation(request, page):
    """The organisation running the site (the footer's), in the page's language."""
    footer = SiteFooterSettings.for_request(request)  # cached for the footer too
    if footer.organisation is None:
        return {"@type": "Organization", "name": SITE_NAME}
    organisation = in_locale([footer.organisation], page.locale)[0]
    data = {"@type": "Organization", "name": organisation.name}
    if organisation.website:
        data["url"] = organisation.website
    return data


def _structured_data(context, page, description, language):
    request = context["request"]
    specific = page.specific
    kind = type(specific).__name__
    url = page.get_full_url(request)
    base = {
        "@context": "https://schema.org",
        "name": page.title,
        "url": url,
        "inLanguage": language,
    }
    if description:
        base["description"] = description
    publisher = _organisation(request, page)
    if kind == "HomePage":
        return {**base, "@type": "WebSite", "publisher": publisher}
    if kind == "NewsPage":
        article = {
            **base,
            "@type": "NewsArticle",
            "headline": page.title,
            "datePublished": specific.date.isoformat(),
            "publisher": publisher,
        }
        if not specific.is_event:
            return article
        event = {
            **base,
            "@type": "Event",
            "startDate": specific.event_start.isoformat(),
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "organizer": publisher,
        }
        if specific.event_end:
            event["endDate"] = specific.event_end.isoformat()
        if specific.venue:
            event["location"] = {"@type": "Place", "name": specific.venue}
        return [article, event]
    if kind == "ProjectPage":
        project = {**base, "@type": "Project"}
        funders = in_locale(
            list({row.source: None for row in specific.funding_table.rows if row.source}),
            page.locale,
        )
        if funders:
            project["funder"] = [{"@type": "Organization", "name": f.name} for f in funders]
        if specific.start_date:
            project["foundingDate"] = specific.start_date.isoformat()
        if specific.end_date:
            project["dissolutionDate"] = specific.end_date.isoformat()
        lead = in_locale([specific.lead_organisation], page.locale)
        if lead:
            project["parentOrganization"] = {"@type": "Organization", "name": lead[0].name}
        return project
    if kind == "ClusterPage":
        cluster = {**base, "@type": "Organization", "parentOrganization": publisher}
        members = context.get("members", [])  # the cluster page's own context has them
        if members:
            cluster["member"] = [{"@type": "Organization", "name": m.name} for m in members]
        return cluster
    return {**base, "@type": "WebPage", "publisher": publisher}
