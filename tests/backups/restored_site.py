"""Run as `python -m tests.backups.restored_site ARCHIVE MEDIA_DIR REPORT` with DATABASE_URL
naming a new, empty database: restores the archive there (media into MEDIA_DIR) with
restore_site, then writes the site report of the restored site as JSON to REPORT.

A separate process, so nothing of the original database (connections, caches, the media
storage in memory) can leak into what is rendered from the restored one.
"""

import json
import os
import sys


def main(archive, media_dir, report_path):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import override_settings

    from tests.backups.site_report import file_storages, site_report

    with override_settings(STORAGES=file_storages(media_dir)):
        call_command("restore_site", archive)
        report = site_report()
    with open(report_path, "w") as output:
        json.dump(report, output, default=str)


if __name__ == "__main__":
    main(*sys.argv[1:4])
