"""The admin's password reset, safe to offer: throttled, and only with a real mail server.

A reset mails a link that signs its holder in as the account's owner. Sent to the console
(Django's backend when no mail server is set) the link lands in the log stream, where
whoever reads the logs could take over any account; production settings therefore switch
reset off without EMAIL_HOST, and the check below refuses a configuration that would log
the mail. Requests are counted per address asked for and per client, so nobody can flood an
inbox or probe many addresses.
"""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.account import PasswordResetView

from .throttle import count, hashed, over_limit

# Backends that write the message where others read it (the log, a file) or drop it. The
# tests' in-memory backend is not one: nothing outside the process sees it.
UNDELIVERED = (
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
)


def reset_enabled():
    return getattr(settings, "WAGTAIL_PASSWORD_RESET_ENABLED", True) and getattr(
        settings, "WAGTAIL_PASSWORD_MANAGEMENT_ENABLED", True
    )


def too_many_requests(request, email):
    """Whether this reset request goes over the hourly limits: for the address typed
    (whether or not an account has it) and for the client. Both are counted every time."""
    per_address = count(f"password-reset:address:{hashed(email)}")
    per_client = over_limit("password-reset", request, settings.PASSWORD_RESET_LIMIT_PER_CLIENT)
    return per_address > settings.PASSWORD_RESET_LIMIT_PER_ADDRESS or per_client


class ThrottledPasswordResetView(PasswordResetView):
    def form_valid(self, form):
        if too_many_requests(self.request, form.cleaned_data["email"]):
            form.add_error(
                "email",
                _("Too many password reset requests. Try again in an hour."),
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)


@register(Tags.security)
def check_reset_mail_is_delivered(app_configs, **kwargs):
    """Outside development, a reset link must go to a mail server, never to a log."""
    if settings.DEBUG or not reset_enabled() or settings.EMAIL_BACKEND not in UNDELIVERED:
        return []
    return [
        Error(
            "Password reset links would not be delivered: EMAIL_BACKEND keeps each message, "
            "with its sign-in link, where readers of the log or the server can see it.",
            hint="Set EMAIL_HOST (with EMAIL_HOST_USER and EMAIL_HOST_PASSWORD), or "
            "WAGTAIL_PASSWORD_RESET_ENABLED=false.",
            id="security.E010",
        )
    ]


@register(Tags.security, deploy=True)
def check_reset_is_offered(app_configs, **kwargs):
    if settings.DEBUG or reset_enabled():
        return []
    return [
        Warning(
            "Password reset is off: an editor who forgets the password needs an "
            "administrator to set a new one.",
            hint="Set EMAIL_HOST to mail reset links.",
            id="security.W010",
        )
    ]
