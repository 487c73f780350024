"""Page-number pages: counted as the database keeps the count, and read by a deferred join.

A whole list (no filter) takes its count from the row counts the database keeps
(core/counts.py); a filtered one is counted exactly, with COUNT(*). Every list is counted, its
first page too, so a request runs the same queries however many rows it finds. A page after the
first is read by a deferred join (core/paging.py).
"""

from django.utils.functional import cached_property

from core.counts import count_rows
from core.paging import DeferredJoinPaginator


class KeptCountPaginator(DeferredJoinPaginator):
    @cached_property
    def count(self):
        if not hasattr(self.object_list, "query"):
            return super().count
        return count_rows(self.object_list)
