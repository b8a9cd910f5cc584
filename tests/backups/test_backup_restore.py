"""make backup / make restore: a backup restored into a brand-new database serves the same
site, with its drafts, translations and media; a restore that would do harm does nothing."""

import difflib
import re
import tarfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from wagtail.models import Page

from .conftest import DRAFT_TITLE, rewritten

# Every test in the same group of pytest-django's ordering (before the transactional browser
# tests, which leave the database flushed), so the module's one restore serves them all.
pytestmark = pytest.mark.django_db


def test_every_page_renders_identically_from_the_restored_database(restore):
    before, after = restore.before["pages"], restore.after["pages"]
    assert {page["language"] for page in before.values()} == {"fi", "en"}
    assert all(page["status"] == 200 for page in before.values())
    assert list(after) == list(before)
    for url, page in before.items():
        difference = "\n".join(
            difflib.unified_diff(
                page["html"].splitlines(), after[url]["html"].splitlines(), lineterm="", n=1
            )
        )
        assert after[url] == page, f"{url} renders differently after the restore:\n{difference}"


def test_revisions_and_unpublished_drafts_survive(restore):
    assert len(restore.before["revisions"]) > len(restore.before["pages"])
    assert restore.after["revisions"] == restore.before["revisions"]
    assert DRAFT_TITLE in restore.after["latest_revisions"].values()
    assert restore.after["latest_revisions"] == restore.before["latest_revisions"]


def test_translation_sources_segments_and_translations_survive(restore):
    for part in ("translation_sources", "segments", "strings", "translations"):
        assert restore.before[part], f"the demo site has no {part}"
        assert restore.after[part] == restore.before[part], part
    assert restore.after["string_translations"] == restore.before["string_translations"]
    assert restore.after["other_segments"] == restore.before["other_segments"]


def test_media_files_come_back_with_the_same_contents(restore):
    media = restore.before["media"]
    assert any(name.startswith("original_images/") for name in media)
    assert any(name.startswith("documents/") for name in media)
    assert restore.after["media"] == media


def test_the_restored_database_needs_no_migrations(restore):
    assert restore.after["unapplied_migrations"] == []


def test_restore_refuses_a_database_that_is_not_empty(restore):
    pages = Page.objects.count()
    with pytest.raises(CommandError, match="is not empty .* nothing was changed"):
        call_command("restore_site", str(restore.archive))
    assert Page.objects.count() == pages


def test_restore_refuses_a_backup_of_another_engine(restore, tmp_path):
    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"
    archive = rewritten(restore.archive, tmp_path / "other.tar", engine=other)
    with pytest.raises(CommandError, match=f"backup is of a {other} database"):
        call_command("restore_site", str(archive), "--replace")


def test_restore_refuses_a_backup_from_newer_migrations(restore, tmp_path):
    archive = rewritten(
        restore.archive,
        tmp_path / "newer.tar",
        migrations={"home": "9999_from_the_future"},
    )
    pages = Page.objects.count()
    with pytest.raises(CommandError, match="newer code.*home.9999_from_the_future"):
        call_command("restore_site", str(archive), "--replace")
    assert Page.objects.count() == pages


def test_missing_or_damaged_archives_get_a_plain_message(tmp_path):
    with pytest.raises(CommandError, match="No backup archive at"):
        call_command("restore_site", str(tmp_path / "missing.tar"))
    damaged = tmp_path / "damaged.tar"
    damaged.write_bytes(b"not a tar file at all" * 100)
    with pytest.raises(CommandError, match="not a backup archive or it is damaged"):
        call_command("restore_site", str(damaged))


def member(name, kind=tarfile.REGTYPE, data=b"", target=""):
    info = tarfile.TarInfo(name)
    info.type, info.linkname = kind, target
    info.size = len(data) if kind == tarfile.REGTYPE else 0
    return info, data if kind == tarfile.REGTYPE else None


@pytest.mark.parametrize(
    ("extra", "shown"),
    [
        (member("media/../../etc/cron.d/evil", data=b"* * * * * root sh"), "media/../"),
        (member("/etc/cron.d/evil", data=b"x"), "/etc/cron.d/evil"),
        (member("media/link", tarfile.SYMTYPE, target="/etc/passwd"), "media/link"),
        (member("media/hard", tarfile.LNKTYPE, target="manifest.json"), "media/hard"),
        (member("media/device", tarfile.CHRTYPE), "media/device"),
        (member("notes.txt", data=b"x"), "notes.txt"),
    ],
)
def test_a_doctored_archive_is_refused_before_anything_changes(restore, tmp_path, extra, shown):
    """Found by a penetration test: pg_restore had already run when `media/../` was
    refused, and links and absolute paths were skipped without a word."""
    archive = rewritten(restore.archive, tmp_path / "doctored.tar", extra=[extra])
    pages = Page.objects.count()

    with pytest.raises(CommandError, match=f"holds {re.escape(shown)}.*nothing was changed"):
        call_command("restore_site", str(archive), "--replace")

    assert Page.objects.count() == pages


def test_an_archive_missing_media_files_is_refused_before_anything_changes(restore, tmp_path):
    with tarfile.open(restore.archive) as tar:
        media = [name for name in tar.getnames() if name.startswith("media/")]
    archive = rewritten(restore.archive, tmp_path / "short.tar", leave_out={media[0]})
    pages = Page.objects.count()

    with pytest.raises(CommandError, match="incomplete or damaged. Nothing was changed"):
        call_command("restore_site", str(archive), "--replace")

    assert Page.objects.count() == pages
