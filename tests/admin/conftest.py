import pytest
from django.contrib.auth.models import Group
from django.test import Client

from tests.factories import UserFactory

EDITORS = "Secretariat editors"
VIEWERS = "Secretariat viewers"


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
