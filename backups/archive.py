"""One backup archive: the database, every media file and a manifest, in a single tar file.

    manifest.json       when, which engine, Django/Wagtail versions, the last applied
                        migration of each app, the number and size of the media files
    database.dump       PostgreSQL: pg_dump's custom format, restored with pg_restore
    database.sqlite3    SQLite: a copy made with SQLite's online backup API
    media/<name>        every file of the default storage, read and written through
                        Django's storage API (file system or object storage alike)

The database goes first and the media second, so a file uploaded while the backup runs may
be in the archive without its database row (harmless), never the other way round unless a
file is deleted in the few seconds between the two.
"""

import datetime
import io
import json
import os
import posixpath
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from importlib.metadata import version
from pathlib import Path

from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.translation import gettext as _

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media/"
DATABASE_FILES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
# pg_dump and pg_restore of a large site take minutes, not hours; a hung one must still end.
PG_TOOL_TIMEOUT = int(os.environ.get("BACKUP_PG_TIMEOUT", "3600"))


class BackupError(Exception):
    """Something the operator must fix; the message says what, without a traceback."""


def create_backup(directory, using="default", storage=None):
    """Write one archive into `directory` and return its path and manifest."""
    connection = connections[using]
    engine = engine_name(connection)
    storage = storage or default_storage
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    path = directory / f"arctic-smartness-{stamp}.tar"
    partial = path.with_name(path.name + ".partial")
    manifest = {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "engine": engine,
        "database_file": DATABASE_FILES[engine],
        "versions": {name: version(name) for name in ("django", "wagtail", "wagtail-localize")},
        "migrations": latest_migrations(connection),
    }
    with tempfile.TemporaryDirectory(prefix="backup-") as temp:
        dump = Path(temp) / manifest["database_file"]
        if engine == "postgresql":
            dump_postgresql(connection, dump)
        else:
            dump_sqlite(connection, dump)
        # The archive holds password hashes and unpublished drafts: only its owner may read
        # it, and it gets its final name only when complete.
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with (
                os.fdopen(descriptor, "wb") as output,
                tarfile.open(fileobj=output, mode="w") as tar,
            ):
                tar.add(dump, arcname=manifest["database_file"])
                manifest["media"] = add_media(tar, storage)
                add_bytes(tar, MANIFEST, json.dumps(manifest, indent=2).encode())
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)
    return path, manifest


def restore_backup(path, using="default", storage=None, replace=False):
    """Restore the database and then the media of the archive at `path`; the manifest.

    Everything that can be checked is checked before anything is changed: the archive, the
    engine, the migrations, and that the database is empty (unless `replace`).
    """
    connection = connections[using]
    storage = storage or default_storage
    with open_archive(path) as tar, tempfile.TemporaryDirectory(prefix="restore-") as temp:
        manifest = read_manifest(tar, path)
        check_members(tar, manifest, path)
        check_compatible(manifest, connection)
        dump = extract_database(tar, manifest, Path(temp), path)
        if manifest["engine"] == "postgresql":
            check_postgresql_dump(dump, path)
        else:
            check_sqlite_copy(dump, path)
        tables = connection.introspection.table_names()
        if tables and not replace:
            raise BackupError(
                _(
                    "The database %(name)s is not empty (%(count)d tables): nothing was "
                    "changed. Restore into an empty database, or replace its contents with "
                    "--replace (make restore BACKUP=… REPLACE=1)."
                )
                % {"name": connection.settings_dict["NAME"], "count": len(tables)}
            )
        if manifest["engine"] == "postgresql":
            if tables:
                drop_postgresql_tables(connection)
            restore_postgresql(connection, dump)
        else:
            restore_sqlite(connection, dump)
        restore_media(tar, storage)
    # Django's cached content types and connection state belong to the database just replaced.
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    if manifest["engine"] == "postgresql":
        connection.close()
    # A backup from older code gets the newer migrations; one from this code gets none.
    call_command("migrate", database=using, interactive=False, verbosity=0)
    return manifest


def engine_name(connection):
    if connection.vendor not in DATABASE_FILES:
        raise BackupError(
            _("Backups support PostgreSQL and SQLite, not %(vendor)s.")
            % {"vendor": connection.vendor}
        )
    return connection.vendor


def latest_migrations(connection):
    """The migration applied last in each app, as the database records them."""
    latest = {}
    for record in MigrationRecorder(connection).migration_qs.order_by("applied", "id"):
        latest[record.app] = record.name
    return dict(sorted(latest.items()))


# --- PostgreSQL -------------------------------------------------------------------------


def pg_command(program, connection, *arguments):
    """`program` with the connection's host, port and user (the password and TLS settings
    travel in the environment, as Django's dbshell passes them)."""
    settings_dict = connection.settings_dict
    command = [program]
    if settings_dict.get("HOST"):
        command += ["--host", settings_dict["HOST"]]
    if settings_dict.get("PORT"):
        command += ["--port", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        command += ["--username", settings_dict["USER"]]
    command += ["--no-password", *arguments]
    _args, env = connection.client.settings_to_cmd_args_env(settings_dict, [])
    return command, {**os.environ, **(env or {})}


def run_pg_tool(command, env):
    if shutil.which(command[0]) is None:
        raise BackupError(
            _("%(program)s was not found: install the PostgreSQL client (postgresql-client).")
            % {"program": command[0]}
        )
    try:
        result = subprocess.run(  # noqa: S603 (a fixed program, arguments from settings)
            command, env=env, capture_output=True, text=True, timeout=PG_TOOL_TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired as error:
        raise BackupError(
            _("%(program)s did not finish in %(seconds)d seconds.")
            % {"program": command[0], "seconds": PG_TOOL_TIMEOUT}
        ) from error
    if result.returncode != 0:
        raise BackupError(
            _("%(program)s failed: %(message)s")
            % {"program": command[0], "message": result.stderr.strip()[-2000:]}
        )
    return result.stdout


def dump_postgresql(connection, target):
    # Owners and grants belong to the server being restored to, not to this one.
    command, env = pg_command(
        "pg_dump",
        connection,
        "--format=custom",
        "--no-owner",
        "--no-privileges",
        "--file",
        str(target),
        "--dbname",
        connection.settings_dict["NAME"],
    )
    run_pg_tool(command, env)


def check_postgresql_dump(dump, archive):
    # pg_restore --list reads the whole table of contents without touching any database.
    try:
        run_pg_tool(["pg_restore", "--list", str(dump)], dict(os.environ))
    except BackupError as error:
        raise BackupError(
            _("The database dump in %(path)s is damaged: %(error)s")
            % {"path": archive, "error": error}
        ) from error


def drop_postgresql_tables(connection):
    """Drop every table and view of the connection's schema (--replace), in one transaction."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        tables = connection.introspection.get_table_list(cursor)
        statements = [
            f"DROP {'VIEW' if table.type == 'v' else 'TABLE'} IF EXISTS {quote(table.name)} CASCADE"
            for table in tables
        ]
    from django.db import transaction

    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def restore_postgresql(connection, dump):
    # All or nothing: a failure half-way leaves the database as it was before pg_restore.
    connection.close()
    command, env = pg_command(
        "pg_restore",
        connection,
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
        "--dbname",
        connection.settings_dict["NAME"],
        str(dump),
    )
    run_pg_tool(command, env)


# --- SQLite -----------------------------------------------------------------------------


def dump_sqlite(connection, target):
    # The online backup API copies a consistent snapshot even while the site writes.
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
    finally:
        copy.close()


def check_sqlite_copy(copy_path, archive):
    try:
        copy = sqlite3.connect(copy_path)
        try:
            result = copy.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            copy.close()
    except sqlite3.DatabaseError as error:
        result = str(error)
    if result != "ok":
        raise BackupError(
            _("The database copy in %(path)s is damaged: %(error)s")
            % {"path": archive, "error": result}
        )


def restore_sqlite(connection, copy_path):
    # The backup API replaces the whole destination database, pages and schema alike.
    connection.ensure_connection()
    copy = sqlite3.connect(copy_path)
    try:
        copy.backup(connection.connection)
    finally:
        copy.close()


# --- The archive and the media ----------------------------------------------------------


def open_archive(path):
    if not Path(path).is_file():
        raise BackupError(_("No backup archive at %(path)s.") % {"path": path})
    try:
        return tarfile.open(path, mode="r:*")
    except (tarfile.TarError, OSError) as error:
        raise BackupError(
            _("%(path)s is not a backup archive or it is damaged.") % {"path": path}
        ) from error


def read_manifest(tar, path):
    try:
        member = tar.extractfile(MANIFEST)
        manifest = json.load(member)
        manifest["engine"], manifest["database_file"], manifest["migrations"], manifest["media"]  # noqa: B018
    except (KeyError, TypeError, ValueError, tarfile.TarError, OSError) as error:
        raise BackupError(
            _("%(path)s has no readable manifest: not a backup of this site, or damaged.")
            % {"path": path}
        ) from error
    if manifest.get("format") != FORMAT:
        raise BackupError(
            _("%(path)s is in backup format %(format)s; this code reads format %(expected)s.")
            % {"path": path, "format": manifest.get("format"), "expected": FORMAT}
        )
    return manifest


def check_members(tar, manifest, path):
    """Read the whole archive before anything is changed: every member must be the manifest,
    the database file or a media file under a plain relative name, and the media files as
    many as the manifest counts. A damaged or doctored archive (a name climbing out with
    `..`, an absolute path, a link, a device, a truncated file) is refused as a whole, instead
    of failing or being skipped half-way through a restore."""
    expected = {MANIFEST, manifest["database_file"]}
    media_files = 0
    try:
        for member in tar:
            name = member.name
            unsafe = (
                name.startswith("/")
                or ".." in name.split("/")
                or "\\" in name
                or not (member.isfile() or member.isdir())
            )
            if unsafe or not (name in expected or name.startswith(MEDIA) or member.isdir()):
                raise BackupError(
                    _(
                        "%(path)s holds %(name)s, which a backup of this site never does: "
                        "nothing was changed."
                    )
                    % {"path": path, "name": name}
                )
            if member.isfile() and name.startswith(MEDIA):
                media_files += 1
    except tarfile.TarError as error:
        raise BackupError(
            _("%(path)s is damaged (%(error)s): nothing was changed.")
            % {"path": path, "error": error}
        ) from error
    if media_files != manifest["media"].get("files", media_files):
        raise BackupError(
            _(
                "%(path)s holds %(found)d media files where its manifest lists %(listed)d: "
                "it is incomplete or damaged. Nothing was changed."
            )
            % {"path": path, "found": media_files, "listed": manifest["media"]["files"]}
        )


def check_compatible(manifest, connection):
    engine = engine_name(connection)
    if manifest["engine"] != engine:
        raise BackupError(
            _(
                "The backup is of a %(backup)s database but this site uses %(current)s: "
                "nothing was changed."
            )
            % {"backup": manifest["engine"], "current": engine}
        )
    known = MigrationLoader(None, ignore_no_migrations=True).graph.nodes
    unknown = [
        f"{app}.{name}"
        for app, name in sorted(manifest["migrations"].items())
        if (app, name) not in known
    ]
    if unknown:
        raise BackupError(
            _(
                "The backup was made by newer code: these migrations are not in this code "
                "(%(migrations)s). Deploy the code the backup was made with, then restore. "
                "Nothing was changed."
            )
            % {"migrations": ", ".join(unknown)}
        )


def extract_database(tar, manifest, temp, path):
    name = manifest["database_file"]
    if name != DATABASE_FILES[manifest["engine"]]:
        raise BackupError(_("%(path)s names an unexpected database file.") % {"path": path})
    try:
        tar.extract(name, temp, filter="data")
    except (KeyError, tarfile.TarError, OSError) as error:
        raise BackupError(
            _("The database file is missing from %(path)s or damaged (%(error)s).")
            % {"path": path, "error": error}
        ) from error
    return temp / name


def media_names(storage, directory=""):
    try:
        directories, files = storage.listdir(directory)
    except FileNotFoundError:  # a file system storage whose folder does not exist yet
        return
    for name in sorted(files):
        yield posixpath.join(directory, name)
    for name in sorted(directories):
        yield from media_names(storage, posixpath.join(directory, name))


def add_media(tar, storage):
    count = size = 0
    for name in media_names(storage):
        info = tarfile.TarInfo(MEDIA + name)
        info.size = storage.size(name)
        info.mtime = int(datetime.datetime.now().timestamp())
        with storage.open(name, "rb") as source:
            tar.addfile(info, source)
        count += 1
        size += info.size
    return {"files": count, "bytes": size}


def add_bytes(tar, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.datetime.now().timestamp())
    tar.addfile(info, io.BytesIO(data))


def restore_media(tar, storage):
    """Write every media file back under its own name, replacing a file of that name."""
    for member in tar:
        if not member.isfile() or not member.name.startswith(MEDIA):
            continue
        name = member.name[len(MEDIA) :]
        parts = name.split("/")
        if name.startswith("/") or ".." in parts:
            raise BackupError(
                _("The archive holds an unsafe file name: %(name)s") % {"name": member.name}
            )
        if storage.exists(name):
            storage.delete(name)
        saved = storage.save(name, File(tar.extractfile(member), name=name))
        if saved != name:
            raise BackupError(
                _("The storage saved %(name)s as %(saved)s: media links would break.")
                % {"name": name, "saved": saved}
            )
