"""The site's public address, SITE_URL, and the Site record that Wagtail builds links from.

Canonical links, og:url, hreflang, sitemap.xml, JSON-LD, the API's detail_url and html_url,
the exports' project_url, the calendar's URL and the links in e-mails all come from the
default Site's hostname and port. The demo's Site said localhost:80, so all of them read
http://localhost/ wherever the site ran. The address is now one setting from the
environment: `setup_localisation` (run at every deploy) and `create_local_accounts` (make
run) write it into the Site, robots.txt and og:image use it, and a deploy check refuses a
production without it.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, register
from wagtail.models import Site

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0", ""}  # noqa: S104 (names, not a bind)


def public_url(path=""):
    """The public address of `path` on this site, e.g. https://arcticsmartness.fi/robots.txt."""
    return settings.SITE_URL.rstrip("/") + path


def set_default_site():
    """Give the default Site the host and port of SITE_URL; returns the Site, or None when
    SITE_URL is not set on a production server (its Site record is then left as it is,
    rather than pointed at the development default)."""
    if not (settings.SITE_URL_CONFIGURED or settings.DEBUG):
        return None
    parts = urlsplit(settings.SITE_URL)
    site = Site.objects.get(is_default_site=True)
    site.hostname = parts.hostname or ""
    site.port = parts.port or (443 if parts.scheme == "https" else 80)
    site.save()
    return site


@register(Tags.security, deploy=True)
def check_site_url(app_configs, **kwargs):
    host = urlsplit(settings.SITE_URL).hostname or ""
    if settings.SITE_URL_CONFIGURED and host not in LOCAL_HOSTS:
        return []
    return [
        Error(
            f"SITE_URL is not the site's public address (it is {settings.SITE_URL!r}).",
            hint=(
                "Set SITE_URL to the address visitors use, e.g. https://arcticsmartness.fi, "
                "and run `manage.py setup_localisation` so that the Site record, canonical "
                "links, the sitemap, the API and e-mails use it."
            ),
            id="core.E001",
        )
    ]
