import pytest


@pytest.fixture(autouse=True)
def _locmem_cache(settings):
    """Each test starts with an empty cache, so throttles and cached facets never leak."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
