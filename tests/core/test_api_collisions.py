"""Two writes that collide in the database answer 409, however PostgreSQL reports it."""

import pytest
from django.db import OperationalError, connection, transaction
from rest_framework.test import APIRequestFactory

from core.api.exceptions import exception_handler


def _raised(sqlstate: str) -> Exception:
    """The error Django raises when PostgreSQL reports `sqlstate` (raised by the server itself)."""
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                f"DO $$ BEGIN RAISE EXCEPTION 'collision' USING ERRCODE = '{sqlstate}'; END $$"
            )
    except Exception as error:  # noqa: BLE001 - the error itself is what is tested
        return error
    raise AssertionError("PostgreSQL raised nothing")


def _answer(error):
    request = APIRequestFactory().post("/api/v1/offices/rotate/")
    return exception_handler(error, {"request": request})


@pytest.mark.django_db
@pytest.mark.parametrize("sqlstate", ["40P01", "40001"])
def test_a_deadlock_or_serialization_failure_answers_409_asking_to_try_again(sqlstate):
    error = _raised(sqlstate)
    assert isinstance(error, OperationalError)
    response = _answer(error)
    assert response.status_code == 409
    assert response.data["code"] == "conflict"
    assert "try again" in response.data["detail"]


@pytest.mark.django_db
def test_another_operational_error_is_not_taken_for_a_collision():
    # 57014: query_canceled (a statement timeout): the database's trouble, not another writer.
    error = _raised("57014")
    assert isinstance(error, OperationalError)
    assert _answer(error) is None
