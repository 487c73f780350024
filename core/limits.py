"""Per-client limits on costly public requests, counted in the cache (Redis when it is set)."""

from dataclasses import dataclass

from django.core.cache import cache

from .clients import client_address


@dataclass(frozen=True)
class Limit:
    """At most `count` requests named `name` per client address in a window of `seconds`."""

    name: str
    count: int
    seconds: int

    def _key(self, request) -> str:
        return f"limit:{self.name}:{client_address(request)}"

    def reached(self, request) -> bool:
        return cache.get(self._key(request), 0) >= self.count

    def record(self, request) -> None:
        key = self._key(request)
        # add() starts the window only once; incr() keeps its expiry.
        cache.add(key, 0, self.seconds)
        try:
            cache.incr(key)
        except ValueError:  # the window expired between add() and incr()
            cache.add(key, 1, self.seconds)
