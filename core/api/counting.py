"""Page-number pages: counted as the database keeps the count, and read by a deferred join.

A whole list (no filter) takes its count from the row counts the database keeps
(core/counts.py); a filtered one is counted exactly, with COUNT(*). Every list is counted, its
first page too, so a request runs the same queries however many rows it finds.

A page after the first reads the ids of its rows first, with the list's order, OFFSET and LIMIT,
then those rows by id, in one query: the OFFSET then steps over index entries rather than whole
rows.
"""

from django.core.paginator import Paginator
from django.db.models.query import ModelIterable
from django.utils.functional import cached_property

from core.counts import count_rows


class KeptCountPaginator(Paginator):
    @cached_property
    def count(self):
        if not hasattr(self.object_list, "query"):
            return super().count
        return count_rows(self.object_list)

    def page(self, number):
        # Paginator.page(), with the rows read by deferred_rows() rather than by a plain slice.
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return self._get_page(deferred_rows(self.object_list, bottom, top), number, self)


def deferred_rows(object_list, bottom: int, top: int):
    """object_list[bottom:top]; for a queryset of records past its first rows, the records whose
    ids that slice of the same query finds, in the same order."""
    if (
        bottom == 0
        or not hasattr(object_list, "query")
        or object_list._iterable_class is not ModelIterable
        or object_list.query.combinator
        or object_list.query.distinct
    ):
        return object_list[bottom:top]
    ids = object_list.values("pk")[bottom:top]
    return object_list.filter(pk__in=ids)
