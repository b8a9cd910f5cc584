import pytest

from tests.demo_content import demo_content_loaded


@pytest.fixture(scope="class")
def demo_content(django_db_setup, django_db_blocker):
    """The demo site for the tests of one class (see tests.demo_content)."""
    with django_db_blocker.unblock(), demo_content_loaded():
        yield
