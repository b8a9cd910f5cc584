from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import EditorsGuideView


@hooks.register("register_admin_urls")
def register_guide_url():
    return [path("editors-guide/", EditorsGuideView.as_view(), name="editors_guide")]


@hooks.register("register_help_menu_item")
def register_guide_menu_item():
    # First in the Help menu: Wagtail's own items start at order 1000.
    return MenuItem(
        _("Editors' guide for this site"),
        reverse("editors_guide"),
        name="site-editors-guide",
        icon_name="help",
        order=900,
    )
