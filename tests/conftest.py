import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import translation

from tests.factories import UserFactory

EDITORS = "Secretariat editors"
VIEWERS = "Secretariat viewers"


@pytest.fixture(autouse=True)
def _locmem_cache(settings):
    """Each test starts with an empty cache, so throttles and cached facets never leak."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _english_between_requests():
    """LocaleMiddleware leaves the last request's language active in the thread: a test that
    asked for /fr/ would otherwise make the next test's reverse() build /fr/ addresses."""
    with translation.override("en"):
        yield


def staff_in(group_name: str):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db):
    return staff_in(EDITORS)


@pytest.fixture
def viewer(db):
    return staff_in(VIEWERS)


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def viewer_client(viewer):
    client = Client()
    client.force_login(viewer)
    return client
