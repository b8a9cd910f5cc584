import os

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import ngettext

from backups.archive import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Write one archive holding the database, every media file and a manifest into "
        "--dir (default: $BACKUP_DIR, else var/backups) and print its path."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir",
            default=os.environ.get("BACKUP_DIR") or "var/backups",
            help="folder for the archive (created if missing)",
        )
        parser.add_argument("--database", default="default", help="database alias")

    def handle(self, *args, **options):
        try:
            path, manifest = create_backup(options["dir"], using=options["database"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        media = manifest["media"]
        self.stdout.write(
            ngettext(
                "Backed up the %(engine)s database and %(files)d media file (%(bytes)d bytes) to:",
                "Backed up the %(engine)s database and %(files)d media files (%(bytes)d bytes) to:",
                media["files"],
            )
            % {"engine": manifest["engine"], "files": media["files"], "bytes": media["bytes"]}
        )
        self.stdout.write(str(path))
