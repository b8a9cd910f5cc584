"""The feedback form page: a form editors build, whose answers are stored and optionally
e-mailed to staff."""

from http import HTTPMethod

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.forms.views import SubmissionsListView
from wagtail.fields import RichTextField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.models import SummaryMixin
from security.spreadsheets import SpreadsheetSafeExportMixin

from .forms import HONEYPOT_FIELD, FeedbackFormBuilder
from .notifications import email_is_configured, send_notification

__all__ = ["FeedbackFormPage", "FeedbackFormField"]


class FeedbackSubmissionsView(SpreadsheetSafeExportMixin, SubmissionsListView):
    """Forms → the page's answers; the CSV export cannot carry a visitor's formula."""


class FeedbackFormPage(SummaryMixin, AbstractEmailForm):
    """A form for visitors' feedback; answers are listed under Forms in the admin."""

    page_description = _(
        "A form for visitors' feedback; answers are listed under Forms in the admin."
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    # Anything else gets 405 Method Not Allowed from Wagtail.
    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS, HTTPMethod.POST]

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Shown above the form: what feedback you ask for and what happens to it."),
    )
    thank_you_text = RichTextField(
        _("thank-you text"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown after the form has been sent, e.g. when visitors can expect a reply."),
    )

    form_builder = FeedbackFormBuilder
    submissions_list_view_class = FeedbackSubmissionsView

    content_panels = [
        FormSubmissionsPanel(),
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("intro"),
        InlinePanel(
            "form_fields",
            label=_("Form fields"),
            heading=_("Form fields"),
            help_text=_("The questions, in order. A field's name is fixed when first saved."),
            min_num=1,
        ),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Email notification"),
            help_text=_(
                "Each submission is emailed to the to-address when the site has an email "
                "server configured; submissions are always stored."
            ),
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("intro"),
    ]

    # The notification goes to the same staff, in Finnish, whichever language the visitor
    # used: its addresses and subject are not translator segments.
    override_translatable_fields = [
        SynchronizedField("to_address"),
        SynchronizedField("from_address"),
        SynchronizedField("subject"),
    ]

    class Meta:
        verbose_name = _("feedback form")
        verbose_name_plural = _("feedback forms")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["honeypot_field"] = HONEYPOT_FIELD
        return context

    def serve(self, request, *args, **kwargs):
        if request.method == "POST" and request.POST.get(HONEYPOT_FIELD):
            # Only bots fill the hidden trap field: they get the thank-you page, learning
            # nothing, and nothing is stored or sent.
            return self.render_landing_page(request, None, *args, **kwargs)
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        # A submission is stored only together with the thank-you page the visitor sees:
        # when the database fails in between, the visitor gets the "try again" page and
        # nothing is kept, so trying again does not store the feedback twice.
        with transaction.atomic():
            response = super().serve(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
        return response

    def send_mail(self, form):
        # After the commit: no notification of a submission that was not stored.
        if email_is_configured():
            transaction.on_commit(lambda: send_notification(self, form))


class FeedbackFormField(TranslatableMixin, AbstractFormField):
    """One question of a feedback form; its label, help text and choices are translated."""

    page = ParentalKey(FeedbackFormPage, on_delete=models.CASCADE, related_name="form_fields")

    # The name keys the stored answers; every language keeps the Finnish field's name.
    override_translatable_fields = [SynchronizedField("clean_name", overridable=False)]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")

    def clean(self):
        super().clean()
        if not self.clean_name and self.get_field_clean_name() == HONEYPOT_FIELD:
            raise ValidationError(
                {"label": _("This label is reserved by the spam protection; please reword it.")}
            )
