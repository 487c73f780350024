"""Mail of partnership applications: queued in PostgreSQL, sent by the worker after the commit,
in the applicant's language, and retried while the mail server fails."""

import os
import smtplib
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from partners import services, tasks
from partners.models import ApplicationStatus, PartnershipApplication
from partners.tasks import MAX_ATTEMPTS
from tests.factories import PartnershipApplicationFactory, UserFactory

ROOT = Path(__file__).resolve().parents[2]
SECRETARIAT = "secretariat@alliance87.example.org"


class DownBackend(BaseEmailBackend):
    """A mail server that does not answer."""

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


@pytest.fixture(autouse=True)
def _mail_settings(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.ALLIANCE87_SECRETARIAT_EMAIL = [SECRETARIAT]
    settings.ALLIANCE87_SITE_URL = "https://registry.example.org"


@pytest.fixture(autouse=True)
def _worker_keeps_the_test_connection(monkeypatch):
    """The worker closes connections that are not in autocommit, as after a request; a test's
    connection is inside the test's transaction, and must stay open."""
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)


def run_worker():
    """The worker as `manage.py db_worker` runs it, until no task is due."""
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def join_data(**changes):
    data = {
        "organisation_name": "Coalition contre le travail forcé",
        "acronym": "CTF",
        "category": "civil_society",
        "country": "SN",
        "website": "https://ctf.example.org/",
        "description": "Accompagne les survivants du travail forcé.",
        "themes": ["forced_labour"],
        "contact_name": "Aminata Diallo",
        "contact_email": "aminata@ctf.example.org",
        "contact_phone": "",
        "motivation": "Aligner notre travail sur la feuille de route nationale.",
        "commitment_accepted": "on",
        "homepage": "",
    }
    data.update(changes)
    return data


def mail_to(address):
    return [message for message in mail.outbox if address in message.to]


@pytest.mark.django_db
def test_an_application_made_in_french_is_acknowledged_in_french_and_notified_in_english(client):
    with translation.override("fr"):
        url = reverse("partners:join")
    assert url.startswith("/fr/")

    response = client.post(url, join_data())

    assert response.status_code == 302
    application = PartnershipApplication.objects.get()
    assert application.language == "fr"
    assert mail.outbox == []  # queued, not sent by the request

    run_worker()

    [acknowledgement] = mail_to("aminata@ctf.example.org")
    assert acknowledgement.subject == "Votre candidature à l'Alliance 8.7 a bien été reçue"
    assert "Bonjour Aminata Diallo," in acknowledgement.body
    assert f"#{application.pk}" in acknowledgement.body
    assert acknowledgement.reply_to == [SECRETARIAT]
    [notice] = mail_to(SECRETARIAT)
    assert notice.subject == "New partnership application: Coalition contre le travail forcé"
    assert "Language of the applicant: French" in notice.body
    assert (
        f"https://registry.example.org/admin/partners/partnershipapplication/{application.pk}/"
        in notice.body
    )
    assert notice.reply_to == ["aminata@ctf.example.org"]
    # Plain text: an apostrophe or an ampersand is written as itself, not as HTML.
    assert "&#x27;" not in acknowledgement.body + notice.body


@pytest.mark.django_db
def test_an_application_in_english_is_acknowledged_in_english(client):
    client.post(reverse("partners:join"), join_data(organisation_name="Walk & Free"))
    run_worker()

    [acknowledgement] = mail_to("aminata@ctf.example.org")
    assert acknowledgement.subject == "Your application to join Alliance 8.7 has been received"
    assert "Thank you for applying to make Walk & Free a partner of Alliance 8.7." in (
        " ".join(acknowledgement.body.split())
    )


@pytest.mark.django_db
def test_without_a_secretariat_address_only_the_applicant_is_mailed(client, settings):
    settings.ALLIANCE87_SECRETARIAT_EMAIL = []
    client.post(reverse("partners:join"), join_data())
    run_worker()

    assert [message.to for message in mail.outbox] == [["aminata@ctf.example.org"]]
    assert mail.outbox[0].reply_to == []


@pytest.mark.django_db
def test_an_application_through_the_api_is_acknowledged_in_the_language_asked_for(client):
    data = {key: value for key, value in join_data().items() if key != "homepage"}
    data["commitment_accepted"] = True
    response = client.post(
        "/api/v1/applications/", data, content_type="application/json", HTTP_ACCEPT_LANGUAGE="es"
    )
    assert response.status_code == 201, response.content
    assert PartnershipApplication.objects.get().language == "es"

    run_worker()

    [acknowledgement] = mail_to("aminata@ctf.example.org")
    assert acknowledgement.subject == "Hemos recibido su solicitud de adhesión a la Alianza 8.7"


@pytest.mark.django_db
def test_a_rolled_back_submission_queues_and_sends_nothing():
    with pytest.raises(RuntimeError), transaction.atomic():
        services.application_submit(
            application=PartnershipApplicationFactory.build(), language="fr"
        )
        assert DBTaskResult.objects.count() == 2  # in the transaction, with the application
        raise RuntimeError("a later step of the same request failed")

    assert not PartnershipApplication.objects.exists()
    assert not DBTaskResult.objects.exists()
    run_worker()
    assert mail.outbox == []


@pytest.mark.django_db
def test_an_approval_refused_by_the_database_mails_nothing(editor):
    application = PartnershipApplicationFactory(language="es")
    with pytest.raises(RuntimeError), transaction.atomic():
        services.application_approve(application=application, user=editor)
        raise RuntimeError("rolled back")
    run_worker()
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True)
def test_the_worker_sees_the_mail_only_once_the_transaction_commits(settings):
    """Across two connections, as in production: the worker runs in another thread."""
    sent_before_commit = []

    def worker_in_another_connection():
        try:
            run_worker_without_signals()
            sent_before_commit.append(len(mail.outbox))
        finally:
            connection.close()

    with transaction.atomic():
        services.application_submit(
            application=PartnershipApplicationFactory.build(), language="en"
        )
        thread = threading.Thread(target=worker_in_another_connection)
        thread.start()
        thread.join()

    assert sent_before_commit == [0]
    run_worker()
    assert len(mail.outbox) == 2


def run_worker_without_signals():
    # Signal handlers can only be installed by the main thread; the loop is the command's own.
    db_worker.Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-thread",
        excluded_queue_names=[],
    ).run()


@pytest.mark.django_db
def test_the_decision_is_mailed_in_the_applicants_language():
    approver = UserFactory(is_staff=True)
    approved = PartnershipApplicationFactory(language="es", organisation_name="Fundación Libre")
    rejected = PartnershipApplicationFactory(language="fr", contact_email="refus@example.org")

    partner = services.application_approve(application=approved, user=approver)
    services.application_reject(application=rejected, user=approver, reason="Hors du mandat.")
    run_worker()

    [approval] = mail_to(approved.contact_email)
    assert approval.subject == "Su solicitud de adhesión a la Alianza 8.7 ha sido aprobada"
    assert f"https://registry.example.org/es/partners/{partner.slug}/" in approval.body
    [rejection] = mail_to("refus@example.org")
    assert rejection.subject == "Votre candidature à l'Alliance 8.7 : la décision"
    assert "Hors du mandat." in rejection.body


@pytest.mark.django_db
def test_the_decision_made_in_the_admin_is_mailed(editor_client):
    application = PartnershipApplicationFactory(language="fr")
    response = editor_client.post(
        reverse("admin:partners_partnershipapplication_changelist"),
        {
            "action": "reject",
            "_selected_action": [application.pk],
            "apply": "1",
            "reason": "Le dossier est incomplet.",
        },
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REJECTED

    run_worker()
    [rejection] = mail.outbox
    assert "Le dossier est incomplet." in rejection.body


@pytest.mark.django_db
def test_a_mail_server_that_is_down_leaves_the_mail_queued_and_a_later_run_sends_it(settings):
    settings.EMAIL_BACKEND = "tests.partners.test_mail.DownBackend"
    services.application_submit(application=PartnershipApplicationFactory.build(), language="fr")

    run_worker()

    assert mail.outbox == []
    failed = DBTaskResult.objects.filter(status="FAILED")
    assert failed.count() == 2
    waiting = DBTaskResult.objects.filter(status="READY")
    assert waiting.count() == 2
    assert all(task.args_kwargs["kwargs"]["attempt"] == 2 for task in waiting)
    assert all(task.run_after > timezone.now() for task in waiting)

    # The server is back, and the retry's delay has passed.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    run_worker()
    assert mail.outbox == []  # not before its time
    waiting.update(run_after=timezone.now())
    run_worker()

    assert len(mail.outbox) == 2
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 2
    assert not DBTaskResult.objects.filter(status="READY").exists()


@pytest.mark.django_db
def test_a_mail_that_keeps_failing_is_given_up_after_the_last_attempt(settings):
    settings.EMAIL_BACKEND = "tests.partners.test_mail.DownBackend"
    tasks.send_mail.enqueue(
        subject="Hello", body="Hello", to=["a@example.org"], reply_to=[], attempt=MAX_ATTEMPTS
    )

    run_worker()

    assert DBTaskResult.objects.filter(status="FAILED").count() == 1
    assert not DBTaskResult.objects.filter(status="READY").exists()


def test_retries_wait_longer_each_time_up_to_six_hours():
    delays = [tasks.retry_delay(attempt).total_seconds() / 60 for attempt in range(1, 9)]
    assert delays == [1, 5, 25, 125, 360, 360, 360, 360]


def test_a_subject_is_one_line_whatever_the_organisation_name(db):
    application = PartnershipApplicationFactory(organisation_name="Evil\r\nBcc: x@example.org")
    services.application_reject(application=application, user=UserFactory(), reason="Spam.")
    task = DBTaskResult.objects.get()
    assert "\n" not in task.args_kwargs["kwargs"]["subject"]


def settings_from_environment(**env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "EMAIL"))}
    environment.update(DJANGO_DEBUG="1", **env)
    code = (
        "from django.conf import settings as s; "
        "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, "
        "s.EMAIL_HOST_PASSWORD, s.EMAIL_USE_TLS, s.EMAIL_TIMEOUT, s.DEFAULT_FROM_EMAIL)"
    )
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_mail_is_printed_on_the_console_unless_email_url_is_set():
    result = settings_from_environment()
    assert (
        result.stdout.splitlines()[-1].split()[0]
        == "django.core.mail.backends.console.EmailBackend"
    )


def test_email_url_configures_smtp_with_starttls_and_a_timeout():
    result = settings_from_environment(
        EMAIL_URL="submission://registry%40example.org:s%3Acret@smtp.example.org:587",
        DEFAULT_FROM_EMAIL="Alliance 8.7 <registry@example.org>",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split() == [
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.example.org",
        "587",
        "registry@example.org",
        "s:cret",
        "True",
        "30",
        "Alliance",
        "8.7",
        "<registry@example.org>",
    ]


def test_an_email_url_of_an_unknown_kind_refuses_to_start():
    result = settings_from_environment(EMAIL_URL="smtq://smtp.example.org")
    assert result.returncode != 0
    assert "EMAIL_URL must start with" in result.stderr
