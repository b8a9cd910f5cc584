"""The production settings pass Django's deployment checklist without a single warning."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def production_environment(**changes):
    # Only what an operator must set, so the defaults are checked (and nothing of the test
    # run leaks in, e.g. the DJANGO_ALLOW_ASYNC_UNSAFE of the browser tests).
    env = {
        **{name: os.environ[name] for name in ("PATH", "HOME", "LANG") if name in os.environ},
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "example.fi",
        # A production site mails (without it, check --deploy warns that reset is off).
        "EMAIL_HOST": "smtp.example.fi",
        "SITE_URL": "https://example.fi",
        **changes,
    }
    return {name: value for name, value in env.items() if value is not None}


def check_deploy(env):
    # A fresh interpreter: production.py reads the environment when it is imported.
    return subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_pass_check_deploy():
    result = check_deploy(production_environment())

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues (0 silenced)." in output


@pytest.mark.parametrize("site_url", [None, "http://localhost", "http://127.0.0.1:8000"])
def test_production_needs_its_public_address(site_url):
    result = check_deploy(production_environment(SITE_URL=site_url))

    assert result.returncode != 0
    assert "core.E001" in result.stderr
