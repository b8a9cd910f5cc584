"""Editors upload images and documents through Wagtail's real admin views; what is not an
accepted, honest file is refused with a message at the file, and nothing is stored."""

import io
import json
import struct
import zipfile
import zlib

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from PIL import Image as PillowImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import UploadedFile

from security.uploads import clean_filename

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_storage")]

SVG = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script><rect width='10' height='10'/></svg>"
)
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64
SVG_MESSAGE = "SVG images are not accepted, because an SVG file can contain scripts."


def image_bytes(image_format="PNG", size=(4, 3)):
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, (200, 30, 30)).save(buffer, image_format)
    return buffer.getvalue()


def zip_bytes(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX = zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
XLSX = zip_bytes({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})
ODT = zip_bytes({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"})


def stored_files(folder):
    try:
        return default_storage.listdir(folder)[1]
    except FileNotFoundError:
        return []


def upload(client, app, title, view, name, content):
    """Upload through the single add view or the multiple uploader of `app` (wagtailimages or
    wagtaildocs); returns the error message shown at the file, or None when it was accepted."""
    file = SimpleUploadedFile(name, content)
    if view == "add":
        response = client.post(reverse(f"{app}:add"), {"title": title, "file": file})
        if response.status_code == 302:
            return None
        assert response.status_code == 200
        return response.content.decode()
    response = client.post(
        reverse(f"{app}:add_multiple"),
        {"files[]": file},
        headers={"X-Requested-With": "XMLHttpRequest"},
    )
    data = json.loads(response.content)
    return None if data["success"] else data["error_message"]


def upload_image(client, view, name, content):
    return upload(client, "wagtailimages", "Kuva", view, name, content)


def upload_document(client, view, name, content):
    return upload(client, "wagtaildocs", "Asiakirja", view, name, content)


def assert_no_image_stored():
    assert Image.objects.count() == 0
    assert UploadedFile.objects.count() == 0
    assert stored_files("original_images") == []


def assert_no_document_stored():
    assert Document.objects.count() == 0
    assert UploadedFile.objects.count() == 0
    assert stored_files("documents") == []


VIEWS = ["add", "multiple"]


# Images


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize(
    ("name", "image_format"), [("Revontulet.png", "PNG"), ("Kesä Saariselällä.jpg", "JPEG")]
)
def test_editor_uploads_a_photo(uploader, view, name, image_format):
    assert upload_image(uploader, view, name, image_bytes(image_format)) is None

    image = Image.objects.get()
    assert image.file.name.startswith("original_images/")
    assert len(stored_files("original_images")) == 1


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("name", ["logo.svg", "logo.png", "logo.jpg"])
def test_svg_is_refused_with_what_to_upload_instead(uploader, view, name):
    """Whether named .svg or disguised as a PNG or JPEG, Willow reads SVG from the content."""
    message = upload_image(uploader, view, name, SVG)

    assert SVG_MESSAGE in message
    assert "PNG" in message and "JPEG" in message
    assert_no_image_stored()


@pytest.mark.parametrize("view", VIEWS)
def test_image_whose_content_is_another_format_is_refused(uploader, view):
    message = upload_image(uploader, view, "kuva.png", image_bytes("GIF"))

    assert "The extension does not match the file format (gif)" in message
    assert_no_image_stored()


@pytest.mark.parametrize("view", VIEWS)
def test_web_page_named_as_an_image_is_refused(uploader, view):
    message = upload_image(uploader, view, "kuva.jpg", HTML)

    assert "Upload a valid image." in message
    assert "SVG" not in message  # Willow takes any markup for SVG; this is not one
    assert_no_image_stored()


@pytest.mark.parametrize("view", VIEWS)
def test_image_format_outside_the_list_is_refused(uploader, view):
    message = upload_image(uploader, view, "kuva.bmp", image_bytes("BMP"))

    assert "Not a supported image format. Supported formats: GIF, JPG, JPEG, PNG, WEBP." in (
        message
    )
    assert_no_image_stored()


@pytest.mark.parametrize("view", VIEWS)
def test_image_over_the_size_limit_is_refused(uploader, view, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
    message = upload_image(uploader, view, "iso.png", image_bytes(size=(200, 200)))

    assert "This file is too big" in message
    assert "Maximum filesize 100" in message
    assert_no_image_stored()


@pytest.mark.parametrize("view", VIEWS)
def test_image_over_the_pixel_limit_is_refused_with_its_size(uploader, view, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1_000_000
    message = upload_image(uploader, view, "panoraama.png", image_bytes(size=(2000, 600)))

    assert "The image is 2000 × 600 pixels" in message
    assert "Scale it down" in message
    assert_no_image_stored()


def png_claiming(width, height):
    """A few bytes of PNG whose header claims width × height pixels: a decompression bomb."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 16)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("side", [20_000, 60_000])
def test_image_claiming_hundreds_of_megapixels_is_refused(uploader, view, side):
    message = upload_image(uploader, view, "pommi.png", png_claiming(side, side))

    assert "The image is far larger than the site accepts (at most 40 megapixels)" in message
    assert_no_image_stored()


def test_image_limit_is_explained_in_finnish(finnish_uploader, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
    message = upload_image(finnish_uploader, "add", "iso.png", image_bytes(size=(200, 200)))

    assert "Tiedosto on liian suuri" in message
    assert_no_image_stored()


def test_svg_refusal_is_explained_in_finnish(finnish_uploader):
    message = upload_image(finnish_uploader, "multiple", "logo.svg", SVG)

    assert "SVG-kuvia ei hyväksytä" in message
    assert_no_image_stored()


# Documents


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("Toimintasuunnitelma 2025.pdf", PDF),
        ("Pöytäkirja.docx", DOCX),
        ("Budjetti.xlsx", XLSX),
        ("Muistio.odt", ODT),
        ("Muistio.rtf", b"{\\rtf1\\ansi Hei maailma}"),
        ("Osallistujat.csv", "nimi;kunta\nÄijä Öljynen;Inari\n".encode()),
        ("Lue minut.txt", "Hyvää päivää\n".encode("latin-1")),
    ],
)
def test_editor_uploads_a_document(uploader, view, name, content):
    assert upload_document(uploader, view, name, content) is None

    assert Document.objects.count() == 1
    assert len(stored_files("documents")) == 1


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("raportti.pdf", HTML, "PDF"),
        ("raportti.pdf", EXECUTABLE, "PDF"),
        ("raportti.docx", zip_bytes({"payload.exe": EXECUTABLE}), "DOCX"),
        ("raportti.docx", PDF, "DOCX"),
        ("raportti.xlsx", DOCX, "XLSX"),
        ("raportti.odt", zip_bytes({"mimetype": "text/html"}), "ODT"),
        ("raportti.rtf", HTML, "RTF"),
        ("raportti.txt", EXECUTABLE, "TXT"),
        ("raportti.csv", "a;b\n".encode("utf-16"), "CSV"),
    ],
)
def test_document_whose_content_does_not_match_its_extension_is_refused(
    uploader, view, name, content, kind
):
    message = upload_document(uploader, view, name, content)

    assert f"The content of this file is not {kind}" in message
    assert_no_document_stored()


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("name", ["sivu.html", "ohjelma.exe", "logo.svg", "arkisto.zip", "README"])
def test_document_type_outside_the_list_is_refused(uploader, view, name):
    message = upload_document(uploader, view, name, PDF)

    assert "Files of this type cannot be uploaded as documents." in message
    assert "CSV, DOCX, ODT, PDF, PPTX, RTF, TXT, XLSX" in message
    assert_no_document_stored()


@pytest.mark.parametrize("view", VIEWS)
def test_document_over_the_size_limit_is_refused(uploader, view, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 100
    message = upload_document(uploader, view, "iso.pdf", PDF + b"0" * 200)

    assert "This file is too big" in message
    assert_no_document_stored()


def test_document_refusal_is_explained_in_finnish(finnish_uploader):
    message = upload_document(finnish_uploader, "add", "raportti.pdf", HTML)

    assert escape("Tiedoston sisältö ei ole PDF-muotoa") in message
    assert_no_document_stored()


@pytest.mark.parametrize("view", VIEWS)
def test_document_file_name_is_cleaned_and_keeps_finnish_letters(uploader, view):
    hostile = 'Kesä\u202eFDP.exe "<img src=x onerror=alert(1)>"  ' + "ä" * 200 + ".PDF"

    assert upload_document(uploader, view, hostile, PDF) is None

    document = Document.objects.get()
    filename = document.filename
    assert filename.startswith("KesäFDP.exe_img_srcx_onerroralert1_ää")
    assert filename.endswith(".pdf")
    assert len(filename) <= 80
    assert not set(filename) & set("<>\"'/\\\u202e ")
    assert uploader.get(document.url).status_code == 200


# Serving documents


def make_document(name, content):
    return Document.objects.create(title=name, file=ContentFile(content, name=name))


@pytest.fixture(params=["object storage", "filesystem"])
def document_storage(request, settings, tmp_path):
    """Both ways Wagtail serves a file: streamed from storage, or sent from a local path."""
    if request.param == "filesystem":
        settings.MEDIA_ROOT = tmp_path
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        }
    return request.param


def test_pdf_opens_in_the_browser_with_nothing_allowed_to_load(client, home, document_storage):
    document = make_document("Strategia.pdf", PDF)

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    policy = response["Content-Security-Policy"]
    assert "default-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy
    # Chromium's PDF viewer will not open a sandboxed document (see security/middleware.py).
    assert "sandbox" not in policy
    assert b"".join(response.streaming_content) == PDF


@pytest.mark.parametrize(
    ("name", "content_type"), [("sivu.txt", "text/plain"), ("data.csv", "text/csv")]
)
def test_text_document_with_html_downloads_sandboxed(
    client, home, document_storage, name, content_type
):
    document = make_document(name, HTML)

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert response["Content-Disposition"].startswith("attachment")
    assert name in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    policy = [part.strip() for part in response["Content-Security-Policy"].split(";")]
    assert "sandbox" in policy
    assert "default-src 'none'" in policy


def test_document_password_form_is_not_sandboxed(client, home):
    """Only the files get the document policy; Wagtail's own pages keep the site's."""
    response = client.get("/documents/authenticate_with_password/1/")

    assert "sandbox" not in response.get("Content-Security-Policy", "")


# File names


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Kesä Saariselällä.jpg", "Kesä_Saariselällä.jpg"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\viestija\\Työpaperi.DOCX", "Työpaperi.docx"),
        ("<script>alert(1)<\\script>.pdf", "script.pdf"),
        ("raportti\x00\x1f\u202efdp.exe", "raporttifdp.exe"),
        (".htaccess", "htaccess"),
        ("...", "file"),
        ("<>.pdf", "file.pdf"),
        ("a" * 300 + ".pdf", "a" * 76 + ".pdf"),
        ("Ko\u0308yha\u0308.txt", "Köyhä.txt"),  # decomposed umlauts (macOS) composed
    ],
)
def test_clean_filename(name, expected):
    assert clean_filename(name) == expected
