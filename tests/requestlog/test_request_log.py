"""Every request leaves one JSON access line, and every log line of a request its id."""

import logging
import re

import pytest

from config.settings import base
from requestlog.log import RequestIdFilter, request_id

HEX_ID = re.compile(r"[0-9a-f]{32}")


def access_lines(lines):
    return [line for line in lines() if line["logger"] == "requestlog"]


@pytest.mark.django_db
def test_each_request_writes_one_json_access_line(client, home, log_lines):
    response = client.get("/")

    [line] = access_lines(log_lines)
    assert line["method"] == "GET"
    assert line["path"] == "/"
    assert line["status"] == response.status_code
    assert isinstance(line["duration_ms"], float)
    assert line["duration_ms"] >= 0
    assert line["user_id"] is None
    assert line["level"] == "INFO"
    assert "timestamp" in line
    assert HEX_ID.fullmatch(line["request_id"])
    assert response["X-Request-ID"] == line["request_id"]


@pytest.mark.django_db
def test_request_id_from_the_load_balancer_is_kept(client, home, log_lines):
    response = client.get("/", headers={"X-Request-ID": "lb-7f3c2a91-0b4e"})

    assert response["X-Request-ID"] == "lb-7f3c2a91-0b4e"
    [line] = access_lines(log_lines)
    assert line["request_id"] == "lb-7f3c2a91-0b4e"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "incoming",
    [
        "short",
        "a" * 129,
        "two words here",
        "id-1234\nforged log line",
        "<script>alert(1)</script>",
        "ääkkösiä-12345678",
    ],
)
def test_malformed_request_id_is_replaced(client, home, log_lines, incoming):
    response = client.get("/", headers={"X-Request-ID": incoming})

    assert HEX_ID.fullmatch(response["X-Request-ID"])
    [line] = access_lines(log_lines)
    assert line["request_id"] == response["X-Request-ID"]
    assert incoming not in log_lines.text()


@pytest.mark.django_db
def test_error_log_of_a_failing_view_carries_the_request_id(client, settings, log_lines):
    settings.ROOT_URLCONF = "tests.requestlog.urls"
    client.raise_request_exception = False

    response = client.get("/failing/?email=maija@example.fi")

    assert response.status_code == 500
    rid = response["X-Request-ID"]
    [error] = [line for line in log_lines() if line["level"] == "ERROR"]
    assert error["logger"] == "django.request"
    assert error["request_id"] == rid
    assert "RuntimeError: the view failed" in error["exc_info"]
    [access] = access_lines(log_lines)
    assert (access["status"], access["request_id"]) == (500, rid)
    assert "maija@example.fi" not in log_lines.text()


@pytest.mark.django_db
def test_access_line_names_the_user_by_id_only(client, django_user_model, log_lines):
    user = django_user_model.objects.create_superuser(
        "maija.meikalainen", "maija.meikalainen@example.fi", "x"
    )
    client.force_login(user)

    response = client.get("/admin/pages/search/?q=salainenhaku", REMOTE_ADDR="203.0.113.7")

    assert response.status_code == 200
    [line] = access_lines(log_lines)
    assert line["user_id"] == user.pk
    assert line["path"] == "/admin/pages/search/"
    written = log_lines.text()
    for personal in ("maija", "203.0.113.7", "salainenhaku"):
        assert personal not in written


@pytest.mark.django_db
def test_access_line_says_when_the_page_cache_answered(client, home, page_cache, log_lines):
    first = client.get("/")
    second = client.get("/")

    assert [line["page_cache"] for line in access_lines(log_lines)] == ["miss", "hit"]
    # The cached copy does not bring back the id of the request that stored it.
    assert first["X-Request-ID"] != second["X-Request-ID"]
    assert access_lines(log_lines)[1]["request_id"] == second["X-Request-ID"]


def test_plain_format_shows_the_request_id():
    formatter = logging.Formatter(base.LOGGING["formatters"]["plain"]["format"])
    record = logging.LogRecord("news", logging.WARNING, __file__, 1, "hello", (), None)
    token = request_id.set("lb-7f3c2a91-0b4e")
    try:
        RequestIdFilter().filter(record)
    finally:
        request_id.reset(token)

    assert formatter.format(record).endswith("WARNING news [lb-7f3c2a91-0b4e] hello")


def test_records_outside_a_request_say_so():
    record = logging.LogRecord("news", logging.INFO, __file__, 1, "hello", (), None)

    RequestIdFilter().filter(record)

    assert record.request_id == "-"


@pytest.mark.django_db
def test_a_host_the_site_does_not_serve_is_one_warning_line(client, home, log_lines, settings):
    """Scanners send thousands of these: each was an ERROR with a full traceback."""
    settings.ALLOWED_HOSTS = ["testserver"]
    response = client.get("/", HTTP_HOST="evil.example")

    assert response.status_code == 400
    [report] = [line for line in log_lines() if line["logger"] == "django.security.DisallowedHost"]
    assert report["level"] == "WARNING"
    assert "evil.example" in report["message"]
    assert "exc_info" not in report
    assert not [line for line in log_lines() if line["level"] == "ERROR"]


def test_the_bad_host_warning_stays_out_where_only_errors_are_logged():
    from requestlog.log import OneLineWarning

    logger = logging.getLogger("django.security.DisallowedHost")
    level = logger.level
    record = logger.makeRecord(logger.name, logging.ERROR, __file__, 1, "bad host", (), None)
    try:
        logger.setLevel(logging.ERROR)
        kept_at_error = OneLineWarning().filter(record)
        logger.setLevel(logging.WARNING)
        kept_at_warning = OneLineWarning().filter(record)
    finally:
        logger.setLevel(level)

    assert (kept_at_error, kept_at_warning) == (False, True)
