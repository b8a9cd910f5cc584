"""CI's guard on the gettext catalogues: current, complete and compiled."""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

# The same options as `make messages`.
MAKEMESSAGES_OPTIONS = ["--no-obsolete", "--no-location", "--verbosity", "0"]
# What makemessages must not read, and what the scratch copy of the project leaves out.
NOT_SOURCES = [".venv", ".git", "staticfiles", "media", "node_modules", "test-artifacts"]


def _keys(catalogue):
    return {(entry.msgctxt, entry.msgid, entry.msgid_plural) for entry in catalogue}


def _translations(catalogue):
    """{(context, msgid): translation(s)} of the translated entries of a .po or .mo file
    (a .mo holds only those, plus its header under the empty msgid)."""
    return {
        (entry.msgctxt, entry.msgid): (
            tuple(entry.msgstr_plural[n] for n in sorted(entry.msgstr_plural))
            if entry.msgstr_plural
            else entry.msgstr
        )
        for entry in catalogue
        if entry.msgid
        and (entry.msgstr or any(entry.msgstr_plural.values()))
        and "fuzzy" not in getattr(entry, "flags", [])
    }


class Command(BaseCommand):
    help = (
        "Fail if `make messages` would change a catalogue (a message added, changed or "
        "removed in the code), if a non-English catalogue has an untranslated or fuzzy "
        "entry, or if a .mo file is older than its .po file. Reads a scratch copy of the "
        "project; the catalogues themselves are never touched."
    )

    def handle(self, **options):
        locale_dir = Path(settings.LOCALE_PATHS[0])
        languages = sorted(code for code, _name in settings.LANGUAGES)
        problems = [
            f"{code}: no catalogue (locale/{code}/LC_MESSAGES/django.po)"
            for code in languages
            if not self._po(locale_dir, code).exists()
        ]
        if problems:
            raise CommandError("\n  ".join(["Missing catalogues:", *problems]))
        before = {code: polib.pofile(self._po(locale_dir, code)) for code in languages}
        after = self._regenerated(languages)

        for code in languages:
            added = _keys(after[code]) - _keys(before[code])
            removed = _keys(before[code]) - _keys(after[code])
            problems += [f"{code}: not in the catalogue yet: {key[1]!r}" for key in added]
            problems += [f"{code}: no longer in the code: {key[1]!r}" for key in removed]
            catalogue = before[code]
            if code != "en":  # English msgids are the English text
                problems += [
                    f"{code}: untranslated or fuzzy: {entry.msgid!r}"
                    for entry in catalogue
                    if not entry.obsolete and not entry.translated()
                ]
            compiled = polib.mofile(str(self._po(locale_dir, code).with_suffix(".mo")))
            if _translations(compiled) != _translations(catalogue):
                problems.append(f"{code}: django.mo is not compiled from django.po")

        if problems:
            raise CommandError(
                "The message catalogues need `make messages` (then translate and commit):\n  "
                + "\n  ".join(problems)
            )
        self.stdout.write(f"Message catalogues current and complete: {', '.join(languages)}.")

    def _regenerated(self, languages):
        """The catalogues as `make messages` would write them, made in a scratch copy of
        the project so the real ones are never touched."""
        project = Path(settings.BASE_DIR)
        with tempfile.TemporaryDirectory() as scratch:
            copy = Path(scratch) / "project"
            shutil.copytree(
                project,
                copy,
                ignore=shutil.ignore_patterns(*NOT_SOURCES, "*.sqlite3", "__pycache__"),
            )
            command = [sys.executable, "manage.py", "makemessages", *MAKEMESSAGES_OPTIONS]
            for code in languages:
                command += ["--locale", code]
            subprocess.run(command, cwd=copy, check=True, env={**os.environ})  # noqa: S603
            locale_dir = copy / Path(settings.LOCALE_PATHS[0]).relative_to(project)
            return {code: polib.pofile(self._po(locale_dir, code)) for code in languages}

    @staticmethod
    def _po(locale_dir, code):
        return locale_dir / code / "LC_MESSAGES" / "django.po"
