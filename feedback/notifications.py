"""The e-mail that tells staff about a new feedback submission.

Staff read Finnish: the message is written in the site's default language whichever
language the visitor used, with the field labels of the Finnish form.
"""

import datetime
import logging

from django import forms
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext
from wagtail.admin.mail import send_mail

logger = logging.getLogger(__name__)


def email_is_configured():
    """True when an SMTP server is configured; without one, submissions are only stored."""
    return bool(settings.EMAIL_HOST)


def send_notification(page, form):
    """E-mail the page's to-address about the submitted form; failures are logged only,
    because the submission is already stored and the visitor has done nothing wrong."""
    recipients = [address.strip() for address in page.to_address.split(",") if address.strip()]
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = page.subject or gettext("Feedback from the website: %(title)s") % {
            "title": page.title
        }
        body = render_to_string("feedback/notification_email.txt", _context(page, form))
    try:
        send_mail(
            " ".join(subject.split()),  # a header must be one line
            body,
            recipients,
            page.from_address or None,
            reply_to=_reply_to(form),
        )
    except (OSError, ValueError):  # SMTP and connection errors; ValueError for bad headers
        logger.exception("Could not e-mail the feedback sent through page %s", page.pk)


def _context(page, form):
    labels = _default_language_labels(page)
    answers = []
    for field in form:
        if field.name not in form.cleaned_data:
            continue
        answers.append(
            (labels.get(field.name, field.label), _as_text(form.cleaned_data[field.name]))
        )
    language = dict(settings.LANGUAGES).get(page.locale.language_code, page.locale.language_code)
    return {
        "page_title": page.title,
        "answers": answers,
        "language": language,
        "sent_at": date_format(timezone.localtime(), "SHORT_DATETIME_FORMAT"),
        "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        + reverse("wagtailforms:list_submissions", args=[page.pk]),
    }


def _default_language_labels(page):
    """{field name: label} of the form in the default language (names are shared)."""
    from .models import FeedbackFormField

    return dict(
        FeedbackFormField.objects.filter(
            page__translation_key=page.translation_key,
            page__locale__language_code=settings.LANGUAGE_CODE,
        ).values_list("clean_name", "label")
    )


def _as_text(value):
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return date_format(value, "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "SHORT_DATE_FORMAT")
    if value in (None, ""):
        return "–"
    return str(value)


def _reply_to(form):
    """The visitor's own address from an e-mail field, so staff can simply answer."""
    for name, field in form.fields.items():
        if isinstance(field, forms.EmailField) and form.cleaned_data.get(name):
            return [form.cleaned_data[name]]
    return None
