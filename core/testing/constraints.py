"""Asserting that a model constraint refuses a record: in `full_clean()` and in the database.

A constraint is declared once on the model and checked twice: by Django's validation (with
the constraint's message) and by PostgreSQL (an IntegrityError). A test of a constraint asserts
both with one call::

    assert_refused(SeatTerm(...), "Another term on this seat overlaps these dates.")
"""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction


def assert_clean_refuses(obj, message) -> ValidationError:
    """`obj.full_clean()` raises a ValidationError that says `message`."""
    with pytest.raises(ValidationError) as excinfo:
        obj.full_clean()
    assert str(message) in excinfo.value.messages, excinfo.value.messages
    return excinfo.value


def assert_insert_refused(obj) -> None:
    """Saving `obj` past validation is refused by the database (in a savepoint)."""
    with pytest.raises(IntegrityError), transaction.atomic():
        obj.save()


def assert_refused(obj, message) -> None:
    """Validation refuses `obj` with `message`, and so does the database."""
    assert_clean_refuses(obj, message)
    assert_insert_refused(obj)


def assert_valid_and_saved(*objs) -> None:
    """Each of `objs` passes `full_clean()` and is saved."""
    for obj in objs:
        obj.full_clean()
        obj.save()
