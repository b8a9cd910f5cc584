"""Every response carries the security headers; the public policy is strict, the admin's lets
Wagtail work."""

import pytest
from django.http import HttpResponse
from django.urls import reverse

from security.middleware import SecurityHeadersMiddleware, csp_header_value

pytestmark = pytest.mark.django_db

COMMON_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def directives(response):
    """The Content-Security-Policy as {directive: [sources]}."""
    policy = response["Content-Security-Policy"]
    parsed = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


def assert_public_headers(response):
    for header, value in COMMON_HEADERS.items():
        assert response[header] == value, header
    assert response["X-Frame-Options"] == "DENY"
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in response["Permissions-Policy"]


def test_public_page_forbids_inline_scripts_and_framing(client, home):
    response = client.get(home.url)

    assert response.status_code == 200
    assert_public_headers(response)


def test_not_found_page_carries_the_headers(client, home):
    response = client.get("/ei-ole-olemassa/")

    assert response.status_code == 404
    assert_public_headers(response)


def test_page_served_from_the_cache_carries_the_headers(client, home, page_cache):
    first = client.get(home.url)
    second = client.get(home.url)

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert_public_headers(second)


def test_cached_page_gets_the_current_policy_not_a_stored_one(client, home, page_cache, settings):
    """The headers are added outside the page cache, so a policy change applies at once."""
    client.get(home.url)
    settings.SECURITY_CSP_REPORT_URI = "/csp-report/"

    response = client.get(home.url)

    assert response["X-Page-Cache"] == "hit"
    assert response["Content-Security-Policy"].endswith("; report-uri /csp-report/")


def test_health_probe_carries_the_headers(client, db):
    response = client.get("/healthz")

    assert_public_headers(response)


def test_public_templates_have_no_inline_script_or_style(client, home):
    """What the strict policy relies on: only data blocks and external scripts, no style
    attributes or <style> elements in the rendered page."""
    html = client.get(home.url).content.decode()

    assert "<style" not in html
    assert " style=" not in html
    for tag in html.split("<script")[1:]:
        opening = tag.split(">", 1)[0]
        assert " src=" in opening or 'type="application/ld+json"' in opening, opening


def test_hsts_is_sent_over_https_in_production(client, home, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True

    response = client.get(home.url, secure=True)

    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


def test_admin_dashboard_gets_the_admin_policy(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    policy = directives(response)
    assert "'unsafe-inline'" in policy["script-src"]
    assert "'unsafe-inline'" in policy["style-src"]
    assert "https://releases.wagtail.org" in policy["connect-src"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"


def test_page_editor_gets_the_admin_policy(admin_client, home):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[home.pk]))

    assert response.status_code == 200
    assert "'unsafe-inline'" in directives(response)["script-src"]


def test_preview_may_be_framed_by_the_editor(admin_client, home):
    """Wagtail shows the live preview in a same-origin iframe of the page editor."""
    response = admin_client.get(reverse("wagtailadmin_pages:preview_on_edit", args=[home.pk]))

    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert directives(response)["frame-ancestors"] == ["'self'"]


def test_draft_rendered_in_the_admin_gets_the_admin_policy(admin_client, home):
    """Wagtail renders drafts and previews through the middleware with a dummy request for
    the public path; the response must still be frameable by the editor's preview panel."""
    response = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[home.pk]))

    assert response.status_code == 200
    policy = directives(response)
    assert policy["frame-ancestors"] == ["'self'"]
    assert "'unsafe-inline'" in policy["script-src"]


def test_policy_set_by_a_view_is_kept(rf):
    """Wagtail's document and image views send their own `default-src 'none'`."""

    def view(request):
        response = HttpResponse("file")
        response["Content-Security-Policy"] = "default-src 'none'"
        return response

    response = SecurityHeadersMiddleware(view)(rf.get("/documents/1/report.pdf"))

    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_report_only_mode_sends_the_policy_for_reporting(client, home, settings):
    settings.SECURITY_CSP_REPORT_ONLY = True
    settings.SECURITY_CSP_REPORT_URI = "/csp-report/"

    response = client.get(home.url)

    assert "Content-Security-Policy" not in response
    assert response["Content-Security-Policy-Report-Only"].endswith("; report-uri /csp-report/")


def test_empty_directives_are_left_out():
    assert csp_header_value({"default-src": ["'self'"], "frame-src": []}) == "default-src 'self'"
