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
"""

from django.conf import settings

CSP = "Content-Security-Policy"
CSP_REPORT_ONLY = "Content-Security-Policy-Report-Only"
PERMISSIONS_POLICY = "Permissions-Policy"


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


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "is_dummy", False):  # Wagtail's preview of a page, see above
            return response
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
