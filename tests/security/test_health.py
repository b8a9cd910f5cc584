"""/healthz tells a load balancer whether this process can serve: database up, migrated."""

import pytest
from django.db import OperationalError, connection

from security import health

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_process(monkeypatch):
    """Each test starts as a new process would, before any successful migrations check."""
    monkeypatch.setattr(health, "_migrations_applied", False)


def test_healthy_site_answers_ok(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"database": "ok", "migrations": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_health_is_never_cached_by_the_page_cache(client, settings):
    settings.PAGE_CACHE_SECONDS = 600

    client.get("/healthz")
    response = client.get("/healthz")

    assert "X-Page-Cache" not in response


def test_database_down_answers_503_not_500(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"database": "error", "migrations": "unknown"}


def test_unapplied_migrations_answer_503(client, monkeypatch):
    monkeypatch.setattr(
        health.MigrationExecutor,
        "migration_plan",
        lambda self, targets: [("home.0999_pending", False)],
    )

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"database": "ok", "migrations": "unapplied"}


def test_migrations_are_checked_once_per_process(client, monkeypatch):
    assert client.get("/healthz").status_code == 200

    def must_not_run(self, targets):
        raise AssertionError("the migration graph was loaded again")

    monkeypatch.setattr(health.MigrationExecutor, "migration_plan", must_not_run)

    assert client.get("/healthz").status_code == 200


def test_only_reads_are_allowed(client):
    assert client.post("/healthz").status_code == 405


def test_health_needs_no_redirect_to_https_in_production(client, settings):
    """Load balancers probe over plain HTTP; production redirects everything else."""
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

    assert client.get("/healthz").status_code == 200
    assert client.get("/robots.txt").status_code == 301
