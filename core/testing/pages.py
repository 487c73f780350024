"""A reusable test base for public pages, in the spirit of NetBox's ViewTestCases.

A page's tests are a subclass with a few lines of data::

    class TestPartnerProfile(PublicPageTests):
        path = "/partners/{}/"          # "{}" takes the record's `lookup`; a list has none
        factory = PartnerFactory
        text_field = "description"      # a factory keyword whose text the page shows

        def grow(self, record, count):  # rows the page shows: for the query count
            MembershipFactory.create_batch(count, partner=record)

Each subclass then checks: the page answers 200; an unknown record is a 404 (pages of one
record); text from the database is escaped (a record whose `text_field` is a <script> is shown
escaped); and the page runs as many queries with a few rows as with many.
"""

from operator import attrgetter

import pytest

from .queries import count_queries

SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


@pytest.mark.django_db
class PublicPageTests:
    """Subclass with `path`, `factory` and `text_field`; `grow()` for the rows of a record."""

    path: str
    factory = None
    # Keyword arguments for every record the tests make (a current term: {"end_date": None}).
    defaults: dict = {}
    # The attribute of a record that its address is made of.
    lookup = "slug"
    # A factory keyword (`partner__name` reaches a related record) whose text the page shows.
    text_field: str
    # What stands in the address of a record that does not exist.
    unknown = "no-such-record"
    # The page's rows for the two query counts (a few, then many).
    rows = (1, 5)

    # ------------------------------------------------------------------ helpers

    @property
    def for_one_record(self) -> bool:
        return "{}" in self.path

    def make(self, **kwargs):
        return self.factory(**{**self.defaults, **kwargs})

    def url(self, record) -> str:
        if not self.for_one_record:
            return self.path
        return self.path.format(attrgetter(self.lookup)(record))

    def grow(self, record, count: int) -> None:
        """Adds `count` rows that the page of `record` shows: for a list, more records."""
        for _ in range(count):
            self.make()

    # ------------------------------------------------------------------ tests

    def test_the_page_answers_200(self, client):
        response = client.get(self.url(self.make()))

        assert response.status_code == 200, response.status_code

    def test_an_unknown_record_is_a_404(self, client):
        if not self.for_one_record:
            pytest.skip("a list has no record in its address")
        self.make()

        assert client.get(self.path.format(self.unknown)).status_code == 404

    def test_text_from_the_database_is_escaped(self, client):
        record = self.make(**{self.text_field: SCRIPT})

        html = client.get(self.url(record)).content.decode()

        assert SCRIPT not in html
        assert ESCAPED in html

    def test_the_query_count_is_the_same_for_few_and_many_rows(self, client):
        few, many = self.rows
        record = self.make()
        self.grow(record, few)
        url = self.url(record)
        counted = count_queries(client, url)

        self.grow(record, many - few)

        assert count_queries(client, url) == counted
