"""The contact page shows what the secretariat sets in the admin, and nothing it has not set."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from core.admin import events_url
from portal.models import SecretariatContact

pytestmark = pytest.mark.django_db

CONTACT = reverse("portal:contact")
CHANGELIST = reverse("admin:portal_secretariatcontact_changelist")
ADD = reverse("admin:portal_secretariatcontact_add")


def change_url():
    return reverse("admin:portal_secretariatcontact_change", args=[1])


def set_contact(**fields):
    contact = SecretariatContact.current() or SecretariatContact()
    for name, value in fields.items():
        setattr(contact, name, value)
    contact.full_clean()
    contact.save()
    return contact


def test_until_the_secretariat_sets_an_address_the_page_says_so_plainly(client):
    response = client.get(CONTACT)

    assert response.status_code == 200
    assert "No contact address has been set yet." in response.text
    assert "mailto:" not in response.text and "<address>" not in response.text


def test_an_emptied_contact_counts_as_not_set(client):
    set_contact(email="", postal_address="  \n", phone="", note="")

    assert "No contact address has been set yet." in client.get(CONTACT).text


def test_the_page_shows_the_address_the_secretariat_set(client):
    set_contact(
        email="alliance87@example.org",
        postal_address="Route des Morillons 4\n1211 Geneva 22\nSwitzerland",
        phone="+41 22 799 61 11",
        note="We answer within a week.",
    )

    page = client.get(CONTACT).text

    assert "No contact address has been set yet." not in page
    assert 'href="mailto:alliance87@example.org"' in page
    assert "Route des Morillons 4<br>1211 Geneva 22<br>Switzerland" in page
    assert 'href="tel:+41227996111"' in page
    assert "We answer within a week." in page


def test_only_the_parts_that_are_set_are_shown(client):
    set_contact(email="alliance87@example.org")

    page = client.get(CONTACT).text

    assert "alliance87@example.org" in page
    assert "tel:" not in page and "<address>" not in page


def test_the_contact_page_is_in_three_languages(client):
    fr = client.get("/fr/contact/").text
    assert "Contacter le secrétariat" in fr
    assert "Aucune adresse de contact n" in fr and "a encore été indiquée." in fr
    es = client.get("/es/contact/").text
    assert "Contactar con la secretaría" in es
    assert "Todavía no se ha indicado ninguna dirección de contacto." in es


def test_an_edit_in_the_admin_shows_at_once_on_the_shared_page(client, editor_client):
    assert "No contact address" in client.get(CONTACT).text

    response = editor_client.post(
        ADD, {"email": "alliance87@example.org", "postal_address": "", "phone": "", "note": ""}
    )

    assert response.status_code == 302
    assert "alliance87@example.org" in client.get(CONTACT).text


def test_the_page_is_shared_among_anonymous_readers(client):
    response = client.get(CONTACT)

    assert "max-age=60" in response["Cache-Control"]


def test_the_footer_and_the_navigation_link_to_the_contact_page(client):
    page = client.get(reverse("portal:home")).text

    nav = page.split('class="site-nav"')[1].split("</nav>")[0]
    footer = page.split('class="site-footer"')[1]
    assert f'href="{CONTACT}"' in nav
    assert f'href="{CONTACT}"' in footer
    contact_page = client.get(CONTACT).text
    assert f'href="{CONTACT}" class="is-active" aria-current="page"' in contact_page


def test_the_contact_page_is_in_the_sitemap(client):
    sitemap = client.get(reverse("sitemap_section", kwargs={"section": "pages"})).text

    assert "<loc>http://testserver/contact/</loc>" in sitemap
    assert "<loc>http://testserver/es/contact/</loc>" in sitemap


# ---------------------------------------------------------------- the model and the admin


def test_there_is_only_one_contact_row():
    set_contact(email="first@example.org")
    set_contact(email="second@example.org")

    assert SecretariatContact.objects.count() == 1
    assert SecretariatContact.current().email == "second@example.org"
    with transaction.atomic(), pytest.raises(IntegrityError):
        SecretariatContact.objects.bulk_create([SecretariatContact(pk=2)])


def test_a_malformed_email_is_refused_with_a_message():
    with pytest.raises(ValidationError) as error:
        set_contact(email="not an address")

    assert "email" in error.value.message_dict


def test_editors_may_add_and_change_the_contact_viewers_only_read_it():
    def granted(name):
        group = Group.objects.get(name=name)
        return set(
            group.permissions.filter(content_type__app_label="portal").values_list(
                "codename", flat=True
            )
        )

    assert granted("Secretariat editors") == {
        "add_secretariatcontact",
        "change_secretariatcontact",
        "view_secretariatcontact",
    }
    assert granted("Secretariat viewers") == {"view_secretariatcontact"}


def test_an_editor_adds_the_contact_once_then_changes_it(editor_client):
    assert editor_client.get(CHANGELIST).status_code == 200
    assert editor_client.get(ADD).status_code == 200

    data = {"email": "a@example.org", "postal_address": "Geneva", "phone": "", "note": ""}
    assert editor_client.post(ADD, data).status_code == 302
    assert editor_client.get(ADD).status_code == 403  # one row: no second one to add
    assert editor_client.post(change_url(), {**data, "email": "b@example.org"}).status_code == 302
    assert SecretariatContact.current().email == "b@example.org"
    # Emptied, never deleted.
    delete = reverse("admin:portal_secretariatcontact_delete", args=[1])
    assert editor_client.post(delete, {"post": "yes"}).status_code == 403


def test_an_editor_sees_a_bad_email_explained_not_a_500(editor_client):
    response = editor_client.post(
        ADD, {"email": "nope", "postal_address": "", "phone": "", "note": ""}
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["email"]
    assert not SecretariatContact.objects.exists()


def test_a_viewer_reads_the_contact_but_cannot_change_it(viewer_client):
    set_contact(email="a@example.org")

    assert viewer_client.get(CHANGELIST).status_code == 200
    assert viewer_client.get(change_url()).status_code == 200
    assert viewer_client.get(ADD).status_code == 403
    data = {"email": "evil@example.org", "postal_address": "", "phone": "", "note": ""}
    assert viewer_client.post(change_url(), data).status_code == 403
    assert SecretariatContact.current().email == "a@example.org"


def test_the_contacts_history_is_kept(viewer_client, editor_client):
    data = {"email": "a@example.org", "postal_address": "", "phone": "", "note": ""}
    editor_client.post(ADD, data)
    editor_client.post(change_url(), {**data, "email": "b@example.org"})

    response = viewer_client.get(events_url(SecretariatContact.current()))

    assert response.status_code == 200
    labels = sorted(row.pgh_label for row in response.context["cl"].result_list)
    assert labels == ["insert", "update"]
