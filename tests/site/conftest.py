import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_between_requests():
    """LocaleMiddleware leaves the last request's language active in the thread: a test that
    asked for /fr/ would otherwise make the next test's reverse() build /fr/ addresses."""
    with translation.override("en"):
        yield
