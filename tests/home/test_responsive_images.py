"""Body images are served in modern formats at the widths a screen needs, made once."""

import pytest
import wagtail_factories
from django.core.cache import caches
from wagtail.images.models import Rendition

from home.factories import StandardPageFactory
from tests.html import parse

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


def widths(srcset):
    """The width descriptors of a srcset ("a.avif 480w, b.avif 800w": ["480w", "800w"])."""
    return [candidate.split()[-1] for candidate in srcset.split(",")]


def test_a_body_image_is_a_picture_with_avif_webp_and_a_jpeg_fallback(client, page_with_image):
    picture = parse(client.get(page_with_image.url)).select_one("picture")

    sources = picture.select("source[srcset][type]")
    assert [source["type"] for source in sources] == ["image/avif", "image/webp"]
    for source in sources:
        assert widths(source["srcset"]) == ["480w", "800w", "1200w"]
    img = picture.select_one("img")
    assert img["alt"] == "Revontulet Rovaniemen yllä"
    assert img["loading"] == "lazy" and img["decoding"] == "async"
    assert img["width"].isdigit() and img["height"].isdigit()
    assert ".jpg" in img["src"] or ".jpeg" in img["src"]
    sizes = [element["sizes"] for element in picture.select("[sizes]")]
    assert "(min-width: 52rem) 48rem, 100vw" in sizes


def test_renditions_are_made_once_and_reused(client, page_with_image):
    client.get(page_with_image.url)
    made = Rendition.objects.count()

    client.get(page_with_image.url)

    assert made == 9  # three widths in three formats
    assert Rendition.objects.count() == made
