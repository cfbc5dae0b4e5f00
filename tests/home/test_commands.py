import subprocess
import sys
from io import StringIO

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Revision

from home.models import SchoolSettings


def row_counts():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label not in {"sessions", "contenttypes", "auth"}
    }


@pytest.mark.django_db
def test_seed_demo_builds_a_school():
    call_command("seed_demo", stdout=StringIO())
    school = SchoolSettings.objects.get()
    assert school.school_name == "Hollins Brook Primary School"
    assert school.local_offer_links
    assert Page.objects.live().filter(slug="complaints-procedure").exists()


@pytest.mark.django_db
def test_seed_demo_twice_changes_nothing():
    call_command("seed_demo", stdout=StringIO())
    before = row_counts()
    latest_revision = Revision.objects.order_by("-pk").values_list("pk", flat=True).first()
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert row_counts() == before
    assert Revision.objects.order_by("-pk").values_list("pk", flat=True).first() == latest_revision
    assert "up to date" in out.getvalue()


@pytest.mark.django_db
def test_ensure_admin_generates_and_keeps_a_password(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "DATA_DIR", tmp_path)
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    password = out.getvalue().split("password: ")[1].split()[0]
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password(password)

    again = StringIO()
    call_command("ensure_admin", stdout=again)
    assert f"password: {password}" in again.getvalue()
    assert get_user_model().objects.count() == 1


@pytest.mark.django_db
def test_ensure_admin_takes_password_from_environment(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "DATA_DIR", tmp_path)
    monkeypatch.setenv("ADMIN_USERNAME", "head")
    monkeypatch.setenv("ADMIN_PASSWORD", "correct-horse-battery")
    call_command("ensure_admin", stdout=StringIO())
    assert get_user_model().objects.get(username="head").check_password("correct-horse-battery")
    assert not (tmp_path / "admin-login.txt").exists()


def test_production_refuses_to_start_without_secret_key():
    env = {"DJANGO_SETTINGS_MODULE": "schoolsite.settings.production", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable." in result.stderr
