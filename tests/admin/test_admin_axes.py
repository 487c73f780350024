import pytest
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

LOGIN = reverse("admin:login")


def log_in(client, username, password):
    return client.post(LOGIN, {"username": username, "password": password, "next": "/admin/"})


@pytest.mark.django_db
def test_five_failed_logins_lock_out_that_username_even_with_the_right_password(client):
    user = UserFactory(is_staff=True)
    for _ in range(4):
        assert log_in(client, user.username, "wrong-password").status_code == 200
    # The fifth failure reaches the limit: django-axes answers 429 Too Many Requests.
    assert log_in(client, user.username, "wrong-password").status_code == 429

    response = log_in(client, user.username, PASSWORD)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_lock_out_does_not_stop_another_username(client):
    locked, other = UserFactory(is_staff=True), UserFactory(is_staff=True)
    for _ in range(5):
        log_in(client, locked.username, "wrong-password")

    response = log_in(client, other.username, PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(other.pk)


@pytest.mark.django_db
def test_four_failed_logins_still_let_the_right_password_in(client):
    user = UserFactory(is_staff=True)
    for _ in range(4):
        log_in(client, user.username, "wrong-password")

    assert log_in(client, user.username, PASSWORD).status_code == 302
