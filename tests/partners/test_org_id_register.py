import json
import subprocess
from io import StringIO

from django.core.management import call_command

from partners import orgid


def test_the_shipped_register_lists_the_schemes_and_says_which_commit_and_date_it_is():
    data = orgid.register()

    assert data["register"]["source"].startswith("https://github.com/org-id/register")
    assert len(data["register"]["commit"]) == 40
    assert data["register"]["date"][:4].isdigit()
    assert data["schemes"]["XM-DAC"]["name"] == "OECD Development Assistance Committee"
    assert data["schemes"]["GB-CHC"]["name"].startswith("Charity Commission")
    assert len(data["schemes"]) > 500


def _register_checkout(path):
    lists = path / "lists" / "xm"
    lists.mkdir(parents=True)
    (lists / "xm-dac.json").write_text(
        json.dumps({"code": "XM-DAC", "name": {"en": "OECD DAC"}, "deprecated": False})
    )
    (lists / "xm-old.json").write_text(
        json.dumps({"code": "XM-OLD", "name": {"en": "Old"}, "deprecated": True})
    )
    (path / "lists" / "zz").mkdir()
    (path / "lists" / "zz" / "zz-pat.json").write_text(
        json.dumps({"code": "ZZ-PAT", "name": {"en": "Patterned"}, "pattern": r"\d+"})
    )
    env = {"GIT_AUTHOR_DATE": "2024-05-06T07:08:09Z", "GIT_COMMITTER_DATE": "2024-05-06T07:08:09Z"}
    git = ["git", "-C", str(path), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "lists"], check=True)
    subprocess.run(
        [*git, "commit", "-q", "-m", "lists"], check=True, env={**env, "PATH": "/usr/bin:/bin"}
    )


def test_the_command_rebuilds_the_data_file_from_a_checkout_of_the_register(tmp_path):
    checkout, output = tmp_path / "register", tmp_path / "schemes.json"
    checkout.mkdir()
    _register_checkout(checkout)
    out = StringIO()

    call_command("import_org_id_register", str(checkout), output=output, stdout=out)

    data = json.loads(output.read_text())
    assert data["register"]["date"].startswith("2024-05-06")
    assert data["schemes"] == {
        "XM-DAC": {"name": "OECD DAC"},
        "XM-OLD": {"name": "Old", "deprecated": True},
        "ZZ-PAT": {"name": "Patterned", "pattern": r"\d+"},
    }
    assert "3 schemes" in out.getvalue()
