"""The visitor's form: Wagtail's form builder with length limits, and the honeypot's name."""

import django.forms
from wagtail.contrib.forms.forms import FormBuilder

# Generous for a line and for a message; anything longer gets an error message instead of
# being stored (and e-mailed) whole.
SINGLE_LINE_MAX_LENGTH = 255
MULTI_LINE_MAX_LENGTH = 4000

# The trap field only bots fill in (see FeedbackFormPage.serve). Deliberately not a name
# browsers autofill (name, email, url, website…), so no person's browser fills it in.
HONEYPOT_FIELD = "extra_info"


class FeedbackFormBuilder(FormBuilder):
    """Wagtail's builder with explicit maximum lengths for free text."""

    def create_singleline_field(self, field, options):
        options["max_length"] = SINGLE_LINE_MAX_LENGTH
        return django.forms.CharField(**options)

    def create_multiline_field(self, field, options):
        options["max_length"] = MULTI_LINE_MAX_LENGTH
        return super().create_multiline_field(field, options)

    def create_email_field(self, field, options):
        # The address asked for is the visitor's own: let the browser offer it (WCAG 1.3.5).
        options.setdefault("widget", django.forms.EmailInput(attrs={"autocomplete": "email"}))
        return super().create_email_field(field, options)
