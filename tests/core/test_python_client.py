"""The typed Python client generated from the OpenAPI schema works against the live API.

The client is built here, in a temporary folder, from the schema the code describes today:
the same steps as `make client`, so the schema stays the one source of truth.
"""

import importlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from core.testing.api import make_token
from partners.models import Category, Partner
from tests.factories import PartnerFactory

CONFIG = Path(settings.BASE_DIR) / "clients" / "python-client.yaml"
PACKAGE = "alliance87_client"


def generator() -> str | None:
    """The generator next to this interpreter (the project's .venv), else on PATH."""
    beside = Path(sys.executable).with_name("openapi-python-client")
    return str(beside) if beside.exists() else shutil.which("openapi-python-client")


@pytest.fixture(scope="module")
def client_package(tmp_path_factory):
    command = generator()
    if command is None:
        pytest.skip("openapi-python-client is not installed (requirements-dev.txt)")
    folder = tmp_path_factory.mktemp("client")
    schema = folder / "openapi.json"
    call_command("spectacular", format="openapi-json", file=str(schema))
    result = subprocess.run(
        [
            command,
            "generate",
            "--path",
            str(schema),
            "--config",
            str(CONFIG),
            "--meta",
            "none",
            "--output-path",
            str(folder / PACKAGE),
            "--fail-on-warning",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    sys.path.insert(0, str(folder))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(folder))
        for name in [name for name in sys.modules if name.split(".")[0] == PACKAGE]:
            del sys.modules[name]


@pytest.mark.django_db(transaction=True)
def test_the_generated_client_lists_filters_reads_and_writes(client_package, live_server):
    api = importlib.import_module(f"{PACKAGE}.api.partners")
    models = importlib.import_module(f"{PACKAGE}.models")
    partners_list = importlib.import_module(f"{api.__name__}.partners_list")
    partners_retrieve = importlib.import_module(f"{api.__name__}.partners_retrieve")
    partners_partial_update = importlib.import_module(f"{api.__name__}.partners_partial_update")

    ministry = PartnerFactory(category=Category.GOVERNMENT, country="GH", name="Ghana Ministry")
    PartnerFactory(category=Category.CIVIL_SOCIETY, country="FR", name="Sans Travail Forcé")
    anonymous = client_package.Client(base_url=live_server.url, raise_on_unexpected_status=True)

    everyone = partners_list.sync(client=anonymous)
    assert isinstance(everyone, models.PaginatedPartnerList)
    assert everyone.count == 2
    assert {partner.name for partner in everyone.results} == {
        "Ghana Ministry",
        "Sans Travail Forcé",
    }

    governments = partners_list.sync(
        client=anonymous, category=[models.PartnersListCategoryItem("government")]
    )
    assert [partner.slug for partner in governments.results] == [ministry.slug]
    in_ghana = partners_list.sync(client=anonymous, country=["GH"])
    assert [partner.slug for partner in in_ghana.results] == [ministry.slug]

    one = partners_retrieve.sync(ministry.slug, client=anonymous)
    assert isinstance(one, models.Partner)
    assert (one.id, one.name, one.category.value) == (ministry.pk, "Ghana Ministry", "government")

    key, _token = make_token("partners.change_partner")
    holder = client_package.AuthenticatedClient(
        base_url=live_server.url, token=key, prefix="Token", raise_on_unexpected_status=True
    )
    response = partners_partial_update.sync_detailed(
        ministry.slug,
        client=holder,
        body=models.PatchedPartnerRequest(description="Written by the generated client."),
    )
    assert response.status_code == 200
    assert response.parsed.description == "Written by the generated client."
    assert Partner.objects.get(pk=ministry.pk).description == "Written by the generated client."

    # Without the token the same write is refused, in the API's error shape.
    refused = partners_partial_update.sync_detailed(
        ministry.slug,
        client=client_package.Client(base_url=live_server.url),
        body=models.PatchedPartnerRequest(description="No."),
    )
    assert refused.status_code == 401
    assert isinstance(refused.parsed, models.Error)
