"""Two writers at the same moment, on two real connections, for tests of races.

`race(calls, hold=[tables])` runs each call in its own thread (so its own database
connection) while this connection holds a SHARE lock on `hold`: every call reads what it likes
and then waits at its first write to those tables. Once all are waiting, the lock goes and they
write together, as two requests that read the same state would. Needs a test with
`transaction=True`, so the threads see the test's rows.
"""

import threading
import time

from django.db import connection, connections, transaction


def _waiting_backends() -> int:
    with connection.cursor() as cursor:
        # pg_locks is live; pg_stat_activity would repeat its first answer inside a transaction.
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT count(DISTINCT pid) FROM pg_locks WHERE NOT granted AND pid IN "
            "(SELECT pid FROM pg_stat_activity WHERE datname = current_database())"
        )
        return cursor.fetchone()[0]


def race(calls, *, hold: list[str], timeout: float = 20.0) -> list:
    """The results of `calls` (or the exceptions they raised), in order."""
    results: list = [None] * len(calls)

    def run(index, call):
        try:
            results[index] = call()
        except Exception as error:  # noqa: BLE001 - the test looks at what each call met
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    with transaction.atomic():
        with connection.cursor() as cursor:
            for table in hold:
                cursor.execute(f'LOCK TABLE "{table}" IN SHARE MODE')
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + timeout
        while _waiting_backends() < len(calls):
            if time.monotonic() > deadline:
                raise AssertionError(f"the calls never met at the lock: {results}")
            time.sleep(0.05)
    for thread in threads:
        thread.join(timeout)
    return results
