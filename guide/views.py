"""The editors' guide: how this site's communicators, moderators and translators work, in the
admin's language."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


class EditorsGuideView(WagtailAdminTemplateMixin, TemplateView):
    """The guide inside the admin, for anyone with admin access (Wagtail checks it on every
    URL registered through `register_admin_urls`)."""

    page_title = _("Editors' guide")
    header_icon = "help"
    # No breadcrumbs: the page then gets the admin's large heading instead of the slim bar.
    breadcrumbs_items = []

    def get_template_names(self):
        # The prose lives in one template per language, not in the catalogue: it is a
        # document, translated as a whole. A language without its own guide gets English.
        return [f"guide/guide_{translation.get_language()}.html", "guide/guide_en.html"]
