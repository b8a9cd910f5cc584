from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import ngettext

from backups.archive import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore an archive written by backup_site: the database first, then the media files, "
        "then apply any migrations newer than the backup. Refuses a database that is not "
        "empty unless --replace is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="path of the archive (.tar)")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="drop everything in the database first, then restore",
        )
        parser.add_argument("--database", default="default", help="database alias")

    def handle(self, *args, **options):
        try:
            manifest = restore_backup(
                options["archive"], using=options["database"], replace=options["replace"]
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        files = manifest["media"]["files"]
        self.stdout.write(
            self.style.SUCCESS(
                ngettext(
                    "Restored the backup of %(created_at)s: database and %(files)d media file.",
                    "Restored the backup of %(created_at)s: database and %(files)d media files.",
                    files,
                )
                % {"created_at": manifest["created_at"], "files": files}
            )
        )
