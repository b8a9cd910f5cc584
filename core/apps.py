from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every section shares: blocks, snippets, relations by translation key, facets,
    pagination, template tags, the footer settings and the site's public address."""

    name = "core"
    verbose_name = _("Shared content")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import site_address  # noqa: F401 (registers the SITE_URL deploy check)
