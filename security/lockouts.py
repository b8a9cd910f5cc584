"""Settings → Sign-in lockouts: the accounts django-axes is counting or has locked, and an
Unlock action, so an administrator needs no shell to let a colleague back in."""

from axes.models import AccessAttempt
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.permission_policies import ModelPermissionPolicy


class LockoutPermissionPolicy(ModelPermissionPolicy):
    """Attempts are written by django-axes only: people may list them and remove one (which
    is what unlocking is), never add or edit one."""

    def user_has_permission(self, user, action):
        if action not in {"view", "delete"}:
            return False
        return super().user_has_permission(user, action)


class LockoutIndexView(generic.IndexView):
    # django-axes names its model "access attempts" and ships no Finnish.
    page_title = _("Sign-in lockouts")

    def get_list_more_buttons(self, instance):
        url = self.get_delete_url(instance)
        if not url:
            return []
        return [
            ListingButton(
                _("Unlock"),
                url=url,
                icon_name="lock-open",
                attrs={"aria-label": _("Unlock '%(username)s'") % {"username": instance.username}},
                priority=10,
            )
        ]


class UnlockView(generic.DeleteView):
    page_title = _("Unlock")
    success_message = _("Signing in as '%(object)s' is possible again.")
    template_name = "security/confirm_unlock.html"

    def get_page_subtitle(self):
        return self.object.username

    @property
    def confirmation_message(self):
        return _(
            "Forget the %(count)s failed sign-in attempts for '%(username)s' from %(address)s? "
            "The account can then be signed in to at once."
        ) % {
            "count": self.object.failures_since_start,
            "username": self.object.username,
            "address": self.object.ip_address,
        }

    def get_success_message(self):
        return self.success_message % {"object": self.object.username}


class LockoutViewSet(ModelViewSet):
    model = AccessAttempt
    icon = "lock"
    menu_label = _("Sign-in lockouts")
    add_to_settings_menu = True
    copy_view_enabled = False
    index_view_class = LockoutIndexView
    delete_view_class = UnlockView
    permission_policy = LockoutPermissionPolicy(AccessAttempt)
    list_display = [
        TitleColumn("username", label=_("Username")),
        Column("ip_address", label=_("IP address")),
        Column("failures_since_start", label=_("Failed attempts")),
        DateColumn("attempt_time", label=_("Latest attempt")),
    ]
    # Nothing to fill in: the viewset's add and edit views are refused by the policy above.
    form_fields = ["username"]
    search_fields = ["username", "ip_address"]
