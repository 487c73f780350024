"""Background work of partners: mail, sent by the worker (`manage.py db_worker`) and retried.

django-tasks-db keeps the queue in PostgreSQL but does not retry a failed task: `send_mail`
enqueues its own next attempt, later, before it fails, up to MAX_ATTEMPTS. Each failed attempt
stays in the task results (admin: "Task results") with its error.
"""

import datetime
import logging
from functools import partial

from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks_db import DatabaseBackend

logger = logging.getLogger(__name__)

# About a day and a half of retries: 1, 5 and 25 minutes, about 2 hours, then every 6 hours.
MAX_ATTEMPTS = 9


def retry_delay(attempt: int) -> datetime.timedelta:
    """How long to wait after failed attempt number `attempt` (1 is the first)."""
    return datetime.timedelta(minutes=min(5 ** (attempt - 1), 6 * 60))


@task()
def send_mail(*, subject: str, body: str, to: list[str], reply_to: list[str], attempt: int = 1):
    """Send one message already rendered in its reader's language; retry later if it fails."""
    message = EmailMessage(subject=subject, body=body, to=to, reply_to=reply_to)
    try:
        message.send()
    except Exception:
        # Any failure (refused, timed out, a server error) is worth another try, a bounded number.
        if attempt < MAX_ATTEMPTS:
            send_mail.using(run_after=timezone.now() + retry_delay(attempt)).enqueue(
                subject=subject, body=body, to=to, reply_to=reply_to, attempt=attempt + 1
            )
            logger.warning("Mail to %s failed (attempt %d); retrying later.", to, attempt)
        else:
            logger.error("Mail to %s failed %d times; giving up.", to, attempt)
        raise


def enqueue_with_transaction(task_, **kwargs) -> None:
    """Queue a task that only runs if the current transaction commits.

    With the database backend the task's row is written in the same transaction as the change
    that asked for it: it is seen by the worker once that commits, and vanishes with a rollback,
    so neither a crash just after the commit nor a mail sent for a change that never happened is
    possible. Any other backend is asked only after the commit (transaction.on_commit).
    """
    if isinstance(task_.get_backend(), DatabaseBackend):
        task_.enqueue(**kwargs)
    else:
        transaction.on_commit(partial(task_.enqueue, **kwargs))
