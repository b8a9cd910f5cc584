"""Content-Security-Policy and Permissions-Policy on every response.

Django 5.2's SecurityMiddleware already sends HSTS, X-Content-Type-Options, Referrer-Policy and
Cross-Origin-Opener-Policy, and XFrameOptionsMiddleware X-Frame-Options; what Django lacks
before 6.0 is a Content-Security-Policy, added here. The public pages run no inline script or
style, so their policy is strict; the Wagtail admin still relies on inline scripts and styles
(Wagtail is not CSP-ready yet), so paths under SECURITY_CSP_ADMIN_PATHS get a relaxed policy.

The middleware sits outside the page cache, so pages served from it get the headers too. A
response that already carries a policy keeps it (Wagtail's image and document views send
`default-src 'none'` for the files they serve). Wagtail renders previews by passing a dummy
request for the page's public path through the whole middleware stack; that inner pass is
skipped, so the preview gets the admin policy of the real request (/admin/...), which lets the
editor frame it.

Uploaded documents are content nobody here wrote, so the files Wagtail's serve view sends get
a policy of their own, replacing Wagtail's: nothing may load or run (`default-src 'none'`), and
every document shown in the browser rather than downloaded is sandboxed (`sandbox`: a unique
origin, no scripts, forms or pop-ups), so an HTML page uploaded as .txt or .csv could not act
as this site even if a browser ignored `Content-Disposition: attachment` and `nosniff`. PDFs,
the one type shown inline (WAGTAILDOCS_INLINE_CONTENT_TYPES), are not sandboxed: Chromium's
PDF viewer refuses to open a sandboxed document, and it runs no script of the page's origin.
"""

import logging
import traceback

from django.conf import settings
from django.views.defaults import bad_request

logger = logging.getLogger(__name__)

CSP = "Content-Security-Policy"
CSP_REPORT_ONLY = "Content-Security-Policy-Report-Only"
PERMISSIONS_POLICY = "Permissions-Policy"
DOCUMENT_VIEW = "wagtaildocs_serve"
DOCUMENT_CSP = {
    "default-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
    "frame-ancestors": ["'none'"],
}


def csp_header_value(directives, report_uri=""):
    """`{"script-src": ["'self'"], ...}` as a header value; empty source lists are skipped."""
    parts = [f"{name} {' '.join(sources)}" for name, sources in directives.items() if sources]
    if report_uri:
        parts.append(f"report-uri {report_uri}")
    return "; ".join(parts)


def permissions_policy_value(features):
    """`{"camera": [], "fullscreen": ["self"]}` as `camera=(), fullscreen=(self)`."""
    return ", ".join(f"{feature}=({' '.join(allow)})" for feature, allow in features.items())


def csp_for_path(path):
    """The policy for a request path: the admin's relaxed one or the strict public one."""
    if path.startswith(tuple(settings.SECURITY_CSP_ADMIN_PATHS)):
        return settings.SECURITY_CSP_ADMIN
    return settings.SECURITY_CSP


def is_document_file(request, response):
    """A file sent by Wagtail's document serve view (not its redirects or password form)."""
    match = getattr(request, "resolver_match", None)
    return (
        match is not None
        and match.url_name == DOCUMENT_VIEW
        and response.status_code in (200, 206, 304)
    )


def secure_document(response):
    """Download unless inline-allowed, never sniffed, and nothing in it may run."""
    policy = csp_header_value(DOCUMENT_CSP)
    if response.get("Content-Disposition", "attachment").startswith("attachment"):
        policy += "; sandbox"
    response[CSP] = policy
    response["X-Content-Type-Options"] = "nosniff"


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "is_dummy", False):  # Wagtail's preview of a page, see above
            return response
        if is_document_file(request, response):
            secure_document(response)
        if CSP not in response and CSP_REPORT_ONLY not in response:
            header = CSP_REPORT_ONLY if settings.SECURITY_CSP_REPORT_ONLY else CSP
            response[header] = csp_header_value(
                csp_for_path(request.path_info), settings.SECURITY_CSP_REPORT_URI
            )
        if settings.SECURITY_PERMISSIONS_POLICY and PERMISSIONS_POLICY not in response:
            response[PERMISSIONS_POLICY] = permissions_policy_value(
                settings.SECURITY_PERMISSIONS_POLICY
            )
        return response


class MalformedFormDataMiddleware:
    """A form post the editor's own browser could not have sent — a StreamField without its
    block count, raw HTML where the rich-text editor posts JSON — fails inside the widget
    that reads the data, and Django answered it with a 500. It is the sender's fault: 400,
    with Django's bad-request page, and one warning line. Only failures raised while a
    widget reads the posted data are answered so; any other exception stays a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        malformed = (KeyError, ValueError, TypeError, AttributeError)
        if request.method != "POST" or not isinstance(exception, malformed):
            return None
        frames = traceback.walk_tb(exception.__traceback__)
        if not any(frame.f_code.co_name == "value_from_datadict" for frame, _line in frames):
            return None
        logger.warning("Malformed form data posted to %s: %r", request.path, exception)
        return bad_request(request, exception)
