"""Images and documents stored in S3-compatible object storage, built exactly as the settings
build it, against moto's in-process S3 (no real provider was used)."""

import boto3
import pytest
import wagtail_factories
from django.core.files.storage import default_storage
from moto import mock_aws

BUCKET = "arctic-media"
REGION = "eu-north-1"


@pytest.fixture
def object_storage(settings, settings_with, monkeypatch):
    """STORAGES from a settings module started with the bucket's environment, and the bucket."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", REGION)

    def configure(**environ):
        built = settings_with(
            {"AWS_STORAGE_BUCKET_NAME": BUCKET, "AWS_S3_REGION_NAME": REGION, **environ}
        )
        settings.STORAGES = built["STORAGES"]
        return built

    with mock_aws():
        boto3.client("s3", region_name=REGION).create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION}
        )
        yield configure


def stored_keys():
    listing = boto3.client("s3", region_name=REGION).list_objects_v2(Bucket=BUCKET)
    return {item["Key"] for item in listing.get("Contents", [])}


@pytest.mark.django_db
def test_uploaded_image_and_rendition_live_in_the_bucket(object_storage):
    object_storage()

    image = wagtail_factories.ImageFactory(file__width=400, file__height=300, file__color="red")
    rendition = image.get_rendition("width-100")

    assert default_storage.__class__.__name__ == "S3Storage"
    assert f"media/{image.file.name}" in stored_keys()
    assert f"media/{rendition.file.name}" in stored_keys()
    with image.file.open("rb") as stored:
        assert stored.read(3) == b"\xff\xd8\xff"  # the JPEG the factory made
    # Private objects: without a CDN domain the browser gets a signed address.
    assert rendition.url.startswith(f"https://{BUCKET}.s3.amazonaws.com/media/images/")
    assert "Signature=" in rendition.url or "X-Amz-Signature=" in rendition.url


@pytest.mark.django_db
def test_images_through_a_cdn_domain_have_plain_addresses(object_storage):
    object_storage(AWS_S3_CUSTOM_DOMAIN="media.arcticsmartness.fi")

    image = wagtail_factories.ImageFactory()
    rendition = image.get_rendition("width-100")

    assert rendition.url == f"https://media.arcticsmartness.fi/media/{rendition.file.name}"


@pytest.mark.django_db
def test_visitor_downloads_a_document_kept_in_the_bucket(object_storage, client, home):
    object_storage()
    document = wagtail_factories.DocumentFactory(
        title="Hankesuunnitelma", file__data=b"%PDF-1.4 hankesuunnitelma", file__filename="plan.pdf"
    )

    response = client.get(document.url)

    assert f"media/{document.file.name}" in stored_keys()
    # Streamed through Wagtail's view (collection privacy applies), not redirected to S3.
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 hankesuunnitelma"


@pytest.mark.django_db
def test_two_uploads_with_one_name_keep_both_files(object_storage):
    object_storage()

    first = wagtail_factories.DocumentFactory(file__data=b"first", file__filename="report.pdf")
    second = wagtail_factories.DocumentFactory(file__data=b"second", file__filename="report.pdf")

    assert first.file.name != second.file.name
    with first.file.open("rb") as stored:
        assert stored.read() == b"first"
