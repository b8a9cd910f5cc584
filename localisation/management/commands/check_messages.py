"""CI's guard on the gettext catalogues: current, complete and compiled.

Two kinds of catalogue: the project's own (locale/, written by `make messages` from our code)
and the admin catalogue (localisation/admin_catalogue/, kept by hand): the Finnish for
the messages of Wagtail and wagtail-localize that their own Finnish catalogues lack, and
corrections of theirs. For the admin catalogue the check also reads the installed Wagtail
and wagtail-localize, so an upgrade that brings untranslated messages fails it until they
are translated (`--add-missing` adds them, empty, for the translator).
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
from importlib import import_module
from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

# The same options as `make messages`.
MAKEMESSAGES_OPTIONS = ["--no-obsolete", "--no-location", "--verbosity", "0"]
# What makemessages must not read, and what the scratch copy of the project leaves out.
NOT_SOURCES = [".venv", ".git", "staticfiles", "media", "node_modules", "test-artifacts"]

ADMIN_CATALOGUE = Path(settings.BASE_DIR) / "localisation" / "admin_catalogue"
# The packages whose admin the admin catalogue completes, and its two domains: django (the
# server's messages) and djangojs (the JavaScript catalogues of Wagtail's admin and of
# wagtail-localize's translation editor, which both read the whole of LOCALE_PATHS).
ADMIN_PACKAGES = ("wagtail", "wagtail_localize")
DOMAINS = ("django", "djangojs")
# Messages of those packages that deliberately stay untranslated: {(domain, msgid): why}.
# Empty on purpose: every message is translated, also those only administrators meet (the
# workflow and locale settings, the userbar's accessibility checks, developer errors),
# since the administrators work in Finnish too. Add a message here only with the reason.
STAYS_ENGLISH = {}
# An entry of the admin catalogue that is in no catalogue of those packages (our own
# scripts' messages, the workflow's name, a Wagtail message its catalogue forgot) says
# where it is used in a translator comment starting with this.
USED_BY = "Used by:"


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
        "entry, if a .mo file is older than its .po file, or if the admin catalogue lacks a "
        "message the installed Wagtail or wagtail-localize leaves untranslated. Reads a "
        "scratch copy of the project; the catalogues are never touched, except that "
        "--add-missing adds those messages to the admin catalogue."
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

        # The admin catalogue, whatever the state of ours, so that one run lists everything.
        admin_problems = []
        for code in languages:
            if code != "en":  # English msgids are the English text
                if options["add_missing"]:
                    count = add_missing(code)
                    self.stdout.write(f"{code}: {count} messages added to the admin catalogue.")
                admin_problems += admin_catalogue_problems(code)

        report = []
        if problems:
            report += [
                "The message catalogues need `make messages` (then translate and commit):",
                *problems,
            ]
        if admin_problems:
            report += [
                "The admin catalogue (localisation/admin_catalogue/) needs work (translate, "
                '`make messages` to compile, commit; README, "The admin in Finnish"):',
                *admin_problems,
            ]
        if report:
            raise CommandError("\n  ".join(report))
        for code in languages:
            if code != "en":
                for msgid, ours, admin in shadowed_in_admin(code):
                    self.stdout.write(
                        f"Note: {code}: locale/ translates Wagtail's {msgid!r} as {ours!r}, "
                        f"and the admin shows that instead of {admin!r}."
                    )
        self.stdout.write(
            f"Message catalogues current and complete: {', '.join(languages)}; the admin "
            "catalogue completes Wagtail's and wagtail-localize's."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "--add-missing",
            action="store_true",
            help="Add the Wagtail and wagtail-localize messages the admin catalogue lacks, "
            "untranslated, for a translator to fill in (the check then still fails).",
        )

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


# --- The admin catalogue ------------------------------------------------------------------


def admin_po(code, domain):
    return ADMIN_CATALOGUE / code / "LC_MESSAGES" / f"{domain}.po"


def _key(entry):
    return (entry.msgctxt, entry.msgid)


def _own_translated(en_po, code):
    """The keys an app's own catalogue in `code` translates (its .po, or only a .mo where
    the package ships no .po, as wagtail-localize's locales app does)."""
    po = en_po.parent.parent.parent / code / "LC_MESSAGES" / en_po.name
    if po.exists():
        return {_key(e) for e in polib.pofile(str(po)) if not e.obsolete and e.translated()}
    mo = po.with_suffix(".mo")
    if mo.exists():
        return {_key(e) for e in polib.mofile(str(mo)) if e.msgid}
    return set()


def source_catalogues():
    """(app, domain, English .po) of every app of the installed Wagtail and wagtail-localize
    that has a catalogue: the English .po lists all its messages."""
    for package in ADMIN_PACKAGES:
        root = Path(import_module(package).__file__).parent
        for en_po in sorted(root.glob("**/locale/en/LC_MESSAGES/*.po")):
            if en_po.stem in DOMAINS:
                app = ".".join(en_po.relative_to(root.parent).parts[:-4])
                yield app, en_po.stem, en_po


def untranslated_upstream(code):
    """{domain: {key: (app, English entry)}}: the messages of those packages that their own
    catalogue in `code` leaves untranslated (or fuzzy), minus STAYS_ENGLISH."""
    wanted = {domain: {} for domain in DOMAINS}
    for app, domain, en_po in source_catalogues():
        translated = _own_translated(en_po, code)
        for entry in polib.pofile(str(en_po)):
            key = _key(entry)
            if entry.obsolete or not entry.msgid or key in translated:
                continue
            if (domain, entry.msgid) not in STAYS_ENGLISH:
                wanted[domain].setdefault(key, (app, entry))
    return wanted


def upstream_messages():
    """{domain: keys}: every message of those packages' catalogues."""
    keys = {domain: set() for domain in DOMAINS}
    for _app, domain, en_po in source_catalogues():
        keys[domain] |= {_key(e) for e in polib.pofile(str(en_po)) if e.msgid}
    return keys


def admin_catalogue_problems(code):
    """What keeps the admin catalogue in `code` from being complete, correct and compiled."""
    if ADMIN_CATALOGUE not in [Path(path) for path in settings.LOCALE_PATHS]:
        return [f"{ADMIN_CATALOGUE} is not in LOCALE_PATHS"]
    problems = []
    wanted = untranslated_upstream(code)
    known = upstream_messages()
    for domain in DOMAINS:
        po_path = admin_po(code, domain)
        if not po_path.exists():
            problems.append(f"{code}: no admin catalogue {po_path.relative_to(settings.BASE_DIR)}")
            continue
        catalogue = polib.pofile(str(po_path))
        ours = {_key(e): e for e in catalogue if not e.obsolete}
        problems += [
            f"{code} {domain}: untranslated or fuzzy: {entry.msgid!r}"
            for entry in ours.values()
            if not entry.translated()
        ]
        problems += [
            f"{code} {domain}: {app} leaves it untranslated: {entry.msgid!r}"
            for key, (app, entry) in wanted[domain].items()
            if key not in ours
        ]
        problems += [
            f"{code} {domain}: no longer in Wagtail or wagtail-localize (remove it, or say "
            f"where it is used in a comment starting {USED_BY!r}): {entry.msgid!r}"
            for key, entry in ours.items()
            if key not in known[domain] and not entry.tcomment.startswith(USED_BY)
        ]
        mo_path = po_path.with_suffix(".mo")
        if not mo_path.exists() or _translations(polib.mofile(str(mo_path))) != _translations(
            catalogue
        ):
            problems.append(f"{code} {domain}: {mo_path.name} is not compiled from {po_path.name}")
    return problems


def shadowed_in_admin(code):
    """(msgid, our translation, the admin's) for each message of Wagtail or wagtail-localize
    that our code uses too: our catalogue, first in LOCALE_PATHS, decides it in the admin
    as well. Mostly harmless ("Search" reads "Hae" either way); a note, not a failure."""
    ours = polib.pofile(str(Path(settings.LOCALE_PATHS[0]) / code / "LC_MESSAGES" / "django.po"))
    admin = {_key(e): e.msgstr for e in polib.pofile(str(admin_po(code, "django")))}
    upstream = {}
    for _app, domain, en_po in source_catalogues():
        if domain == "django":
            translations = en_po.parent.parent.parent / code / "LC_MESSAGES" / en_po.name
            if translations.exists():
                for entry in polib.pofile(str(translations)):
                    if entry.translated() and not entry.msgid_plural:
                        upstream.setdefault(_key(entry), entry.msgstr)
    return [
        (entry.msgid, entry.msgstr, admin.get(_key(entry), upstream.get(_key(entry))))
        for entry in ours
        if not entry.msgid_plural
        and _key(entry) in {**upstream, **admin}
        and entry.msgstr != admin.get(_key(entry), upstream.get(_key(entry)))
    ]


def add_missing(code):
    """Append the messages `admin_catalogue_problems` finds missing, untranslated and with
    Wagtail's flags and notes, to the admin catalogue in `code`. Returns how many."""
    added = 0
    for domain, messages in untranslated_upstream(code).items():
        po_path = admin_po(code, domain)
        if po_path.exists():
            catalogue = polib.pofile(str(po_path), wrapwidth=79)
        else:
            po_path.parent.mkdir(parents=True, exist_ok=True)
            catalogue = polib.POFile(wrapwidth=79)
            catalogue.metadata = {"Language": code, "Content-Type": "text/plain; charset=UTF-8"}
        plurals = re.search(r"nplurals=(\d+)", catalogue.metadata.get("Plural-Forms", ""))
        plural_forms = int(plurals.group(1)) if plurals else 2
        ours = {_key(e) for e in catalogue}
        for key, (app, entry) in messages.items():
            if key in ours:
                continue
            catalogue.append(
                polib.POEntry(
                    msgctxt=entry.msgctxt,
                    msgid=entry.msgid,
                    msgid_plural=entry.msgid_plural,
                    msgstr="",
                    msgstr_plural=dict.fromkeys(range(plural_forms), "")
                    if entry.msgid_plural
                    else {},
                    flags=[flag for flag in entry.flags if flag != "fuzzy"],
                    comment=entry.comment,
                    tcomment=app,
                )
            )
            added += 1
        catalogue.save(str(po_path))
    return added
