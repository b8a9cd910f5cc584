import io
import json
import os
import subprocess
import sys
import tarfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import wagtail_factories
from django.core.management import call_command
from django.db import connection
from django.test.utils import override_settings
from wagtail.models import Page

from tests.demo_content import demo_content_loaded

from .site_report import file_storages, site_report

ROOT = Path(__file__).resolve().parents[2]
DRAFT_TITLE = "Luonnos: varmuuskopion palautus"


@dataclass
class Restore:
    archive: Path
    before: dict
    after: dict


@pytest.fixture(scope="module")
def restore(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo site with an image, a document and an unpublished draft, backed up with
    backup_site, restored with restore_site into a brand-new database by a separate
    process, and the site report before and after."""
    temp = tmp_path_factory.mktemp("backups")
    with (
        django_db_blocker.unblock(),
        override_settings(STORAGES=file_storages(temp / "media")),
        demo_content_loaded(),
    ):
        wagtail_factories.ImageFactory(title="Revontulet")
        wagtail_factories.DocumentFactory(title="Toimintasuunnitelma")
        page = Page.objects.live().filter(locale__language_code="fi", depth=3).first().specific
        page.title = DRAFT_TITLE
        page.save_revision()  # a draft: the live page stays as it was

        # Through JSON as the restored side's report is, so UUIDs compare as text.
        before = json.loads(json.dumps(site_report(), default=str))
        call_command("backup_site", "--dir", str(temp / "archives"), stdout=io.StringIO())
        [archive] = (temp / "archives").glob("*.tar")
        with empty_database(temp) as url:
            restored = subprocess.run(  # noqa: S603
                [
                    sys.executable,
                    "-m",
                    "tests.backups.restored_site",
                    str(archive),
                    str(temp / "restored-media"),
                    str(temp / "after.json"),
                ],
                cwd=ROOT,
                env={
                    **os.environ,
                    "DATABASE_URL": url,
                    "DJANGO_SETTINGS_MODULE": "config.settings.test",
                },
                capture_output=True,
                text=True,
                timeout=600,
                check=False,
            )
        if restored.returncode != 0:
            pytest.fail(f"Restoring failed:\n{restored.stdout}\n{restored.stderr}")
        yield Restore(archive, before, json.loads((temp / "after.json").read_text()))


@contextmanager
def empty_database(temp):
    """The URL of a new, empty database of the engine the tests run on, dropped afterwards."""
    if connection.vendor != "postgresql":
        yield f"sqlite:///{temp / 'restored.sqlite3'}"
        return
    name = f"{connection.settings_dict['NAME']}_restored"
    quoted = connection.ops.quote_name(name)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")
        cursor.execute(f"CREATE DATABASE {quoted}")
    try:
        yield urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{name}").geturl()
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")


def rewritten(archive, target, extra=(), leave_out=(), **manifest_changes):
    """A copy of `archive` at `target` whose manifest has `manifest_changes`, without the
    members named in `leave_out` and with the (TarInfo, bytes) pairs of `extra` added."""
    with tarfile.open(archive) as source, tarfile.open(target, "w") as copy:
        for member in source:
            if member.name in leave_out:
                continue
            data = source.extractfile(member).read()
            if member.name == "manifest.json":
                data = json.dumps({**json.loads(data), **manifest_changes}).encode()
                member.size = len(data)
            copy.addfile(member, io.BytesIO(data))
        for member, data in extra:
            copy.addfile(member, io.BytesIO(data) if data is not None else None)
    return target
