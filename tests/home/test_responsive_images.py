"""Body images are served in modern formats at the widths a screen needs, made once."""

import re

import pytest
import wagtail_factories
from django.core.cache import caches
from wagtail.images.models import Rendition

from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_cached_renditions():
    """Wagtail keeps renditions in the cache, which outlives each test's database."""
    caches["default"].clear()


@pytest.fixture
def page_with_image(home):
    image = wagtail_factories.ImageFactory(
        title="Revontulet", file__width=2000, file__height=1000, file__color="navy"
    )
    figure = {
        "image": image,
        "alt_text": "Revontulet Rovaniemen yllä",
        "caption": "Kuva: Lapin liitto",
    }
    return StandardPageFactory(parent=home, body=[("image", figure)])


def test_a_body_image_is_a_picture_with_avif_webp_and_a_jpeg_fallback(client, page_with_image):
    html = client.get(page_with_image.url).content.decode()

    picture = re.search(r"<picture>(.*?)</picture>", html, re.S).group(1)
    sources = re.findall(r'<source [^>]*srcset="([^"]+)"[^>]*type="([^"]+)"', picture)
    assert [kind for _srcset, kind in sources] == ["image/avif", "image/webp"]
    for srcset, _kind in sources:
        assert re.findall(r"\d+w", srcset) == ["480w", "800w", "1200w"]
    img = re.search(r"<img [^>]+>", picture).group(0)
    assert 'alt="Revontulet Rovaniemen yllä"' in img
    assert 'loading="lazy"' in img and 'decoding="async"' in img
    assert re.search(r'width="\d+"', img) and re.search(r'height="\d+"', img)
    assert ".jpg" in img or ".jpeg" in img
    assert 'sizes="(min-width: 52rem) 48rem, 100vw"' in picture


def test_renditions_are_made_once_and_reused(client, page_with_image):
    client.get(page_with_image.url)
    made = Rendition.objects.count()

    client.get(page_with_image.url)

    assert made == 9  # three widths in three formats
    assert Rendition.objects.count() == made
