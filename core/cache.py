"""The shared cache, which is an accelerator and never a dependency.

With Redis down, every read and write of the cache goes to this process's own memory instead:
pages are served (rendered anew), and throttles and the join form's limit keep counting, per
process, which is the safe local limit. One warning is logged per outage, not one per request,
and Redis is tried again every few seconds.
"""

import functools
import logging
import threading
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, OSError)
# How long an outage sends every call to local memory before Redis is tried again.
RETRY_SECONDS = 5


def _or_local(method):
    name = method.__name__

    @functools.wraps(method)
    def wrapped(self, *args, **kwargs):
        if not self.is_down():
            try:
                result = method(self, *args, **kwargs)
            except UNAVAILABLE as error:
                self.went_down(error)
            else:
                if self._down_until:
                    self.came_back()
                return result
        return getattr(self.local, name)(*args, **kwargs)

    return wrapped


class ReusedRedisClient(RedisCacheClient):
    """Django's Redis client, with one redis.Redis per connection pool rather than a new one for
    every call (building one cost 0.15 ms, a seventh of serving a shared page copy from Redis:
    docs/performance.md, "Caching"). redis.Redis is safe to share between threads."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        if id(pool) not in self._clients:
            self._clients[id(pool)] = self._client(connection_pool=pool)
        return self._clients[id(pool)]


class ResilientRedisCache(RedisCache):
    """Django's Redis cache, falling back to local memory while Redis does not answer."""

    def __init__(self, server, params):
        super().__init__(server, params)
        # RedisCache builds its client from `_class` (django/core/cache/backends/redis.py);
        # tests/core/test_outages.py fails if that stops being so.
        self._class = ReusedRedisClient
        self.local = LocMemCache(f"fallback-{id(self)}", params)
        self._down_until = 0.0
        self._lock = threading.Lock()

    def is_down(self) -> bool:
        return time.monotonic() < self._down_until

    def went_down(self, error: Exception) -> None:
        with self._lock:
            was_up = self._down_until == 0.0
            self._down_until = time.monotonic() + RETRY_SECONDS
        if was_up:
            logger.warning("Cache unavailable, serving from this process's memory: %s", error)

    def came_back(self) -> None:
        with self._lock:
            self._down_until = 0.0
        logger.warning("Cache available again.")

    def ping(self) -> bool:
        """Whether Redis answers now (for /healthz)."""
        try:
            self._cache.get_client(write=True).ping()
        except UNAVAILABLE as error:
            self.went_down(error)
            return False
        if self._down_until:
            self.came_back()
        return True

    add = _or_local(RedisCache.add)
    get = _or_local(RedisCache.get)
    set = _or_local(RedisCache.set)
    touch = _or_local(RedisCache.touch)
    delete = _or_local(RedisCache.delete)
    get_many = _or_local(RedisCache.get_many)
    has_key = _or_local(RedisCache.has_key)
    incr = _or_local(RedisCache.incr)
    set_many = _or_local(RedisCache.set_many)
    delete_many = _or_local(RedisCache.delete_many)
    clear = _or_local(RedisCache.clear)
