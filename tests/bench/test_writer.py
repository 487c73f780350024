"""The edits-while-reading writer against the real API, in process (its HTTP calls routed through
Django's test client), so that every edit it makes is known to pass validation."""

import json

import pytest
from django.test import Client

from bench import writer
from core.models import ApiToken
from tests.factories import MilestoneFactory, PartnerFactory, SeatTermFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(monkeypatch):
    """bench.writer.request, answered by the test client instead of a server."""
    client = Client(HTTP_HOST="testserver")
    calls = []

    def request(method, url, *, key="", body=None, timeout=30):
        path = url.removeprefix("http://testserver")
        headers = {"HTTP_ACCEPT": "application/json"}
        if key:
            headers["HTTP_AUTHORIZATION"] = f"Token {key}"
        data = json.dumps(body) if body is not None else None
        call = getattr(client, method.lower())
        response = (
            call(path, data, content_type="application/json", **headers)
            if data is not None
            else call(path, **headers)
        )
        calls.append((method, path, response.status_code))
        return response.status_code, response.json() if response.content else None

    monkeypatch.setattr(writer, "request", request)
    return calls


def records():
    partner = PartnerFactory(description="Works on child labour.")
    milestone = MilestoneFactory(title="Adopt the list")
    term = SeatTermFactory(source="Demo data (generate_demo_data, seed 87)", end_date=None)
    return partner, milestone, term


def test_each_record_alternates_between_its_value_and_a_varied_one():
    edit = writer.Edit("milestone title", "/x/", "title", "t" * 300, max_length=300)
    varied = edit.next_value(7)
    assert len(varied) == 300 and varied.endswith("(benchmark edit 7)")
    edit.changed = True
    assert edit.next_value(8) == "t" * 300


def test_the_writer_edits_in_turn_undoes_its_edits_and_revokes_its_token(api):
    partner, milestone, term = records()
    key = writer.issue_token()
    edits = writer.edits_from("http://testserver", partner.slug)
    assert [e.kind for e in edits] == ["partner description", "milestone title", "seat term source"]
    w = writer.Writer("http://testserver", key, edits)
    for n in range(4):
        assert w.write(edits[n % 3]), w.failures
    partner.refresh_from_db()
    milestone.refresh_from_db()
    term.refresh_from_db()
    assert partner.description == "Works on child labour."  # edited (1), then undone (4)
    assert milestone.title == "Adopt the list (benchmark edit 2)"
    assert term.source == "Demo data (generate_demo_data, seed 87) (benchmark edit 3)"
    assert all(method == "PATCH" and status == 200 for method, _p, status in api[3:])

    assert w.restore() == {"restored": 2, "failed": 0}
    assert (w.total.made, w.total.failed) == (4, 0)  # the restores are not counted
    milestone.refresh_from_db()
    term.refresh_from_db()
    assert milestone.title == "Adopt the list"
    assert term.source == "Demo data (generate_demo_data, seed 87)"

    assert writer.revoke_token() == 1
    assert not ApiToken.objects.usable().filter(name=writer.TOKEN_NAME).exists()
    # A second run issues a fresh key for the same token.
    writer.issue_token()
    assert ApiToken.objects.filter(name=writer.TOKEN_NAME).count() == 1


def test_a_refused_write_is_counted_and_kept(api):
    partner, _milestone, _term = records()
    edits = writer.edits_from("http://testserver", partner.slug)
    w = writer.Writer("http://testserver", "not-a-key", edits)
    assert not w.write(edits[0])
    assert (w.total.made, w.total.failed) == (1, 1)
    assert w.failures[0].startswith("partner description: HTTP 401")
    assert not edits[0].changed
