"""Page-number pages read by a deferred join, for the HTML lists and the API alike.

A page after the first reads the ids of its rows first, with the list's order, OFFSET and LIMIT,
then those rows by id, in one query: the OFFSET then steps over index entries rather than whole
rows (docs/performance.md, "Deep page-number pages: a deferred join").
"""

from django.core.paginator import Paginator
from django.db.models.query import ModelIterable


class DeferredJoinPaginator(Paginator):
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
