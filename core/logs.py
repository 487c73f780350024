"""Log records that stay readable through an outage."""

import logging
import threading
import time

from django.db import InterfaceError, OperationalError

from .clients import client_address

# One traceback of a database outage per this many seconds; the other requests log one line.
OUTAGE_TRACEBACK_SECONDS = 30


class DatabaseOutageFilter(logging.Filter):
    """Keeps the first traceback of a database outage and a line for each later request: a
    10-second outage under load would otherwise write thousands of identical tracebacks."""

    def __init__(self, name=""):
        super().__init__(name)
        self._last = 0.0
        self._lock = threading.Lock()

    def filter(self, record):
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, OperationalError | InterfaceError):
            with self._lock:
                now = time.monotonic()
                if now - self._last < OUTAGE_TRACEBACK_SECONDS:
                    record.exc_info = None
                    record.exc_text = None
                else:
                    self._last = now
        return True


class ClientAddressFilter(logging.Filter):
    """`client` on every record: the address of the request it is about, as TRUSTED_PROXIES
    finds it ("-" for records of no request)."""

    def filter(self, record):
        request = getattr(record, "request", None)
        meta = getattr(request, "META", None)
        record.client = client_address(request) if meta is not None else "-"
        return True
