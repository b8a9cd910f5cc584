"""Template tags for the site chrome and for showing structured facts."""

from decimal import Decimal

from django import template
from django.utils import formats
from django.utils.translation import pgettext
from wagtail.models import Page

from localisation.lookup import active_locale, home_page_for, in_locale

register = template.Library()


def _site_root(context):
    """The home page in the active language, looked up once per rendered template."""
    request = context.get("request")
    if request is None:
        return None
    if "_site_root" not in context.render_context:
        context.render_context["_site_root"] = home_page_for(request)
    return context.render_context["_site_root"]


@register.simple_tag(takes_context=True)
def home_page(context):
    return _site_root(context)


@register.inclusion_tag("core/tags/main_menu.html", takes_context=True)
def main_menu(context):
    root = _site_root(context)
    current = context.get("page")
    children = root.get_children().live().public().in_menu() if root else Page.objects.none()
    current_path = current.path if current else ""
    items = [
        {
            "page": child,
            # "page" for the page itself, "true" for a section the visitor is inside of.
            "current": "page"
            if child.path == current_path
            else ("true" if current_path.startswith(child.path) else ""),
        }
        for child in children
    ]
    return {
        "items": items,
        "home": root,
        "home_is_current": root is not None and current_path == root.path,
        "request": context.get("request"),
    }


@register.inclusion_tag("core/tags/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": [], "page": page}
    ancestors = page.get_ancestors().filter(depth__gte=2).live()
    return {"ancestors": ancestors, "page": page}


@register.simple_tag
def in_page_locale(objects, page):
    """A list of pages or snippets swapped for their translations in the page's language."""
    return in_locale(list(objects), page.locale)


@register.simple_tag(takes_context=True)
def in_active_locale(context, obj):
    """One page or snippet in the active language, e.g. the footer's organisation."""
    if obj is None:
        return None
    return in_locale([obj], active_locale(context.get("request")))[0]


# The footer's links to pages (core.models.SiteFooterSettings).
FOOTER_PAGES = ["about_page", "feedback_page", "privacy_page", "accessibility_page"]


@register.simple_tag(takes_context=True)
def footer_pages(context, footer):
    """{field: page in the active language} of the footer's page links, the ones set: the
    pages in one query and their translations in one more per page type, instead of two
    queries for each link."""
    chosen = {name: getattr(footer, f"{name}_id") for name in FOOTER_PAGES}
    pages = Page.objects.in_bulk([pk for pk in chosen.values() if pk])
    originals = list(pages.values())
    shown = in_locale(originals, active_locale(context.get("request")))
    in_language = dict(zip([page.pk for page in originals], shown, strict=True))
    return {name: in_language[pk] for name, pk in chosen.items() if pk in in_language}


@register.simple_tag(takes_context=True)
def page_link(context, number):
    """The current address with `?page=` set to `number`, keeping the other parameters
    (a search query today, filters tomorrow)."""
    query = context["request"].GET.copy()
    query["page"] = number
    return f"?{query.urlencode()}"


@register.filter
def euros(value, decimals=None):
    """Money the way the visitor's language writes it: “432 760 €” or “€432,760”.

    Cents are shown only when there are any.
    """
    if value in (None, ""):
        return ""
    value = Decimal(value)
    if decimals is None:
        decimals = 0 if value == value.to_integral_value() else 2
    number = formats.number_format(value, decimals, use_l10n=True, force_grouping=True)
    # Where the sign goes is a matter of language, so each catalogue says it.
    return pgettext("money: the sign and the amount", "€%(amount)s") % {"amount": number}


@register.filter
def percent(value, decimals=1):
    """A share as “88,1 %” in Finnish and “88.1%” in English."""
    if value in (None, ""):
        return ""
    number = formats.number_format(Decimal(value), decimals, use_l10n=True)
    return pgettext("a percentage: the number and the sign", "%(number)s%%") % {"number": number}
