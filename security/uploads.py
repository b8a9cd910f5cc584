"""What an editor may upload: images and documents are checked by content, not by name.

Wagtail already limits an image's file size (WAGTAILIMAGES_MAX_UPLOAD_SIZE), pixels
(WAGTAILIMAGES_MAX_IMAGE_PIXELS) and format, comparing the extension with the format Willow
reads from the file, and a document's size (WAGTAILDOCS_MAX_UPLOAD_SIZE) and extension
(WAGTAILDOCS_EXTENSIONS). What it does not do, and these forms add (settings
WAGTAILIMAGES_IMAGE_FORM_BASE and WAGTAILDOCS_DOCUMENT_FORM_BASE):

- refuse SVG with a message that says why and what to upload instead (an SVG is a document
  that can carry scripts, and Willow would otherwise accept one named .png as "svg");
- check that a document's content is what its extension claims, so an HTML page or a program
  renamed .pdf or .docx is refused;
- give every uploaded file a clean name: no folders, control or invisible characters, markup
  or overlong names, Finnish letters kept.

The checks run in the form's file field, so the error is shown at the file in the add view,
the chooser's upload tab and the multiple uploader alike, and nothing is stored.
"""

import os
import re
import unicodedata
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image
from wagtail.documents.fields import WagtailDocumentField
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

# Stored names stay well inside the 100 characters of Wagtail's file fields, folder included.
MAX_FILENAME_LENGTH = 80
SVG_EXTENSIONS = {"svg", "svgz"}
TEXT_CHUNK_SIZE = 64 * 1024


def clean_filename(name, max_length=MAX_FILENAME_LENGTH):
    """A safe file name for storage: `../../<script>Kesä ❄.PDF` becomes `scriptKesä_.pdf`.

    Keeps letters and digits of any alphabet (ä, ö and å stay readable), `-`, `_` and `.`;
    drops folders, control and invisible formatting characters (such as the right-to-left
    override that disguises `exe.pdf`), markup and leading dots; shortens long names while
    keeping the extension."""
    name = unicodedata.normalize("NFC", name or "")
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if not unicodedata.category(ch).startswith("C"))
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem:  # no extension, or a name like ".htaccess"
        stem, extension = name, ""
    stem = re.sub(r"\s+", "_", stem.strip())
    stem = re.sub(r"[^\w.-]", "", stem).strip("._-")
    extension = re.sub(r"[^a-z0-9]", "", extension.lower())
    stem = stem or "file"
    if extension:
        stem = stem[: max(1, max_length - len(extension) - 1)].rstrip("._-") or "file"
        return f"{stem}.{extension}"
    return stem[:max_length]


def extension_of(name):
    return os.path.splitext(name or "")[1].lower().lstrip(".")


def svg_refused():
    return ValidationError(
        _(
            "SVG images are not accepted, because an SVG file can contain scripts. Save the "
            "image as PNG (logos, diagrams) or JPEG (photos) and upload that file instead."
        ),
        code="svg_not_accepted",
    )


def _looks_like_svg(f):
    f.seek(0)
    head = f.read(TEXT_CHUNK_SIZE)
    f.seek(0)
    return b"<svg" in head.lower()


class ImageUploadField(WagtailImageField):
    """Wagtail's image field, refusing SVG by name and by content and explaining pixels."""

    def to_python(self, data):
        if data is not None and extension_of(getattr(data, "name", "")) in SVG_EXTENSIONS:
            raise svg_refused()
        try:
            uploaded = super().to_python(data)
        except Image.DecompressionBombError as error:
            limit = self.max_image_pixels or Image.MAX_IMAGE_PIXELS
            # Pillow refuses to open an image whose header claims hundreds of megapixels
            # (a "decompression bomb") before Wagtail can compare the size with its limit.
            raise ValidationError(
                _(
                    "The image is far larger than the site accepts (at most %(megapixels)s "
                    "megapixels). Scale it down, for example to 2500 pixels on the longer side, "
                    "and upload it again."
                )
                % {"megapixels": limit // 1_000_000},
                code="file_too_many_pixels",
            ) from error
        if uploaded is not None:
            uploaded.name = clean_filename(uploaded.name)
        return uploaded

    def check_image_file_format(self, f):
        # Before Wagtail's own check, which would only say the extension does not match.
        # Willow takes any file starting with markup for SVG; an HTML page is just not an image.
        if f.image.format_name == "svg":
            if _looks_like_svg(f):
                raise svg_refused()
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image")
        super().check_image_file_format(f)

    def check_image_pixel_size(self, f):
        if self.max_image_pixels is None:
            return
        width, height = f.image.get_size()
        frames = f.image.get_frame_count()
        if width * height * frames > self.max_image_pixels:
            raise ValidationError(
                _(
                    "The image is %(width)s × %(height)s pixels, larger than the site accepts "
                    "(%(megapixels)s megapixels in all). Scale it down, for example to 2500 "
                    "pixels on the longer side, and upload it again."
                )
                % {
                    "width": width,
                    "height": height,
                    "megapixels": self.max_image_pixels // 1_000_000,
                },
                code="file_too_many_pixels",
            )


def _starts_with(f, signature):
    f.seek(0)
    head = f.read(len(signature))
    f.seek(0)
    return head == signature


def _zip_members(f):
    """The names inside a ZIP archive, or None when the file is not one. Reads only the
    archive's directory, never unpacks a member, so a ZIP bomb costs nothing here."""
    if not _starts_with(f, b"PK\x03\x04"):
        return None
    try:
        f.seek(0)
        with zipfile.ZipFile(f) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        f.seek(0)


def _office_open_xml(main_part):
    def check(f):
        members = _zip_members(f)
        return members is not None and {"[Content_Types].xml", main_part} <= members

    return check


def _open_document(mimetype):
    def check(f):
        if _zip_members(f) is None:
            return False
        f.seek(0)
        try:
            with zipfile.ZipFile(f) as archive:
                # The format's first member, uncompressed; read at most its expected length.
                with archive.open("mimetype") as member:
                    return member.read(len(mimetype) + 1) == mimetype
        except (KeyError, zipfile.BadZipFile, OSError, ValueError):
            return False
        finally:
            f.seek(0)

    return check


def _plain_text(f):
    """Text, in whatever 8-bit encoding or UTF-8: no NUL bytes anywhere (programs, images,
    archives and UTF-16 all have them). HTML passes, and is served as text to download."""
    f.seek(0)
    try:
        while chunk := f.read(TEXT_CHUNK_SIZE):
            if b"\x00" in chunk:
                return False
        return True
    finally:
        f.seek(0)


# What each accepted document extension's content must look like. An extension added to
# WAGTAILDOCS_EXTENSIONS without an entry here is refused, since it cannot be verified.
DOCUMENT_CONTENT_CHECKS = {
    "pdf": lambda f: _starts_with(f, b"%PDF-"),
    "rtf": lambda f: _starts_with(f, b"{\\rtf"),
    "docx": _office_open_xml("word/document.xml"),
    "xlsx": _office_open_xml("xl/workbook.xml"),
    "pptx": _office_open_xml("ppt/presentation.xml"),
    "odt": _open_document(b"application/vnd.oasis.opendocument.text"),
    "ods": _open_document(b"application/vnd.oasis.opendocument.spreadsheet"),
    "odp": _open_document(b"application/vnd.oasis.opendocument.presentation"),
    "txt": _plain_text,
    "csv": _plain_text,
}


def allowed_document_extensions():
    return [
        extension.lower()
        for extension in getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) or []
        if extension.lower() in DOCUMENT_CONTENT_CHECKS
    ]


class DocumentUploadField(WagtailDocumentField):
    """Wagtail's document field, also checking the extension and that the content matches."""

    def to_python(self, data):
        uploaded = super().to_python(data)  # the size limit
        if uploaded is None:
            return None
        uploaded.name = clean_filename(uploaded.name)
        extension = extension_of(uploaded.name)
        allowed = allowed_document_extensions()
        if extension not in allowed:
            raise ValidationError(
                _(
                    "Files of this type cannot be uploaded as documents. Accepted types: "
                    "%(extensions)s."
                )
                % {"extensions": ", ".join(extension.upper() for extension in allowed)},
                code="invalid_document_extension",
            )
        if not DOCUMENT_CONTENT_CHECKS[extension](uploaded):
            raise ValidationError(
                _(
                    "The content of this file is not %(extension)s, although its name ends in "
                    ".%(name_extension)s. Save the file again in that format, or give it the "
                    "extension of the format it really is, and upload it again."
                )
                % {"extension": extension.upper(), "name_extension": extension},
                code="document_content_mismatch",
            )
        return uploaded


def _replace_file_field(form, field_class):
    """Swap Wagtail's file field for ours, keeping the widget Wagtail's form configured."""
    current = form.fields.get("file")
    if current is not None:
        form.fields["file"] = field_class(
            label=current.label, required=current.required, widget=current.widget
        )


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _replace_file_field(self, ImageUploadField)


class DocumentForm(BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _replace_file_field(self, DocumentUploadField)
