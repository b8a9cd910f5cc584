import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# What the settings tests read back from a freshly imported settings module.
NAMES = [
    "STORAGES",
    "WAGTAILSEARCH_BACKENDS",
    "SESSION_ENGINE",
    "LOGGING",
    "SECURITY_CSP",
    "SECURITY_CSP_ADMIN",
    "WAGTAIL_PASSWORD_RESET_ENABLED",
    "SITE_URL",
    "WAGTAILADMIN_BASE_URL",
    "WAGTAILAPI_BASE_URL",
    "INSTALLED_APPS",
]


def run_settings(module, environ):
    """Import a settings module in a fresh interpreter with only the given environment (the
    settings read it once, at import) and return the process's result."""
    env = {
        **{name: os.environ[name] for name in ("PATH", "HOME", "LANG") if name in os.environ},
        **environ,
    }
    script = (
        "import importlib, json\n"
        f"settings = importlib.import_module({module!r})\n"
        f"print(json.dumps({{name: getattr(settings, name, None) for name in {NAMES!r}}},"
        " default=str))\n"
    )
    return subprocess.run(  # noqa: S603 (our own interpreter and settings)
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def settings_with():
    """The settings a server started with these environment variables would run with."""

    def read(environ=None, module="config.settings.base"):
        result = run_settings(module, environ or {})
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    return read
